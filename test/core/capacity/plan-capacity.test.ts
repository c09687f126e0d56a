import { describe, expect, it, vi } from 'vitest';
import { ALLOCATE } from '../../../core/capacity/functions';
import { type HighsInstance, InfeasiblePlanError, planCapacity } from '../../../core/capacity/index';

const HEAD = ['ID', 'Score', 'Effort', 'Team', 'Category', 'Depends on', 'Commit'];
const backlog = (...rows: unknown[][]) => [HEAD, ...rows.map((r) => HEAD.map((_, k) => r[k] ?? ''))];
const teams = (...rows: [string, number][]) => [['Team', 'Capacity'], ...rows];

// Greedy takes the 9-point item first and then has no room for the two 6-point ones that together fit.
const knapsack = {
  backlog: backlog(['Big', 9, 6, 'Brand'], ['Half1', 6, 5, 'Brand'], ['Half2', 6, 5, 'Brand'], ['Small', 1, 4, 'Web']),
  teams: teams(['Brand', 10], ['Web', 3]),
};

describe('planCapacity, greedy', () => {
  it('gives ALLOCATE\'s plan with ids, teams, value and team loads', async () => {
    const plan = await planCapacity(knapsack, { method: 'greedy' });
    expect(plan.rows).toEqual([
      { id: 'Big', status: 'Planned', reason: '', team: 'Brand' },
      { id: 'Half1', status: 'Cut', reason: 'Brand has 4 of 10 left; this needs 5', team: 'Brand' },
      { id: 'Half2', status: 'Cut', reason: 'Brand has 4 of 10 left; this needs 5', team: 'Brand' },
      { id: 'Small', status: 'Cut', reason: 'Web has 3 of 3 left; this needs 4', team: 'Web' },
    ]);
    expect(plan.value).toBe(9);
    expect(plan.teams).toEqual([
      { team: 'Brand', capacity: 10, planned: 6, load: 0.6 },
      { team: 'Web', capacity: 3, planned: 0, load: 0 },
    ]);
    expect(plan.solver).toBeUndefined();
    const table = ALLOCATE.impl(knapsack.backlog, knapsack.teams) as unknown[][];
    expect(plan.rows.map((r) => r.status)).toEqual(table.slice(1).map((r) => r[0]));
  });

  it('keeps blank rows and row errors in place', async () => {
    const plan = await planCapacity({ backlog: backlog(['A', 1, 1, 'Brand'], [], ['B', 1, 0, 'Brand']), teams: teams(['Brand', 5]) });
    expect(plan.rows).toEqual([
      { id: 'A', status: 'Planned', reason: '', team: 'Brand' },
      { id: '', status: '', reason: '', team: '' },
      { id: 'B', status: 'Error', reason: 'Effort must be greater than 0 (got 0): enter the effort this item needs', team: 'Brand' },
    ]);
  });

  it('rejects call errors with their message', async () => {
    await expect(planCapacity({ backlog: [['ID', 'Score']], teams: teams(['Brand', 1]) })).rejects.toThrow('backlog has no "Effort" column');
    await expect(planCapacity(knapsack, { method: 'fast' as 'greedy' })).rejects.toThrow('method "fast" is not an option');
  });
});

