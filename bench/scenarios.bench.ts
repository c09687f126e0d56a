// Scenario figures: SCENARIO_COMPARE with ten scenarios and CAPACITY_VALUE over twenty teams, each against
// the ALLOCATE calls a user would otherwise make (one per plan) on the same data in this process; and the
// optimal capacity value (21 HiGHS solves) under the planner's one time limit.
// Run alone with `npx tsx bench/scenarios.bench.ts`, or through `npm run bench`.
import { ALLOCATE } from '../core/capacity/functions';
import { capacityGains } from '../core/capacity/scenario-plans';
import { CAPACITY_VALUE, SCENARIO_COMPARE } from '../core/capacity/scenario-functions';
import { capacityData } from './capacity-data';
import { compare } from './timing';

const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Ten scenarios of every kind, on the bench backlog's IDs, teams and categories. */
function scenarios(backlog: unknown[][]): unknown[][] {
  const id = (i: number) => backlog[1 + i]![0];
  return [
    ['Scenario', 'Change', 'Target', 'Value'],
    ['Team 01 +20', 'add capacity', 'Team 01', 20],
    ['Everyone +10%', 'grow capacity', '*', '10%'],
    ['Team 05 halved', 'grow capacity', 'Team 05', '-50%'],
    ['Commit five', 'commit', id(1500), ''],
    ['Commit five', 'commit', id(1600), ''],
    ['Commit five', 'commit', id(1700), ''],
    ['Commit five', 'commit', id(1800), ''],
    ['Commit five', 'commit', id(1900), ''],
    ['Drop the top', 'exclude', id(0), ''],
    ['Drop the top', 'exclude', id(1), ''],
    ['Cheaper', 'effort', id(3), 1],
    ['Brand cap 10%', 'max share', 'Brand', '10%'],
    ['Experiments cap 20%', 'max share', 'Experiments', '20%'],
    ['Team 10 = 0', 'capacity', 'Team 10', 0],
    ['Mixed', 'add capacity', 'Team 02', 15],
    ['Mixed', 'commit', id(1234), ''],
    ['Mixed', 'max share', 'Brand', '15%'],
  ];
}

export async function runScenariosBench(): Promise<string[]> {
  const data = capacityData({ items: 2000, teams: 20, depShare: 0.3, seed: 11 });
  const sc = scenarios(data.backlog);
  const names = new Set(sc.slice(1).map((r) => r[0]));
  const compareRes = SCENARIO_COMPARE.impl(data.backlog, data.teams, sc, data.mix) as unknown[][];
  if (compareRes.length !== names.size + 2 || compareRes.some((r) => typeof r[1] === 'object')) throw new Error(`bench scenarios did not all plan: ${JSON.stringify(compareRes)}`);
  const allocateN = (n: number) => () => {
    for (let i = 0; i < n; i++) ALLOCATE.impl(data.backlog, data.teams, data.mix);
  };
  const a = compare(() => SCENARIO_COMPARE.impl(data.backlog, data.teams, sc, data.mix), allocateN(names.size + 1), 9);
  const b = compare(() => CAPACITY_VALUE.impl(data.backlog, data.teams, data.mix, 5), allocateN(21), 9);

  const opt = capacityData({ items: 2000, teams: 20, seed: 7 });
  await capacityGains(opt, { method: 'optimal', step: 5, timeLimitSeconds: 10 }); // loads and warms HiGHS
  const t0 = performance.now();
  const gains = await capacityGains(opt, { method: 'optimal', step: 5, timeLimitSeconds: 10 });
  const seconds = (performance.now() - t0) / 1000;
  const greedy = CAPACITY_VALUE.impl(opt.backlog, opt.teams, opt.mix, 5) as unknown[][];
  const best = [...gains.teams].sort((x, y) => y.gain - x.gain)[0]!;
  const beats = gains.teams.filter((t, i) => t.gain > (greedy[i + 1]![0] as number) + 1e-9).length;
  return [
    `SCENARIO_COMPARE, ${names.size} scenarios on 2,000 items × 20 teams: ${ms(a.ours)} against ${names.size + 1} ALLOCATE calls ${ms(a.baseline)}: ×${a.ratio.toFixed(2)} (target ≤ 1.2)`,
    `CAPACITY_VALUE, 20 teams: ${ms(b.ours)} against 21 ALLOCATE calls ${ms(b.baseline)}: ×${b.ratio.toFixed(2)} (target ≤ 1.2)`,
    `optimal capacity value (step 5), 2,000 items × 20 teams, 21 HiGHS solves in Node: ${seconds.toFixed(2)} s for a 10 s limit, worst gap ${(gains.gap * 100).toFixed(2)}%;` +
      ` best: ${best.team} +${best.gain.toFixed(1)}; optimal beats greedy's CAPACITY_VALUE on ${beats} of 20 teams`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await runScenariosBench()) console.log(line);
}
