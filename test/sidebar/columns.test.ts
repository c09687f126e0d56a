// One column mapping for every tab (issue 13.5): the planner plans by a score column or by none, Prioritize
// and Plan agree on synonyms, and finished work is not planned again.
import { describe, expect, it } from 'vitest';
import { planCapacity } from '../../core/capacity';
import type { Scalar, TableData } from '../../protocol/bridge';
import { allocateHeaders, findColumn, matchColumn, scoreColumns } from '../../protocol/columns';
import { planSheet, planTables, rowInfo, scoreCandidates } from '../../sidebar/planner/model';
import { autoLabels, autoMap } from '../../sidebar/prioritize/mapping';
import { findFramework } from '../../sidebar/prioritize/frameworks';

function table(headers: string[], rows: Scalar[][], ownedColumns: string[] = []): TableData {
  return { ref: { id: 'B!A1', name: 'B', sheet: 'B', address: 'A1', headers, rowCount: rows.length }, headers, rows, ownedColumns, version: 'v' };
}
const teams = table(['Team', 'Capacity'], [['Web', 10]]);

describe('the score column', () => {
  it('is never an unrelated column: a backlog without one offers none (the tab asks), not Reach', () => {
    const b = table(['ID', 'Item', 'Reach', 'Impact', 'Effort'], [['A', 'a', 187_000, 2, 3]]);
    expect(scoreCandidates(b)).toEqual([]);
  });

  it('is the Score Prioritize wrote, and an Excel table’s "RICE score"', () => {
    expect(scoreCandidates(table(['ID', 'Reach', 'Effort', 'Score'], [['A', 1, 2, 3]], ['Score', 'Rank']))).toEqual(['Score']);
    expect(scoreCandidates(table(['ID', 'Reach', 'RICE score', 'Effort'], [['A', 1, 2, 3]]))).toEqual(['RICE score']);
    expect(scoreColumns(['Confidence score', 'Price', 'Score (RICE)'])).toEqual(['Score (RICE)']);
    expect(matchColumn(['Price'], ['rice'])).toBe('');
  });
});

describe('synonyms apply the same in every tab', () => {
  const headers = ['Key', 'Campaign', 'Squad', 'Reach', 'Impact', 'Confidence', 'Person-weeks', 'RICE score'];
  it('Prioritize maps Person-weeks as effort, and Plan plans by it', async () => {
    const fw = findFramework('RICE');
    const mapping = autoMap(fw, headers);
    expect(mapping['effort']).toBe('Person-weeks');
    expect(autoLabels(headers, fw, mapping).effortHeader).toBe('Person-weeks');
    expect(allocateHeaders(headers, 'RICE score')).toEqual(['ID', 'Campaign', 'Team', 'Reach', 'Impact', 'Confidence', 'Effort', 'Score']);
    const b = table(headers, [['C-1', 'Webinar', 'Web', 100, 1, 1, 4, 25], ['C-2', 'Ebook', 'Web', 100, 1, 1, 8, 12.5]]);
    const p = await planCapacity(planTables(b, teams, undefined, 'RICE score'), { method: 'greedy' });
    expect(p.rows.map((r) => r.status)).toEqual(['Planned', 'Cut']);
    expect(rowInfo(b, 'RICE score').map((r) => [r.id, r.label, r.effort])).toEqual([['C-1', 'Webinar', 4], ['C-2', 'Ebook', 8]]);
    expect(findColumn(headers, 'effort')).toBe('Person-weeks');
  });
});

describe('finished work', () => {
  it('is never cut: Done and Complete items count against capacity as commitments, and the Plan sheet says Done', async () => {
    const b = table(['ID', 'Item', 'Team', 'Effort', 'Score', 'Progress'], [
      ['A', 'Shipped launch', 'Web', 8, 1, 'Done'],
      ['B', 'Guide', 'Web', 6, 9, 'In progress'],
      ['C', 'Old', 'Web', 9, 0.5, 'complete'],
      ['D', 'Quiz', 'Web', 4, 3, ''],
    ]);
    // Capacity 10: by score alone B (6) and D (4) fill it and A, C would be cut.
    const p = await planCapacity(planTables(b, teams, undefined, 'Score', { finished: 'commit' }), { method: 'greedy' });
    const info = rowInfo(b, 'Score');
    expect(info.map((r) => !!r.done)).toEqual([true, false, true, false]);
    expect(p.rows.filter((r) => r.id === 'A' || r.id === 'C').map((r) => r.status)).toEqual(['Planned', 'Planned']);
    const sheet = planSheet(p, info, 'greedy');
    expect(sheet.rows.filter((r) => r[0] === 'A' || r[0] === 'C').map((r) => r[5])).toEqual(['Done', 'Done']);
    expect(p.teams[0]!.planned).toBeGreaterThanOrEqual(17);
    // As the formulas read them (the Scenarios panel beside its live SCENARIO_COMPARE): unchanged rows.
    expect(planTables(b, teams, undefined, 'Score').backlog.map((r) => r.length)).toEqual([6, 6, 6, 6, 6]);
  });
});
