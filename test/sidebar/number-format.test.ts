// Numbers as a person reads them (issue 13.7): by the cell's format, else by the KPI's unit; what the
// add-ins write carries formats (Score and Rank columns, the Plan sheet).
import { describe, expect, it } from 'vitest';
import { formatByCode, formatGeneral, formatValue } from '../../protocol/number-format';
import type { MemoryBridge } from '../../playground/memory-bridge';
import { liveBridge } from './live';
import { quarterlyPlanWorkbook } from '../../playground/template';
import { computeScorecard, scorecardColumns } from '../../sidebar/scorecard/model';
import { planSheet } from '../../sidebar/planner/model';
import { columnWrites } from '../../sidebar/prioritize/preview';

describe('formats', () => {
  it('reads the codes the add-ins write and the common ones', () => {
    expect(formatByCode(0.955, '0.0%')).toBe('95.5%');
    expect(formatByCode(0.972222, '0%')).toBe('97%');
    expect(formatByCode(1234.56, '#,##0.0')).toBe('1,234.6');
    expect(formatByCode(1480000, '$#,##0')).toBe('$1,480,000');
    expect(formatByCode(46113, 'yyyy-mm-dd')).toBeUndefined();
    expect(formatByCode(5, '[Red]0.0;(0.0)')).toBe('5.0');
    expect(formatByCode(5, '# ?/?')).toBeUndefined();
  });
  it('falls back to the unit, without float noise', () => {
    expect(formatValue(0.955, { unit: '%' })).toBe('95.5%');
    expect(formatValue(1.085, { unit: '%' })).toBe('108.5%');
    expect(formatValue(0.9, { unit: '%' })).toBe('90%');
    expect(formatValue(12, { unit: 'days' })).toBe('12 days');
    expect(formatGeneral(1.085)).toBe('1.085');
    expect(formatValue(0.955, { format: '0.00', unit: '%' })).toBe('0.96');
  });
});

describe('the Scorecard tab reads percentage KPIs as percentages', () => {
  it('on the sample quarter: the KPI rows carry their unit, so 0.955 reads 95.5%', async () => {
    const bridge = (await liveBridge(quarterlyPlanWorkbook())).bridge;
    const ref = (await bridge.listTables()).find((t) => t.sheet === 'Scorecard' && t.headers.includes('KPI'))!;
    const t = await bridge.readTable(ref.id);
    const card = computeScorecard(t, scorecardColumns(t));
    const pct = card.rows.filter((r) => r.unit === '%' && typeof r.target === 'number');
    expect(pct.length).toBeGreaterThan(2);
    for (const r of pct) expect(formatValue(Number(r.target), { format: r.targetFormat, unit: r.unit })).toMatch(/^\d+(\.\d)?%$/);
  });
});

describe('what the add-ins write carries number formats', () => {
  it('Score and Rank columns, and the Plan sheet (Load as percent, scores and efforts with one decimal)', () => {
    const setup = { framework: 'RICE' as const, mapping: {}, criteria: [], iceMethod: 'multiply' as const, labels: { idHeader: '', labelHeader: '', effortHeader: '' }, topN: null };
    const writes = columnWrites({ rows: [], problems: [], scores: [1.5], ranks: [1], topN: 1, confidenceNote: '' }, setup, 'values', { score: 'Score', rank: 'Rank' });
    expect(writes.map((w) => w.numberFormat)).toEqual(['#,##0.0', '0']);
    const sheet = planSheet({ rows: [{ id: 'A', status: 'Planned', reason: '', team: 'Web' }], value: 12, teams: [{ team: 'Web', capacity: 10, planned: 9.5, load: 0.95 }] }, [{ id: 'A', label: 'Guide', score: 12, effort: 9.5 }], 'greedy');
    const teamRow = sheet.rows.find((r) => r[0] === 'Web')!;
    expect(sheet.columnFormats![sheet.rows[sheet.rows.findIndex((r) => r[0] === 'Team' && r[1] === 'Load')]!.indexOf('Load')]).toBe('0%');
    expect(teamRow[1]).toBe(0.95);
    expect(sheet.columnFormats![3]).toBe('#,##0.0');
  });
});
