// The rendered template, host by host: the formulas each host gets from the one declaration, cached
// results everywhere, validation on every input column, colours on statuses, frozen headers.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { planInsert } from '../../templates/insert';
import { QUARTER } from '../../templates/quarter';
import { type RenderedSheet, type RenderedWorkbook, renderWorkbook } from '../../templates/render';

const excel = renderWorkbook(QUARTER, 'excel');
const sheets = renderWorkbook(QUARTER, 'sheets');
const sheet = (b: RenderedWorkbook, name: string) => b.sheets.find((s) => s.name === name)!;
const at = (s: RenderedSheet, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return s.cells.find((c) => c.row === Number(m[2]) && c.col === col)!;
};

describe('the declaration', () => {
  it('follows the playbook with realistic sample data', () => {
    expect(QUARTER.sheets.map((s) => s.name)).toEqual(['Start here', 'Outcomes', 'Backlog', 'Ranking', 'Guardrails', 'Decisions', 'Teams', 'Mix', 'Scenarios', 'Scorecard', 'Retro']);
    const table = (n: string) => QUARTER.sheets.find((s) => s.name === n)!.table!;
    expect(table('Backlog').rows.length).toBe(40);
    expect(table('Teams').rows.length).toBe(5);
    const kpis = table('Scorecard').rows.map((r) => r[0]);
    for (const k of ['Goal contribution', 'Priority stability', 'Approval cycle time', 'Capacity accuracy', 'Improvement completion', 'Marketing ROI', 'Pipeline created', 'Trial-to-paid conversion', 'Net revenue retention']) expect(kpis).toContain(k);
  });

  it('fails clearly when the catalog lacks a function it uses', () => {
    const without = (name: string) => (n: string) => (n === name ? undefined : findFunction(n));
    expect(() => renderWorkbook(QUARTER, 'excel', without('ALLOCATE'))).toThrow('Backlog[Status] needs the catalog function ALLOCATE, which is not in the catalog yet');
    expect(() => renderWorkbook(QUARTER, 'sheets', without('KPI_TREND'))).toThrow(/KPI_TREND/);
  });
});

