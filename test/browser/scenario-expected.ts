// What the Scenarios panel must show for the quarterly plan's own tables, computed here with the catalog's
// SCENARIO_COMPARE on the cells the host's fake workbook holds, so the host tests check the panel's greedy
// figures against the function a user would type, not against numbers copied from a screenshot.
import { findFunction } from '../../core/catalog';
import type { Scalar } from '../../protocol/bridge';
import { formatNumber } from '../../sidebar/ui/dom';
import { QUARTER, colLetter, layoutOf } from '../../templates';
import type { Host } from '../../templates/model';

/** One template table's cells (header row first), as the host holds them. */
export function templateTable(host: Host, name: string, cell: (sheet: string, row: number, col: number) => Scalar): Scalar[][] {
  const t = layoutOf(QUARTER, host).tables.get(name);
  if (!t) throw new Error(`The quarterly plan has no table ${name}`);
  return Array.from({ length: t.height + 1 }, (_, r) => Array.from({ length: t.colOf.size }, (_, c) => cell(t.sheet, t.headerRow + r, c + 1)));
}

export interface ExpectedScenario {
  readonly name: string;
  /** How the panel's card for it begins: name, then "N points in K items". */
  readonly card: string;
  readonly change: number;
  readonly added: string[];
}

/** SCENARIO_COMPARE(Backlog, Teams, Scenarios, Mix) on the template's tables, row by row (Base first). */
export function expectedScenarios(host: Host, cell: (sheet: string, row: number, col: number) => Scalar): ExpectedScenario[] {
  const fn = findFunction('SCENARIO_COMPARE')!;
  const grid = fn.impl(...['Backlog', 'Teams', 'Scenarios', 'Mix'].map((n) => templateTable(host, n, cell))) as Scalar[][];
  return grid.slice(1).map((r) => {
    if (typeof r[1] !== 'number') throw new Error(`SCENARIO_COMPARE gave ${String(r[1])} for ${String(r[0])}`);
    return {
      name: String(r[0]),
      card: `${String(r[0])}${formatNumber(r[1])} points in ${String(r[2])} items`,
      change: Number(r[3]),
      added: String(r[4] ?? '').split(', ').filter(Boolean),
    };
  });
}

/** "+910" / "−1,345": the change as the panel's sentences lead with it. */
export const signedPoints = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${formatNumber(Math.abs(x))}`;

/** The A1 address of a template table's cell: its column `header`, data row `row` (1 = first). */
export function templateCellA1(host: Host, table: string, header: string, row: number): string {
  const t = layoutOf(QUARTER, host).tables.get(table)!;
  return `${colLetter(t.colOf.get(header)!)}${t.headerRow + row}`;
}

/**
 * Runs in the page: the Scenarios panel's selects whose chosen word, and targets and values whose text, do
 * not fit the control as shown (a select's text measured in its own font, plus its arrow).
 */
export function clippedControls(): string[] {
  const out: string[] = [];
  const ctx = document.createElement('canvas').getContext('2d')!;
  const panel = document.querySelector('section[aria-label="Scenarios"]')!;
  for (const sel of panel.querySelectorAll('select')) {
    const cs = getComputedStyle(sel);
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const text = sel.selectedOptions[0]?.text ?? '';
    const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
    if (ctx.measureText(text).width > room) out.push(`select "${text}" (${sel.clientWidth} px)`);
  }
  for (const input of panel.querySelectorAll<HTMLInputElement>('[data-testid="scenario-target"], [data-testid="scenario-value"]')) {
    if (input.scrollWidth > input.clientWidth) out.push(`input "${input.value}" (${input.clientWidth} px)`);
  }
  return out;
}
