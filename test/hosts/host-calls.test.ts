// Every case of host-cases.ts, called through the built bundles exactly as each host calls them.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { HOST_CASES } from './host-cases';
import { excelArg, fromExcel, fromSheets, mismatch } from './host-form';
import { loadExcel, loadSheets } from './load-bundles';

const sheets = loadSheets();
const excel = loadExcel();

describe.each(HOST_CASES)('$fn: $title', (c) => {
  const spec = findFunction(c.fn)!;
  it('in Google Sheets', () => {
    const seen = fromSheets(() => sheets.fn(c.fn)(...c.args));
    expect(mismatch(seen, c.want, 'sheets')).toBeUndefined();
  });
  it('in Excel', async () => {
    const args = spec.params.map((p, i) => excelArg(c.args[i], p));
    const seen = fromExcel(await excel.call(c.fn, ...args));
    expect(mismatch(seen, c.want, 'excel')).toBeUndefined();
  });
});
