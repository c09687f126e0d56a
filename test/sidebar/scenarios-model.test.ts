// The Scenarios panel's model: the sentences a leader reads and the owned sheet it writes (definitions at A1,
// a live SCENARIO_COMPARE over them, the panel's own figures as values, CAPACITY_VALUE beside the gains).
import { describe, expect, it } from 'vitest';
import type { CapacityGains, ScenarioResult } from '../../core/capacity';
import type { TableRef, WriteCell } from '../../protocol/bridge';
import { changeText, gainSentence, rowsFromTable, scenarioGrid, scenarioSentence, scenariosSheet } from '../../sidebar/planner/scenarios-model';

const ref = (sheet: string, address: string): TableRef => ({ id: sheet, name: sheet, sheet, address, headers: [], rowCount: 0 });
const result = (over: Partial<ScenarioResult>): ScenarioResult => ({ name: 'Base', value: 100, items: 3, change: 0, added: [], dropped: [], teams: [], ...over });

describe('sentences', () => {
  it('leads with the change and says what the plan gains, plans and drops', () => {
    const rows = [
      { scenario: '+2 Brand', change: 'add capacity', target: 'Brand & Creative', value: 2 },
      { scenario: 'Mix', change: 'max share', target: 'Brand', value: '10%' },
      { scenario: 'Mix', change: 'grow capacity', target: '*', value: -0.1 },
    ];
    expect(scenarioSentence(result({ name: '+2 Brand', change: 640, added: ['M-128', 'M-130'] }), rows)).toBe('+2 Brand & Creative: +640 points, plans M-128 and M-130.');
    expect(scenarioSentence(result({ name: 'mix', change: -12.5, dropped: ['M-1', 'M-2', 'M-3', 'M-4', 'M-5'] }), rows)).toBe(
      'Brand capped at 10%, every team −10%: −12.5 points, drops M-1, M-2, M-3 and 2 more.',
    );
    expect(scenarioSentence(result({ name: '+2 Brand', error: 'Team "X" is not in the teams table' }), rows)).toBe('+2 Brand & Creative: not planned. Team "X" is not in the teams table');
    expect(changeText({ scenario: 'c', change: 'commit', target: 'M-5', value: '' })).toBe('commit M-5');
    expect(gainSentence({ team: 'Content', capacity: 36, step: 4, gain: 0, added: [], dropped: [] })).toBe('+4 Content: nothing more fits.');
  });
});

describe('the scenario rows', () => {
  it('drop blank rows and read a Scenarios table in any column order', () => {
    expect(scenarioGrid([{ scenario: '', change: '', target: '', value: '' }, { scenario: 'A', change: 'commit', target: 'M-1', value: '' }])).toEqual([
      ['Scenario', 'Change', 'Target', 'Value'],
      ['A', 'commit', 'M-1', ''],
    ]);
    const t = { ref: ref('Scenarios', 'A4:E6'), headers: ['Value', 'Note', 'Target', 'Change', 'Scenario'], rows: [[2, 'x', 'Brand', 'add capacity', 'More'], ['', '', '', '', '']], ownedColumns: [], version: 'v' };
    expect(rowsFromTable(t)).toEqual([{ scenario: 'More', change: 'add capacity', target: 'Brand', value: 2 }]);
  });
});

describe('the Scenario comparison sheet', () => {
  const rows = [{ scenario: 'More', change: 'add capacity', target: 'Brand', value: 2 }];
  const src = { backlog: ref('Backlog', 'A4:S44'), teams: ref('Teams', 'A4:F9'), mix: ref('Mix', 'A4:C8') };
  const results = [result({}), result({ name: 'More', value: 140, items: 4, change: 40, added: ['M-9'] })];
  const gains: CapacityGains & { method: 'optimal' } = {
    base: 100,
    gap: 0.001,
    seconds: 1,
    method: 'optimal',
    teams: [
      { team: 'Brand', capacity: 10, step: 2, gain: 5, added: ['M-3'], dropped: [] },
      { team: 'Web', capacity: 10, step: 2, gain: 30, added: ['M-7'], dropped: [] },
    ],
  };
  const sheet = scenariosSheet(rows, results, 'optimal', src, gains);
  const formulaAt = (r: number, c: number) => (sheet.rows[r]![c] as Extract<WriteCell, object>).formula;

  it('keeps the definitions at A1 and reads them with a live SCENARIO_COMPARE over the same tables', () => {
    expect(sheet.name).toBe('Scenario comparison');
    expect(sheet.rows.slice(0, 2).map((r) => r.slice(0, 4))).toEqual([['Scenario', 'Change', 'Target', 'Value'], ['More', 'add capacity', 'Brand', 2]]);
    expect(formulaAt(4, 0)).toEqual({
      fn: 'SCENARIO_COMPARE',
      args: [
        { kind: 'range', sheet: 'Backlog', address: 'A4:S44' },
        { kind: 'range', sheet: 'Teams', address: 'A4:F9' },
        { kind: 'range', sheet: 'Scenario comparison', address: 'A1:D2' },
        { kind: 'range', sheet: 'Mix', address: 'A4:C8' },
      ],
    });
    // Its result (header, Base, one scenario) spills over blank cells.
    for (const r of [5, 6]) expect(sheet.rows[r]!.every((c) => c === '')).toBe(true);
  });

  it('writes the panel\'s figures as values, and the gains sorted with CAPACITY_VALUE beside them', () => {
    const values = sheet.rows.findIndex((r) => String(r[0]).startsWith('As planned in the sidebar (optimal (HiGHS))'));
    expect(sheet.rows.slice(values + 1, values + 4)).toEqual([
      ['Scenario', 'Score planned', 'Items planned', 'Change vs base', 'Added', 'Dropped'],
      ['Base', 100, 3, 0, '', ''],
      ['More', 140, 4, 40, 'M-9', ''],
    ]);
    const head = sheet.rows.findIndex((r) => r[0] === 'Team' && r[1] === 'Step');
    expect(sheet.rows.slice(head + 1).map((r) => r.slice(0, 4))).toEqual([['Web', 2, 30, 'M-7'], ['Brand', 2, 5, 'M-3']]);
    expect(formulaAt(head, 5)).toMatchObject({ fn: 'CAPACITY_VALUE', args: [{ sheet: 'Backlog' }, { sheet: 'Teams' }, { sheet: 'Mix' }, { kind: 'number', value: 2 }] });
    expect(sheet.rows.slice(head + 1).map((r) => r[4])).toEqual(['Brand', 'Web']);
  });
});
