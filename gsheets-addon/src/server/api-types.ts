// The server functions' contract, shared by the server (api.ts) and the client (script-run-bridge.ts).
// Kept free of Apps Script types so the client's DOM-only compile can import it.
import type { ColumnWrite, SheetWrite, TableData, TableRef, TemplateSpec, WriteOptions, WriteResult } from '../../../protocol/bridge';

export interface ServerFunctions {
  apListTables(): TableRef[];
  apReadTable(id: string): TableData;
  apWriteColumns(tableId: string, columns: ColumnWrite[], options: WriteOptions): WriteResult;
  apWriteSheet(sheet: SheetWrite, options: WriteOptions): WriteResult;
  apInsertTemplate(template: TemplateSpec): WriteResult;
  /** Part `part` of highs.wasm as base64, and how many parts there are (the optimal planner, in the sidebar). */
  apPlannerWasm(part: number): { parts: number; text: string };
}
