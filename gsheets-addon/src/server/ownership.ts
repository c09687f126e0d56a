// What the add-in wrote, remembered in developer metadata so it is recognised later (after the sidebar
// closes, in another session). A cell counts as the add-in's only while it still holds exactly what was
// written (its fingerprint matches): a value the user typed over it is the user's again.
import { type ReadCell, fingerprint, isBlank } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COLUMN_KEY = 'agile-playbook.column';
export const SHEET_KEY = 'agile-playbook.sheet';
export const TEMPLATE_KEY = 'agile-playbook.template';

/**
 * A column written beside a table: `n` cells from row `r` (the header) down, their fingerprints in `h`. For a
 * formula column (`f`), `h` holds only the header and the formula cell: the cells below are its spilled result.
 */
export interface ColumnRecord {
  readonly c: number;
  readonly r: number;
  readonly n: number;
  readonly h: readonly string[];
  readonly f?: 1;
}

/** An owned sheet: the fingerprint of every non-blank cell written, by "row,col". */
export interface SheetRecord {
  readonly cells: Record<string, string>;
}

/** Apps Script keeps at most 30,000 characters of developer metadata per sheet; stay clear of it. */
const METADATA_BUDGET = 25_000;

/** Throws before anything is written when the record of `cells` written cells would not fit. */
export function checkMetadataBudget(sheet: Sheet, cells: number, what: string): void {
  const used = sheet.getDeveloperMetadata().reduce((n, m) => n + (m.getValue()?.length ?? 0), 0);
  // A fingerprint is at most 7 characters, plus quotes, a comma and for sheets its "row,col" key.
  if (used + cells * 20 > METADATA_BUDGET) {
    throw new Error(`Nothing was written: ${what} covers ${cells} cells, more than Agile Playbook can keep track of on one sheet. Write fewer rows, or clear the sheet first.`);
  }
}

export function columnRecords(sheet: Sheet): { record: ColumnRecord; remove(): void }[] {
  return sheet
    .getDeveloperMetadata()
    .filter((m) => m.getKey() === COLUMN_KEY)
    .map((m) => ({ record: JSON.parse(m.getValue() ?? '{}') as ColumnRecord, remove: () => void m.remove() }));
}

export function sheetRecord(sheet: Sheet): { record: SheetRecord; remove(): void } | undefined {
  const m = sheet.getDeveloperMetadata().find((x) => x.getKey() === SHEET_KEY);
  return m ? { record: JSON.parse(m.getValue() ?? '{"cells":{}}') as SheetRecord, remove: () => void m.remove() } : undefined;
}

/**
 * Whether the add-in owns (row, col), given the cells read around it. A cell of a spilled result holds no
 * formula and is owned while the formula above it is still ours and not blocked (#REF!: the user typed
 * into the spill range, so that typed value is theirs).
 */
export function ownsColumnCell(records: readonly ColumnRecord[], row: number, col: number, at: (r: number, c: number) => ReadCell): boolean {
  const cell = at(row, col);
  return records.some((rec) => {
    const i = row - rec.r;
    if (rec.c !== col || i < 0 || i >= rec.n) return false;
    if (i < rec.h.length && rec.h[i] !== '' && fingerprint(cell) === rec.h[i]) return true;
    if (rec.f && i > 1 && cell.formula === '') {
      const master = at(rec.r + 1, col);
      return fingerprint(master) === rec.h[1] && !String(master.value).startsWith('#REF!');
    }
    return false;
  });
}

export function ownsSheetCell(record: SheetRecord | undefined, row: number, col: number, cell: ReadCell): boolean {
  return !!record && !isBlank(cell) && record.cells[`${row},${col}`] === fingerprint(cell);
}
