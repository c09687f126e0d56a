// The playground's workbook: table detection, typing, and recalculation of catalog formulas (both hosts'
// syntax, spills, blocked spills), which is what gives written formulas their cached results.
import { describe, expect, it } from 'vitest';
import { parseInput, typeInto } from '../../playground/edit';
import { recalc } from '../../playground/evaluate';
import { Unsupported, parseFormula } from '../../playground/formula-parse';
import { detectTables } from '../../playground/tables';
import { workbookFromRows } from '../../playground/workbook';

const backlog = () =>
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
  ]);

describe('tables in a sheet', () => {
  it('finds each header row over its data, under a title and one blank row apart', () => {
    const wb = backlog();
    const tables = detectTables(wb.sheet('Backlog')!);
    expect(tables.map((t) => [t.id, t.name, t.headers.length, t.bottom - t.headerRow])).toEqual([
      ['Backlog!A2', 'Backlog A2:E5', 5, 3],
      ['Backlog!A7', 'Backlog A7:B8', 2, 1],
    ]);
  });

  it('does not take a note typed beside a table into it', () => {
    const wb = backlog();
    typeInto(wb, 'Backlog', 3, 5, { value: 'ask Dana' });
    expect(detectTables(wb.sheet('Backlog')!)[0]!.right).toBe(4);
  });
});

describe('recalculation with the catalog', () => {
  it('evaluates an Excel-syntax formula and spills its column', () => {
    const wb = backlog();
    typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE.RICE(B3:B5,C3:C5,D3:D5,E3:E5)'));
    const s = wb.sheet('Backlog')!;
    expect([s.value(2, 5), s.value(3, 5), s.value(4, 5)]).toEqual([25, 150, 120]);
    expect(s.get(3, 5)!.spillFrom).toBeDefined();
  });

  it('evaluates Sheets syntax, array literals and nested calls, in dependency order', () => {
    const wb = backlog();
    // Rank first, score after: the rank reads the score's spill, so order of writing must not matter.
    typeInto(wb, 'Backlog', 2, 6, parseInput('=AGILE_PRIORITY_RANK(F3:F5, E3:E5, "asc")'));
    typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE_WEIGHTED_SCORE({B3:B5, E3:E5}, {1, 1}, {"higher", "lower"})'));
    const s = wb.sheet('Backlog')!;
    expect([s.value(2, 6), s.value(3, 6), s.value(4, 6)]).toEqual([3, 1, 2]);
    typeInto(wb, 'Backlog', 2, 7, parseInput('=AGILE_RICE(B3:B5, C3:C5, D3:D5, HSTACK(E3:E5))'));
    expect(s.value(2, 7)).toBe(25);
  });

  it('shows #SPILL! when a typed cell is in the way, and recovers when it is cleared', () => {
    const wb = backlog();
    typeInto(wb, 'Backlog', 3, 5, { value: 'note' });
    typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE_CD3(B3:B5, E3:E5)'));
    const s = wb.sheet('Backlog')!;
    expect(String(s.value(2, 5))).toMatch(/^#SPILL!/);
    typeInto(wb, 'Backlog', 3, 5, { value: '' });
    expect([s.value(2, 5), s.value(3, 5)]).toEqual([25, 150]);
  });

  it('turns a call error into #VALUE! with the message, and keeps what it cannot evaluate', () => {
    const wb = backlog();
    typeInto(wb, 'Backlog', 2, 5, parseInput('=AGILE_RICE(B3:B5, C3:C4, D3:D5, E3:E5)'));
    expect(String(wb.sheet('Backlog')!.value(2, 5))).toMatch(/^#VALUE! reach has 3 rows but impact has 2/);
    const s = wb.sheet('Backlog')!;
    s.set(9, 0, { value: 42, formula: '=SUM(B3:B5)+1' });
    recalc(wb);
    expect(s.value(9, 0)).toBe(42);
    expect(() => parseFormula('=SUM(A1)+1')).toThrow(Unsupported);
  });

  it('reads typed input the way a spreadsheet does', () => {
    expect(parseInput('12.5')).toEqual({ value: 12.5 });
    expect(parseInput('80%')).toEqual({ value: 0.8 });
    expect(parseInput('TRUE')).toEqual({ value: true });
    expect(parseInput('=AGILE_RICE(A1)')).toEqual({ value: '', formula: '=AGILE_RICE(A1)' });
    expect(parseInput(' note ')).toEqual({ value: ' note ' });
  });
});
