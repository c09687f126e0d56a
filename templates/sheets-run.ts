// Empower and Unblock: decision guardrails and the decision log, team capacity and the investment mix.
import { RISKS, V, code, input, statusInput } from './columns';
import { type SheetDecl, type TableCall, all, call, col } from './model';
import { DECISIONS, DECISION_TYPES, GUARDRAILS, MIX, RETRO, RETRO_STATUSES, TEAMS } from './sample/planning';

export const guardrailsSheet: SheetDecl = {
  name: 'Guardrails',
  title: 'Guardrails: who decides what',
  help: 'Empower: read top to bottom, the first rule that matches names the owner. Blank means no limit; keep a catch-all last.',
  tabColor: '6A4C93',
  table: {
    name: 'Guardrails',
    columns: [
      input('Decision type', 18, V.list(['*', ...DECISION_TYPES]), undefined, '* or blank matches every type.'),
      input('Max budget', 13, V.atLeast0, 'money'),
      code('Max risk', 10, V.list(RISKS)),
      input('Owner', 24, V.text),
    ],
    rows: GUARDRAILS,
  },
};

export const decisionsSheet: SheetDecl = {
  name: 'Decisions',
  title: 'Decisions: the log',
  help: 'Empower: the owner comes from the guardrails. Approval cycle time on the Scorecard is the median from requested to decided.',
  tabColor: '6A4C93',
  table: {
    name: 'Decisions',
    columns: [
      input('Decision', 36, V.text),
      input('Type', 17, V.list(DECISION_TYPES)),
      input('Budget', 11, V.atLeast0, 'money'),
      code('Risk', 9, V.list(RISKS)),
      input('Requested', 12, V.date, 'date'),
      input('Decided', 12, V.date, 'date', 'Leave blank while the decision is pending.'),
      {
        header: 'Owner',
        width: 22,
        compute: { kind: 'rowwise', call: call('DECISION_OWNER', col('Decisions', 'Type'), col('Decisions', 'Budget'), col('Decisions', 'Risk'), all('Guardrails')) },
      },
    ],
    rows: DECISIONS,
    spareRows: 10,
  },
};

// TEAM_LOAD reads the plan's Status from the backlog; the teams argument stops at Capacity so the load
// columns never read themselves.
const load: TableCall = { ...call('TEAM_LOAD', all('Teams', 'Team', 'Capacity'), all('Backlog')), outputs: ['Load'] };

export const teamsSheet: SheetDecl = {
  name: 'Teams',
  title: 'Teams: capacity and load',
  help: 'Unblock: capacity in person-weeks for the quarter. Load is planned effort ÷ capacity; actual effort is what was really spent.',
  tabColor: 'C0392B',
  table: {
    name: 'Teams',
    columns: [
      input('Team', 20, V.text),
      input('Mission', 42, V.text),
      input('Capacity', 10, V.atLeast0, 'num1'),
      input('Actual effort', 13, V.atLeast0, 'num1', 'Person-weeks really spent this quarter.'),
      { header: 'Load', width: 9, format: 'pct', warnAbove: 1, compute: { kind: 'table', call: load, output: 0 } },
      { header: 'Planned effort', width: 14, format: 'num1', compute: { kind: 'expr', expr: { t: 'mul', a: { t: 'this', col: 'Load' }, b: { t: 'this', col: 'Capacity' } } } },
    ],
    rows: TEAMS,
  },
};

export const mixSheet: SheetDecl = {
  name: 'Mix',
  title: 'Mix: how capacity is invested',
  help: 'Unblock: the plan keeps each category under its max share of total capacity. Min share guides the optimal planner in the sidebar.',
  tabColor: 'C0392B',
  table: {
    name: 'Mix',
    columns: [input('Category', 16, V.text), input('Min share', 11, V.share, 'pct'), input('Max share', 11, V.share, 'pct')],
    rows: MIX,
  },
};

export const retroSheet: SheetDecl = {
  name: 'Retro',
  title: 'Retro: improvement actions',
  help: 'Coach: actions from the retrospectives. Improvement completion on the Scorecard is the share that are Done.',
  tabColor: '27AE60',
  table: {
    name: 'Retro',
    columns: [input('Action', 50, V.text), input('Owner', 24, V.text), input('Due', 12, V.date, 'date'), statusInput('Status', 12, RETRO_STATUSES)],
    rows: RETRO,
    spareRows: 10,
  },
};
