// The workbook kept in this browser (IndexedDB), so a reload reopens it as it was: the engine's snapshot
// with the add-in's sheet data (LiveBook.save), the original file's bytes (the download writes the changes
// into them), the look, and whether the edits were downloaded. One record, replaced on every save.
import type { SavedBook } from './engine/live-book';

export interface Kept {
  readonly book: SavedBook;
  /** The .xlsx the workbook was opened from, when it was one. */
  readonly original?: Uint8Array;
  /** Edits made since the last download (or since the file was opened). */
  readonly edited: boolean;
  readonly savedAt: number;
}

const DB = 'agile-playbook-playground';
const STORE = 'workbook';
const KEY = 'current';

function db(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') return reject(new Error('this browser has no IndexedDB'));
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB did not open'));
    req.onblocked = () => reject(new Error('another tab holds the saved workbook open'));
  });
}

async function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const d = await db();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = d.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('the browser refused to store the workbook'));
      tx.onabort = () => reject(tx.error ?? new Error('the browser refused to store the workbook'));
    });
  } finally {
    d.close();
  }
}

export async function loadKept(): Promise<Kept | undefined> {
  const v = await run('readonly', (s) => s.get(KEY) as IDBRequest<Kept | undefined>);
  return v && typeof v === 'object' && 'book' in v ? v : undefined;
}

export async function storeKept(kept: Kept): Promise<void> {
  await run('readwrite', (s) => s.put(kept, KEY));
}

/** Why a save failed, as the page says it: "Not saved: <reason>". */
export function saveProblem(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return 'the browser has no room left for this workbook';
  if (name === 'DataCloneError') return 'the workbook could not be copied for storage';
  return e instanceof Error ? e.message : String(e);
}
