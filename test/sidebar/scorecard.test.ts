// The scorecard view's model and the decision check, on the sample quarter, against the catalog.
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog';
import { decisionTypes, whoDecides } from '../../sidebar/decide/view';
import { computeScorecard, scorecardColumns } from '../../sidebar/scorecard/model';
import type { TableData } from '../../protocol/bridge';
import { sampleTable } from './fixtures';

describe('the scorecard', () => {
  it('finds the KPI columns and the actuals by period', async () => {
    const t = await sampleTable('Scorecard');
    expect(scorecardColumns(t)).toEqual({
      kpi: 'KPI',
      direction: 'Direction',
      baseline: 'Baseline',
      target: 'Target',
      weight: 'Weight',
      owner: 'Owner',
      unit: '',
      actual: '',
      periods: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun'],
    });
  });

  it('reads an Actual column as the value now, not as one more period', () => {
    const headers = ['KPI', 'Direction', 'Target', 'Jan', 'Feb', 'Mar', 'Actual'];
    const t: TableData = {
      ref: { id: 'Scorecard', name: 'Scorecard', sheet: 'Scorecard', address: 'A1:G3', headers, rowCount: 2 },
      headers,
      rows: [
        ['Pipeline', 'higher', 100, 60, 80, 90, 120],
        ['Churn', 'lower', 5, 6, 5.5, '', ''],
      ],
      ownedColumns: [],
      version: 'v1',
    };
    const cols = scorecardColumns(t);
    expect(cols.actual).toBe('Actual');
    expect(cols.periods).toEqual(['Jan', 'Feb', 'Mar']);
    const card = computeScorecard(t, cols);
    expect(card.rows.map((r) => [r.latest, r.period, r.attainment])).toEqual([
      [120, '', 1.2],
      [5.5, 'Feb', 2 - 5.5 / 5],
    ]);
    expect(card.rows[0]!.series).toEqual([60, 80, 90]);
  });

  it('gives every KPI a status, attainment, trend and sparkline from the latest actual, and a composite', async () => {
    const t = await sampleTable('Scorecard');
    const card = computeScorecard(t, scorecardColumns(t));
    expect(card.problems).toEqual([]);
    expect(card.rows).toHaveLength(10);
    const goal = card.rows[0]!;
    // (0.79 − 0.55) ÷ (0.8 − 0.55) with the baseline: 96% of the way.
    expect(goal).toMatchObject({ name: 'Goal contribution', latest: 0.79, period: 'Jun', status: 'On track' });
    expect(goal.attainment as number).toBeCloseTo(0.96, 10);
    expect(goal.trend as number).toBeGreaterThan(0);
    expect(String(goal.spark)).toMatch(/^[▁▂▃▄▅▆▇█]{6}$/);
    const cycle = card.rows.find((r) => r.name.startsWith('Approval cycle'))!;
    expect(cycle.direction).toBe('lower');
    expect(cycle.trend as number).toBeLessThan(0);
    const attain = card.rows.map((r) => r.attainment as number);
    const weights = t.rows.map((r) => r[t.headers.indexOf('Weight')] as number);
    const expected = findFunction('SCORECARD_SCORE')!.impl(attain.map((a) => [a]), weights.map((w) => [w]));
    expect(card.composite).toBe(expected);
    expect(new Set(card.rows.map((r) => r.status))).toEqual(new Set(['On track', 'At risk', 'Off track']));
  });

  it('says what is missing instead of guessing', async () => {
    const t = await sampleTable('Teams');
    expect(computeScorecard(t, scorecardColumns(t)).problems).toEqual(['The table needs a KPI column.', 'The table needs a Target column.']);
    const noPeriods = { ...t, headers: ['KPI', 'Target', 'Owner'], rows: [['Pipeline', 10, 'Dana']] };
    expect(computeScorecard(noPeriods, scorecardColumns(noPeriods)).problems).toEqual([
      'The table needs columns of actuals by period (Jan, Feb, … or Q1, Q2, …).',
    ]);
  });
});

describe('the decision check', () => {
  it('answers who decides from the first guardrail that matches', async () => {
    const g = await sampleTable('Guardrails');
    expect(decisionTypes(g)).toEqual(['Campaign creative', 'Campaign launch', 'Paid media', 'Pricing', 'Brand', 'Tooling']);
    expect(whoDecides(g, 'Campaign creative', 3000, 'Low')).toEqual({ ok: true, text: 'Campaign lead' });
    expect(whoDecides(g, 'campaign creative', 8000, 'Low')).toEqual({ ok: true, text: 'VP Marketing' });
    expect(whoDecides(g, 'Pricing', 1_000_000, 'Low')).toEqual({ ok: true, text: 'Product Marketing director' });
    expect(whoDecides(g, 'Pricing', 10, 'High')).toEqual({ ok: true, text: 'VP Marketing' });
    expect(whoDecides(g, 'Paid media', 250_000, 'High')).toEqual({ ok: true, text: 'CMO' });
  });

  it('explains a guardrails table without a catch-all', async () => {
    const g = await sampleTable('Guardrails');
    const strict = { ...g, rows: g.rows.filter((r) => r[0] !== '*') };
    const a = whoDecides(strict, 'Events', 100, 'Low');
    expect(a.ok).toBe(false);
    expect(a.text).toMatch(/catch-all/);
  });
});
