// The playground's workbook on the spreadsheet engine (Univer, headless here; the page runs the same engine
// with its grid): table detection, typing, and recalculation of every formula, ours and the built-ins,
// in dependency order and in both hosts' syntax, with spills and blocked spills.
import { describe, expect, it } from 'vitest';
import { parseInput, typeInto } from '../../playground/edit';
import { detectTables } from '../../playground/tables';
import { workbookFromRows } from '../../playground/workbook';
import { LiveBook } from '../../playground/engine/live-book';
import { testEngine } from './live';

const backlog = () =>
  LiveBook.open(
    testEngine(),
    workbookFromRows([
      {
        name: 'Backlog',
        rows: [
          ['Q3 backlog'],
          ['ID', 'Reach', 'Impact', 'Confidence', 'Effort'],
          ['A', 100, 2, 0.5, 4],
          ['B', 300, 1, 1, 2],
          ['C', 50, 3, 0.8, 1],
          [],
          ['Team', 'Capacity'],
          ['Web', 10],
        ],
      },
    ]),
  );

describe('tables in a sheet', () => {
  it('finds each header row over its data, under a title and one blank row apart', async () => {
    const wb = await backlog();
    const tables = detectTables(wb.sheet('Backlog')!);
    expect(tables.map((t) => [t.id, t.name, t.headers.length, t.bottom - t.headerRow])).toEqual([
      ['Backlog!A2', 'Backlog A2:E5', 5, 3],
      ['Backlog!A7', 'Backlog A7:B8', 2, 1],
    ]);
  });

  it('does not take a note typed beside a table into it', async () => {
    const wb = await backlog();
    await typeInto(wb, 'Backlog', 3, 5, { value: 'ask Dana' });
    expect(detectTables(wb.sheet('Backlog')!)[0]!.right).toBe(4);
  });
});

