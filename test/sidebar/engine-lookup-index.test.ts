// The engine's value index after a spilled column is recomputed. Univer 0.25.1 keeps, per column, which rows
// hold which value (engine-formula's InvertedIndexCache) and answers range comparisons from it (COUNTIF,
// `range = value`). Every recalculated spill cell is a forced update of that index; the engine found the
// row's old entry by scanning every distinct value of the column, which made a 20,000-row spill of distinct
// scores take 12 s and a 100,000-row one minutes. patches/@univerjs+engine-formula+0.25.1.patch keeps each
// row's key instead. What a user sees must not change: after any sequence of edits that moves the spilled
// scores, COUNTIF and an array comparison over the spill agree with counting the values the sheet shows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { typeInto } from '../../playground/edit';
import { workbookFromRows } from '../../playground/workbook';
import { CELL_INVERTED_INDEX_CACHE } from '@univerjs/engine-formula';
import { LiveBook } from '../../playground/engine/live-book';
import { testEngine } from './live';

const ROWS = 12;
const last = ROWS + 1;

async function book(reach: number[]) {
  const wb = workbookFromRows([
    {
      name: 'Backlog',
      rows: [['Reach', 'Impact', 'Confidence', 'Effort', 'Score', 'Probe', 'Count', 'Equal'], ...reach.map((r) => [r, 1, 1, 1])],
    },
  ]);
  const s = wb.sheet('Backlog')!;
  s.set(1, 4, { value: '', formula: `=AGILE_RICE(A2:A${last},B2:B${last},C2:C${last},D2:D${last})` });
  // Each row asks how many scores equal its own: the index is consulted once per row.
  for (let r = 1; r <= ROWS; r++) {
    s.set(r, 6, { value: '', formula: `=COUNTIF(E$2:E$${last},E${r + 1})` });
    s.set(r, 7, { value: '', formula: `=SUMPRODUCT((E$2:E$${last}=E${r + 1})*1)` });
  }
  s.dirty.clear();
  return LiveBook.open(testEngine(), wb);
}

function expectCountsMatch(live: LiveBook): void {
  const s = live.sheet('Backlog')!;
  const scores = Array.from({ length: ROWS }, (_, i) => s.value(i + 1, 4));
  for (let r = 1; r <= ROWS; r++) {
    const want = scores.filter((v) => v === scores[r - 1]).length;
    expect([s.value(r, 6), s.value(r, 7)], `row ${r + 1}, score ${String(scores[r - 1])}`).toEqual([want, want]);
  }
}

describe('the engine value index after spilled results change (Univer patch)', () => {
  it('is the patched engine (the patch applied at install)', () => {
    const file = createRequire(import.meta.url).resolve('@univerjs/engine-formula');
    expect(readFileSync(file, 'utf8')).toContain('Agile Playbook patch');
  });

  it('COUNTIF and range = value agree with the shown scores after any edits of the inputs', async () => {
    // Few distinct reaches, so scores collide, separate and collide again as edits move them.
    const reach = fc.integer({ min: 1, max: 4 }).map((n) => n * 10);
    await fc.assert(
      fc.asyncProperty(fc.array(reach, { minLength: ROWS, maxLength: ROWS }), fc.array(fc.tuple(fc.integer({ min: 1, max: ROWS }), reach), { minLength: 1, maxLength: 6 }), async (start, edits) => {
        const live = await book(start);
        try {
          expectCountsMatch(live);
          for (const [row, value] of edits) {
            await typeInto(live, 'Backlog', row, 0, { value });
            expectCountsMatch(live);
          }
        } finally {
          live.dispose();
        }
      }),
      { numRuns: 8 },
    );
  });

  // The index itself, against a model: a forced update means "this row now holds this value" (the row
  // leaves every bucket it was in); an update without force only adds (the engine's own behaviour).
  it('a row is found under exactly the value its last forced update gave it', () => {
    const value = fc.constantFrom<string | number>(1, 2, 3, 'a', 'A', 'b');
    const op = fc.record({ row: fc.integer({ min: 0, max: 7 }), value, force: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const cache = CELL_INVERTED_INDEX_CACHE;
        cache.clear();
        const model = new Map<number, Set<string>>();
        const keyOf = (v: string | number) => String(v).toLowerCase();
        for (const { row, value, force } of ops) {
          cache.set('u', 's', 0, value, row, force);
          const keys = force ? new Set<string>() : (model.get(row) ?? new Set<string>());
          keys.add(keyOf(value));
          model.set(row, keys);
        }
        for (const v of ['1', '2', '3', 'a', 'b']) {
          const got = cache.getCellPositions('u', 's', 0, v === 'a' || v === 'b' ? v : Number(v), [[0, 100]])?.matchingRows ?? [];
          const want = [...model].filter(([, keys]) => keys.has(v)).map(([row]) => row);
          expect([...got].sort(), `rows holding ${v}`).toEqual(want.sort());
        }
        cache.clear();
      }),
    );
  });

  it('a forced update looks at the row’s own entry, not at every value of the column', () => {
    const cache = CELL_INVERTED_INDEX_CACHE;
    cache.clear();
    for (let row = 0; row < 5000; row++) cache.set('u', 's', 0, row * 1.5, row, true);
    const has = Set.prototype.has;
    let calls = 0;
    Set.prototype.has = function (this: Set<unknown>, v: unknown) {
      calls++;
      return has.call(this, v);
    };
    try {
      cache.set('u', 's', 0, -1, 4999, true);
    } finally {
      Set.prototype.has = has;
    }
    cache.clear();
    // Before the patch this scanned the 5,000 distinct values' buckets.
    expect(calls).toBeLessThan(10);
  });
});
