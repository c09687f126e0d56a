// The one sample: the quarterly-plan template from templates/, as the playground opens it and as
// "Insert quarterly plan" adds it through the playground's Bridge, never over sheets that hold data.
import { describe, expect, it } from 'vitest';
import { FORMAT_CODES, QUARTER, renderWorkbook } from '../../templates/index';
import { QUARTERLY_PLAN, QUARTERLY_PLAN_SHEETS } from '../../sidebar/quarterly-plan';
import { LiveBook } from '../../playground/engine/live-book';
import { liveBridge, testEngine } from './live';
import { quarterlyPlanWorkbook } from '../../playground/template';
import { workbookFromRows } from '../../playground/workbook';

describe('the quarterly plan the sidebar offers', () => {
  it('names exactly the template declaration’s sheets, in order', () => {
    expect([...QUARTERLY_PLAN_SHEETS]).toEqual(QUARTER.sheets.map((s) => s.name));
    expect(QUARTERLY_PLAN.template).toBe('quarterly-plan');
  });
});

describe('the playground’s sample quarter', () => {
  it('is the template: its sheets and formulas, and the engine computes every result the template declares', async () => {
    const wb = await LiveBook.open(testEngine(), quarterlyPlanWorkbook());
    expect(wb.sheets.map((s) => s.name)).toEqual([...QUARTERLY_PLAN_SHEETS]);
    const rendered = renderWorkbook(QUARTER, 'sheets');
    let formulas = 0;
    for (const s of rendered.sheets) {
      for (const c of s.cells) {
        if (c.formula === undefined && !c.inArray) continue;
        const cell = wb.sheet(s.name)!.get(c.row - 1, c.col - 1);
        if (c.formula !== undefined) {
          formulas++;
          expect(cell?.formula).toBe(`=${c.formula}`);
        }
        const want = c.result ?? '';
        const got = cell?.value ?? '';
        if (typeof want === 'number') expect(got).toBeCloseTo(want, 9);
        else expect(got).toBe(want);
      }
    }
    expect(formulas).toBeGreaterThan(30);
    expect(wb.sheet('Backlog')!.value(4, 0)).toMatch(/^M-\d+$/);
  });

  it('shows the template’s declared number formats, on typed cells, formulas and the cells they spill into', async () => {
    const wb = await LiveBook.open(testEngine(), quarterlyPlanWorkbook());
    let checked = 0;
    for (const s of renderWorkbook(QUARTER, 'sheets').sheets) {
      for (const c of s.cells) {
        if (!c.format || c.format === 'general' || (c.formula === undefined && [undefined, null, ''].includes((c.inArray ? c.result : c.value) as never))) continue;
        checked++;
        expect(wb.sheet(s.name)!.get(c.row - 1, c.col - 1)?.format, `${s.name} row ${c.row} column ${c.col}`).toBe(FORMAT_CODES[c.format]);
      }
    }
    // Scores as #,##0, shares as 0%, money as $#,##0: the Backlog's spilled Score column alone is dozens of cells.
    expect(checked).toBeGreaterThan(100);
    expect(wb.sheet('Backlog')!.get(5, 15)?.format).toBe(FORMAT_CODES.int);
  });

  it('keeps dates as dates', () => {
    const wb = quarterlyPlanWorkbook();
    const scorecard = wb.sheet('Scorecard')!;
    const start = [...scorecard.cells.values()].find((c) => c.date);
    expect(start?.value).toBeTypeOf('number');
  });
});

describe('Insert quarterly plan through the playground Bridge', () => {
  it('adds the template’s sheets with their formulas to a workbook that lacks them', async () => {
    const { book: wb, bridge } = await liveBridge(workbookFromRows([{ name: 'Sheet1', rows: [['Notes'], ['mine']] }]));
    const r = await bridge.insertTemplate(QUARTERLY_PLAN);
    expect(r.ok).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1', ...QUARTERLY_PLAN_SHEETS]);
    expect(wb.sheet('Backlog')!.get(4, 15)?.formula).toBe('=AGILE.RICE(F5:F64, G5:G64, H5:H64, I5:I64)');
    expect(wb.sheet('Sheet1')!.value(1, 0)).toBe('mine');
  });

  it('refuses when sheets of the same names hold data, names them, and changes nothing', async () => {
    const { book: wb, bridge } = await liveBridge(
      workbookFromRows([
        { name: 'Backlog', rows: [['ID', 'Item'], ['X-1', 'my own item']] },
        { name: 'teams', rows: [['Team'], ['Mine']] },
      ]),
    );
    const r = await bridge.insertTemplate(QUARTERLY_PLAN);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('Nothing was inserted: inserting the quarterly plan needs sheets named "Backlog", "teams" that already hold data. Rename or delete them, then try again.');
    expect(r.refused).toEqual(['Backlog!A1:B2', 'teams!A1:A2']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Backlog', 'teams']);
    expect(wb.sheet('Backlog')!.value(1, 1)).toBe('my own item');
  });

  it('never overwrites the sample when inserted into it again', async () => {
    const { book: wb, bridge } = await liveBridge(quarterlyPlanWorkbook());
    const r = await bridge.insertTemplate(QUARTERLY_PLAN);
    expect(r.ok).toBe(false);
    expect(wb.sheets).toHaveLength(QUARTERLY_PLAN_SHEETS.length);
  });
});

describe('the sample in each look', () => {
  it('spells the catalog calls as the look does, and the engine computes both spellings to the same results', async () => {
    const excel = await LiveBook.open(testEngine(), quarterlyPlanWorkbook('AGILE.'));
    const sheets = await LiveBook.open(testEngine(), quarterlyPlanWorkbook('AGILE_'));
    const f = excel.sheet('Backlog')!.get(4, 15)?.formula;
    expect(f).toBe('=AGILE.RICE(F5:F64, G5:G64, H5:H64, I5:I64)');
    expect(sheets.sheet('Backlog')!.get(4, 15)?.formula).toBe('=AGILE_RICE(F5:F64, G5:G64, H5:H64, I5:I64)');
    for (const name of QUARTERLY_PLAN_SHEETS) {
      const a = [...excel.sheet(name)!.entries()].map(([k, c]) => [k, c.value]);
      const b = [...sheets.sheet(name)!.entries()].map(([k, c]) => [k, c.value]);
      expect(a, name).toEqual(b);
    }
  });
});
