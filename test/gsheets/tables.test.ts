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
});