describe('planCapacity, optimal', () => {
  it('finds the better combination and says why the rest is out', async () => {
    const plan = await planCapacity(knapsack, { method: 'optimal' });
    expect(plan.value).toBe(12);
    expect(plan.rows.map((r) => [r.status, r.reason])).toEqual([
      ['Cut', 'Not in the optimal plan: Brand has 0 of 10 left; this needs 6'],
      ['Planned', ''],
      ['Planned', ''],
      ['Cut', 'Not in the optimal plan: Web has 3 of 3 left; this needs 4'],
    ]);
    expect(plan.solver!.status).toBe('optimal');
    expect(plan.solver!.gap).toBeLessThanOrEqual(0.005);
    expect(plan.solver!.seconds).toBeGreaterThanOrEqual(0);
  });

  it('plans commitments and what they need, and names what pulled a dependency in', async () => {
    const plan = await planCapacity(
      { backlog: backlog(['C', 1, 4, 'Brand', '', 'D', 'yes'], ['D', 0, 8, 'Brand'], ['E', 5, 1, 'Web', '', 'F'], ['F', -1, 1, 'Web']), teams: teams(['Brand', 10], ['Web', 5]) },
      { method: 'optimal' },
    );
    expect(plan.rows.map((r) => r.reason)).toEqual(['Committed; overloads Brand by 2 (12 of 10)', 'Needed by C; overloads Brand by 2 (12 of 10)', '', 'Needed by E']);
    expect(plan.value).toBe(5);
  });

  it('says when an item is out only because it would not raise the total', async () => {
    const plan = await planCapacity({ backlog: backlog(['Z', 0, 1, 'Brand'], ['N', 2, 1, 'Brand', '', 'M'], ['M', -3, 1, 'Brand']), teams: teams(['Brand', 10]) }, { method: 'optimal' });
    expect(plan.rows.map((r) => r.reason)).toEqual([
      'Not in the optimal plan: its score is 0, so planning it would not raise the total',
      'Not in the optimal plan: with M, which it depends on, it would add -1 to the total score',
      'Not in the optimal plan: its score is -3, so planning it would not raise the total',
    ]);
  });

  it('meets a min share even at the cost of score', async () => {
    const plan = await planCapacity(
      {
        backlog: backlog(['Hi', 10, 6, 'Brand', 'Growth'], ['Lo', 1, 5, 'Brand', 'Platform'], ['Mid', 5, 4, 'Brand', 'Growth']),
        teams: teams(['Brand', 10]),
        mix: [['Category', 'Max share', 'Min share'], ['Platform', '', '40%']],
      },
      { method: 'optimal' },
    );
    expect(plan.rows.map((r) => r.status)).toEqual(['Cut', 'Planned', 'Planned']);
    expect(plan.value).toBe(6);
  });

  describe('says which limit to relax when no plan exists', () => {
    const reject = (tables: Parameters<typeof planCapacity>[0]) => planCapacity(tables, { method: 'optimal' });

    it('a min share above all the effort in its category', async () => {
      const p = reject({
        backlog: backlog(['A', 1, 12, 'Brand', 'Brand'], ['B', 1, 50, 'Brand', 'Growth']),
        teams: teams(['Brand', 100]),
        mix: [['Category', 'Max share', 'Min share'], ['Brand', '', 0.3]],
      });
      await expect(p).rejects.toThrow(InfeasiblePlanError);
      await expect(p).rejects.toThrow('Min share for Brand (30%) cannot be met: only 12 of 30 effort exists in that category; lower it to 12%');
    });

    it('a min share the teams cannot reach', async () => {
      const p = reject({
        backlog: backlog(['A', 1, 8, 'Small', 'Brand'], ['B', 1, 8, 'Small', 'Brand'], ['C', 1, 40, 'Big', 'Growth']),
        teams: teams(['Small', 10], ['Big', 90]),
        mix: [['Category', 'Min share'], ['Brand', 0.15]],
      });
      await expect(p).rejects.toThrow(
        "Min share for Brand (15%) cannot be met: at most 8 of the 15 it asks for fits within the teams' capacity, dependencies and max shares; lower it to 8%",
      );
    });

    it('min shares that each fit but not together', async () => {
      const p = reject({
        backlog: backlog(['A', 1, 6, 'Brand', 'X'], ['B', 1, 6, 'Brand', 'Y']),
        teams: teams(['Brand', 10]),
        mix: [['Category', 'Min share'], ['X', 0.5], ['Y', 0.5]],
      });
      await expect(p).rejects.toThrow('The min shares cannot all be met together: X (50%) and Y (50%) compete for the same capacity; lower one of them');
    });

    it('commitments above a max share', async () => {
      const p = reject({
        backlog: backlog(['A', 1, 25, 'Brand', 'Experiments', '', 'yes'], ['B', 1, 5, 'Brand', 'Growth']),
        teams: teams(['Brand', 100]),
        mix: [['Category', 'Max share'], ['Experiments', 0.2]],
      });
      await expect(p).rejects.toThrow(
        'Max share for Experiments (20%) cannot be met: commitments put 25 of effort there (A) and the cap is 20 of 100; raise it to 25% or uncommit an item',
      );
    });
  });

  it('rejects bad solver options', async () => {
    await expect(planCapacity(knapsack, { method: 'optimal', timeLimitSeconds: 0 })).rejects.toThrow('timeLimitSeconds must be a number of seconds greater than 0');
    await expect(planCapacity(knapsack, { method: 'optimal', gap: 1 })).rejects.toThrow('gap must be from 0 to less than 1');
  });

  it('uses a loader the caller passes, once', async () => {
    const real = (await import('highs')).default as unknown as () => Promise<HighsInstance>;
    const loadHighs = vi.fn(() => real());
    await planCapacity(knapsack, { method: 'optimal', loadHighs });
    await planCapacity(knapsack, { method: 'optimal', loadHighs });
    expect(loadHighs).toHaveBeenCalledTimes(1);
  });

  it('works with a HiGHS that only has the one-shot LP-text API', async () => {
    const real = await ((await import('highs')).default as unknown as () => Promise<HighsInstance>)();
    const legacy: HighsInstance = { solve: (lp, o) => real.solve(lp, o) };
    const data = {
      ...knapsack,
      mix: [['Category', 'Max share', 'Min share'], ['Platform', '', 0.1]],
      backlog: [...knapsack.backlog, ['P', 1, 2, 'Web', 'Platform', '', '']],
    };
    const viaText = await planCapacity(data, { method: 'optimal', loadHighs: async () => legacy });
    const viaModel = await planCapacity(data, { method: 'optimal' });
    expect(viaText.value).toBe(viaModel.value);
    expect(viaText.rows).toEqual(viaModel.rows);
    expect(viaText.solver!.gap).toBeLessThanOrEqual(0.005);
  });
});
