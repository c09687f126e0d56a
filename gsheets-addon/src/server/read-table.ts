// readTable and the version token a later write hands back as basedOn.
import type { Scalar, TableData } from '../../../protocol/bridge';
import { hash, readGrid, toScalar } from './cells';
import { COLUMN_KEY, blocks, ownedCells } from './ownership';
import { type FoundTable, refOf } from './tables';

export function versionOf(headers: readonly string[], rows: readonly (readonly Scalar[])[]): string {
  return hash(JSON.stringify([headers, rows]));
}

/** The column blocks written beside this table (its header row), not those of another table above or below. */
export const tableBlocks = (t: FoundTable) => blocks(t.sheet, COLUMN_KEY).filter((b) => b.record.r === t.headerRow);

export function snapshot(t: FoundTable, timeZone: string): TableData {
  const own = tableBlocks(t).map((b) => b.record);
  // Read as far down as this table's blocks reach, so each block's digest can be checked whole.
  const bottom = Math.max(t.bottom, ...own.map((r) => r.r + r.n - 1));
  const grid = readGrid(t.sheet.getRange(t.headerRow + 1, t.left + 1, bottom - t.headerRow + 1, t.right - t.left + 1));
  const rows = grid.slice(1, t.bottom - t.headerRow + 1).map((row) => row.map((c) => toScalar(c.value, timeZone)));
  const blank = { value: '', formula: '' };
  const owns = ownedCells(own, (r, c) => grid[r - t.headerRow]?.[c - t.left] ?? blank);
  const ownedColumns = t.headers.filter((_, i) => owns(t.headerRow, t.left + i));
  return { ref: refOf(t), headers: t.headers, rows, ownedColumns, version: versionOf(t.headers, rows) };
}
