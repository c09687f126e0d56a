// The bad-input cases issue 12 added, in both built add-ins: overflow and numbers too large to be numbers,
// text with a formula behind leading whitespace in numeric inputs, look-alike IDs, and years before 1900.
// Each is an error (in its row, or of the call where the contract says so) with a message that names the
// problem, never a number. A single-cell result may come back from Sheets as error text or thrown (the
// Sheets error form is changing): either is accepted, as long as the message says the same.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { HIDDEN_FORMULAS } from '../sidebar/bridge-contract';
import { type Seen, excelArg, fromExcel, fromSheets } from './host-form';
import { loadExcel, loadSheets } from './load-bundles';

const sheets = loadSheets();
const excel = loadExcel();
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const BIG = 1e308;
const DENORMAL = 5e-324;
const NINES = '9'.repeat(400);

async function both(fn: string, args: unknown[]): Promise<{ sheets: Seen; excel: Seen }> {
  const spec = findFunction(fn)!;
  const s = fromSheets(() => sheets.fn(fn)(...args));
  const e = fromExcel(await excel.call(fn, ...spec.params.map((p, i) => excelArg(args[i], p))));
  return { sheets: s, excel: e };
}

/** The message of an error as either host shows it (a cell error, or a thrown call error), else undefined. */
function errorMessage(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  if ('thrown' in v) return String((v as { thrown: unknown }).thrown);
  if ('error' in v) return String((v as unknown as { message: unknown }).message);
  return undefined;
}

const allNumbers = (v: unknown): number[] => (typeof v === 'number' ? [v] : Array.isArray(v) ? v.flatMap(allNumbers) : []);

describe('overflow: a result that is not a finite number is an error with a message, in both hosts', () => {
  const cases: [string, unknown[], number | undefined][] = [
    ['RICE', [col(BIG, 10), col(10, 1), col(1, 1), col(1, 2)], 5],
    ['ICE', [col(BIG, 2), col(10, 2), col(10, 2)], 8],
    ['WSJF', [col(BIG, 1), col(BIG, 1), col(0, 1), col(1, 1)], 3],
    ['CD3', [col(1, 6), col(DENORMAL, 2)], 3],
    ['MARKETING_ROI', [col(BIG, 300), col(DENORMAL, 100)], 2],
    ['KPI_ATTAINMENT', [col(BIG, 90), col(DENORMAL, 100)], 0.9],
    ['TEAM_LOAD', [[['Team', 'Capacity'], ['Web', DENORMAL]], [['ID', 'Effort', 'Team', 'Status'], ['A', BIG, 'Web', 'Planned']]], undefined],
    ['CAPACITY_ACCURACY', [col(BIG, BIG), col(0, 0)], undefined],
    ['GOAL_CONTRIBUTION', [col('Pipeline', 'Brand'), col(BIG, BIG)], undefined],
  ];
  it.each(cases)('%s', async (fn, args, otherRow) => {
    const seen = await both(fn, args);
    for (const [host, v] of Object.entries(seen)) {
      expect(allNumbers(v).every(Number.isFinite), `${host}: ${JSON.stringify(v)}`).toBe(true);
      const cells = Array.isArray(v) ? (v as unknown[][]).flat() : [v];
      const messages = cells.map(errorMessage).filter((m): m is string => m !== undefined);
      expect(messages.some((m) => /overflows|not a number/.test(m)), `${host}: ${JSON.stringify(v)}`).toBe(true);
      if (otherRow !== undefined) expect((v as unknown[][])[1]![0], `${host}: the other row still computes`).toBeCloseTo(otherRow, 9);
    }
  });
});

describe('numbers too large to be numbers', () => {
  it('a text of 400 nines in reach is an error naming reach, and the other row scores', async () => {
    for (const [host, v] of Object.entries(await both('RICE', [col(NINES, 10), col(1, 1), col(1, 1), col(1, 2)]))) {
      const rows = v as unknown[][];
      expect(errorMessage(rows[0]![0]), host).toMatch(/^reach "9+\.\.\." is too large to be a number: enter a number below 1e308$/);
      expect(rows[1]![0], host).toBe(5);
    }
  });

  it('a capacity of 400 nines fails ALLOCATE, naming the team, rather than giving it infinite room', async () => {
    const backlog = [['ID', 'Score', 'Effort'], ['A', 1, 5]];
    for (const [host, v] of Object.entries(await both('ALLOCATE', [backlog, [['Team', 'Capacity'], ['Web', NINES]]]))) {
      expect(errorMessage(v), `${host}: ${JSON.stringify(v)}`).toMatch(/Capacity of Web "9+\.\.\." is too large to be a number/);
    }
  });
});

