// Formula text for Sheets from the sidebar's structured Formula: AGILE_ function names, A1 ranges.
import type { Formula } from '../../../protocol/bridge';
import { type PlacedRange, SHEETS_DIALECT, renderFormula } from '../../../protocol/formula';
import { normalizeHeader } from '../../../core/table';
import type { FoundTable } from './tables';

/** Where a table's data rows of a column are; `override` places columns being written right now. */
export function columnRange(t: FoundTable, header: string, override?: (h: string) => number | undefined): PlacedRange {
  const own = override?.(header);
  const j = t.headers.findIndex((x) => normalizeHeader(x) === normalizeHeader(header));
  const col = own ?? (j >= 0 ? t.left + j : undefined);
  if (col === undefined) throw new Error(`${t.name} has no column "${header}".`);
  return { sheet: t.sheet.getName(), range: { top: t.headerRow + 1, bottom: t.bottom, left: col, right: col } };
}

/** The formula as typed, with its leading '='. */
export function formulaText(f: Formula, sheet: string, resolve: (headers: readonly string[], table: string | undefined) => PlacedRange[]): string {
  const text = renderFormula(f, SHEETS_DIALECT, { sheet, columns: resolve });
  return text.startsWith('=') ? text : `=${text}`;
}
