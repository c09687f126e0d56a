// Every write runs under the document lock: two sidebars (two people, or two tabs) writing beside the same
// table would otherwise interleave their check-then-write steps. The lock does not stop a person typing, which
// is why each write also re-reads its target inside the lock.
const WAIT_MS = 10_000;
// Not re-entrant: tryLock by the execution already holding the lock "has no effect" (Lock reference), so a
// nested withDocumentLock would get true at once and its finally would release the outer call's lock early.
// Each server entry point takes it once, at the top.

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  // null outside a document-bound context (e.g. run from the script editor of a standalone project).
  if (!lock) throw new Error('Agile Playbook can only write from inside a spreadsheet: open the sidebar from the Extensions menu.');
  if (!lock.tryLock(WAIT_MS)) throw new Error('Another Agile Playbook write is still running in this spreadsheet: try again in a moment.');
  try {
    const result = work();
    // Pending writes land before another script may take the lock and re-read.
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
