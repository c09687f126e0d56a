// The planner's model on the sample quarter: the tables handed to planCapacity, the greedy-versus-optimal
// sentence, the cut list and the Plan sheet. planCapacity runs for real (HiGHS loads in Node).
import { describe, expect, it } from 'vitest';
import { type CapacityPlan, planCapacity } from '../../core/capacity';
import { comparisonSentence, cutList, planSheet, planTables, rowInfo, scoreCandidates } from '../../sidebar/planner/model';
import { sampleBridge, sampleTable } from './fixtures';

async function sampleTables() {
  const { bridge } = await sampleBridge();
  const [backlog, teams, mix] = await Promise.all(['Backlog', 'Teams', 'Mix'].map((s) => sampleTable(s, bridge)));
  return { backlog: backlog!, teams: teams!, mix: mix! };
}

const plan = (rows: [string, 'Planned' | 'Cut'][], value: number): CapacityPlan => ({
  rows: rows.map(([id, status]) => ({ id, status, reason: '', team: 'T' })),
  value,
  teams: [],
});

describe('the tables the planner plans', () => {
  it('names the chosen column Score and keeps ALLOCATE from taking another score column', async () => {
    const { backlog, teams } = await sampleTables();
    const withRice = { ...backlog, headers: [...backlog.headers, 'Score'], rows: backlog.rows.map((r) => [...r, 1]) };
    const t = planTables(withRice, teams, undefined, 'Cost of delay');
    expect(t.backlog[0]).toContain('Score');
    expect(t.backlog[0]![backlog.headers.indexOf('Cost of delay')]).toBe('Score');
    expect(t.backlog[0]).toContain('Score (not used)');
    expect(t.mix).toBeUndefined();
    // Only score columns: never an unrelated numeric column such as Reach (issue 13.5).
    expect(scoreCandidates(withRice)).toEqual(['Score']);
  });
});

describe('greedy and optimal on the sample quarter', () => {
  it('plans within capacity, and the optimal plan scores at least the greedy one', async () => {
    const { backlog, teams, mix } = await sampleTables();
    const tables = planTables(backlog, teams, mix, 'Cost of delay');
    const greedy = await planCapacity(tables, { method: 'greedy' });
    const optimal = await planCapacity(tables, { method: 'optimal', timeLimitSeconds: 10, gap: 0.005 });
    expect(optimal.value).toBeGreaterThanOrEqual(greedy.value);
    for (const p of [greedy, optimal]) for (const t of p.teams) expect(t.planned).toBeLessThanOrEqual(t.capacity + 1e-9);
    expect(optimal.solver?.status).toBe('optimal');
    const sentence = comparisonSentence(greedy, optimal);
    if (optimal.value > greedy.value) expect(sentence).toMatch(/^The optimal plan adds \d+ points \(\d+ → \d+\) by planning MKT-\d+/);
    const info = rowInfo(backlog, 'Cost of delay');
    const cuts = cutList(optimal, info);
    expect(cuts.length).toBe(optimal.rows.filter((r) => r.status === 'Cut').length);
    expect(cuts.every((c) => c.reason.length > 10)).toBe(true);
  });
});

describe('the comparison sentence', () => {
  it('says what the optimal plan plans instead', () => {
    const g = plan([['A', 'Planned'], ['B', 'Cut'], ['C', 'Cut'], ['D', 'Planned']], 20);
    const o = plan([['A', 'Planned'], ['B', 'Planned'], ['C', 'Planned'], ['D', 'Cut']], 32);
    expect(comparisonSentence(g, o)).toBe('The optimal plan adds 12 points (20 → 32) by planning B and C instead of D.');
  });

  it('says so when the greedy plan is already optimal', () => {
    const g = plan([['A', 'Planned'], ['B', 'Cut']], 20);
    expect(comparisonSentence(g, g)).toMatch(/^The optimal plan is the greedy plan/);
  });
});

describe('the Plan sheet', () => {
  it('lists every item with its status and reason, then the team loads and how it was planned', async () => {
    const { backlog, teams } = await sampleTables();
    const tables = planTables(backlog, teams, undefined, 'Cost of delay');
    const greedy = await planCapacity(tables, { method: 'greedy' });
    const sheet = planSheet(greedy, rowInfo(backlog, 'Cost of delay'), 'greedy');
    expect(sheet.name).toBe('Plan');
    expect(sheet.rows[0]).toEqual(['ID', 'Item', 'Team', 'Score', 'Effort', 'Status', 'Reason']);
    expect(sheet.rows[1]!.slice(0, 6)).toEqual(['MKT-101', "Buyer's guide: AI for finance teams", 'Content', 18, 6, greedy.rows[0]!.status]);
    const teamHeader = sheet.rows.findIndex((r) => r[0] === 'Team');
    expect(teamHeader).toBe(42);
    expect(sheet.rows.slice(teamHeader + 1, teamHeader + 6).map((r) => r[0])).toEqual(['Content', 'Demand Gen', 'Product Marketing', 'Web & Digital', 'Marketing Ops']);
    expect(sheet.rows.every((r) => r.length === 7)).toBe(true);
  });
});
