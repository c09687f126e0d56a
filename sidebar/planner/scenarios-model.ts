// The Scenarios panel's model, free of DOM: the scenario rows (as SCENARIO_COMPARE reads them), the sentences
// a leader reads ("+2 Brand & Creative: +640 points, plans M-128 and M-130"), and the owned Scenarios sheet
// with the definitions, a live SCENARIO_COMPARE and CAPACITY_VALUE, and the figures the panel computed.
import type { CapacityGains, ScenarioResult } from '../../core/capacity';
import { normalizeHeader } from '../../core/table';
import type { FormulaArg, Scalar, SheetWrite, TableData, TableRef, WriteCell } from '../../protocol/bridge';
import { formatNumber, formatPercent } from '../ui/dom';

export interface ScenarioRow {
  readonly scenario: string;
  readonly change: string;
  readonly target: string;
  readonly value: Scalar;
}

export const SCENARIO_HEADERS = ['Scenario', 'Change', 'Target', 'Value'] as const;

/** The rows as SCENARIO_COMPARE takes them: a header row, then one change per row; blank rows dropped. */
export function scenarioGrid(rows: readonly ScenarioRow[]): Scalar[][] {
  const kept = rows.filter((r) => r.scenario.trim() !== '' || r.change.trim() !== '' || r.target.trim() !== '' || r.value !== '');
  return [[...SCENARIO_HEADERS], ...kept.map((r) => [r.scenario, r.change, r.target, r.value])];
}

/** A Scenarios table of the workbook (any column order, extra columns ignored) as panel rows. */
export function rowsFromTable(t: TableData): ScenarioRow[] {
  const col = (name: string) => t.headers.findIndex((h) => normalizeHeader(h) === name);
  const [s, c, g, v] = ['scenario', 'change', 'target', 'value'].map(col) as [number, number, number, number];
  const at = (r: readonly Scalar[], i: number): Scalar => (i < 0 ? '' : (r[i] ?? ''));
  return t.rows
    .map((r) => ({ scenario: String(at(r, s)), change: String(at(r, c)), target: String(at(r, g)), value: at(r, v) }))
    .filter((r) => r.scenario !== '' || r.change !== '');
}

