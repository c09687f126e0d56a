// The template's Scenarios sheet: three worked scenarios on the sample (a capacity change, a commitment, a
// mix change of two rows) beside a live SCENARIO_COMPARE and CAPACITY_VALUE, in both variants, with cached
// results equal to what the catalog computes from the sheets' own tables.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { evaluate } from '../../templates/evaluate';
import { QUARTER } from '../../templates/quarter';
import { type RenderedSheet, renderWorkbook } from '../../templates/render';

const sheetOf = (host: 'excel' | 'sheets'): RenderedSheet => renderWorkbook(QUARTER, host).sheets.find((s) => s.name === 'Scenarios')!;
const at = (s: RenderedSheet, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col);

describe('the Scenarios sheet', () => {
  it('sits with Teams and Mix, in the playbook\'s Unblock step', () => {
    const names = QUARTER.sheets.map((s) => s.name);
    expect(names.indexOf('Scenarios')).toBe(names.indexOf('Mix') + 1);
  });

  it('compares the worked scenarios with SCENARIO_COMPARE: Sheets spills one formula, Excel indexes it per cell', () => {
    const sheets = sheetOf('sheets');
    expect(at(sheets, 4, 6)).toMatchObject({ formula: 'AGILE_SCENARIO_COMPARE(Backlog!A4:P64, Teams!A4:C9, A4:D18, Mix!A4:C8)', arrayRef: 'F4:K8', result: 'Scenario' });
    const excel = sheetOf('excel');
    expect(at(excel, 6, 7)!.typed).toBe('=INDEX(AGILE.SCENARIO_COMPARE(Backlog[[#All],[ID]:[Score]],Teams[[#All],[Team]:[Capacity]],Scenarios[#All],Mix[#All]),3,2)');
    const rows = (s: RenderedSheet) => [5, 6, 7, 8].map((r) => [6, 9, 10, 11].map((c) => at(s, r, c)!.result));
    const want = [
      ['Base', 0, '', ''],
      ['+4 Brand & Creative', expect.closeTo(910.3, 6), 'M-131, M-134', 'M-138, M-140'],
      ['Commit the London summit', expect.closeTo(-1344.52, 2), 'M-113, M-128', 'M-112, M-127'],
      ['Ops over growth', expect.closeTo(-602.03, 2), 'M-134', 'M-112, M-119, M-120, M-140'],
    ];
    expect(rows(sheets)).toEqual(want);
    expect(rows(excel)).toEqual(want);
  });

  it('caches what the catalog computes from the sheets\' own tables, and CAPACITY_VALUE lines up with Teams', () => {
    const ev = evaluate(QUARTER, 'sheets');
    const grid = (name: string, upto?: string) => {
      const t = ev.layout.tables.get(name)!;
      const hs = t.decl.columns.map((c) => c.header);
      const n = upto ? hs.indexOf(upto) + 1 : hs.length;
      return [hs.slice(0, n), ...ev.grids.get(name)!.map((r) => r.slice(0, n))];
    };
    const args = [grid('Backlog', 'Score'), grid('Teams', 'Capacity')];
    const compare = findFunction('SCENARIO_COMPARE')!.impl(...args, grid('Scenarios'), grid('Mix')) as unknown[][];
    expect(ev.blocks.get('Scenarios')![0]).toEqual(compare);
    const value = findFunction('CAPACITY_VALUE')!.impl(...args, grid('Mix'), 2) as unknown[][];
    const sheets = sheetOf('sheets');
    expect(at(sheets, 4, 14)).toMatchObject({ formula: 'AGILE_CAPACITY_VALUE(Backlog!A4:P64, Teams!A4:C9, Mix!A4:C8, 2)', result: 'Extra score' });
    expect([5, 6, 7, 8, 9].map((r) => [at(sheets, r, 13)!.formula, at(sheets, r, 13)!.result, at(sheets, r, 14)!.result])).toEqual(
      ['Content', 'Demand Gen', 'Product Marketing', 'Brand & Creative', 'Marketing Ops'].map((team, i) => [`Teams!$A$${5 + i}`, team, value[i + 1]![0]]),
    );
  });
});
