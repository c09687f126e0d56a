// The sample quarter as the sidebar sees it: a playground workbook behind a MemoryBridge, and its tables.
import type { TableData } from '../../protocol/bridge';
import { SAMPLE_QUARTER } from './northwind';
import { MemoryBridge, PLAYGROUND_HOSTS } from '../../playground/memory-bridge';
import { type Workbook, workbookFromRows } from '../../playground/workbook';
import type { Scalar } from '../../protocol/bridge';

export function sampleWorkbook(): Workbook {
  return workbookFromRows(SAMPLE_QUARTER.sheets.map((s) => ({ name: s.name, rows: s.rows as Scalar[][] })));
}

export function sampleBridge(look: 'excel' | 'sheets' = 'excel'): { wb: Workbook; bridge: MemoryBridge } {
  const wb = sampleWorkbook();
  return { wb, bridge: new MemoryBridge(wb, PLAYGROUND_HOSTS[look]) };
}

export async function sampleTable(sheet: string, bridge = sampleBridge().bridge): Promise<TableData> {
  const t = (await bridge.listTables()).find((x) => x.sheet === sheet);
  if (!t) throw new Error(`no table on ${sheet}`);
  return bridge.readTable(t.id);
}
