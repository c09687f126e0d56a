// The quarterly-plan template in the playground: the one sample quarter, rendered from templates/ (the same
// declaration the Excel and Sheets files are built from). The playground takes the Google Sheets variant
// (A1 ranges, one spilled formula per column) because the engine has no Excel tables to resolve structured
// references against, and writes its catalog calls in the look's spelling (AGILE.RICE in the Excel look).
// Every formula keeps the result rendered with it until the engine recalculates it on open.
import { FORMAT_CODES, QUARTER, type RenderedCell, type RenderedSheet, isoToSerial, renderWorkbook } from '../templates/index';
import { parseRange } from '../protocol/a1';
import { QUARTERLY_PLAN_FILE_NAME } from '../sidebar/quarterly-plan';
import { type Cell, type SheetView, Workbook, cellKey } from './workbook';

let rendered: RenderedSheet[] | undefined;

/** The template's sheets, rendered once per page: the render evaluates the whole plan (~30 ms). */
export function quarterlyPlanSheets(): readonly RenderedSheet[] {
  return (rendered ??= renderWorkbook(QUARTER, 'sheets').sheets);
}

/** The template's declared format (a score as #,##0, a share as 0%), as the Excel and Sheets files carry it. */
const formatOf = (c: RenderedCell): { format?: string } => (c.format && c.format !== 'general' ? { format: FORMAT_CODES[c.format] } : {});

function valueOf(c: RenderedCell): Cell | undefined {
  const v = c.formula !== undefined || c.inArray ? c.result : c.value;
  if (v === undefined || v === null || v === '') return undefined;
  const format = formatOf(c);
  if (c.format === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { value: isoToSerial(v), date: true, ...format };
  return { value: v, ...(c.format === 'date' && typeof v === 'number' ? { date: true } : {}), ...format };
}

/** A rendered formula with its catalog calls in the given spelling ('AGILE.' or 'AGILE_'). */
export function inLook(formula: string, prefix: string): string {
  return prefix === 'AGILE_' ? formula : formula.replace(/\bAGILE_([A-Z][A-Z0-9_]*)\(/g, `${prefix}$1(`);
}

/** Writes one rendered sheet's cells into a playground sheet (1-based rendered rows become 0-based). */
export function putRenderedSheet(sheet: SheetView, source: RenderedSheet, prefix = 'AGILE_'): void {
  const masters: RenderedCell[] = [];
  for (const c of source.cells) {
    if (c.inArray) continue;
    if (c.formula !== undefined) {
      masters.push(c);
      sheet.set(c.row - 1, c.col - 1, { ...(valueOf(c) ?? { value: '', ...formatOf(c) }), formula: inLook(`=${c.formula}`, prefix) });
    } else {
      const cell = valueOf(c);
      if (cell) sheet.set(c.row - 1, c.col - 1, cell);
    }
  }
  // Cells inside a spilled result hold the cached values and point at their formula, as an opened file does.
  for (const m of masters) {
    const area = m.arrayRef ? parseRange(m.arrayRef) : undefined;
    if (!area) continue;
    const key = cellKey(m.row - 1, m.col - 1);
    sheet.get(m.row - 1, m.col - 1)!.spill = { rows: area.bottom - area.top + 1, cols: area.right - area.left + 1 };
    for (const c of source.cells) {
      if (!c.inArray || c.row - 1 < area.top || c.row - 1 > area.bottom || c.col - 1 < area.left || c.col - 1 > area.right) continue;
      const cell = valueOf(c);
      if (cell) sheet.set(c.row - 1, c.col - 1, { ...cell, spillFrom: key });
    }
  }
}

/** The sample quarter: a new workbook holding the quarterly-plan template, with the results rendered. */
export function quarterlyPlanWorkbook(prefix = 'AGILE_'): Workbook {
  const wb = new Workbook();
  wb.fileName = QUARTERLY_PLAN_FILE_NAME;
  for (const s of quarterlyPlanSheets()) putRenderedSheet(wb.addSheet(s.name), s, prefix);
  for (const s of wb.sheets) s.dirty.clear();
  return wb;
}
