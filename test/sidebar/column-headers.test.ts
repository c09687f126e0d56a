// Issue 12.11: the Prioritize tab refuses a Score column named after one of its own inputs (RICE writing
// into a column named Effort would read itself) and any duplicate header, with the check every bridge runs.
import { describe, expect, it } from 'vitest';
import { columnHeaderProblem } from '../../protocol/bridge';
import { findFramework } from '../../sidebar/prioritize/frameworks';
import { autoLabels, autoMap, defaultCriteria } from '../../sidebar/prioritize/mapping';
import { columnWrites, computePreview } from '../../sidebar/prioritize/preview';
import { sampleTable } from './fixtures';

async function writesNamed(score: string, rank: string) {
  const t = await sampleTable('Backlog');
  const fw = findFramework('RICE');
  const mapping = autoMap(fw, t.headers);
  const setup = { framework: 'RICE' as const, mapping, criteria: defaultCriteria(t), iceMethod: 'multiply' as const, labels: autoLabels(t.headers, fw, mapping), topN: null };
  return { t, writes: columnWrites(computePreview(t, setup), setup, 'formulas', { score, rank }), mapping };
}

describe('Score and Rank column names', () => {
  it('a Score column named after one of its inputs is refused, naming it', async () => {
    const { t, writes, mapping } = await writesNamed('Effort', 'Priority rank');
    expect(mapping['effort']).toBe('Effort');
    expect(columnHeaderProblem(t.ref, t.ownedColumns, writes)).toMatch(/^Nothing was written: the column "Effort" would be an input of its own formula/);
  });

  it('a name the table already uses for its own data, or the same name twice, is refused', async () => {
    const { t, writes } = await writesNamed('Outcome', 'Priority rank');
    expect(t.headers).toContain('Outcome');
    expect(columnHeaderProblem(t.ref, t.ownedColumns, writes)).toMatch(/already has a column named "Outcome"/);
    const same = await writesNamed('Priority', ' priority ');
    expect(columnHeaderProblem(same.t.ref, same.t.ownedColumns, same.writes)).toMatch(/two of the columns are named/);
  });

  it('new names, and the columns the add-in wrote before, are fine', async () => {
    const { t, writes } = await writesNamed('Priority score', 'Priority rank');
    expect(columnHeaderProblem(t.ref, t.ownedColumns, writes)).toBeUndefined();
    expect(columnHeaderProblem(t.ref, ['Priority score', 'Priority rank'], writes)).toBeUndefined();
  });
});

describe('headers that are names of object properties', () => {
  it('a backlog whose Reach column is headed "constructor" previews its scores', async () => {
    const t = await sampleTable('Backlog');
    const headers = t.headers.map((x) => (x === 'Reach' ? 'constructor' : x));
    const table = { ...t, headers, ref: { ...t.ref, headers } };
    const fw = findFramework('RICE');
    const mapping = { ...autoMap(fw, headers), reach: 'constructor' };
    const setup = { framework: 'RICE' as const, mapping, criteria: defaultCriteria(table), iceMethod: 'multiply' as const, labels: autoLabels(headers, fw, mapping), topN: null };
    const preview = computePreview(table, setup);
    expect(preview.scores[0]).toBeCloseTo((6000 * 2 * 0.8) / 6, 9);
  });
});
