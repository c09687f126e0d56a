// The Sheets server's table detection is protocol/sheet-reading.ts, the playground's reading (issue 13.4):
// run through the built bundle on the fake spreadsheet. Sheets gives a merged range's value in its
// top-left cell only (getValues), which is how the fixture below holds its merged title.
import { describe, expect, it } from 'vitest';
import type { TableRef } from '../../protocol/bridge';
import { createScriptRunBridge } from '../../gsheets-addon/client/script-run-bridge';
import { loadAddon } from './harness';

const item = (i: number) => [`M-${100 + i}`, `Item ${i}`, 100 * i, 2, 0.8, 1 + i];

describe('tables the Sheets add-on finds', () => {
  it('takes the header under a title and a label pair, keeps the items below a blank row, and says so', async () => {
    const addon = loadAddon({
      sheets: [
        {
          name: 'Backlog',
          rows: [['Q3 marketing backlog'], ['Owner', 'Dana'], ['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort'], item(1), item(2), [], item(3), ['Total', '', 600, '', '', 9]],
        },
      ],
    });
    const bridge = createScriptRunBridge(addon.run);
    const tables: TableRef[] = await bridge.listTables();
    expect(tables.map((t) => [t.sheet, t.address, t.rowCount, t.headers[0]])).toEqual([['Backlog', 'A3:F7', 4, 'ID']]);
    expect(tables[0]!.notes).toEqual(['A blank row (6) inside the table: the rows below it are included; blank rows are skipped.', 'Row 8 is a totals row: it is not an item.']);
    const data = await bridge.readTable(tables[0]!.id);
    expect(data.rows.map((r) => r[0])).toEqual(['M-101', 'M-102', '', 'M-103']);
  });

  it('offers no table on a hidden sheet, and the planner never writes a Plan sheet over a hidden one (12.4, 13.4)', async () => {
    // Sheet.isSheetHidden (developers.google.com/apps-script/reference/spreadsheet/sheet#isSheetHidden).
    const addon = loadAddon({
      sheets: [
        { name: 'Backlog', rows: [['ID', 'Score', 'Effort'], ['A', 5, 1]] },
        { name: 'Plan', rows: [['Keep', 'this'], ['budget', 1000]] },
      ],
    });
    addon.ss.getSheetByName('Plan')!.hideSheet();
    const bridge = createScriptRunBridge(addon.run);
    expect((await bridge.listTables()).map((t) => t.sheet)).toEqual(['Backlog']);
    const r = await bridge.writeSheet({ name: 'Plan', rows: [['ID', 'Status'], ['A', 'Planned']] });
    expect(r.ok).toBe(false);
    expect(addon.ss.getSheetByName('Plan')!.getRange('A1:B2').getValues()).toEqual([['Keep', 'this'], ['budget', 1000]]);
  });
});
