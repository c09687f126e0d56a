import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../../core/cells';
import { ALLOCATE } from '../../../core/capacity/functions';

const HEAD = ['ID', 'Score', 'Effort', 'Team', 'Category', 'Depends on', 'Commit'];
type Row = [id: unknown, score: unknown, effort: unknown, team?: unknown, category?: unknown, deps?: unknown, commit?: unknown];
const backlog = (...rows: Row[]) => [HEAD, ...rows.map((r) => HEAD.map((_, k) => r[k] ?? ''))];
const teams = (...rows: [string, unknown][]) => [['Team', 'Capacity'], ...rows];
const allocate = (...args: unknown[]) => ALLOCATE.impl(...args) as unknown[][];
/** Status and reason per data row, errors as their message. */
const plan = (...args: unknown[]) =>
  allocate(...args)
    .slice(1)
    .map(([s, r]) => (s instanceof CellError ? `ERROR ${s.message}` : `${String(s)}|${String(r)}`));

describe('ALLOCATE', () => {
  it('returns Status and Reason for every row, header included, and keeps blank rows blank', () => {
    const out = allocate(backlog(['A', 5, 2, 'Brand'], ['', '', '', ''], ['B', 4, 2, 'Brand']), teams(['Brand', 10]));
    expect(out).toEqual([['Status', 'Reason'], ['Planned', ''], ['', ''], ['Planned', '']]);
  });

  it('walks committed items first, then by score, ties by lower effort then earlier row', () => {
    const rows = plan(
      backlog(['Low', 1, 4, 'Brand', '', '', 'yes'], ['Big', 9, 5, 'Brand'], ['Cheap', 9, 3, 'Brand'], ['Twin', 9, 3, 'Brand']),
      teams(['Brand', 10]),
    );
    // Low (committed) 4, then Cheap 3 (ties with Big on score, lower effort), Twin 3 (same as Cheap, later row): 10.
    expect(rows).toEqual(['Planned|Committed', 'Cut|Brand has 0 of 10 left; this needs 5', 'Planned|', 'Planned|']);
  });

  it('says which team is short and by how much', () => {
    expect(plan(backlog(['A', 9, 7, 'Brand'], ['B', 5, 4, 'Brand']), teams(['Brand', 10]))[1]).toBe(
      'Cut|Brand has 3 of 10 left; this needs 4',
    );
  });

  it('says which category is at its cap, with the share and the total capacity', () => {
    const rows = plan(
      backlog(['A', 9, 18, 'Web', 'Experiments'], ['B', 5, 5, 'Brand', 'Experiments'], ['C', 4, 5, 'Brand', 'Other']),
      teams(['Brand', 50], ['Web', 50]),
      [['Category', 'Max share'], ['Experiments', '20%']],
    );
    expect(rows).toEqual(['Planned|', 'Cut|Experiments is at its cap: 18 of 20 (20% of 100) planned; this needs 5', 'Planned|']);
  });

  it('plans an item with its dependencies when all fit, and names who needed them', () => {
    const rows = plan(backlog(['M-07', 9, 3, 'Brand', '', 'M-01, M-02'], ['M-01', 1, 2, 'Web'], ['M-02', 2, 1, 'Brand', '', 'M-01']), teams(['Brand', 10], ['Web', 10]));
    expect(rows).toEqual(['Planned|', 'Planned|Needed by M-07', 'Planned|Needed by M-07']);
  });

  it('cuts an item whose dependency was cut, naming the chain', () => {
    const rows = plan(
      backlog(['M-12', 9, 20, 'Brand'], ['M-3', 5, 1, 'Web', '', 'M-12'], ['M-4', 4, 1, 'Web', '', 'M-3'], ['Direct', 3, 1, 'Web', '', 'M-12']),
      teams(['Brand', 10], ['Web', 10]),
    );
    expect(rows).toEqual([
      'Cut|Brand has 10 of 10 left; this needs 20',
      'Cut|Depends on M-12, which was cut',
      'Cut|Depends on M-3, which was cut',
      'Cut|Depends on M-12, which was cut',
    ]);
  });

  it('names the chain when a dependency further down was cut before its dependents came up', () => {
    // M-9 (highest score) needs M-5, which needs the oversized M-1; M-1 comes up first and is cut.
    const rows = plan(
      backlog(['M-1', 10, 20, 'Brand'], ['M-9', 9, 1, 'Web', '', 'M-5'], ['M-5', 1, 1, 'Web', '', 'M-1']),
      teams(['Brand', 10], ['Web', 10]),
    );
    expect(rows[1]).toBe('Cut|Depends on M-5, which needs M-1, which was cut');
  });

  it('says when the item and its dependencies together do not fit, and when only the dependencies do not', () => {
    const rows = plan(
      backlog(['Fill', 9, 7, 'Brand'], ['A', 5, 2, 'Brand', '', 'D1'], ['D1', 1, 2, 'Brand'], ['B', 4, 1, 'Web', '', 'D2, D3'], ['D2', 0, 2, 'Brand'], ['D3', 0, 2, 'Brand']),
      teams(['Brand', 10], ['Web', 10]),
    );
    expect(rows[1]).toBe('Cut|Brand has 3 of 10 left; this and D1, which it depends on, need 4');
    expect(rows[3]).toBe('Cut|Brand has 3 of 10 left; D2 and D3, which this depends on, need 4');
  });

  it('always plans commitments and says by how much one overloads its team', () => {
    const rows = plan(
      backlog(['A', 5, 8, 'Brand', '', '', 'yes'], ['B', 4, 6, 'Brand', '', '', 'x'], ['C', 9, 1, 'Brand']),
      teams(['Brand', 10]),
    );
    expect(rows).toEqual([
      'Planned|Committed',
      'Planned|Committed; overloads Brand by 4 (14 of 10)',
      'Cut|Brand is already over capacity with commitments (14 of 10); this needs 1',
    ]);
  });

  it('pulls in what a commitment depends on, and says when that overloads', () => {
    const rows = plan(backlog(['M-07', 1, 2, 'Web', '', 'M-01', 'TRUE'], ['M-01', 1, 12, 'Brand']), teams(['Brand', 10], ['Web', 10]));
    expect(rows).toEqual(['Planned|Committed', 'Planned|Needed by M-07; overloads Brand by 2 (12 of 10)']);
  });

  it('says when commitments take a category over its max share', () => {
    const rows = plan(
      backlog(['A', 2, 15, 'Brand', 'Experiments', '', true], ['B', 1, 8, 'Brand', 'Experiments', '', 'Yes']),
      teams(['Brand', 100]),
      [['Category', 'Max share'], ['Experiments', 0.2]],
    );
    expect(rows).toEqual(['Planned|Committed', 'Planned|Committed; takes Experiments over its cap by 3 (23 of 20, 20% of 100)']);
  });

  it('reads commitments as yes, true, x or TRUE in any case, and blank, no, false, 0 as not committed', () => {
    const marks = ['yes', 'YES', 'true', 'X', true, '', 'no', 'False', false, 0, null];
    const rows = plan(backlog(...marks.map((c, k): Row => [`I${k}`, 1, 1, 'Brand', '', '', c])), teams(['Brand', 20]));
    expect(rows.map((r) => r.split('|')[1])).toEqual(['Committed', 'Committed', 'Committed', 'Committed', 'Committed', '', '', '', '', '', '']);
    expect(plan(backlog(['A', 1, 1, 'Brand', '', '', 'maybe']), teams(['Brand', 5]))[0]).toBe(
      'ERROR Commit "maybe" is not understood: type yes (or x) to commit the item, or leave it blank',
    );
  });

  it('needs no Team column when teams has one team, and reads IDs, teams and categories case-insensitively', () => {
    const out = plan([['id', ' priority score ', 'EFFORT', 'depends ON'], ['a', 2, 3, ''], ['B', 1, 3, 'A']], teams(['Brand', 10]));
    expect(out).toEqual(['Planned|', 'Planned|']);
    expect(plan(backlog(['A', 1, 3, ' brand ', 'EXPERIMENTS']), teams(['Brand', 10]), [['category', 'max share'], ['Experiments', 0.2]])).toEqual([
      'Cut|Experiments is at its cap: 0 of 2 (20% of 10) planned; this needs 3',
    ]);
  });

  it('uses the first score column in the contract order', () => {
    const head = ['ID', 'WSJF', 'RICE', 'Effort'];
    const out = plan([head, ['A', 1, 9, 6], ['B', 9, 1, 6]], teams(['Brand', 10]));
    expect(out).toEqual(['Planned|', 'Cut|Brand has 4 of 10 left; this needs 6']);
  });

  describe('row errors, on the rows concerned, with the rest of the plan intact', () => {
    const two = teams(['Brand', 10], ['Web', 10]);

    it('unknown team', () => {
      expect(plan(backlog(['A', 1, 1, 'Brnd'], ['B', 1, 1, 'Web']), two)).toEqual([
        'ERROR Team "Brnd" is not in the teams table: use Brand or Web, or add it to teams',
        'Planned|',
      ]);
    });

    it('unknown dependency ID', () => {
      expect(plan(backlog(['A', 1, 1, 'Web', '', 'Z-9'], ['B', 1, 1, 'Web']), two)[0]).toBe(
        'ERROR Depends on "Z-9", which is not an ID in the backlog: fix the ID or remove it (separate IDs with commas)',
      );
    });

    it('dependency cycle, and what depends on the cycle', () => {
      expect(plan(backlog(['A', 1, 1, 'Web', '', 'B'], ['B', 1, 1, 'Web', '', 'C'], ['C', 1, 1, 'Web', '', 'A'], ['D', 1, 1, 'Web', '', 'A'], ['E', 1, 1, 'Web']), two)).toEqual([
        'ERROR Dependency cycle: A, B and C depend on each other: remove one of these dependencies',
        'ERROR Dependency cycle: A, B and C depend on each other: remove one of these dependencies',
        'ERROR Dependency cycle: A, B and C depend on each other: remove one of these dependencies',
        'ERROR Depends on A, whose row has an error: fix A first',
        'Planned|',
      ]);
      expect(plan(backlog(['A', 1, 1, 'Web', '', 'a']), two)[0]).toBe('ERROR Depends on itself (a): remove a from Depends on');
    });

    it('duplicate ID, on every row that uses it', () => {
      expect(plan(backlog(['A', 1, 1, 'Web'], ['B', 1, 1, 'Web'], ['a', 1, 1, 'Web'], ['C', 1, 1, 'Web', '', 'A']), two)).toEqual([
        'ERROR ID "A" is used by backlog rows 2 and 4: give each item its own ID',
        'Planned|',
        'ERROR ID "a" is used by backlog rows 2 and 4: give each item its own ID',
        'ERROR Depends on A, which more than one backlog row uses as its ID: give each item its own ID',
      ]);
    });

    it('effort not greater than 0, not a number, blank or an error', () => {
      expect(plan(backlog(['A', 1, 0, 'Web'], ['B', 1, -2, 'Web'], ['C', 1, 'lots', 'Web'], ['D', 1, '', 'Web'], ['E', 1, '#N/A', 'Web'], ['F', 1, { code: '#REF!' }, 'Web']), two)).toEqual([
        'ERROR Effort must be greater than 0 (got 0): enter the effort this item needs',
        'ERROR Effort must be greater than 0 (got -2): enter the effort this item needs',
        'ERROR Effort "lots" is not a number: enter a number such as 12 or 50%',
        'ERROR Effort is blank: enter the effort this item needs, greater than 0',
        'ERROR Effort is an error (#N/A): fix the cell it comes from',
        'ERROR Effort is an error (#REF!): fix the cell it comes from',
      ]);
    });

    it('missing score, missing ID, blank team with several teams', () => {
      expect(plan(backlog(['A', '', 1, 'Web'], ['', 3, 1, 'Web'], ['C', 3, 1, '']), two)).toEqual([
        'ERROR Score is blank: score this item, or clear the row',
        'ERROR ID is blank: give every item an ID so dependencies can refer to it',
        'ERROR Team is blank: enter Brand or Web',
      ]);
    });
  });

  describe('call errors', () => {
    const fails = (f: () => unknown, message: string) => {
      expect(f).toThrow(CallError);
      expect(f).toThrow(message);
    };

    it('missing required columns name the column', () => {
      fails(() => allocate([['Score', 'Effort'], [1, 1]], teams(['Brand', 1])), 'backlog has no "ID" column');
      fails(() => allocate([['ID', 'Effort'], ['A', 1]], teams(['Brand', 1])), 'backlog has no "Score" or "Priority score"');
      fails(() => allocate([['ID', 'Score'], ['A', 1]], teams(['Brand', 1])), 'backlog has no "Effort" column');
      fails(
        () => allocate([['ID', 'Score', 'Effort'], ['A', 1, 1]], teams(['Brand', 1], ['Web', 1])),
        'backlog has no "Team" column, which it needs because teams lists 2 teams',
      );
      fails(() => allocate(backlog(['A', 1, 1]), [['Team'], ['Brand']]), 'teams has no "Capacity" column');
      fails(() => allocate(backlog(['A', 1, 1]), teams(['Brand', 1]), [['Category'], ['X']]), 'mix has no "Max share" column');
    });

    it('negative or blank capacity, duplicate teams, no teams', () => {
      fails(() => allocate(backlog(['A', 1, 1]), teams(['Brand', -5])), 'Capacity of Brand must be 0 or more (got -5)');
      fails(() => allocate(backlog(['A', 1, 1]), teams(['Brand', ''])), 'Capacity of Brand is blank');
      fails(() => allocate(backlog(['A', 1, 1]), teams(['Brand', 1], ['brand', 2])), 'Team "brand" appears twice in teams');
      fails(() => allocate(backlog(['A', 1, 1]), [['Team', 'Capacity']]), 'teams has no team rows');
    });

    it('shares outside 0–1, a min above the max, duplicate categories', () => {
      fails(
        () => allocate(backlog(['A', 1, 1]), teams(['Brand', 1]), [['Category', 'Max share'], ['X', 20]]),
        'Max share of X must be from 0 to 1 (got 20): a cell showing 20% is 0.2, so type 20%',
      );
      fails(
        () => allocate(backlog(['A', 1, 1]), teams(['Brand', 1]), [['Category', 'Max share', 'Min share'], ['X', 0.2, 0.3]]),
        'Min share of X (30%) is above its Max share (20%): lower the min or raise the max',
      );
      fails(() => allocate(backlog(['A', 1, 1]), teams(['Brand', 1]), [['Category', 'Max share'], ['X', 0.2], ['x', 0.1]]), 'Category "x" appears twice');
    });
  });

  it('treats an omitted or blank mix as no mix', () => {
    for (const mix of [undefined, null, '', [['']]]) {
      expect(plan(backlog(['A', 1, 1, 'Brand', 'Experiments']), teams(['Brand', 1]), mix)).toEqual(['Planned|']);
    }
  });
});
