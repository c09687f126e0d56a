// WriteOptions.sources: every table a write's values were computed from is re-read, inside the same
// document lock as the write's own target check, and the write is refused unchanged when any has changed.
import { type SourceVersion, type WriteResult, staleReason } from '../../../protocol/bridge';
import { snapshot } from './read-table';
import { findTables } from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function staleSources(ss: Spreadsheet, sources: readonly SourceVersion[] | undefined): WriteResult | undefined {
  if (!sources?.length) return undefined;
  const tables = findTables(ss);
  const zone = ss.getSpreadsheetTimeZone();
  const changed: string[] = [];
  for (const s of sources) {
    const t = tables.find((x) => x.id === s.tableId);
    // A source that is gone has changed too: its name is the one the user last saw in the picker.
    if (!t) changed.push(s.tableId);
    else if (snapshot(t, zone).version !== s.version) changed.push(t.name);
  }
  return changed.length ? { ok: false, refused: [], reason: staleReason(changed), stale: true } : undefined;
}
