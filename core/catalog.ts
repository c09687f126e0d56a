// Every custom function, declared once. Hosts, docs and test harnesses read this list; the order is the
// order of the public reference.
import { ALLOCATE, CAPACITY_ACCURACY, TEAM_LOAD } from './capacity/functions';
import { CAPACITY_VALUE, SCENARIO_COMPARE } from './capacity/scenario-functions';
import { withFiniteResults } from './finite';
import type { FunctionSpec } from './function-spec';
import { DECISION_OWNER } from './guardrails/decision-owner';
import { KPI_ATTAINMENT } from './kpi/attainment';
import { COMPLETION_RATE } from './kpi/completion-rate';
import { CYCLE_TIME } from './kpi/cycle-time';
import { GOAL_CONTRIBUTION } from './kpi/goal-contribution';
import { LAUNCH_VELOCITY } from './kpi/launch-velocity';
import { MARKETING_ROI } from './kpi/marketing-roi';
import { SCORECARD_SCORE } from './kpi/scorecard-score';
import { SPARK } from './kpi/spark';
import { KPI_STATUS } from './kpi/status';
import { KPI_TREND } from './kpi/trend';
import { CD3 } from './scoring/cd3';
import { ICE } from './scoring/ice';
import { PRIORITY_RANK } from './scoring/priority-rank';
import { PRIORITY_STABILITY } from './scoring/priority-stability';
import { RANK_CONFIDENCE } from './scoring/rank-confidence';
import { RICE } from './scoring/rice';
import { WEIGHTED_SCORE } from './scoring/weighted-score';
import { WSJF } from './scoring/wsjf';

// Every result passes through withFiniteResults: no function can return Infinity or NaN to a cell.
export const CATALOG: readonly FunctionSpec[] = [
  RICE,
  ICE,
  WSJF,
  CD3,
  WEIGHTED_SCORE,
  PRIORITY_RANK,
  RANK_CONFIDENCE,
  PRIORITY_STABILITY,
  ALLOCATE,
  TEAM_LOAD,
  CAPACITY_ACCURACY,
  SCENARIO_COMPARE,
  CAPACITY_VALUE,
  KPI_ATTAINMENT,
  KPI_STATUS,
  KPI_TREND,
  SPARK,
  SCORECARD_SCORE,
  CYCLE_TIME,
  LAUNCH_VELOCITY,
  COMPLETION_RATE,
  GOAL_CONTRIBUTION,
  MARKETING_ROI,
  DECISION_OWNER,
].map(withFiniteResults);

const byName = new Map(CATALOG.map((f) => [f.name, f]));

export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.toUpperCase());
}
