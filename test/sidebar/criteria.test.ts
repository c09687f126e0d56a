// Weighted criteria start where a planner would (issue 13.6): the numeric inputs that look like criteria,
// directions from their names, never dates, IDs or computed scores; tied items share their rank confidence.
import { describe, expect, it } from 'vitest';
import type { Scalar, TableData } from '../../protocol/bridge';
import type { MemoryBridge } from '../../playground/memory-bridge';
import { liveBridge } from './live';
import { quarterlyPlanWorkbook } from '../../playground/template';
import { criterionDirection, defaultCriteria } from '../../sidebar/prioritize/mapping';
import { computePreview, shareTies } from '../../sidebar/prioritize/preview';

function table(headers: string[], rows: Scalar[][]): TableData {
  return { ref: { id: 'B!A1', name: 'B', sheet: 'B', address: 'A1', headers, rowCount: rows.length }, headers, rows, ownedColumns: [], version: 'v' };
}

describe('default weighted criteria', () => {
  it('on the sample quarter: Reach, Impact and Confidence up, Effort down, all ticked; no dates, no Score', async () => {
    const bridge = (await liveBridge(quarterlyPlanWorkbook())).bridge;
    const ref = (await bridge.listTables()).find((t) => t.sheet === 'Backlog')!;
    const c = defaultCriteria(await bridge.readTable(ref.id));
    expect(c.map((x) => [x.header, x.direction, x.use])).toEqual([
      ['Reach', 'higher', true],
      ['Impact', 'higher', true],
      ['Confidence', 'higher', true],
      ['Effort', 'lower', true],
    ]);
  });

  it('points cost of delay, value and reach up, and effort, cost and risk down', () => {
    expect(['Cost of delay', 'Business value', 'Reach', 'Risk reduction', 'Ease'].map(criterionDirection)).toEqual(['higher', 'higher', 'higher', 'higher', 'higher']);
    expect(['Effort', 'Cost', 'Risk', 'Job size'].map(criterionDirection)).toEqual(['lower', 'lower', 'lower', 'lower']);
  });

  it('never starts with only cost-like criteria ticked, and offers no ISO-date column', () => {
    const c = defaultCriteria(table(['ID', 'Effort', 'Votes', 'Due'], [['A', 2, 10, '2026-07-01'], ['B', 5, 30, '2026-08-01']]));
    expect(c.map((x) => [x.header, x.use])).toEqual([['Effort', true], ['Votes', true]]);
  });
});

describe('rank confidence of tied items', () => {
  it('gives rows with the same inputs the same confidence, keeping the total', () => {
    const out = shareTies([[1, 2], [1, 2], [0, 0]], [1, 0, 0.5]);
    expect(out).toEqual([0.5, 0.5, 0.5]);
  });

  it('in the preview, two identical items straddling the top-N cut both show 50%', () => {
    const rows: Scalar[][] = [['A', 10, 1], ['B', 10, 1], ['C', 1, 5]];
    const t = table(['ID', 'Value', 'Effort'], rows);
    const p = computePreview(t, {
      framework: 'WEIGHTED',
      mapping: {},
      criteria: [{ header: 'Value', weight: 1, direction: 'higher', use: true }, { header: 'Effort', weight: 1, direction: 'lower', use: true }],
      iceMethod: 'multiply',
      labels: { idHeader: 'ID', labelHeader: '', effortHeader: 'Effort' },
      topN: 1,
    });
    const conf = Object.fromEntries(p.rows.map((r) => [r.id, r.confidence]));
    expect(conf['A']).toBeCloseTo(0.5, 9);
    expect(conf['B']).toBeCloseTo(0.5, 9);
  });
});

