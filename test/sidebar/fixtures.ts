// The sample quarter as the sidebar sees it: a playground workbook behind a MemoryBridge, and its tables.
import type { TableData } from '../../protocol/bridge';
import { SAMPLE_QUARTER } from './northwind';
import type { MemoryBridge } from '../../playground/memory-bridge';
import type { LiveBook } from '../../playground/engine/live-book';
import { liveBridge } from './live';
import { type Workbook, workbookFromRows } from '../../playground/workbook';
import type { Scalar } from '../../protocol/bridge';

export function sampleWorkbook(): Workbook {
  return workbookFromRows(SAMPLE_QUARTER.sheets.map((s) => ({ name: s.name, rows: s.rows as Scalar[][] })));
}

/** The sample opened in the engine: `wb` is the live workbook the bridge writes to. */
export async function sampleBridge(look: 'excel' | 'sheets' = 'excel'): Promise<{ wb: LiveBook; bridge: MemoryBridge }> {
  const { book, bridge } = await liveBridge(sampleWorkbook(), look);
  return { wb: book, bridge };
}

export async function sampleTable(sheet: string, given?: MemoryBridge): Promise<TableData> {
  const bridge = given ?? (await sampleBridge()).bridge;
  const t = (await bridge.listTables()).find((x) => x.sheet === sheet);
  if (!t) throw new Error(`no table on ${sheet}`);
  return bridge.readTable(t.id);
}