describe('formula-looking text with leading whitespace in a numeric input', () => {
  // A signed number behind whitespace (" +1", "\n-2") is read as the number, as "+1" and "-2" are: the
  // catalog reads numbers typed as text. Anything with an operator or a function is not a number.
  const formulas = HIDDEN_FORMULAS.filter((t) => !/^[+-]?\d+$/.test(t.trim()));
  it('the hidden formulas include ones that are not plain numbers', () => expect(formulas.length).toBeGreaterThanOrEqual(4));

  it.each(formulas)('%j in effort is an error in that row, never a number', async (text) => {
    for (const [host, v] of Object.entries(await both('RICE', [col(10, 10), col(1, 1), col(1, 1), col(text, 2)]))) {
      const rows = v as unknown[][];
      expect(errorMessage(rows[0]![0]), `${host}: ${JSON.stringify(rows[0])}`).toMatch(/^effort ".*" is not a number/s);
      expect(rows[1]![0], host).toBe(5);
    }
  });

  it('a signed number behind a no-break space or a line break reads as that number', async () => {
    for (const [host, v] of Object.entries(await both('RICE', [col(10, 10), col(1, 1), col(1, 1), col('\u00a0+2', '\n-2')]))) {
      const rows = v as unknown[][];
      expect(rows[0]![0], host).toBe(5);
      expect(errorMessage(rows[1]![0]), host).toBe('effort must be greater than 0 (got -2)');
    }
  });
});

describe('look-alike IDs, teams and categories', () => {
  const teams = [['Team', 'Capacity'], ['Brand', 10]];
  it.each([
    ['a composed and a decomposed é', 'Caf\u00e9', 'Cafe\u0301'],
    ['a zero-width space', 'M-1', 'M-1\u200b'],
    ['a no-break space at the end', 'M-1', 'M-1\u00a0'],
    ['case', 'm-1', 'M-1'],
  ])('ALLOCATE flags IDs that differ by %s as duplicates', async (_, a, b) => {
    const backlog = [['ID', 'Score', 'Effort'], [a, 5, 1], [b, 4, 1]];
    for (const [host, v] of Object.entries(await both('ALLOCATE', [backlog, teams]))) {
      const rows = v as unknown[][];
      for (const r of [1, 2]) expect(errorMessage(rows[r]![0]), `${host}: ${JSON.stringify(rows)}`).toMatch(/is used by backlog rows 2 and 3: give each item its own ID/);
    }
  });

  it("a team written with a decomposed accent is the team's", async () => {
    const backlog = [['ID', 'Score', 'Effort', 'Team'], ['A', 5, 1, 'Cafe\u0301 ']];
    for (const [host, v] of Object.entries(await both('ALLOCATE', [backlog, [['Team', 'Capacity'], ['Caf\u00e9', 10]]]))) {
      expect((v as unknown[][])[1], host).toEqual(['Planned', '']);
    }
  });
});

describe('years before 1900', () => {
  it.each([
    ['CYCLE_TIME', ['0026-01-05', '2026-01-15'], /start_dates "0026-01-05" is in the year 26, before 1900/],
    ['CYCLE_TIME', [col('2026-01-05'), col('0099-01-15')], /end_dates "0099-01-15" is in the year 99, before 1900/],
    ['LAUNCH_VELOCITY', [col('1899-12-31'), '2026-01-01', '2026-03-31'], /"1899-12-31" is in the year 1899, before 1900/],
  ])('%s(%j) is an error naming the year', async (fn, args, message) => {
    for (const [host, v] of Object.entries(await both(fn as string, args as unknown[]))) {
      expect(allNumbers(v), `${host}: ${JSON.stringify(v)}`).toEqual([]);
      expect(errorMessage(v), `${host}: ${JSON.stringify(v)}`).toMatch(message as RegExp);
    }
  });
});
