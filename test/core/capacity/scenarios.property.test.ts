// SCENARIO_COMPARE and CAPACITY_VALUE against ALLOCATE itself: a scenario must plan exactly what ALLOCATE
// plans on the tables edited by hand, and the comparison must say exactly what changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOCATE } from '../../../core/capacity/functions';
import { CAPACITY_VALUE, SCENARIO_COMPARE } from '../../../core/capacity/scenario-functions';
import { type Gen, genArb, tables } from './random-plans';

const RUNS = 300;
type Row = unknown[];
const HEAD = ['Scenario', 'Change', 'Target', 'Value'];

/** ALLOCATE's plan: the planned IDs in backlog order and their total score. */
function allocate(backlog: Row[], teams: Row[], mix?: Row[]): { ids: string[]; score: number } {
  const out = ALLOCATE.impl(backlog, teams, mix) as Row[];
  const ids: string[] = [];
  let score = 0;
  out.slice(1).forEach((r, i) => {
    if (r[0] !== 'Planned') return;
    ids.push(backlog[i + 1]![0] as string);
    score += backlog[i + 1]![1] as number;
  });
  return { ids, score };
}

const split = (s: unknown) => (s === '' ? [] : String(s).split(', '));

/** One scenario compared; its planned IDs rebuilt from Base, Added and Dropped. */
function compare(g: Gen, changes: Row[]) {
  const t = tables(g);
  const out = SCENARIO_COMPARE.impl(t.backlog, t.teams, [HEAD, ...changes.map((c) => ['S', ...c])], t.mix) as Row[];
  const base = allocate(t.backlog, t.teams, t.mix);
  const row = out[2]!;
  const added = split(row[4]);
  const dropped = split(row[5]);
  const planned = new Set([...base.ids, ...added].filter((id) => !dropped.includes(id)));
  return { out, row, base, added, dropped, planned, t };
}

const order = (t: { backlog: Row[] }, ids: Iterable<string>) => {
  const set = new Set(ids);
  return t.backlog.slice(1).map((r) => r[0] as string).filter((id) => set.has(id));
};

const withItems = fc.tuple(genArb({ maxItems: 25, mins: false }), fc.nat()).filter(([g]) => g.items.length > 0);

describe('SCENARIO_COMPARE', () => {
  it('the Base row is ALLOCATE\'s plan: its score and its number of items', () => {
    fc.assert(
      fc.property(genArb({ maxItems: 25, mins: false }), (g) => {
        const t = tables(g);
        const out = SCENARIO_COMPARE.impl(t.backlog, t.teams, [HEAD], t.mix) as Row[];
        const a = allocate(t.backlog, t.teams, t.mix);
        expect(out).toHaveLength(2);
        expect(out[1]![0]).toBe('Base');
        expect(out[1]![1]).toBeCloseTo(a.score, 9);
        expect(out[1]![2]).toBe(a.ids.length);
        expect(out[1]!.slice(3)).toEqual([0, '', '']);
      }),
      { numRuns: RUNS },
    );
  });

  it('a commit always plans its item, and an exclude never does', () => {
    fc.assert(
      fc.property(withItems, ([g, k]) => {
        const id = `I${k % g.items.length}`;
        expect(compare(g, [['commit', id, '']]).planned.has(id)).toBe(true);
        const ex = compare(g, [['exclude', id, '']]);
        // Excluding what a commitment needs is that scenario's error; otherwise the item is never planned.
        if (typeof ex.row[1] === 'number') expect(ex.planned.has(id)).toBe(false);
        else expect((ex.row[1] as { message: string }).message).toMatch(/is committed but depends on/);
      }),
      { numRuns: RUNS },
    );
  });

  it('a scenario that changes nothing equals the base', () => {
    fc.assert(
      fc.property(withItems, ([g, k]) => {
        const team = k % g.caps.length;
        for (const change of [
          ['add capacity', '*', 0],
          ['grow capacity', `T${team}`, '0%'],
          ['capacity', `T${team}`, g.caps[team]!],
          ['effort', `I${k % g.items.length}`, g.items[k % g.items.length]!.effort],
        ]) {
          const c = compare(g, [change]);
          expect(c.row.slice(1)).toEqual([c.out[1]![1], c.out[1]![2], 0, '', '']);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('each change plans what ALLOCATE plans on the edited tables, and Added and Dropped are exactly the set difference in backlog order', () => {
    fc.assert(
      fc.property(withItems, fc.integer({ min: -10, max: 20 }), fc.integer({ min: 1, max: 24 }), ([g, k], add, effort) => {
        const team = k % g.caps.length;
        const item = k % g.items.length;
        const t = tables(g);
        const cases: { change: Row; edited: { backlog: Row[]; teams: Row[]; mix?: Row[] } }[] = [];
        if (g.caps[team]! + add >= 0) {
          const teams = t.teams.map((r, i) => (i === team + 1 ? [r[0], g.caps[team]! + add] : r));
          cases.push({ change: ['add capacity', `T${team}`, add], edited: { ...t, teams } });
        }
        const col = (c: number, v: unknown) => t.backlog.map((r, i) => (i === item + 1 ? r.map((x, j) => (j === c ? v : x)) : r));
        cases.push({ change: ['commit', `I${item}`, ''], edited: { ...t, backlog: col(6, 'yes') } });
        cases.push({ change: ['effort', `I${item}`, effort / 2], edited: { ...t, backlog: col(2, effort / 2) } });
        if (t.mix && t.mix.length > 1) {
          const mix = t.mix.map((r, i) => (i === 1 ? [r[0], effort / 24, r[2]] : r));
          cases.push({ change: ['max share', 'C0', effort / 24], edited: { ...t, mix } });
        }
        for (const { change, edited } of cases) {
          const c = compare(g, [change]);
          const want = allocate(edited.backlog, edited.teams, edited.mix);
          expect(c.row[1]).toBeCloseTo(want.score, 9);
          expect(c.row[2]).toBe(want.ids.length);
          expect(c.row[3]).toBeCloseTo(want.score - c.base.score, 9);
          expect(c.added).toEqual(order(t, want.ids.filter((id) => !c.base.ids.includes(id))));
          expect(c.dropped).toEqual(order(t, c.base.ids.filter((id) => !want.ids.includes(id))));
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('CAPACITY_VALUE', () => {
  it('with step 0 is 0 for every team', () => {
    fc.assert(
      fc.property(genArb({ maxItems: 25, mins: false }), (g) => {
        const t = tables(g);
        const out = CAPACITY_VALUE.impl(t.backlog, t.teams, t.mix, 0) as Row[];
        expect(out).toEqual([['Extra score'], ...g.caps.map(() => [0])]);
      }),
      { numRuns: RUNS },
    );
  });

  it('is ALLOCATE\'s score with that one team given step more, minus ALLOCATE\'s score today', () => {
    fc.assert(
      fc.property(genArb({ maxItems: 25, mins: false }), fc.option(fc.integer({ min: 0, max: 12 })), (g, step) => {
        const t = tables(g);
        const out = CAPACITY_VALUE.impl(t.backlog, t.teams, t.mix, step ?? '') as Row[];
        const base = allocate(t.backlog, t.teams, t.mix).score;
        g.caps.forEach((cap, i) => {
          const teams = t.teams.map((r, j) => (j === i + 1 ? [r[0], cap + (step ?? cap * 0.1)] : r));
          expect(out[i + 1]![0]).toBeCloseTo(allocate(t.backlog, teams, t.mix).score - base, 9);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
