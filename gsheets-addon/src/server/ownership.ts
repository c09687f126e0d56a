// What the add-in wrote, remembered in developer metadata so it is recognised later (after the sidebar
// closes, in another session). One record per written block, holding the block's place and a digest of
// what it held right after the write: the block is the add-in's only while it still holds exactly that, so a
// value the user typed into it makes it the user's again. A record costs the same for 4 cells or 160,000,
// which keeps a sheet far inside the developer-metadata limit, where the limit counts keys and values alike.
import { type ReadCell, digest } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COLUMN_KEY = 'agile-playbook.column';
export const SHEET_KEY = 'agile-playbook.sheet';
export const TEMPLATE_KEY = 'agile-playbook.template';

/**
 * A written block: `n` rows from row `r`, `w` columns from column `c` (0-based), and the digest `d` of its
 * cells. For a formula column (`f`), `d` covers only the header and the formula cell: the cells below are
 * its spilled result, which changes whenever the data does.
 */
export interface BlockRecord {
  readonly r: number;
  readonly c: number;
  readonly n: number;
  readonly w: number;
  readonly d: string;
  readonly f?: 1;
}

export interface StoredBlock {
  readonly key: string;
  readonly record: BlockRecord;
  remove(): void;
}

/** Sheets API guide, developer metadata: 30,000 characters per sheet, keys and values counted. */
export const METADATA_LIMIT = 30_000;
/** The longest digest (two base-36 hashes and a dot), for sizing a record before it is written. */
const LONGEST_DIGEST = 'zzzzzzz.zzzzzzz';

const isRecord = (x: unknown): x is BlockRecord => {
  const o = x as Partial<BlockRecord> | null;
  return !!o && [o.r, o.c, o.n, o.w].every((v) => Number.isInteger(v) && (v as number) >= 0) && typeof o.d === 'string';
};

/** The stored blocks under `key`; a record this version cannot read (an older format) owns nothing. */
export function blocks(sheet: Sheet, key: string): StoredBlock[] {
  const out: StoredBlock[] = [];
  for (const m of sheet.getDeveloperMetadata()) {
    if (m.getKey() !== key) continue;
    let record: unknown;
    try {
      record = JSON.parse(m.getValue() ?? '');
    } catch {
      continue;
    }
    if (isRecord(record)) out.push({ key, record, remove: () => void m.remove() });
  }
  return out;
}

/** The metadata text a record takes, key included. */
export const recordSize = (key: string, record: BlockRecord): number => key.length + JSON.stringify(record).length;

/**
 * Throws before anything is written when the records about to be added, less those about to be replaced,
 * would take the sheet's developer metadata over the limit (keys counted, as Google counts them).
 */
export function checkMetadataBudget(sheet: Sheet, added: readonly [string, Omit<BlockRecord, 'd'>][], replaced: readonly StoredBlock[], what: string): void {
  const size = (m: GoogleAppsScript.Spreadsheet.DeveloperMetadata) => m.getKey().length + (m.getValue()?.length ?? 0);
  const used = sheet.getDeveloperMetadata().reduce((n, m) => n + size(m), 0);
  const freed = replaced.reduce((n, b) => n + recordSize(b.key, b.record), 0);
  const needed = added.reduce((n, [key, r]) => n + recordSize(key, { ...r, d: LONGEST_DIGEST }), 0);
  if (used - freed + needed > METADATA_LIMIT) {
    throw new Error(`Nothing was written: ${what} needs more room than Google Sheets keeps for add-ons on one sheet. Remove columns Agile Playbook wrote on this sheet that you no longer need, then try again.`);
  }
}

/** The cells of a record's block whose digest it holds, from cells read around it. */
function* held(rec: BlockRecord, at: (r: number, c: number) => ReadCell): Generator<ReadCell> {
  if (rec.f) {
    yield at(rec.r, rec.c);
    if (rec.n > 1) yield at(rec.r + 1, rec.c);
    return;
  }
  for (let i = 0; i < rec.n; i++) for (let j = 0; j < rec.w; j++) yield at(rec.r + i, rec.c + j);
}

/** The digest of the cells a record describes, as they are now. */
export const digestOf = (rec: Omit<BlockRecord, 'd'>, at: (r: number, c: number) => ReadCell): string => digest(held({ ...rec, d: '' }, at));

/** Whether the block still holds what the add-in wrote there. */
export const stillHolds = (rec: BlockRecord, at: (r: number, c: number) => ReadCell): boolean => digestOf(rec, at) === rec.d;

/**
 * Which cells the add-in owns under `records`, given the cells read around them: those of every block that
 * still holds what was written. A cell of a spilled result holds no formula and is owned while the formula
 * above it is not blocked (#REF!: the user typed into the spill range, so that typed value is theirs).
 */
export function ownedCells(records: readonly BlockRecord[], at: (r: number, c: number) => ReadCell): (row: number, col: number) => boolean {
  const live = records.filter((rec) => stillHolds(rec, at));
  return (row, col) =>
    live.some((rec) => {
      if (row < rec.r || row >= rec.r + rec.n || col < rec.c || col >= rec.c + rec.w) return false;
      if (!rec.f || row < rec.r + 2) return true;
      return at(row, col).formula === '' && !String(at(rec.r + 1, col).value).startsWith('#REF!');
    });
}
