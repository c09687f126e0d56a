// The quarterly-planning template as the sidebar offers it. The declaration lives in templates/ and each
// host builds it (bridge.ts TemplateSpec.template), so the sidebar carries only the sheet names: rendering
// the template here would add ~40 KB to a bundle kept under 150 KB. test/sidebar/quarterly-plan.test.ts
// checks these names against templates/QUARTER, so the two cannot drift apart.
import type { TemplateSpec } from '../protocol/bridge';

export const QUARTERLY_PLAN_SHEETS = ['Start here', 'Outcomes', 'Backlog', 'Ranking', 'Guardrails', 'Decisions', 'Teams', 'Mix', 'Scenarios', 'Scorecard', 'Retro'] as const;

export const QUARTERLY_PLAN: TemplateSpec = {
  name: 'the quarterly plan',
  template: 'quarterly-plan',
  sheets: QUARTERLY_PLAN_SHEETS.map((name) => ({ name, rows: [] })),
};

/** What a download of the sample is called: the same name npm run build gives the template's file. */
export const QUARTERLY_PLAN_FILE_NAME = 'agile-playbook-quarter.xlsx';
