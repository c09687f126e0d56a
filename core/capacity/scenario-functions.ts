// The Scenarios custom functions. Like ALLOCATE they plan greedily only (hosts give custom functions
// seconds); the sidebar offers the optimal planner for the same scenarios.
import type { FunctionSpec, ParamSpec } from '../function-spec';
import { readTable } from '../table';
import { capacityValueTable, scenarioCompare } from './compare';
import { readPlan } from './model';

// The plan's three tables, read as ALLOCATE reads them, are the same parameters in both functions.
const BACKLOG_PARAM: ParamSpec = {
  name: 'backlog',
  shape: 'range',
  help: 'The backlog, as ALLOCATE takes it: ID, a score (Score, Priority score, Weighted score, RICE, WSJF, ICE or CD3), Effort, Team; optional Category, Depends on, Commit.',
};
const TEAMS_PARAM: ParamSpec = { name: 'teams', shape: 'range', help: 'Teams with headers Team and Capacity (same unit as Effort).' };
const MIX_PARAM: ParamSpec = { name: 'mix', shape: 'range', optional: true, omitted: 'no category limits', help: 'Optional investment mix with headers Category and Max share (0–1 of total capacity).' };

export const SCENARIO_COMPARE: FunctionSpec = {
  name: 'SCENARIO_COMPARE',
  section: 'Capacity',
  summary: 'Plans the base and each named scenario (more capacity, a commitment, a different mix) by the ALLOCATE rules and compares them.',
  params: [
    BACKLOG_PARAM,
    TEAMS_PARAM,
    {
      name: 'scenarios',
      shape: 'range',
      help: 'Scenarios with headers Scenario, Change, Target, Value. Change: capacity, add capacity, grow capacity, commit, exclude, effort or max share; rows with the same Scenario combine.',
    },
    MIX_PARAM,
  ],
  result: 'table',
  returns: 'A header row, then Base, then one row per scenario: Scenario, Score planned, Items planned, Change vs base, Added, Dropped.',
  example: 'SCENARIO_COMPARE(Backlog!A1:H60, Teams!A1:B6, Scenarios!A1:D10, Mix!A1:B4)',
  notes: [
    'A scenario\'s changes apply in the order of its rows, so "capacity Brand 10" then "add capacity Brand 2" gives Brand 12, and "grow capacity" grows the capacity the rows above it set.',
    'Target * (for capacity, add capacity and grow capacity) changes every team. Capacities change the total capacity, so every max share is a share of the new total, as ALLOCATE would compute it from an edited teams table.',
    '"commit" plans the item and what it depends on whatever they cost, as a Commit cell of yes would; "exclude" leaves the item out, and every item that depends on it cannot be planned either. Excluding an item the backlog commits is allowed (the exclusion wins); excluding what a commitment depends on is an error in that scenario\'s row.',
    '"max share" needs the category in mix; a category with no mix row has no cap to change, so it is an error in that scenario\'s row.',
    'Value is read as a number cell is read: 20% and 0.2 are the same share. For commit and exclude the Value is ignored.',
    'A scenario named Base is a call error, since Base is always the first row; scenario names match ignoring case, and the result shows each name as first typed.',
    'Added and Dropped list item IDs against Base, separated by a comma and a space, in backlog order; both are blank when the plan is the same. Change vs base is Score planned minus the Base score (a scenario can score less than Base).',
    'A scenario\'s error (an unknown team, ID or category, or a Value that does not fit) sits in its Score planned cell and starts with the scenario\'s name; the other scenarios still compare. Table problems fail the whole call, as in ALLOCATE.',
  ],
  impl: (backlog, teams, scenarios, mix) => scenarioCompare(readPlan(backlog, teams, mix), scenarios),
};

export const CAPACITY_VALUE: FunctionSpec = {
  name: 'CAPACITY_VALUE',
  section: 'Capacity',
  summary: 'For each team, the score the ALLOCATE plan gains when that team alone gets step more capacity.',
  params: [
    BACKLOG_PARAM,
    TEAMS_PARAM,
    MIX_PARAM,
    {
      name: 'step',
      shape: 'value',
      optional: true,
      omitted: '10% of each team\'s own capacity',
      help: 'The capacity added to one team at a time, in Effort units (such as 1 person-week).',
    },
  ],
  result: 'table',
  returns: 'Extra score for every teams row, header row included; blank rows stay blank.',
  example: 'CAPACITY_VALUE(Backlog!A1:H60, Teams!A1:B6, Mix!A1:B4, 2)',
  notes: [
    'Each team is re-planned by the ALLOCATE rules with its capacity raised by step and every other team as it is; the result is that plan\'s score minus the plan\'s score today. Adding capacity also raises the total that max shares are taken of.',
    'Extra score is 0 when nothing more fits. The greedy walk can take a different path with more room (an item that now fits can block a better one further down), so the figure may, rarely, be negative. The planner\'s "what more capacity buys" can re-solve each team optimally instead; without min shares that figure is never negative.',
    'step is in Effort units, read as any number cell: 10% is 0.1, not a tenth of the capacity (leave step out for that). A negative step asks what losing capacity costs; a team it would take below 0 gets an error in its row.',
    'With step 0 (or a team of capacity 0 and step omitted) the extra score is 0.',
  ],
  impl: (backlog, teams, mix, step) => capacityValueTable(readPlan(backlog, teams, mix), readTable(teams, 'teams').rows.length, step),
};
