// readTable and the version token a later write hands back as basedOn.
import type { Scalar, TableData } from '../../../protocol/bridge';
import { hash, readGrid, toScalar } from './cells';
import { columnRecords, ownsColumnCell } from './ownership';
import { type FoundTable, refOf } from './tables';

export function versionOf(headers: readonly string[], rows: readonly (readonly Scalar[])[]): string {
  return hash(JSON.stringify([headers, rows]));
}

export function snapshot(t: FoundTable, timeZone: string): TableData {
  const grid = readGrid(t.sheet.getRange(t.headerRow + 1, t.left + 1, t.bottom - t.headerRow + 1, t.right - t.left + 1));
  const rows = grid.slice(1).map((row) => row.map((c) => toScalar(c.value, timeZone)));
  const records = columnRecords(t.sheet).map((x) => x.record);
  const at = (r: number, c: number) => grid[r - t.headerRow]![c - t.left]!;
  const ownedColumns = t.headers.filter((_, i) => ownsColumnCell(records, t.headerRow, t.left + i, at));
  return { ref: refOf(t), headers: t.headers, rows, ownedColumns, version: versionOf(t.headers, rows) };
}
