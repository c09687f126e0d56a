// The quarterly-planning workbook, declared once. Sheet order follows the playbook: Define → Align →
// Empower → Unblock → Measure → Coach, with Start here explaining how to Scale it to the next quarter.
import type { SheetDecl, WorkbookDecl } from './model';
import { backlogSheet, outcomesSheet, rankingSheet } from './sheets-align';
import { scorecardSheet } from './sheets-measure';
import { scenariosSheet } from './sheets-scenarios';
import { decisionsSheet, guardrailsSheet, mixSheet, retroSheet, teamsSheet } from './sheets-run';

const startHere: SheetDecl = {
  name: 'Start here',
  title: 'Agile Playbook: quarterly plan',
  help: 'Fieldstone Analytics · Growth Marketing · Q2 2026. Sample data for a fictional team: replace it with yours.',
  tabColor: '34495E',
  text: [
    ['The quarter in seven steps', ''],
    ['1. Define', 'Outcomes: the few outcomes this quarter serves, each with a KPI, baseline, target, owner and weight.'],
    ['2. Align', 'Backlog: every item with its team, outcome, category, reach, impact, confidence and effort. Score, Rank, Status and Reason are computed.'],
    ['3. Empower', 'Guardrails: who may decide what, up to which budget and risk. Decisions: the log, each with the owner the guardrails name.'],
    ['4. Unblock', 'Teams and Mix: capacity per team and the investment mix. The plan honours commitments, dependencies and the mix, and says why each cut was cut.'],
    ['5. Measure', 'Scorecard: the six leadership KPIs computed from this workbook, plus delivery and business KPIs, each with status, trend and sparkline.'],
    ['6. Coach', 'Retro: improvement actions from the retrospectives, with owner and status.'],
    ['7. Scale', 'Next quarter: copy this workbook, paste this quarter’s top 10 into Ranking as last quarter’s, clear Progress and dates, keep the guardrails.'],
    ['', ''],
    ['Good to know', ''],
    ['Colours', 'White cells are yours to type in. Tinted columns are computed by Agile Playbook functions: do not type over them.'],
    ['Functions', 'Excel: =AGILE.RICE(...) and friends, from the Agile Playbook add-in. Google Sheets: =AGILE_RICE(...), from the Agile Playbook add-on.'],
    ['Before the add-in loads', 'Every computed cell already holds the value the functions give for this sample, so the file reads well anywhere.'],
    ['Share', 'The sidebar’s Share tab turns the Scorecard, the plan and the ranking into a one-page executive summary.'],
  ],
};

export const QUARTER: WorkbookDecl = {
  title: 'Agile Playbook: quarterly plan',
  sheets: [startHere, outcomesSheet, backlogSheet, rankingSheet, guardrailsSheet, decisionsSheet, teamsSheet, mixSheet, scenariosSheet, scorecardSheet, retroSheet],
};
