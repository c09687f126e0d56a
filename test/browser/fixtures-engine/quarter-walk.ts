// What the sample quarter should show after one backlog edit, computed by the template's own evaluator
// (templates/evaluate.ts calls the catalog in dependency order), and where each of those cells is, read
// from the template's layout (templates/layout.ts). Nothing here is typed in by hand: change the sample or
// the layout and the expectation follows.
import type { Out } from '../../../core/cells';
import { QUARTER, colLetter, evaluate, layoutOf } from '../../../templates/index';
import type { TableLayout } from '../../../templates/layout';
import { inputColumns } from '../../../templates/layout';
import type { Literal, SheetDecl, WorkbookDecl } from '../../../templates/model';

/** The playground shows the Sheets variant of the template (playground/template.ts). */
const HOST = 'sheets';

export interface Place {
  readonly sheet: string;
  readonly a1: string;
}

/** The first column right of a template table (where a sidebar write beside it belongs), as a letter. */
export function columnRightOf(table: string): string {
  const t = layoutOf(QUARTER, HOST).tables.get(table);
  if (!t) throw new Error(`the template declares no ${table} table`);
  return colLetter(t.colOf.size + 1);
}

export interface WalkView {
  /** M-118's row on Backlog: its Effort, Score, Rank and Status cells and their values. */
  readonly item: { readonly effort: Place; readonly score: Place; readonly rank: Place; readonly status: Place };
  readonly values: { readonly score: Out; readonly rank: Out; readonly status: Out };
  /** Ranking's "This quarter" column, position 1 first. */
  readonly rankingFirst: Place;
  readonly rankingIds: readonly Out[];
  readonly rankingIdCells: readonly Place[];
  /** The Scorecard's Actual for Priority stability. */
  readonly stability: Place;
  readonly stabilityValue: Out;
  /** Teams: per team, its Capacity, Load and Planned effort. */
  readonly teams: readonly { readonly team: Out; readonly capacity: Place; readonly load: Place; readonly planned: Place; readonly values: { capacity: Out; load: Out; planned: Out } }[];
}

function at(t: TableLayout, row: number, header: string): Place {
  const c = t.colOf.get(header);
  if (c === undefined) throw new Error(`the template's ${t.decl.name} table has no column "${header}"`);
  return { sheet: t.sheet, a1: `${colLetter(c)}${t.headerRow + 1 + row}` };
}

/** The template with one backlog item's input changed, the rest as declared. */
function withInput(id: string, header: string, value: Literal): WorkbookDecl {
  const sheets: SheetDecl[] = QUARTER.sheets.map((s) => {
    if (s.table?.name !== 'Backlog') return s;
    const ins = inputColumns(s.table).map((c) => c.header);
    const j = ins.indexOf(header);
    const idAt = ins.indexOf('ID');
    if (j < 0 || idAt < 0) throw new Error(`the Backlog table has no input column ${header}`);
    let found = false;
    const rows = s.table.rows.map((r) => {
      if (r[idAt] !== id) return r;
      found = true;
      return r.map((v, k) => (k === j ? value : v));
    });
    if (!found) throw new Error(`the sample backlog has no item ${id}`);
    return { ...s, table: { ...s.table, rows } };
  });
  return { ...QUARTER, sheets };
}

/** The sample as declared (effort undefined) or with one item's effort changed. */
export function quarterWalk(id: string, effort?: number): WalkView {
  const decl = effort === undefined ? QUARTER : withInput(id, 'Effort', effort);
  const ev = evaluate(decl, HOST);
  const layout = layoutOf(decl, HOST);
  const table = (name: string) => {
    const t = layout.tables.get(name);
    const g = ev.grids.get(name);
    if (!t || !g) throw new Error(`the template declares no ${name} table`);
    return { t, g, v: (row: number, header: string) => g[row]![t.colOf.get(header)! - 1]! };
  };
  const backlog = table('Backlog');
  const row = backlog.g.findIndex((r) => r[backlog.t.colOf.get('ID')! - 1] === id);
  if (row < 0) throw new Error(`the sample backlog has no item ${id}`);

  const ranking = table('Ranking');
  const rankingIdCells = ranking.g.map((_, i) => at(ranking.t, i, 'This quarter'));

  const scorecard = table('Scorecard');
  const kpi = scorecard.g.findIndex((r) => r[scorecard.t.colOf.get('KPI')! - 1] === 'Priority stability');
  if (kpi < 0) throw new Error('the Scorecard has no Priority stability row');

  const teams = table('Teams');
  return {
    item: { effort: at(backlog.t, row, 'Effort'), score: at(backlog.t, row, 'Score'), rank: at(backlog.t, row, 'Rank'), status: at(backlog.t, row, 'Status') },
    values: { score: backlog.v(row, 'Score'), rank: backlog.v(row, 'Rank'), status: backlog.v(row, 'Status') },
    rankingFirst: rankingIdCells[0]!,
    rankingIds: ranking.g.map((_, i) => ranking.v(i, 'This quarter')),
    rankingIdCells,
    stability: at(scorecard.t, kpi, 'Actual'),
    stabilityValue: scorecard.v(kpi, 'Actual'),
    teams: teams.g
      .map((_, i) => i)
      .filter((i) => teams.v(i, 'Team') !== '')
      .map((i) => ({
        team: teams.v(i, 'Team'),
        capacity: at(teams.t, i, 'Capacity'),
        load: at(teams.t, i, 'Load'),
        planned: at(teams.t, i, 'Planned effort'),
        values: { capacity: teams.v(i, 'Capacity'), load: teams.v(i, 'Load'), planned: teams.v(i, 'Planned effort') },
      })),
  };
}
