// The add-on shell. onOpen runs in AuthMode.NONE before the user has opened the add-on in this document
// (and in AuthMode.LIMITED after), where only the UI is available: it builds the menu and touches nothing
// else. Everything that reads the spreadsheet runs from a menu item, by which time the add-on is authorised.
import { insertTemplate } from './insert';
import { withDocumentLock } from './lock';

const TITLE = 'Agile Playbook';
const ENABLE_CAPTION = 'Turn on =AGILE_ functions here';

/** sidebar/context.ts ViewId, restated: importing it would pull DOM types into server code. */
export type ViewId = 'prioritize' | 'plan' | 'scorecard' | 'share' | 'decide' | 'insert';

/** Menu caption → top-level function name (generated into server.js by the build). */
export const MENU: readonly (readonly [string, keyof typeof MENU_FUNCTIONS])[] = [
  // First, because Google's documentation and field reports differ on when an add-on's custom functions work
  // in a spreadsheet where it was never used: AuthMode.NONE means "the add-on has not been used in the current
  // document" (Apps Script AuthMode reference), and the worse reading is that =AGILE_… shows #NAME? until it is.
  // Running any menu item uses it here; this one says so, and does nothing else.
  [ENABLE_CAPTION, 'menuEnableFunctions'],
  ['Prioritize…', 'menuPrioritize'],
  ['Plan capacity…', 'menuPlanCapacity'],
  ['Scorecard…', 'menuScorecard'],
  ['Insert quarterly plan', 'menuInsertQuarterlyPlan'],
  ['Share scorecard…', 'menuShareScorecard'],
  ['Help', 'menuHelp'],
];

export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU.forEach(([caption, fn], i) => {
    // The functions switch and Help sit apart from the actions.
    if (i === 1 || i === MENU.length - 1) menu.addSeparator();
    menu.addItem(caption, fn);
  });
  menu.addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open document: build the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

const VIEWS: readonly ViewId[] = ['prioritize', 'plan', 'scorecard', 'share', 'decide', 'insert'];

/** The one HTML file, told which view to open by an attribute the client reads (no scriptlets). */
export function showSidebar(view: ViewId = 'prioritize'): void {
  const initial = VIEWS.includes(view) ? view : 'prioritize';
  const html = HtmlService.createHtmlOutputFromFile('sidebar');
  html.setContent(html.getContent().replace('data-initial-view="prioritize"', `data-initial-view="${initial}"`));
  html.setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export const HELP_TEXT =
  'Agile Playbook scores your backlog (RICE, ICE, WSJF, CD3, weighted), plans each team\u2019s capacity and builds KPI scorecards.\n\n' +
  '\u2022 Prioritize\u2026 ranks a table and writes Score and Rank columns beside it.\n' +
  '\u2022 Plan capacity\u2026 fits the backlog to team capacity and writes a Plan sheet.\n' +
  '\u2022 Scorecard\u2026 and Share scorecard\u2026 show targets against actuals and an executive one-pager.\n' +
  '\u2022 Insert quarterly plan adds the planning sheets (never over sheets that hold data).\n\n' +
  'Functions such as =AGILE_RICE(C2:C40, D2:D40, E2:E40, F2:F40) work in any cell of a spreadsheet where the add-on has been used. ' +
  'In a new spreadsheet, choose Extensions \u203a Agile Playbook \u203a ' + ENABLE_CAPTION + ' once first (or any other item of this menu); until then Sheets may show #NAME? for =AGILE_ functions.\n\n' +
  'The add-on writes only beside your tables, on its own sheets or in empty cells.';

export const ENABLED_TEXT =
  'The =AGILE_ functions work in this spreadsheet now. Type =AGILE_ in a cell to see them with their help; a cell that showed #NAME? before recalculates when you edit it or reload the spreadsheet.';

export const MENU_FUNCTIONS = {
  menuEnableFunctions: () => {
    // Running from the menu is what enables the add-on in this document; reading its name proves access.
    SpreadsheetApp.getActiveSpreadsheet().getName();
    const ui = SpreadsheetApp.getUi();
    ui.alert(TITLE, ENABLED_TEXT, ui.ButtonSet.OK);
  },
  menuPrioritize: () => showSidebar('prioritize'),
  menuPlanCapacity: () => showSidebar('plan'),
  menuScorecard: () => showSidebar('scorecard'),
  menuShareScorecard: () => showSidebar('share'),
  menuInsertQuarterlyPlan: () => {
    const ui = SpreadsheetApp.getUi();
    const spec = { name: 'the quarterly plan', template: 'quarterly-plan' as const, sheets: [] };
    try {
      const result = withDocumentLock(() => insertTemplate(SpreadsheetApp.getActiveSpreadsheet(), spec));
      ui.alert(TITLE, result.ok ? result.message : result.reason, ui.ButtonSet.OK);
    } catch (e) {
      ui.alert(TITLE, e instanceof Error ? e.message : String(e), ui.ButtonSet.OK);
    }
  },
  menuHelp: () => {
    const ui = SpreadsheetApp.getUi();
    ui.alert(TITLE, HELP_TEXT, ui.ButtonSet.OK);
  },
};
