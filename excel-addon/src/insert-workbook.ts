/// <reference types="office-js" />
// "Insert quarterly plan": the built template workbook (Excel tables, per-row formulas, validations,
// colours) inserted as it is with insertWorksheetsFromBase64 (ExcelApi 1.13; the manifest asks for 1.16, so
// every Excel that installs the add-in has it). Excel on the web "doesn't support inserting charts,
// comments, PivotTables, or slicers", so the template carries none (test/excel/quarter-parts.test.ts).
// Nothing is inserted when any of its sheet names is taken:
// the template's formulas refer to its sheets by name, so a partial insert would compute against the
// user's own sheets.
import type { WriteResult } from '../../protocol/bridge';
import { planInsert } from '../../templates/insert';
import type { RenderedWorkbook } from '../../templates/render';
import type { ExcelRun } from './excel-bridge';

export interface QuarterlyPlanSource {
  /** The template's sheet names, in order (dist/excel/quarter-sheets.json). */
  readonly sheetNames: readonly string[];
  /** The .xlsx as base64. */
  readonly base64: () => Promise<string>;
}

export async function insertQuarterlyPlan(run: ExcelRun, source: QuarterlyPlanSource): Promise<WriteResult> {
  const data = await source.base64();
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const book = { sheets: source.sheetNames.map((name) => ({ name })) } as unknown as RenderedWorkbook;
    const plan = planInsert(book, sheets.items.map((s) => s.name));
    if (plan.skip.length) return { ok: false, refused: plan.skip.map((n) => `${n}!A1`), reason: plan.message };
    ctx.workbook.insertWorksheetsFromBase64(data, { positionType: 'End', sheetNamesToInsert: [...plan.add] });
    await ctx.sync();
    return { ok: true, sheet: plan.add[0] ?? '', address: 'A1', message: `Inserted the quarterly plan: ${plan.add.join(', ')}. Start on the "${plan.add[0]}" sheet.` };
  });
}

/** base64 of a fetched file, in chunks: String.fromCharCode on a whole workbook overflows the stack. */
export async function fetchBase64(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the template (${response.status} ${url})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
