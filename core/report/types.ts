// What the one-pager and the snapshot are made from: plain values read from the Scorecard, the plan and
// the ranking (see from-tables.ts for reading them from the template's tables).

export interface KpiRow {
  readonly kpi: string;
  /** Leadership area or group, shown small under the KPI. */
  readonly area?: string;
  /** '%', '$', 'days', 'per week', 'number' or any other unit word. */
  readonly unit?: string;
  readonly direction?: string;
  readonly baseline?: number | null;
  readonly target?: number | null;
  readonly actual?: number | null;
  readonly attainment?: number | null;
  /** On track, At risk, Off track, No data, or an error text. */
  readonly status?: string;
  /** Relative change per period (KPI_TREND). */
  readonly trend?: number | null;
  /** Readings over time, oldest first; null for a missing period. */
  readonly series?: readonly (number | null)[];
  readonly weight?: number | null;
}

export interface PlanItem {
  readonly id: string;
  readonly item: string;
  readonly team?: string;
  readonly effort?: number | null;
  /** Planned, Cut, or an error text. */
  readonly status?: string;
  readonly reason?: string;
  readonly score?: number | null;
  readonly rank?: number | null;
}

export interface TeamLoad {
  readonly team: string;
  readonly capacity?: number | null;
  readonly planned?: number | null;
  /** Planned effort ÷ capacity (TEAM_LOAD). */
  readonly load?: number | null;
}

/** A scenario the user marked for the page: what changes, and what it does to the plan against the base. */
export interface ScenarioSummary {
  readonly name: string;
  /** The change in a few words ("+4 Brand & Creative", "commit M-113"). */
  readonly change?: string;
  /** Score planned in the scenario, or null when it could not be planned. */
  readonly score: number | null;
  /** Score planned minus the base's. */
  readonly delta: number | null;
  readonly added: readonly string[];
  readonly dropped: readonly string[];
  /** Why it could not be planned. */
  readonly error?: string;
}

export interface OnePagerInput {
  readonly quarter: string;
  readonly team: string;
  /** Shown in the footer, e.g. "26 June 2026". The report never reads the clock itself. */
  readonly asOf?: string;
  readonly scorecard: readonly KpiRow[];
  /** SCORECARD_SCORE of the attainments. */
  readonly composite?: number | null;
  readonly plan: { readonly items: readonly PlanItem[]; readonly teams: readonly TeamLoad[] };
  /** Items in priority order, top first. */
  readonly ranking: readonly PlanItem[];
  /** The scenarios the user marked in Share (SCENARIO_COMPARE's figures); none: no scenarios section. */
  readonly scenarios?: readonly ScenarioSummary[];
}
