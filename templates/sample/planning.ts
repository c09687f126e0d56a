// Sample teams, investment mix, outcomes, guardrails, decisions, retro actions and last quarter's ranking
// for the fictional Fieldstone Analytics growth marketing team. Money in US dollars, effort in person-weeks.
import type { Literal } from '../model';

type Rows = readonly (readonly Literal[])[];

export const TEAM_NAMES = ['Content', 'Demand Gen', 'Product Marketing', 'Brand & Creative', 'Marketing Ops'] as const;

// Team, Mission, Capacity, Actual effort
export const TEAMS: Rows = [
  ['Content', 'Authority content that earns pipeline', 36, 35],
  ['Demand Gen', 'Campaigns that fill the pipeline', 42, 46],
  ['Product Marketing', 'Positioning, launches and sales enablement', 30, 27],
  ['Brand & Creative', 'A distinctive brand in fintech analytics', 24, 26],
  ['Marketing Ops', 'Data, tooling and attribution', 20, 17],
];

// Category, Min share, Max share (shares of total capacity; min share is used by the sidebar's optimal planner)
export const MIX: Rows = [
  ['Growth', 0.35, 0.6],
  ['Retention', 0.1, 0.3],
  ['Brand', 0.1, 0.2],
  ['Operations', 0.05, 0.15],
];

// Outcome, KPI, Unit, Baseline, Target, Owner, Weight
export const OUTCOMES: Rows = [
  ['Grow pipeline', 'Pipeline created', '$', 3_200_000, 4_000_000, 'VP Marketing', 0.35],
  ['Convert trials', 'Trial-to-paid conversion', '%', 0.14, 0.18, 'Product Marketing lead', 0.25],
  ['Keep customers', 'Net revenue retention', '%', 1.04, 1.08, 'Lifecycle lead', 0.2],
  ['Own fintech analytics', 'Aided awareness among fintech CFOs', '%', 0.12, 0.18, 'Brand lead', 0.1],
  ['Run lean', 'Marketing ROI', '%', 2, 2.6, 'Marketing Ops lead', 0.1],
];

// Decision type, Max budget, Max risk, Owner: read top to bottom, the first match decides.
export const GUARDRAILS: Rows = [
  ['Content publish', null, 'Low', 'Content lead'],
  ['Content publish', null, 'Medium', 'Head of Content'],
  ['Campaign spend', 10_000, 'Medium', 'Demand Gen lead'],
  ['Campaign spend', 50_000, 'High', 'VP Marketing'],
  ['Tool purchase', 5_000, 'Low', 'Marketing Ops lead'],
  ['Brand change', null, 'Medium', 'Brand lead'],
  ['*', 25_000, 'Medium', 'VP Marketing'],
  ['*', null, null, 'CMO'],
];

export const DECISION_TYPES = ['Campaign spend', 'Content publish', 'Brand change', 'Pricing change', 'Tool purchase'] as const;

// Decision, Type, Budget, Risk, Requested, Decided
export const DECISIONS: Rows = [
  ['Boost LinkedIn retargeting budget', 'Campaign spend', 8_000, 'Low', '2026-04-06', '2026-04-08'],
  ['London fintech summit sponsorship', 'Campaign spend', 35_000, 'Medium', '2026-04-01', '2026-04-09'],
  ['Publish the benchmark report', 'Content publish', 0, 'Low', '2026-05-05', '2026-05-06'],
  ['Pricing page variant B', 'Pricing change', 0, 'Medium', '2026-04-10', '2026-04-14'],
  ['Attribution tool licence', 'Tool purchase', 4_200, 'Low', '2026-04-02', '2026-04-03'],
  ['Homepage hero message', 'Brand change', 0, 'Medium', '2026-04-20', '2026-04-23'],
  ['Competitor comparison page', 'Content publish', 0, 'High', '2026-05-11', '2026-05-19'],
  ['Marketing automation migration', 'Tool purchase', 60_000, 'High', '2026-05-18', '2026-06-01'],
  ['Partner co-marketing funds', 'Campaign spend', 12_000, 'Low', '2026-06-01', '2026-06-03'],
  ['Customer advisory board dinner', 'Campaign spend', 6_000, 'Medium', '2026-06-15', '2026-06-17'],
  ['Podcast pilot budget', 'Campaign spend', 9_000, 'Medium', '2026-06-18', null],
];

export const RETRO_STATUSES = ['Not started', 'In progress', 'Done', 'Dropped'] as const;

// Action, Owner, Due, Status
export const RETRO: Rows = [
  ['Publish a definition of ready for campaign briefs', 'Demand Gen lead', '2026-04-15', 'Done'],
  ['Cap work in progress at three items per person', 'VP Marketing', '2026-04-30', 'Done'],
  ['Weekly 15-minute dependency stand-up with Brand', 'Brand lead', '2026-04-22', 'Done'],
  ['Move approval requests into one form', 'Marketing Ops lead', '2026-05-15', 'Done'],
  ['Add a confidence score to every backlog item', 'Product Marketing lead', '2026-05-08', 'Done'],
  ['Pair writers with product marketers on launches', 'Head of Content', '2026-05-29', 'In progress'],
  ['Retire dashboards nobody opened this quarter', 'Marketing Ops lead', '2026-06-12', 'Not started'],
  ['Share the scorecard with Sales every month', 'VP Marketing', '2026-06-05', 'Done'],
  ['Timebox brand reviews to two rounds', 'Brand lead', '2026-06-19', 'In progress'],
];

// Last quarter's top 10, top first (M-09x items were delivered last quarter).
export const LAST_QUARTER_TOP: readonly string[] = ['M-091', 'M-117', 'M-103', 'M-104', 'M-094', 'M-110', 'M-126', 'M-118', 'M-097', 'M-115'];
