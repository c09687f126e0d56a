// insertTemplate: adds a template's sheets, never over a sheet that holds anything. The quarterly plan is
// rendered here from its declaration in templates/ (the sidebar only names it, to keep its bundle small).
import { cellA1, sheetA1 } from '../../../protocol/a1';
import type { TemplateSpec, WriteResult } from '../../../protocol/bridge';
import { FORMAT_CODES, QUARTER, type RenderedCell, type RenderedSheet, renderWorkbook } from '../../../templates/index';
import { neutralize } from './cells';
import { TEMPLATE_KEY } from './ownership';
import { cellValue, tableColumns } from './sheet-cells';
import type { ZoneOffset } from '../../../core/cells';
import { midnightIn, zoneOffsets } from '../zone';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface Grid {
  readonly name: string;
  readonly values: unknown[][];
  /** Number format code → A1 cells, applied one range list per format. */
  readonly formats: Map<string, string[]>;
  readonly frozenRows: number;
}

function renderedValue(c: RenderedCell, offsets: ZoneOffset): unknown {
  // Inside a spilled result: left blank so the formula above can spill into it.
  if (c.inArray) return '';
  if (c.formula !== undefined) return c.typed?.startsWith('=') ? c.typed : `=${c.typed ?? c.formula}`;
  const v = c.value;
  if (v === null || v === undefined) return '';
  if (c.format === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    // Midnight of that day in the spreadsheet's zone: Sheets stores the calendar day with no time of day.
    return midnightIn(v, offsets);
  }
  return neutralize(v);
}

function fromRendered(s: RenderedSheet, offsets: ZoneOffset): Grid {
  const height = Math.max(1, ...s.cells.map((c) => c.row));
  const width = Math.max(1, ...s.cells.map((c) => c.col));
  const values: unknown[][] = Array.from({ length: height }, () => Array<unknown>(width).fill(''));
  const formats = new Map<string, string[]>();
  for (const c of s.cells) {
    values[c.row - 1]![c.col - 1] = renderedValue(c, offsets);
    if (c.format && c.format !== 'general') {
      const code = FORMAT_CODES[c.format];
      (formats.get(code) ?? formats.set(code, []).get(code)!).push(cellA1(c.row - 1, c.col - 1));
    }
  }
  return { name: s.name, values, formats, frozenRows: s.freeze.rows };
}

function grids(ss: Spreadsheet, template: TemplateSpec, rendered: readonly RenderedSheet[] | undefined): Grid[] {
  if (rendered) {
    const offsets = zoneOffsets(ss.getSpreadsheetTimeZone());
    return rendered.map((s) => fromRendered(s, offsets));
  }
  const resolve = tableColumns(ss);
  return template.sheets.map((s) => {
    const width = Math.max(1, ...s.rows.map((r) => r.length));
    const values = s.rows.map((row) => Array.from({ length: width }, (_, c) => (c < row.length ? cellValue(row[c]!, s.name, resolve) : '')));
    return { name: s.name, values, formats: new Map(), frozenRows: 0 };
  });
}

export function insertTemplate(ss: Spreadsheet, template: TemplateSpec): WriteResult {
  // Rendered once, before any sheet is added: a render error leaves the spreadsheet as it was.
  const rendered = template.template === 'quarterly-plan' ? renderWorkbook(QUARTER, 'sheets').sheets : undefined;
  const names = rendered ? rendered.map((s) => s.name) : template.sheets.map((s) => s.name);
  const refused: string[] = [];
  for (const name of names) {
    const existing = ss.getSheetByName(name);
    if (existing && existing.getLastRow() > 0) refused.push(sheetA1(existing.getName(), existing.getDataRange().getA1Notation()));
  }
  if (refused.length) {
    const n = refused.length === 1 ? 'a sheet that already holds' : `${refused.length} sheets that already hold`;
    return { ok: false, refused, reason: `Nothing was inserted: inserting ${template.name} needs ${n} data (listed below). Rename or delete ${refused.length === 1 ? 'it' : 'them'}, then try again.` };
  }
  const all = grids(ss, template, rendered);
  for (const g of all) {
    const sheet = ss.getSheetByName(g.name) ?? ss.insertSheet(g.name, ss.getNumSheets());
    const height = g.values.length;
    const width = g.values[0]?.length ?? 0;
    if (!height || !width) continue;
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
    sheet.getRange(1, 1, height, width).setValues(g.values);
    for (const [code, cells] of g.formats) sheet.getRangeList(cells).setNumberFormat(code);
    if (g.frozenRows) sheet.setFrozenRows(g.frozenRows);
    // Not ownership (the inserted sheets are the user's to edit); it lets a later version recognise them.
    sheet.addDeveloperMetadata(TEMPLATE_KEY, template.template ?? template.name);
  }
  return { ok: true, sheet: names[0] ?? '', address: 'A1', message: `Inserted ${template.name}: ${names.join(', ')}.` };
}
