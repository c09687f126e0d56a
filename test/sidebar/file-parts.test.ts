// Issue 14.5: what the playground cannot keep is named when the file opens, and what it keeps (hidden
// sheets, frozen panes) survives the engine and the download. The workbook is written by openpyxl, a
// program that is not ours, with a real chart in it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openWorkbookFile } from '../../playground/open-file';
import { writeXlsx } from '../../playground/xlsx';
import { OPENPYXL, PYTHON } from '../hosts/openpyxl';
import { liveBridge } from './live';


const SCRIPT = `
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Backlog'
ws.append(['ID', 'Reach', 'Effort'])
for i in range(1, 6): ws.append(['M-%d' % i, i * 100, i])
ws.freeze_panes = 'B2'
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=6), titles_from_data=True)
ws.add_chart(chart, 'E2')
notes = wb.create_sheet('Notes')
notes['A1'] = 'kept out of sight'
notes.sheet_state = 'hidden'
wb.save(sys.argv[1])
`;

describe.skipIf(!OPENPYXL)('a workbook with parts the playground cannot keep (openpyxl)', () => {
  it('names the chart on open, keeps the frozen panes and the hidden sheet through the engine and the download', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'agile-parts-')), 'chart.xlsx');
    execFileSync(PYTHON, ['-c', SCRIPT, file], { stdio: 'pipe' });
    const opened = await openWorkbookFile(ExcelJS, new Uint8Array(readFileSync(file)), 'chart.xlsx');
    expect(opened.notice).toMatch(/Its 1 chart and 1 drawing layer \(pictures, shapes\) cannot be shown here, and a downloaded copy will not have them: keep the original file\./);
    const { book } = await liveBridge(opened.workbook);
    expect(book.sheet('Backlog')!.frozen).toEqual({ rows: 1, cols: 1 });
    expect(book.sheet('Notes')!.hidden).toBe('hidden');
    const x = new ExcelJS.Workbook();
    await x.xlsx.load((await writeXlsx(ExcelJS, book.toWorkbook(), opened.original)).buffer as ArrayBuffer);
    expect(x.getWorksheet('Backlog')!.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(x.getWorksheet('Notes')!.state).toBe('hidden');
    expect(x.getWorksheet('Notes')!.getCell('A1').value).toBe('kept out of sight');
  });
});