describe('recalculation', () => {
  it('evaluates an Excel-syntax catalog formula and spills its column, once per formula', async () => {
    const wb = await backlog();
    await typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE.RICE(B3:B5,C3:C5,D3:D5,E3:E5)'));
    const s = wb.sheet('Backlog')!;
    expect([s.value(2, 5), s.value(3, 5), s.value(4, 5)]).toEqual([25, 150, 120]);
    expect(s.get(3, 5)!.spillFrom).toBeDefined();
  });

  it('evaluates Sheets syntax, array literals and nested calls, in dependency order', async () => {
    const wb = await backlog();
    // Rank first, score after: the rank reads the score's spill, so the order of typing must not matter.
    await typeInto(wb, 'Backlog', 2, 6, parseInput('=AGILE_PRIORITY_RANK(F3:F5, E3:E5, "asc")'));
    await typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE_WEIGHTED_SCORE(HSTACK(B3:B5, E3:E5), {1, 1}, {"higher", "lower"})'));
    const s = wb.sheet('Backlog')!;
    expect([s.value(2, 6), s.value(3, 6), s.value(4, 6)]).toEqual([3, 1, 2]);
    await typeInto(wb, 'Backlog', 2, 7, parseInput('=AGILE_RICE(B3:B5, C3:C5, D3:D5, HSTACK(E3:E5))'));
    expect(s.value(2, 7)).toBe(25);
  });

  it('computes typed built-ins over our results, and updates them when an input changes', async () => {
    const wb = await backlog();
    await typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE.RICE(B3:B5,C3:C5,D3:D5,E3:E5)'));
    await typeInto(wb, 'Backlog', 9, 0, parseInput('=SUM(F3:F5)'));
    await typeInto(wb, 'Backlog', 9, 1, parseInput('=B3*2'));
    await typeInto(wb, 'Backlog', 9, 2, parseInput('=VLOOKUP("B",A3:E5,5,FALSE)'));
    await typeInto(wb, 'Backlog', 9, 3, parseInput('=INDEX(A3:A5,MATCH(MAX(F3:F5),F3:F5,0))'));
    const s = wb.sheet('Backlog')!;
    expect([s.value(9, 0), s.value(9, 1), s.value(9, 2), s.value(9, 3)]).toEqual([295, 200, 2, 'B']);
    // B's effort from 2 to 20: its score falls from 150 to 15, so C (120) leads and the total follows.
    await typeInto(wb, 'Backlog', 3, 4, { value: 20 });
    expect([s.value(3, 5), s.value(9, 0), s.value(9, 2), s.value(9, 3)]).toEqual([15, 160, 20, 'C']);
  });

  it('keeps blank rows blank: a whole-column range with empty rows below returns blanks there', async () => {
    const wb = await backlog();
    await typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE.RICE(B3:B6,C3:C6,D3:D6,E3:E6)'));
    const s = wb.sheet('Backlog')!;
    expect([s.value(4, 5), s.value(5, 5)]).toEqual([120, '']);
  });

  it('shows #SPILL! when a typed cell is in the way, and recovers when it is cleared', async () => {
    const wb = await backlog();
    await typeInto(wb, 'Backlog', 3, 5, { value: 'note' });
    await typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE_CD3(B3:B5, E3:E5)'));
    const s = wb.sheet('Backlog')!;
    expect(String(s.value(2, 5))).toMatch(/^#SPILL!/);
    await typeInto(wb, 'Backlog', 3, 5, { value: '' });
    expect([s.value(2, 5), s.value(3, 5)]).toEqual([25, 150]);
  });

  it('turns a row error into its message in that cell, and a call error into #VALUE! with the message', async () => {
    const wb = await backlog();
    await typeInto(wb, 'Backlog', 3, 4, { value: 0 });
    await typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE_RICE(B3:B5, C3:C5, D3:D5, E3:E5)'));
    const s = wb.sheet('Backlog')!;
    expect(s.value(2, 5)).toBe(25);
    expect(String(s.value(3, 5))).toMatch(/^#VALUE! effort/);
    await typeInto(wb, 'Backlog', 2, 6, parseInput('=AGILE_RICE(B3:B5, C3:C4, D3:D5, E3:E5)'));
    expect(String(s.value(2, 6))).toMatch(/^#VALUE! reach has 3 rows but impact has 2/);
  });

  it('reads typed input the way a spreadsheet does', () => {
    expect(parseInput('12.5')).toEqual({ value: 12.5 });
    expect(parseInput('80%')).toEqual({ value: 0.8 });
    expect(parseInput('TRUE')).toEqual({ value: true });
    expect(parseInput('=AGILE_RICE(A1)')).toEqual({ value: '', formula: '=AGILE_RICE(A1)' });
    expect(parseInput(' note ')).toEqual({ value: ' note ' });
  });
});

// Issue 12.14, kept for the engine: long dependency chains and deep nesting never take the workbook down.
describe('recalculation depth', () => {
  it('a chain of 1,000 catalog formulas, each reading the one above, computes to the end', async () => {
    const wb = await LiveBook.open(testEngine(), workbookFromRows([{ name: 'Chain', rows: [[1000]] }]));
    const sheet = wb.sheet('Chain')!;
    // Written bottom-up, so the first formula met needs the whole chain above it first.
    for (let r = 1000; r >= 1; r--) sheet.set(r, 0, { value: '', formula: `=AGILE.CD3(A${r}, 1)` });
    await wb.commit();
    expect(sheet.value(1000, 0)).toBe(1000);
    expect(sheet.value(500, 0)).toBe(1000);
  });

  it('a cycle stays in its own cells (0, as Excel shows a circular reference) and the rest computes', async () => {
    const wb = await LiveBook.open(testEngine(), workbookFromRows([{ name: 'S', rows: [[5]] }]));
    const sheet = wb.sheet('S')!;
    sheet.set(0, 1, { value: '', formula: '=AGILE.CD3(B2, 1)' });
    sheet.set(1, 1, { value: '', formula: '=AGILE.CD3(B1, 1)' });
    sheet.set(0, 2, { value: '', formula: '=AGILE.CD3(A1, 1)' });
    await wb.commit();
    expect(sheet.value(0, 2)).toBe(5);
    expect(sheet.value(0, 1)).toBe(0);
  });

  it('a formula nested 2,000 deep computes in its own cell, and the other cells compute', async () => {
    const deep = `=${'AGILE.CD3('.repeat(2000)}1${', 1)'.repeat(2000)}`;
    const wb = await LiveBook.open(testEngine(), workbookFromRows([{ name: 'S', rows: [[4]] }]));
    const sheet = wb.sheet('S')!;
    sheet.set(0, 1, { value: '', formula: deep });
    sheet.set(0, 2, { value: '', formula: '=AGILE.CD3(A1, 2)' });
    await wb.commit();
    expect(sheet.value(0, 2)).toBe(2);
    expect(sheet.value(0, 1)).toBe(1);
  });

  it('nesting within reason still evaluates', async () => {
    const nested = `=${'AGILE.CD3('.repeat(60)}8${', 1)'.repeat(60)}`;
    const wb = await LiveBook.open(testEngine(), workbookFromRows([{ name: 'S', rows: [[1]] }]));
    await typeInto(wb, 'S', 0, 1, parseInput(nested));
    expect(wb.sheet('S')!.value(0, 1)).toBe(8);
  });
});
