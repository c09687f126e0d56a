// The shape of one catalog entry. Everything a host shows or needs (names, help, parameter order, how to
// pass each argument, what comes back) is read from here, so adding a function is one edit.
import type { Out } from './cells';

export type ParamShape =
  /** A cell or a range: Excel declares it `any[][]`, so a single cell arrives as [[v]]. */
  | 'range'
  /** One value (an option, a date, a number): Excel declares it `any`. */
  | 'value';

export interface ParamSpec {
  readonly name: string;
  readonly help: string;
  readonly shape: ParamShape;
  readonly optional?: boolean;
  /**
   * For an optional parameter: what leaving it out means, as a default value ("0.95", '"median"') or a
   * phrase ("higher is better"). Sheets shows every parameter as required and hides @return, so the
   * generated help says "Optional; if omitted: …" in the parameter's own text (scripts/lib/sheets-wrappers.mjs).
   */
  readonly omitted?: string;
}

export type ResultKind =
  /** One cell per input row: a spilled column. */
  | 'column'
  /** One cell. */
  | 'single'
  /** One cell per input row of a table, header row included, possibly several columns. */
  | 'table';

export type Section = 'Prioritization' | 'Capacity' | 'Scorecards and delivery metrics' | 'Decision guardrails';

export interface FunctionSpec {
  /** Upper-case name: the Excel id (AGILE.<name>) and the Sheets function name. */
  readonly name: string;
  readonly section: Section;
  /** One line, shown while typing. */
  readonly summary: string;
  readonly params: readonly ParamSpec[];
  readonly result: ResultKind;
  /** What the result means, for the reference and the @returns help. */
  readonly returns: string;
  /** A formula as a Sheets user types it (no AGILE. prefix); the Excel docs add the namespace. */
  readonly example: string;
  /** Choices made where the public contract is silent, for the function reference. */
  readonly notes?: readonly string[];
  /**
   * The implementation, called with the host's raw arguments in order. Returns a column or table as a 2-D
   * array, or one cell. Throws CallError for shape problems.
   */
  readonly impl: (...args: unknown[]) => Out | Out[][];
}
