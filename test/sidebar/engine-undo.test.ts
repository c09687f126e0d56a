// Undo and redo on the engine (issue 14.3): a typed edit is one step, and so is a whole sidebar write,
// however many cells and sheets it touched. Properties over random backlogs and random edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typeInto } from '../../playground/edit';
import { LiveBook } from '../../playground/engine/live-book';
import { type Scalar } from '../../protocol/bridge';
import { workbookFromRows } from '../../playground/workbook';
import { liveBridge, testEngine } from './live';

const snapshot = (book: LiveBook) => book.sheets.map((s) => [s.name, [...s.entries()].map(([k, c]) => [k, c.value, c.formula ?? '']).sort((a, b) => Number(a[0]) - Number(b[0]))]);

const backlogArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 20 })), { minLength: 2, maxLength: 12 });

function rowsOf(items: [number, number, number][]): Scalar[][] {
  return [['ID', 'Reach', 'Impact', 'Confidence', 'Effort'], ...items.map(([reach, impact, effort], i) => [`M-${i + 1}`, reach, impact, 0.8, effort])];
}

describe('undo and redo on the engine', () => {
  it('one undo takes back a whole sidebar write (a formula column, a values column and a new sheet); redo brings it back', async () => {
    await fc.assert(
      fc.asyncProperty(backlogArb, async (items) => {
        const { book, bridge } = await liveBridge(workbookFromRows([{ name: 'Backlog', rows: rowsOf(items) }]));
        const before = snapshot(book);
        const [t] = await bridge.listTables();
        const score = { fn: 'RICE', args: ['Reach', 'Impact', 'Confidence', 'Effort'].map((h) => ({ kind: 'columns' as const, headers: [h] })) };
        const w = await bridge.writeColumns(t!.id, [
          { header: 'Score', formula: score, values: items.map(() => 0) },
          { header: 'Note', values: items.map((_, i) => `n${i}`) },
        ]);
        expect(w.ok).toBe(true);
        expect((await bridge.writeSheet({ name: 'Plan', rows: [['ID'], ['M-1']] })).ok).toBe(true);
        const written = snapshot(book);
        // The score column computed: the engine's RICE of the first item.
        const [reach, impact, effort] = items[0]!;
        expect(book.sheet('Backlog')!.value(1, 5)).toBeCloseTo((reach * impact * 0.8) / effort, 9);
        await book.undo();
        await book.undo();
        expect(snapshot(book)).toEqual(before);
        await book.redo();
        await book.redo();
        expect(snapshot(book)).toEqual(written);
        book.dispose();
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('undoing a typed edit restores the cell and every formula that read it', async () => {
    const book = await LiveBook.open(testEngine(), workbookFromRows([{ name: 'S', rows: [[2], [3]] }]));
    await typeInto(book, 'S', 0, 1, { value: '', formula: '=SUM(A1:A2)*2' });
    expect(book.sheet('S')!.value(0, 1)).toBe(10);
    await typeInto(book, 'S', 1, 0, { value: 30 });
    expect(book.sheet('S')!.value(0, 1)).toBe(64);
    await book.undo();
    expect([book.sheet('S')!.value(1, 0), book.sheet('S')!.value(0, 1)]).toEqual([3, 10]);
    await book.redo();
    expect([book.sheet('S')!.value(1, 0), book.sheet('S')!.value(0, 1)]).toEqual([30, 64]);
  });
});