/** "M-128 and M-130", "M-1, M-2, M-3 and 4 more". */
export function idList(ids: readonly string[], max = 3): string {
  const shown = ids.slice(0, max);
  const rest = ids.length - shown.length;
  const list = rest > 0 ? [...shown, `${rest} more`] : shown;
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatNumber(Math.abs(x))}`;

function share(v: Scalar): string {
  const n = typeof v === 'number' ? v : Number(String(v).replace('%', '')) / (String(v).includes('%') ? 100 : 1);
  // A typographic minus, as the point changes use, so "−10%" and "−12.5 points" read alike.
  return Number.isFinite(n) ? formatPercent(n).replace(/^-/, '−') : String(v);
}

/** One change in a few words: "+2 Brand & Creative", "every team +20%", "commit M-5". */
export function changeText(r: ScenarioRow): string {
  const who = r.target.trim() === '*' ? 'every team' : r.target;
  const num = typeof r.value === 'number' ? r.value : Number(r.value);
  switch (normalizeHeader(r.change)) {
    case 'capacity':
      return `${who} at ${String(r.value)}`;
    case 'add capacity':
      return Number.isFinite(num) ? `${signed(num)} ${who}` : `${who} ${String(r.value)}`;
    case 'grow capacity': {
      const s = share(r.value);
      return `${who} ${s.startsWith('−') ? s : `+${s}`}`;
    }
    case 'commit':
      return `commit ${r.target}`;
    case 'exclude':
      return `without ${r.target}`;
    case 'effort':
      return `${r.target} at effort ${String(r.value)}`;
    case 'max share':
      return `${r.target} capped at ${share(r.value)}`;
    default:
      return `${r.change} ${r.target} ${String(r.value)}`.trim();
  }
}

/** What a scenario does to the plan, in one sentence, led by its changes. */
export function scenarioSentence(result: ScenarioResult, rows: readonly ScenarioRow[]): string {
  const mine = rows.filter((r) => normalizeHeader(r.scenario) === normalizeHeader(result.name));
  const lead = mine.length ? mine.map(changeText).join(', ') : result.name;
  if (result.error) return `${lead}: not planned. ${result.error}`;
  return `${lead}: ${outcome(result.change, result.added, result.dropped)}`;
}

function outcome(change: number, added: readonly string[], dropped: readonly string[]): string {
  if (added.length === 0 && dropped.length === 0) return 'the same plan as the base.';
  const parts = [`${signed(change)} points`];
  if (added.length) parts.push(`plans ${idList(added)}`);
  if (dropped.length) parts.push(`${added.length ? 'instead of' : 'drops'} ${idList(dropped)}`);
  return `${parts.join(', ')}.`;
}

/** "+5 Team 01: +213 points, plans M-12 and M-40." */
export function gainSentence(g: CapacityGains['teams'][number]): string {
  if (g.gain <= 1e-9 && g.added.length === 0) return `${signed(g.step)} ${g.team}: nothing more fits.`;
  return `${signed(g.step)} ${g.team}: ${outcome(g.gain, g.added, g.dropped)}`;
}

export interface SheetSources {
  readonly backlog: TableRef;
  readonly teams: TableRef;
  readonly mix?: TableRef;
}

const range = (t: TableRef): FormulaArg => ({ kind: 'range', sheet: t.sheet, address: t.address });
const WIDTH = 6;
const pad = (r: WriteCell[]): WriteCell[] => [...r, ...Array<WriteCell>(Math.max(0, WIDTH - r.length)).fill('')];

/**
 * The owned Scenarios sheet. The definitions sit at A1 so SCENARIO_COMPARE (live, greedy, recomputed when
 * the backlog changes) can read them; below it the figures the panel computed (which may be optimal) as
 * values, then what more capacity buys, with a live CAPACITY_VALUE beside it.
 */
export function scenariosSheet(
  rows: readonly ScenarioRow[],
  results: readonly ScenarioResult[],
  method: 'greedy' | 'optimal',
  src: SheetSources,
  gains?: CapacityGains & { method: 'greedy' | 'optimal' },
  sheetName = 'Scenario comparison',
): SheetWrite {
  const defs = scenarioGrid(rows);
  const out: WriteCell[][] = defs.map((r) => pad(r));
  out.push(pad([]));
  const mixArg: FormulaArg[] = src.mix ? [range(src.mix)] : [];
  const names = new Set(defs.slice(1).map((r) => normalizeHeader(String(r[0]))));
  out.push(pad(['Compared live with SCENARIO_COMPARE (greedy, as ALLOCATE plans):']));
  const formula = {
    fn: 'SCENARIO_COMPARE',
    args: [range(src.backlog), range(src.teams), { kind: 'range', sheet: sheetName, address: `A1:D${defs.length}` } as FormulaArg, ...mixArg],
  };
  // The formula's own result spills over the blank cells below and beside it.
  out.push(pad([{ formula, value: 'Scenario' }]));
  for (let i = 0; i < names.size + 1; i++) out.push(pad([]));
  out.push(pad([]));
  const how = method === 'optimal' ? 'optimal (HiGHS)' : 'greedy';
  out.push(pad([`As planned in the sidebar (${how}), values:`]));
  out.push(pad(['Scenario', 'Score planned', 'Items planned', 'Change vs base', 'Added', 'Dropped']));
  for (const r of results) {
    out.push(pad(r.error ? [r.name, r.error] : [r.name, r.value, r.items, r.change, r.added.join(', '), r.dropped.join(', ')]));
  }
  if (gains) {
    out.push(pad([]));
    out.push(pad([`What more capacity buys (${gains.method === 'optimal' ? 'optimal, re-solved with HiGHS' : 'greedy'}), values, with CAPACITY_VALUE live beside:`]));
    const step = gains.teams[0]?.step;
    const sameStep = gains.teams.every((g) => g.step === step);
    const capValue: WriteCell = {
      formula: {
        fn: 'CAPACITY_VALUE',
        args: [range(src.backlog), range(src.teams), src.mix ? range(src.mix) : { kind: 'omitted' }, ...(sameStep && step !== undefined ? [{ kind: 'number', value: step } as FormulaArg] : [])],
      },
      value: 'Extra score',
    };
    // Sorted by what the step buys, and beside it CAPACITY_VALUE, which lines up with the teams table.
    out.push(['Team', 'Step', 'Extra score', 'Brings in', 'Team', capValue]);
    const sorted = [...gains.teams].sort((a, b) => b.gain - a.gain);
    for (let i = 0; i < sorted.length; i++) {
      const g = sorted[i]!;
      out.push([g.team, g.step, g.gain, g.added.join(', '), gains.teams[i]!.team, '']);
    }
  }
  return { name: sheetName, rows: out };
}