describe('the Excel variant', () => {
  const backlog = sheet(excel, 'Backlog');

  it('uses AGILE. functions and structured references, per row inside the tables', () => {
    expect(at(backlog, 'P5').typed).toBe('=AGILE.RICE(Backlog[@Reach],Backlog[@Impact],Backlog[@Confidence],Backlog[@Effort])');
    expect(at(backlog, 'P5').formula).toBe('_xldudf_AGILE_RICE(Backlog[[#This Row],[Reach]],Backlog[[#This Row],[Impact]],Backlog[[#This Row],[Confidence]],Backlog[[#This Row],[Effort]])');
    expect(at(backlog, 'Q5').typed).toBe('=INDEX(AGILE.PRIORITY_RANK(Backlog[Score],Backlog[Effort]),ROW()-ROW(Backlog[#Headers]))');
    expect(at(backlog, 'R5').typed).toBe('=INDEX(AGILE.ALLOCATE(Backlog[[#All],[ID]:[Score]],Teams[[#All],[Team]:[Capacity]],Mix[#All]),ROW()-ROW(Backlog[#Headers])+1,1)');
    expect(at(backlog, 'S5').typed).toMatch(/,ROW\(\)-ROW\(Backlog\[#Headers\]\)\+1,2\)$/);
    expect(at(sheet(excel, 'Decisions'), 'G5').typed).toBe('=AGILE.DECISION_OWNER(Decisions[@Type],Decisions[@Budget],Decisions[@Risk],Guardrails[#All])');
    expect(at(sheet(excel, 'Teams'), 'F5').typed).toBe('=Teams[@Load]*Teams[@Capacity]');
    expect(at(sheet(excel, 'Ranking'), 'C5').typed).toBe('=INDEX(Backlog[ID],MATCH(Ranking[@Position],Backlog[Rank],0))');
    const sc = sheet(excel, 'Scorecard');
    expect(sc.cells.find((c) => c.typed?.includes('KPI_TREND'))!.formula).toBe('_xldudf_AGILE_KPI_TREND(Scorecard[[#This Row],[Jan]:[Jun]])');
    expect(at(sc, 'B10').typed).toBe('=AGILE.SCORECARD_SCORE(Scorecard[Attainment],Scorecard[Weight])');
    expect(sc.cells.find((c) => c.typed?.includes('MARKETING_ROI'))!.typed).toBe('=AGILE.MARKETING_ROI($B$8,$B$9)');
  });

  it('never spills inside a table: no array formulas at all', () => {
    expect(excel.sheets.flatMap((s) => s.cells).filter((c) => c.arrayRef || c.inArray)).toEqual([]);
  });

  it('declares one table per data sheet, with a calculated formula for each computed column equal to its cells', () => {
    expect(excel.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(['Outcomes', 'Backlog', 'Ranking', 'Guardrails', 'Decisions', 'Teams', 'Mix', 'Scenarios', 'Scorecard', 'Retro']);
    for (const s of excel.sheets) {
      for (const t of s.tables) {
        t.columns.forEach((col, j) => {
          const cells = s.cells.filter((c) => c.col === j + 1 && c.row > (s.printTitleRow ?? 0));
          if (col.formula) expect(new Set(cells.map((c) => c.formula))).toEqual(new Set([col.formula]));
        });
      }
    }
  });
});

describe('the Google Sheets variant', () => {
  const backlog = sheet(sheets, 'Backlog');

  it('uses AGILE_ names over plain A1 ranges, one spilled formula per column, reaching into the spare rows', () => {
    expect(at(backlog, 'P5')).toMatchObject({ formula: 'AGILE_RICE(F5:F64, G5:G64, H5:H64, I5:I64)', arrayRef: 'P5:P64' });
    expect(at(backlog, 'Q5')).toMatchObject({ formula: 'AGILE_PRIORITY_RANK(P5:P64, I5:I64)', arrayRef: 'Q5:Q64' });
    // A table result has its own header row, so it sits on the header and lines up with the table.
    expect(at(backlog, 'R4')).toMatchObject({ formula: 'AGILE_ALLOCATE(A4:P64, Teams!A4:C9, Mix!A4:C8)', arrayRef: 'R4:S64', result: 'Status' });
    expect(at(backlog, 'S4')).toMatchObject({ inArray: true, result: 'Reason' });
    expect(at(sheet(sheets, 'Teams'), 'E4').formula).toBe('AGILE_TEAM_LOAD(A4:C9, Backlog!A4:S64)');
    expect(at(sheet(sheets, 'Teams'), 'F5').formula).toBe('E5*C5');
    expect(at(sheet(sheets, 'Ranking'), 'C5').formula).toBe('INDEX(Backlog!$A$5:$A$64, MATCH(A5, Backlog!$Q$5:$Q$64, 0))');
    expect(at(sheet(sheets, 'Scorecard'), 'B10').formula).toBe('AGILE_SCORECARD_SCORE(O14:O24, G14:G24)');
    expect(sheets.sheets.every((s) => s.tables.length === 0)).toBe(true);
  });

  it('leaves the spare rows blank', () => {
    expect(at(backlog, 'A50').value).toBeNull();
    expect(at(backlog, 'P50')).toMatchObject({ inArray: true, result: '' });
  });
});

describe.each([['excel', excel], ['sheets', sheets]] as const)('both variants: %s', (_, book) => {
  it('stores a cached result in every formula cell, and none is an error', () => {
    const formulas = book.sheets.flatMap((s) => s.cells).filter((c) => c.formula !== undefined || c.inArray);
    expect(formulas.length).toBeGreaterThan(250);
    for (const c of formulas) {
      expect(c.result, `${c.row}:${c.col}`).toBeDefined();
      expect(String(c.result)).not.toMatch(/^#(VALUE!|N\/A|REF!|NAME\?|DIV\/0!|NUM!)/);
    }
  });

  it('validates every input column', () => {
    for (const s of book.sheets) {
      const decl = QUARTER.sheets.find((d) => d.name === s.name)!;
      if (!decl.table) continue;
      const header = s.printTitleRow!;
      decl.table.columns.forEach((col, j) => {
        if (col.compute) return;
        const letter = String.fromCharCode(65 + j);
        expect(s.validations.some((v) => v.ref.startsWith(`${letter}${header + 1}:`)), `${s.name}[${col.header}]`).toBe(true);
      });
    }
    const backlog = sheet(book, 'Backlog');
    expect(backlog.validations.find((v) => v.ref.startsWith('C'))!.rule).toEqual({ kind: 'listFrom', table: 'Teams', col: 'Team' });
    expect(backlog.validations.find((v) => v.ref.startsWith('H'))!.rule).toEqual({ kind: 'number', min: 0, max: 1 });
  });

  it('colours statuses, freezes headers and sets widths', () => {
    expect(sheet(book, 'Backlog').statusRanges).toEqual(expect.arrayContaining([expect.stringMatching(/^L5:/), expect.stringMatching(/^R5:/)]));
    expect(sheet(book, 'Scorecard').statusRanges.length).toBe(1);
    expect(sheet(book, 'Retro').statusRanges.length).toBe(1);
    for (const s of book.sheets) {
      if (s.printTitleRow) expect(s.freeze.rows).toBe(s.printTitleRow);
      expect(s.widths.every((w) => w >= 6)).toBe(true);
    }
    expect(sheet(book, 'Backlog').freeze.cols).toBe(2);
  });
});

it('caches the same results in both variants', () => {
  for (const s of excel.sheets) {
    const other = sheet(sheets, s.name);
    for (const c of s.cells) {
      if (c.formula === undefined) continue;
      const o = other.cells.find((x) => x.row === c.row && x.col === c.col)!;
      expect(o.result, `${s.name} ${c.row}:${c.col}`).toEqual(c.result);
    }
  }
});

describe('inserting the plan', () => {
  it('adds every sheet to a workbook that has none of the names', () => {
    expect(planInsert(excel, ['Sheet1']).add).toEqual(excel.sheets.map((s) => s.name));
  });

  it('adds nothing, and says why, when a name is taken: a second insert never overwrites the first', () => {
    const first = planInsert(excel, ['Sheet1']);
    const second = planInsert(excel, ['Sheet1', ...first.add]);
    expect(second.add).toEqual([]);
    expect(second.skip).toHaveLength(excel.sheets.length);
    const one = planInsert(sheets, ['backlog ']);
    expect(one).toMatchObject({ add: [], skip: ['Backlog'] });
    expect(one.message).toContain('already has a sheet named "Backlog"');
  });
});
