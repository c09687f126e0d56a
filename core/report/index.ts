// The executive one-pager and the scorecard snapshot: pure functions from plain data to an HTML string
// and to a values-only block. The sidebar's Share tab calls these; nothing here touches a host.
export { escapeHtml, inertText, isInertText } from './escape';
export { formatMoney, formatPercent, formatTrend, formatValue, statusTone, trendTone, type Tone } from './format';
export { kpiRows, planItems, reportInputFromTables, seriesLabels, teamLoads, type ReportSettings, type ReportTables } from './from-tables';
export { ONE_PAGER_LIMITS, renderOnePager } from './one-pager';
export { scorecardSnapshot, snapshotSheetName, type Snapshot, type SnapshotInput } from './snapshot';
export type { KpiRow, OnePagerInput, PlanItem, ScenarioSummary, TeamLoad } from './types';
