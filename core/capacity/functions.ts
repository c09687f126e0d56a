// The Capacity custom functions. They import the model and the greedy planner only: the HiGHS planner is
// for the sidebar and the library API, never for a custom function (hosts give those seconds, not minutes).
import type { Out } from '../cells';
import type { FunctionSpec } from '../function-spec';
import { type Allocation, allocateGreedy } from './greedy';
import { type PlanModel, readPlan } from './model';
import { capacityAccuracy, teamLoad } from './team-load';

/** ALLOCATE's result: a header row, then Status and Reason per backlog row; row errors sit in Status. */
export function allocationTable(m: PlanModel, a: Allocation): Out[][] {
  const out: Out[][] = [['Status', 'Reason']];
  for (const row of m.rows) {
    if (row.blank) out.push(['', '']);
    else if (row.error) out.push([row.error, '']);
    else out.push([a.planned[row.item] ? 'Planned' : 'Cut', a.reasons[row.item]!]);
  }
  return out;
}

export const ALLOCATE: FunctionSpec = {
  name: 'ALLOCATE',
  section: 'Capacity',
  summary: 'Plans the backlog into team capacity, highest priority first, and says why each item is planned or cut.',
  params: [
    {
      name: 'backlog',
      shape: 'range',
      help: 'The backlog with headers: ID, a score (Score, Priority score, Weighted score, RICE, WSJF, ICE or CD3), Effort, Team; optional Category, Depends on, Commit.',
    },
    { name: 'teams', shape: 'range', help: 'Teams with headers Team and Capacity (same unit as Effort).' },
    { name: 'mix', shape: 'range', optional: true, omitted: 'no category limits', help: 'Optional investment mix with headers Category and Max share (0–1 of total capacity).' },
  ],
  result: 'table',
  returns: 'Status (Planned or Cut) and Reason for every backlog row, header row included; blank rows stay blank.',
  example: 'ALLOCATE(Backlog!A1:H60, Teams!A1:B6, Mix!A1:B4)',
  notes: [
    'Row problems (blank ID, missing or non-numeric score, effort not greater than 0, unknown team, unknown dependency ID, a dependency on itself, a dependency cycle, a duplicate ID, an unreadable Commit) put an error in that row\'s Status; such a row is left out of the plan, and so is every row that depends on it, with an error naming the dependency.',
    'A duplicate ID marks every row that uses it, since none of them can be told apart.',
    'IDs, team names and category names match case-insensitively, with surrounding spaces ignored.',
    'The Team column may be left out (or a Team cell left blank) when teams has a single team: every item belongs to it.',
    'Commit: yes, true, x or TRUE commits an item; blank, no, false, FALSE or 0 (what Excel desktop passes for an empty cell) does not; anything else is a row error.',
    'Depends on: IDs separated by commas. A committed item pulls in what it depends on: those items are planned too, whatever they cost, with the reason "Needed by <ID>".',
    'A commitment is planned even when it takes a team over capacity or a category over its max share; its reason says by how much ("Committed; overloads Brand by 4 (14 of 10)"). The overload is measured when the item is planned, in walking order.',
    'Items whose category has no row in mix, or no Category, count against no share. A mix row with a blank Max share sets no maximum. Min share, if present, is used only by the optimal planner in the sidebar: a greedy walk cannot promise a minimum.',
    'When several limits stop an item, the reason names the first team short of capacity (in teams order), else the first category at its cap (in mix order).',
    'Teams and mix problems (missing column, blank or negative capacity, a share outside 0–1, a min share above the max share, a name listed twice) fail the whole call.',
  ],
  impl: (backlog, teams, mix) => {
    const m = readPlan(backlog, teams, mix);
    return allocationTable(m, allocateGreedy(m));
  },
};

export const TEAM_LOAD: FunctionSpec = {
  name: 'TEAM_LOAD',
  section: 'Capacity',
  summary: 'Planned effort ÷ capacity for every team (1 = full).',
  params: [
    { name: 'teams', shape: 'range', help: 'Teams with headers Team and Capacity.' },
    {
      name: 'backlog',
      shape: 'range',
      help: 'The backlog with headers Effort and Team, and Status when it has been allocated (only Planned rows then count).',
    },
  ],
  result: 'table',
  returns: 'Load for every teams row, header row included; blank rows stay blank.',
  example: 'TEAM_LOAD(Teams!A1:B6, Backlog!A1:J60)',
  notes: [
    'With a Status column, only rows whose Status is Planned (any case) count; without one, every non-blank row counts.',
    'A counted row whose team is blank or not in teams loads no listed team (ALLOCATE marks such rows as errors). With a single team, the Team column may be left out.',
    'A counted row whose Effort is blank, not a number or not greater than 0 makes its team\'s Load an error naming the item, rather than a load that is silently too low.',
    'A team with capacity 0 has load 0 when nothing is planned on it, and an error otherwise. A negative capacity fails the whole call, as in ALLOCATE.',
  ],
  impl: (teams, backlog) => teamLoad(teams, backlog),
};

export const CAPACITY_ACCURACY: FunctionSpec = {
  name: 'CAPACITY_ACCURACY',
  section: 'Capacity',
  summary: 'How close actual effort came to planned: max(0, 1 − Σ|planned − actual| ÷ Σ planned).',
  params: [
    { name: 'planned', shape: 'range', help: 'Planned effort per item or team (a column).' },
    { name: 'actual', shape: 'range', help: 'Actual effort, the same height as planned.' },
  ],
  result: 'single',
  returns: 'A share from 0 to 1; 1 means actual matched the plan exactly.',
  example: 'CAPACITY_ACCURACY(C2:C40, D2:D40)',
  notes: [
    'Rows where planned or actual is blank or text are skipped; an error value in either is never skipped but gives an error naming the row.',
    'A negative planned or actual effort is an error.',
    'Σ planned = 0 over the counted rows (including no counted rows at all) is an error.',
  ],
  impl: (planned, actual) => capacityAccuracy(planned, actual),
};
