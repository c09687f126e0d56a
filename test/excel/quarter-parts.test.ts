// The workbook "Insert quarterly plan" inserts. insertWorksheetsFromBase64 "in Excel on the web … doesn't
// support inserting charts, comments, PivotTables, or slicers" and fails with UnsupportedFeature
// (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-insertworksheetsfrombase64-member(1)),
// so the file carries none of them: the columns' help that used to be notes is each header cell's
// data-validation input message, which Excel shows when the cell is selected, on every platform.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';

const FILE = join(import.meta.dirname, '../../dist/excel/agile-playbook-quarter.xlsx');

describe('dist/excel/agile-playbook-quarter.xlsx, the file Insert quarterly plan inserts', () => {
  let zip: JSZip;
  let names: string[];
  beforeAll(async () => {
    zip = await JSZip.loadAsync(readFileSync(FILE));
    names = Object.keys(zip.files);
  });

  it('holds no comments, notes, charts, drawings, PivotTables or slicers', async () => {
    expect(names.filter((n) => /comments|threadedComments|vmlDrawing|drawings\/|charts\/|pivot|slicer/i.test(n))).toEqual([]);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    // exceljs always declares a default content type for .vml files; no part uses it.
    expect([...types.matchAll(/<Override [^>]*>/g)].map((m) => m[0]).filter((o) => /comments|vmlDrawing|drawing\+xml|chart|pivot|slicer/i.test(o))).toEqual([]);
    for (const n of names.filter((x) => x.endsWith('.rels'))) expect(await zip.file(n)!.async('string'), n).not.toMatch(/comments|vmlDrawing|drawing|chart|pivot|slicer/i);
  });

  it('keeps the columns\' help as input messages on their header cells', async () => {
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    let prompts = 0;
    for (const n of sheets) {
      const xml = await zip.file(n)!.async('string');
      for (const m of xml.matchAll(/<dataValidation [^>]*showInputMessage="1"[^>]*>/g)) {
        prompts++;
        const prompt = /prompt="([^"]*)"/.exec(m[0])?.[1] ?? '';
        const title = /promptTitle="([^"]*)"/.exec(m[0])?.[1] ?? '';
        // Excel's limits for an input message: a title of 32 characters, a message of 255.
        expect(prompt.length).toBeGreaterThan(10);
        expect(prompt.length).toBeLessThanOrEqual(255);
        expect(title.length).toBeLessThanOrEqual(32);
      }
    }
    expect(prompts).toBeGreaterThanOrEqual(6);
  });
});
