// SCENARIO_COMPARE's bad input, in both built add-ins: a bad Value or Target is an error in that scenario's
// row only (its Score planned cell, naming the scenario and the value), every other row as it was; a bad
// step of CAPACITY_VALUE or a bad change word fails the call. Its result does not line up with its input
// rows, so the generic bad-input walk (which poisons row r and looks at output row r) cannot check it.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { type Seen, excelArg, fromExcel, fromSheets } from './host-form';
import { loadExcel, loadSheets } from './load-bundles';

const sheets = loadSheets();
const excel = loadExcel();

const BACKLOG = [
  ['ID', 'Score', 'Effort', 'Team', 'Category', 'Depends on', 'Commit'],
  ['A', 100, 4, 'Brand', 'Core', '', ''],
  ['B', 90, 5, 'Brand', 'Core', '', ''],
  ['C', 80, 3, 'Growth', 'Experiments', 'A', ''],
  ['D', 10, 6, 'Growth', 'Core', '', 'yes'],
];
const TEAMS = [['Team', 'Capacity'], ['Brand', 8], ['Growth', 8]];
const MIX = [['Category', 'Max share'], ['Core', 1], ['Experiments', 0.5]];
const GOOD: unknown[][] = [
  ['Scenario', 'Change', 'Target', 'Value'],
  ['Capacity', 'capacity', 'Brand', 12],
  ['Add', 'add capacity', 'Growth', 2],
  ['Grow', 'grow capacity', '*', '20%'],
  ['Effort', 'effort', 'B', 3],
  ['Share', 'max share', 'Experiments', '10%'],
  ['Commit', 'commit', 'C', ''],
];

async function both(fn: string, args: unknown[]): Promise<Seen[]> {
  const spec = findFunction(fn)!;
  const s = fromSheets(() => sheets.fn(fn)(...args));
  const e = fromExcel(await excel.call(fn, ...spec.params.map((p, i) => excelArg(args[i], p))));
  return [s, e];
}

const isError = (v: unknown) => typeof v === 'object' && v !== null && 'error' in v;
const withCell = (r: number, c: number, v: unknown) => GOOD.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));

describe('SCENARIO_COMPARE bad input', () => {
  const BAD_VALUES: unknown[] = ['abc', true, NaN, '#N/A', '#VALUE!', '1,5', Infinity, ''];
  // Commit has no Value to poison; each number-taking change does, and an out-of-range value for each.
  const numeric = [1, 2, 3, 4, 5];
  const outOfRange: Record<number, unknown> = { 1: -1, 2: -20, 3: '-150%', 4: 0, 5: 1.5 };

  for (const r of numeric) {
    it(`${GOOD[r]![0]}: every bad Value is an error in that scenario's row only, naming it`, async () => {
      const base = await both('SCENARIO_COMPARE', [BACKLOG, TEAMS, GOOD, MIX]);
      for (const bad of [...BAD_VALUES, outOfRange[r]]) {
        const seen = await both('SCENARIO_COMPARE', [BACKLOG, TEAMS, withCell(r, 3, bad), MIX]);
        seen.forEach((s, h) => {
          const label = `${String(bad)} in ${GOOD[r]![0]} (${h ? 'excel' : 'sheets'})`;
          const rows = s as unknown[][];
          // Output rows: header, Base, then the scenarios in order: scenario row r is output row r + 1.
          expect(rows[r + 1]![0], label).toBe(GOOD[r]![0]);
          expect(isError(rows[r + 1]![1]), label).toBe(true);
          expect((rows[r + 1]![1] as { message: string }).message, label).toMatch(new RegExp(`^${GOOD[r]![0]}: .*(Value|must|below)`));
          rows.forEach((row, i) => i !== r + 1 && expect(row, `${label}: row ${i + 1} changed`).toEqual((base[h] as unknown[][])[i]));
        });
      }
    });
  }

  it('an unknown team, ID or category names it in that scenario\'s row', async () => {
    for (const [r, target, want] of [
      [1, 'Nobody', /Capacity: Team "Nobody" is not in the teams table: use Brand or Growth/],
      [4, 'Z-9', /Effort: ID "Z-9" is not in the backlog/],
      [5, 'Events', /Share: Category "Events" is not in the mix table: use Core or Experiments/],
      [6, '', /Commit: Target of "commit" is blank/],
      [1, '#N/A', /Capacity: Target is an error \(#N\/A\): fix the cell it comes from/],
      [4, '#REF!', /Effort: Target is an error \(#REF!\)/],
    ] as const) {
      for (const s of await both('SCENARIO_COMPARE', [BACKLOG, TEAMS, withCell(r, 2, target), MIX])) {
        expect((s as { message: string }[][])[r + 1]![1]!.message).toMatch(want);
      }
    }
  });

  it('an unknown or blank change word, or a scenario without a name, fails the call', async () => {
    for (const [r, c, v, want] of [
      [1, 1, 'hire', /Change "hire" in scenarios row 2 is not a change: use "capacity"/],
      [2, 1, '', /Change is blank in scenarios row 3/],
      [3, 0, '', /scenarios row 4 has a change but no Scenario name/],
      [3, 0, 'base', /Base is the plan with no changes/],
    ] as const) {
      const [s, e] = await both('SCENARIO_COMPARE', [BACKLOG, TEAMS, withCell(r, c, v), MIX]);
      expect((s as { thrown: string }).thrown).toMatch(want);
      expect((e as { message: string }).message).toMatch(want);
    }
  });
});

describe('CAPACITY_VALUE bad input', () => {
  it('a step that is not a number fails the call; one that takes a team below 0 is that team\'s error', async () => {
    for (const bad of ['abc', true, '1,5', '#N/A']) {
      const [s, e] = await both('CAPACITY_VALUE', [BACKLOG, TEAMS, MIX, bad]);
      expect((s as { thrown: string }).thrown, String(bad)).toMatch(/step/);
      expect(isError(e), String(bad)).toBe(true);
    }
    for (const s of await both('CAPACITY_VALUE', [BACKLOG, [['Team', 'Capacity'], ['Brand', 8], ['Growth', 2]], MIX, -4])) {
      const rows = s as unknown[][];
      expect(typeof rows[1]![0]).toBe('number');
      expect((rows[2]![0] as { message: string }).message).toMatch(/step -4 takes Growth below 0 \(it has 2\)/);
    }
  });
});
