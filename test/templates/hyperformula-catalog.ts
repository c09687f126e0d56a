// The catalog as a HyperFormula function plugin, for tests only (HyperFormula is GPL-3.0 and never
// shipped). HyperFormula hands ranges over as SimpleRangeValue and scalars as values; the adapter passes
// them to each implementation the way Google Sheets does (2-D arrays, "" for blanks, error cells as their
// error text) and returns spilled results as arrays whose size it predicts from the argument ranges.
import {
  ArraySize,
  CellError as HfCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  SimpleRangeValue,
} from 'hyperformula';
import { CallError, CellError, type Out } from '../../core/cells';
import type { FunctionSpec } from '../../core/function-spec';

/** Columns of a table result: ALLOCATE shows Status and Reason, every other table function one column. */
const TABLE_WIDTH: Readonly<Record<string, number>> = { ALLOCATE: 2, SCENARIO_COMPARE: 6 };
/** Table functions whose rows follow another argument than the first (CAPACITY_VALUE: one per teams row). */
const TABLE_ROWS_ARG: Readonly<Record<string, number>> = { CAPACITY_VALUE: 1 };

/**
 * HyperFormula sizes a result before computing it. SCENARIO_COMPARE has a row per scenario *name*, so it
 * gets the most it can have (header, Base, one per scenarios row) and its result is padded with blanks.
 */
function tableSize(spec: FunctionSpec, args: RangeAst[]): ArraySize {
  if (spec.name === 'SCENARIO_COMPARE') return new ArraySize(6, heightOf(args[2]) + 1);
  return new ArraySize(TABLE_WIDTH[spec.name] ?? 1, heightOf(args[TABLE_ROWS_ARG[spec.name] ?? 0]));
}

type Scalar = unknown;

function toHost(v: Scalar): unknown {
  if (v === EmptyValue || v === null || v === undefined) return '';
  if (v instanceof HfCellError) return `${v.type === ErrorType.NA ? '#N/A' : `#${v.type}!`} ${v.message ?? ''}`.trim();
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: number }).val; // dates, percentages
  return v;
}

function toHostArg(a: unknown): unknown {
  if (a instanceof SimpleRangeValue) return a.data.map((row) => row.map(toHost));
  return a === undefined ? undefined : toHost(a);
}

function toHf(v: Out): number | string | HfCellError {
  if (v instanceof CellError) return new HfCellError(ErrorType.VALUE, `${v.code} ${v.message}`);
  return v;
}

interface PluginInternals {
  runFunction(args: unknown[], state: unknown, metadata: unknown, fn: (...args: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
}

interface RangeAst {
  type: string;
  start?: { row: number; col: number };
  end?: { row: number; col: number };
}

function heightOf(ast: RangeAst | undefined): number {
  if (ast?.type === 'CELL_RANGE' && ast.start && ast.end) return ast.end.row - ast.start.row + 1;
  return 1;
}

/** The Sheets name of a catalog function (FUNCTIONS.md: every Sheets name carries the prefix AGILE_). */
const sheetsName = (spec: FunctionSpec): string => `AGILE_${spec.name}`;

/** A plugin class implementing every function of `catalog` under its Sheets name. */
export function catalogPlugin(catalog: readonly FunctionSpec[]): FunctionPluginDefinition {
  class AgilePlaybookPlugin extends FunctionPlugin {}
  const implemented: Record<string, object> = {};
  const proto = AgilePlaybookPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of catalog) {
    const method = `call_${spec.name}`;
    const size = `size_${spec.name}`;
    implemented[sheetsName(spec)] = {
      method,
      parameters: spec.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, ...(p.optional ? { optionalArg: true } : {}) })),
      vectorizationForbidden: true,
      ...(spec.result === 'single' ? {} : { sizeOfResultArrayMethod: size }),
    };
    proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // runFunction and metadata are protected: this function becomes a method of the subclass below.
      const self = this as unknown as PluginInternals;
      return self.runFunction(ast.args, state, self.metadata(sheetsName(spec)), (...args: unknown[]) => {
        try {
          const out = spec.impl(...args.map(toHostArg));
          if (!Array.isArray(out)) return toHf(out);
          const rows = out.map((row) => row.map(toHf));
          if (spec.result === 'table') {
            const size = tableSize(spec, ast.args as RangeAst[]);
            while (rows.length < size.height) rows.push(Array(size.width).fill(''));
          }
          return SimpleRangeValue.onlyValues(rows as never);
        } catch (e) {
          if (e instanceof CallError) return new HfCellError(ErrorType.VALUE, e.message);
          throw e;
        }
      });
    };
    proto[size] = function (ast: { args: RangeAst[] }) {
      if (spec.result === 'table') return tableSize(spec, ast.args);
      return new ArraySize(1, Math.max(1, ...ast.args.map(heightOf)));
    };
  }
  (AgilePlaybookPlugin as unknown as { implementedFunctions: object }).implementedFunctions = implemented;
  return AgilePlaybookPlugin as unknown as FunctionPluginDefinition;
}

/** HyperFormula wants every function name translated into its default language; the names are the same. */
export function catalogTranslations(catalog: readonly FunctionSpec[]): Record<string, Record<string, string>> {
  return { enGB: Object.fromEntries(catalog.map((f) => [sheetsName(f), sheetsName(f)])) };
}
