import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetters, parseRange, quoteSheet } from '../../protocol/a1';
import { EXCEL_DIALECT, type RenderContext, SHEETS_DIALECT, dialectFor, renderFormula } from '../../protocol/formula';

// Backlog columns C..F hold Reach, Impact, Confidence, Effort over rows 2..41; Risk is in J.
const COLS: Record<string, number> = { reach: 2, impact: 3, confidence: 4, effort: 5, risk: 9 };
const ctx: RenderContext = {
  sheet: 'Backlog',
  columns: (headers, table) =>
    headers.map((h) => ({ sheet: table ? 'Other sheet' : 'Backlog', range: { top: 1, bottom: 40, left: COLS[h.toLowerCase()]!, right: COLS[h.toLowerCase()]! } })),
};
const cols = (...headers: string[]) => ({ kind: 'columns' as const, headers });

describe('A1 addresses', () => {
  it('converts column letters both ways, past Z and ZZ', () => {
    for (const [i, s] of [[0, 'A'], [25, 'Z'], [26, 'AA'], [701, 'ZZ'], [702, 'AAA']] as const) {
      expect(columnLetters(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
    }
    expect(parseRange('$B$2:C9')).toEqual({ top: 1, left: 1, bottom: 8, right: 2 });
  });

  it('quotes sheet names that formulas cannot take bare', () => {
    expect(quoteSheet('Backlog')).toBe('Backlog');
    expect(quoteSheet('Start here')).toBe("'Start here'");
    expect(quoteSheet("Dana's plan")).toBe("'Dana''s plan'");
    expect(quoteSheet('AB12')).toBe("'AB12'");
  });
});

describe('formulas in each host syntax', () => {
  const rice = { fn: 'RICE', args: [cols('Reach'), cols('Impact'), cols('Confidence'), cols('Effort')] };

  it('prefixes AGILE. in Excel and AGILE_ in Sheets', () => {
    expect(renderFormula(rice, EXCEL_DIALECT, ctx)).toBe('=AGILE.RICE(C2:C41,D2:D41,E2:E41,F2:F41)');
    expect(renderFormula(rice, SHEETS_DIALECT, ctx)).toBe('=AGILE_RICE(C2:C41, D2:D41, E2:E41, F2:F41)');
    expect(dialectFor('AGILE.')).toEqual(EXCEL_DIALECT);
    expect(dialectFor('AGILE_')).toEqual(SHEETS_DIALECT);
  });

  it('joins adjacent criteria into one range and stacks the others (HSTACK in Excel, {…} in Sheets)', () => {
    const weighted = {
      fn: 'WEIGHTED_SCORE',
      args: [cols('Reach', 'Impact', 'Risk'), { kind: 'array' as const, values: [3, 1, 2] }, { kind: 'array' as const, values: ['higher', 'higher', 'lower'] }],
    };
    expect(renderFormula(weighted, EXCEL_DIALECT, ctx)).toBe('=AGILE.WEIGHTED_SCORE(HSTACK(C2:D41,J2:J41),{3,1,2},{"higher","higher","lower"})');
    expect(renderFormula(weighted, SHEETS_DIALECT, ctx)).toBe('=AGILE_WEIGHTED_SCORE({C2:D41, J2:J41}, {3, 1, 2}, {"higher", "higher", "lower"})');
  });

  it('names another sheet, escapes text and drops trailing omitted arguments', () => {
    const f = { fn: 'priority_rank', args: [cols('Reach'), { kind: 'omitted' as const }, { kind: 'text' as const, value: 'say "asc"' }] };
    expect(renderFormula({ ...f, args: [{ ...cols('Reach'), table: 'x' }, ...f.args.slice(1)] }, EXCEL_DIALECT, ctx)).toBe(
      `=AGILE.PRIORITY_RANK('Other sheet'!C2:C41,,"say ""asc""")`,
    );
    expect(renderFormula({ fn: 'KPI_STATUS', args: [cols('Reach'), cols('Effort'), { kind: 'omitted' }, { kind: 'omitted' }] }, SHEETS_DIALECT, ctx)).toBe(
      '=AGILE_KPI_STATUS(C2:C41, F2:F41)',
    );
  });
});
