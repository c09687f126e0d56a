// Reopening the workbook kept in the browser (issue 14.3): LiveBook.save() is what IndexedDB stores (it is
// structured-cloned there, as here), LiveBook.restore() what a reload opens. The typed edits, the written
// formulas and the add-in's ownership come back computed, and a download after the reload rewrites onto
// the original file only what changed since it was opened, once the page has read the file's cells again.
import { describe, expect, it } from 'vitest';
import { typeInto } from '../../playground/edit';
import { workbookFromRows } from '../../playground/workbook';
import { LiveBook } from '../../playground/engine/live-book';
import { testEngine } from './live';
import { MemoryBridge, PLAYGROUND_HOSTS } from '../../playground/memory-bridge';

const file = () =>
  workbookFromRows([
    {
      name: 'Backlog',
      rows: [['ID', 'Reach', 'Impact', 'Confidence', 'Effort'], ...Array.from({ length: 30 }, (_, i) => [`M-${i + 1}`, 100 + i, 1, 0.5, 1 + (i % 5)])],
    },
  ]);

describe('the workbook kept in the browser', () => {
  it('comes back with the typed edit, the written column computed and still the add-in’s', async () => {
    const book = await LiveBook.open(testEngine(), file());
    await typeInto(book, 'Backlog', 3, 4, { value: 9 });
    const bridge = new MemoryBridge(book, PLAYGROUND_HOSTS.excel);
    const table = (await bridge.listTables())[0]!;
    const cols = (h: string) => ({ kind: 'columns' as const, headers: [h] });
    const formula = { fn: 'RICE', args: ['Reach', 'Impact', 'Confidence', 'Effort'].map(cols) };
    const w = await bridge.writeColumns(table.id, [{ header: 'Score', formula, values: Array.from({ length: 30 }, () => '') }]);
    await book.calculated();
    expect(w.ok).toBe(true);
    const again = await LiveBook.restore(testEngine(), structuredClone(book.save()));
    const s = again.sheet('Backlog')!;
    expect(s.value(3, 4)).toBe(9);
    expect(s.value(0, 5)).toBe('Score');
    expect(s.value(3, 5)).toBeCloseTo((102 * 1 * 0.5) / 9, 9);
    expect(s.get(3, 5)?.owned).toBe(true);
  });

  it('downloads onto the original only what changed, once the file’s cells are known again', async () => {
    const opened = file();
    const book = await LiveBook.open(testEngine(), opened);
    await typeInto(book, 'Backlog', 3, 4, { value: 9 });
    const again = await LiveBook.restore(testEngine(), structuredClone(book.save()));
    expect(again.hasSource).toBe(false);
    // Without the file's cells every cell counts as changed: the download would rewrite them all.
    expect(again.toWorkbook().sheet('Backlog')!.dirty.size).toBe(31 * 5);
    again.setSource(file());
    expect([...again.toWorkbook().sheet('Backlog')!.dirty]).toEqual([...book.toWorkbook().sheet('Backlog')!.dirty]);
    expect(again.toWorkbook().sheet('Backlog')!.dirty.size).toBe(1);
  });
});
