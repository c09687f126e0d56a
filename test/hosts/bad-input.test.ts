// For every function: words, booleans, NaN, error values, decimal commas and blanks in part of a row,
// put into each numeric input cell of a working call, give an error in that row, never a number, in both
// hosts, and leave the other rows as they were.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { HOST_CASES, type HostCase } from './host-cases';
import { type Seen, excelArg, fromExcel, fromSheets } from './host-form';
import { loadExcel, loadSheets } from './load-bundles';

const sheets = loadSheets();
const excel = loadExcel();
const BAD: unknown[] = ['abc', true, false, NaN, '#N/A', '#VALUE!', '1,5', Infinity];

function withCell(args: unknown[], [a, r, c = 0]: [number, number, number?], v: unknown): unknown[] {
  return args.map((x, i) => (i === a ? (x as unknown[][]).map((row, j) => (j === r ? row.map((y, k) => (k === c ? v : y)) : row)) : x));
}

async function both(c: HostCase, args: unknown[]): Promise<[Seen, Seen]> {
  const spec = findFunction(c.fn)!;
  const s = fromSheets(() => sheets.fn(c.fn)(...args));
  const e = fromExcel(await excel.call(c.fn, ...spec.params.map((p, i) => excelArg(args[i], p))));
  return [s, e];
}

const isError = (v: unknown) => typeof v === 'object' && v !== null && ('error' in v || 'thrown' in v);

const poisoned = HOST_CASES.filter((c) => c.poison?.length);

describe.each(poisoned)('$fn ($title)', (c) => {
  const spec = findFunction(c.fn)!;
  for (const pos of c.poison!) {
    const values = c.blankIsError === false ? BAD : [...BAD, ''];
    it(`${spec.params[pos[0]]!.name} row ${pos[1] + 1}: every bad value is an error in that row only`, async () => {
      const [baseS, baseE] = await both(c, c.args);
      for (const bad of values) {
        for (const [seen, base] of await both(c, withCell(c.args, pos, bad)).then(([s, e]) => [[s, baseS], [e, baseE]] as const)) {
          const label = `${JSON.stringify(String(bad))} in ${spec.params[pos[0]]!.name}`;
          if (spec.result === 'single' || !Array.isArray(seen)) {
            expect(isError(seen), label).toBe(true);
            continue;
          }
          const rows = seen as unknown[][];
          expect(isError(rows[pos[1]]![0]), label).toBe(true);
          rows.forEach((row, i) => {
            if (i === pos[1]) return;
            const before = (base as unknown[][])[i]!;
            if (c.othersMayChange) expect(isError(row[0]), `${label}: row ${i + 1} became an error`).toBe(isError(before[0]));
            else expect(row, `${label}: row ${i + 1} changed`).toEqual(before);
          });
        }
      }
    });
  }
});
