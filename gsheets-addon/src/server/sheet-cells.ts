// A WriteCell as the value setValues gets: formula text for a formula, neutralised text otherwise.
import type { WriteCell } from '../../../protocol/bridge';
import type { PlacedRange } from '../../../protocol/formula';
import { neutralize } from './cells';
import { columnRange, formulaText } from './render';
import { findTable } from './tables';

type Resolve = (headers: readonly string[], table: string | undefined) => PlacedRange[];

/** Columns of a named table anywhere in the spreadsheet: formulas on a sheet must say which table. */
export function tableColumns(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Resolve {
  return (headers, table) => {
    if (table === undefined) throw new Error('A formula on a sheet must name the table its columns come from.');
    const t = findTable(ss, table);
    return headers.map((h) => columnRange(t, h));
  };
}

export function cellValue(w: WriteCell, sheet: string, resolve: Resolve): unknown {
  return typeof w === 'object' ? formulaText(w.formula, sheet, resolve) : neutralize(w);
}
