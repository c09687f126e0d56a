// The scenarios Share can put on the one-pager: the workbook's Scenarios table (Scenario, Change, Target,
// Value) compared with the plan greedily, exactly as SCENARIO_COMPARE computes it in the sheet.
import { type ScenarioResult, compareScenarios } from '../../core/capacity';
import type { ScenarioSummary } from '../../core/report';
import type { Scalar, TableData } from '../../protocol/bridge';
import { changeText, rowsFromTable } from '../planner/scenarios-model';

const grid = (t: TableData): Scalar[][] => [t.headers.slice(), ...t.rows.map((r) => r.slice())];

/** Every scenario of the table with its figures against the base; an empty list when there is nothing to compare. */
export async function scenarioSummaries(scenarios: TableData | undefined, backlog: Scalar[][], teams: TableData | undefined, mix: TableData | undefined): Promise<ScenarioSummary[]> {
  if (!scenarios || !teams) return [];
  const rows = rowsFromTable(scenarios);
  if (rows.length === 0) return [];
  let results: ScenarioResult[];
  try {
    results = await compareScenarios({ backlog, teams: grid(teams), ...(mix ? { mix: grid(mix) } : {}) }, grid(scenarios));
  } catch {
    // A table the comparison cannot read (a call error) leaves the page without scenarios, never broken.
    return [];
  }
  const key = (s: string) => s.trim().toLowerCase();
  return results.slice(1).map((r) => ({
    name: r.name,
    change: rows.filter((x) => key(x.scenario) === key(r.name)).map(changeText).join(', '),
    score: r.error ? null : r.value,
    delta: r.error ? null : r.change,
    added: r.added,
    dropped: r.dropped,
    ...(r.error ? { error: r.error } : {}),
  }));
}
