/// <reference types="office-js" />
// Which cells and sheets the add-in wrote, so principle 5 ("never overwrite a cell the add-in does not
// own") can be checked in Excel, which has no per-cell owner flag.
//
// Why a ledger in Office.context.document.settings: the settings live inside the workbook (they travel
// with the file and survive reopening), are private to this add-in, need no requirement set beyond the
// Office.js baseline, are invisible to users (unlike a hidden sheet, which also shows up in sheet lists
// and formulas), and hold far more than the 255 characters of a custom property or a name's comment.
// Sheets are keyed by worksheet id, which survives renames.
//
// A cell counts as owned only while it still holds exactly what the add-in wrote (its fingerprint): the
// moment a user types over it, it is theirs again, with no event handler needed to notice.

export interface SheetLedger {
  /** The add-in created this sheet (writeSheet); it may rewrite its own cells there. */
  owned?: boolean;
  /** A1 address → fingerprint of what was written (see fingerprint()). */
  cells: Record<string, string>;
  /**
   * Which write put which cells there: the table a column was written beside (its region id), or 'sheet'
   * for an owned-sheet write. A write clears what it left over from its own earlier write only, never a
   * cell another table's write or the Plan sheet's put there. Ledgers saved before this field: nothing is
   * cleared (the cells stay the add-in's, and the next write of their table records them again).
   */
  by?: Record<string, string[]>;
}

export interface Ledger {
  v: 1;
  sheets: Record<string, SheetLedger>;
}

/** Where the ledger is kept: Office settings in Excel, memory in tests. */
export interface LedgerStore {
  load(): Promise<Ledger>;
  save(ledger: Ledger): Promise<void>;
}

export const SETTINGS_KEY = 'agilePlaybook.ownership';

export const emptyLedger = (): Ledger => ({ v: 1, sheets: {} });

function parse(raw: unknown): Ledger {
  if (raw && typeof raw === 'object' && (raw as Ledger).v === 1 && typeof (raw as Ledger).sheets === 'object') return raw as Ledger;
  return emptyLedger();
}

/**
 * The ledger in the document's add-in settings. saveAsync persists it with the workbook. load() re-reads
 * the settings first (refreshAsync: a co-author's write may have saved a newer ledger) and returns a copy,
 * so a write that is refused or fails changes nothing the next saveAsync would persist.
 */
export function settingsStore(settings: Office.Settings): LedgerStore {
  return {
    async load() {
      if (typeof settings.refreshAsync === 'function') {
        await new Promise<void>((resolve) => settings.refreshAsync(() => resolve()));
      }
      return structuredClone(parse(settings.get(SETTINGS_KEY)));
    },
    save(ledger) {
      settings.set(SETTINGS_KEY, ledger);
      return new Promise((resolve, reject) =>
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error?.message ?? 'saving settings failed')))),
      );
    },
  };
}

export function memoryStore(initial: Ledger = emptyLedger()): LedgerStore & { ledger: Ledger } {
  const store = {
    ledger: initial,
    async load() {
      return structuredClone(store.ledger);
    },
    async save(l: Ledger) {
      store.ledger = structuredClone(l);
    },
  };
  return store;
}

/**
 * What a cell holds, as range.formulas reports it: a value ('v:'), a formula ('f:'), or the spill area of a
 * formula the add-in wrote ('s:' + the master cell), whose displayed values change on every recalc.
 */
export const fingerprint = {
  value: (v: unknown) => `v:${JSON.stringify(v)}`,
  formula: (f: string) => `f:${f}`,
  spill: (masterA1: string) => `s:${masterA1}`,
};

/** Whether the cell at a1, now holding `formula` (range.formulas) and `value` (range.values), is still ours. */
export function stillOwned(
  sheet: SheetLedger | undefined,
  a1: string,
  formula: unknown,
  value: unknown,
  formulaAt: (a1: string) => { formula: unknown; value: unknown } | undefined,
): boolean {
  const mark = sheet?.cells[a1];
  if (!mark) return false;
  if (mark.startsWith('v:') || mark.startsWith('f:')) return cellFingerprint(formula) === mark;
  // A spill cell is ours while its master still holds our formula and is not blocked (#SPILL! means a
  // user typed into the spill area: what they typed is theirs).
  const master = formulaAt(mark.slice(2));
  const masterMark = sheet?.cells[mark.slice(2)];
  if (!master || !masterMark || cellFingerprint(master.formula) !== masterMark) return false;
  void formula;
  void value;
  return master.value !== '#SPILL!';
}

/** The fingerprint of what a cell holds now. */
export function cellFingerprint(formula: unknown): string {
  return typeof formula === 'string' && formula.startsWith('=') ? fingerprint.formula(formula) : fingerprint.value(formula);
}
