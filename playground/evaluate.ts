// Recalculation of the playground's formula cells with the catalog: the same functions the add-ins register,
// so a formula the sidebar writes shows, and is saved with, the result Excel or Sheets would compute.
// Formulas it cannot evaluate (SUM, operators) keep the result cached in the opened file.
import { CallError, CellError, type Out } from '../core/cells';
import { findFunction } from '../core/catalog';
import type { Scalar } from '../protocol/bridge';
import { type Node, TooDeep, Unsupported, catalogName, parseFormula } from './formula-parse';
import { type Sheet, type Workbook, cellKey, isEmptyCell, keyCol, keyRow } from './workbook';

type Grid = unknown[][];
type Value = Scalar | Grid;

const errorText = (e: CellError): string => `${e.code} ${e.message}`;

function toScalar(v: Out | undefined): Scalar {
  if (v === undefined) return '';
  return v instanceof CellError ? errorText(v) : v;
}

class Recalc {
  private state = new Map<Sheet, Map<number, 'busy' | 'done'>>();
  /** A spill grew or shrank: another pass picks up readers that ran before it. */
  spillChanged = false;

  constructor(private readonly wb: Workbook) {}

  private states(sheet: Sheet): Map<number, 'busy' | 'done'> {
    return this.state.get(sheet) ?? this.state.set(sheet, new Map()).get(sheet)!;
  }

  /**
   * Computes a formula cell after every formula it reads. With an explicit stack rather than recursion, so
   * a chain of thousands of formulas, each reading the one before, cannot exhaust the call stack. A cell
   * still 'busy' when it is read again is part of a cycle: it is read as it stands, as before.
   */
  ensure(sheet: Sheet, key: number): void {
    const stack: [Sheet, number, Node | undefined][] = [[sheet, key, undefined]];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [s, k] = top;
      const states = this.states(s);
      const cell = s.cells.get(k);
      if (states.get(k) === 'done' || !cell?.formula) {
        stack.pop();
        continue;
      }
      if (!states.has(k)) {
        states.set(k, 'busy');
        let node: Node;
        try {
          node = parseFormula(cell.formula);
        } catch (e) {
          stack.pop();
          if (e instanceof TooDeep) this.place(s, k, `#VALUE! ${e.message}`);
          else if (!(e instanceof Unsupported)) throw e;
          states.set(k, 'done');
          continue;
        }
        top[2] = node;
        const waiting = this.dependencies(node, s).filter(([ds, dk]) => !this.states(ds).has(dk));
        if (waiting.length) {
          stack.push(...waiting.map(([ds, dk]): [Sheet, number, undefined] => [ds, dk, undefined]));
          continue;
        }
      }
      // Everything it reads is computed (or is in a cycle with it): compute it.
      stack.pop();
      if (top[2] === undefined) continue;
      this.compute(s, k, top[2]);
      states.set(k, 'done');
    }
  }

  private compute(sheet: Sheet, key: number, node: Node): void {
    let result: Value;
    try {
      result = this.evaluate(node, sheet);
    } catch (e) {
      if (e instanceof Unsupported) return;
      if (e instanceof CallError) result = `#VALUE! ${e.message}`;
      else throw e;
    }
    this.place(sheet, key, result);
  }

  /** The formula cells a formula reads: formulas in its ranges and the masters of spills there. */
  private dependencies(node: Node, from: Sheet): [Sheet, number][] {
    const out: [Sheet, number][] = [];
    const visit = (n: Node): void => {
      if (n.t === 'call') n.args.forEach(visit);
      else if (n.t === 'array') n.rows.forEach((row) => row.forEach(visit));
      else if (n.t === 'ref') {
        const sheet = n.sheet === undefined ? from : this.wb.sheet(n.sheet);
        if (!sheet) return;
        const { top, left, bottom, right } = n.range;
        // Over the sheet's cells when the range is larger than what the sheet holds (a whole column).
        if ((bottom - top + 1) * (right - left + 1) > sheet.cells.size) {
          for (const [k, c] of sheet.cells) {
            const r = keyRow(k);
            const col = keyCol(k);
            if (r < top || r > bottom || col < left || col > right) continue;
            if (c.formula) out.push([sheet, k]);
            else if (c.spillFrom !== undefined) out.push([sheet, c.spillFrom]);
          }
          return;
        }
        for (let r = top; r <= bottom; r++) {
          for (let c = left; c <= right; c++) {
            const cell = sheet.get(r, c);
            if (cell?.formula) out.push([sheet, cellKey(r, c)]);
            else if (cell?.spillFrom !== undefined) out.push([sheet, cell.spillFrom]);
          }
        }
      }
    };
    visit(node);
    return out;
  }

  private place(sheet: Sheet, key: number, result: Value): void {
    const master = sheet.cells.get(key)!;
    const grid: unknown[][] = Array.isArray(result) ? (result as unknown[][]) : [[result]];
    const rows = grid.length;
    const cols = rows ? grid[0]!.length : 0;
    const r0 = keyRow(key);
    const c0 = keyCol(key);
    const old = master.spill ?? { rows: 1, cols: 1 };
    for (let r = 0; r < old.rows; r++) {
      for (let c = 0; c < old.cols; c++) {
        const k = cellKey(r0 + r, c0 + c);
        if (k !== key && sheet.cells.get(k)?.spillFrom === key) sheet.set(r0 + r, c0 + c, undefined);
      }
    }
    const blocked = grid.some((row, r) => row.some((_, c) => (r || c) && !isEmptyCell(sheet.get(r0 + r, c0 + c))));
    const first = rows && cols ? grid[0]![0] : '';
    const value = blocked ? '#SPILL! cells in the way of the result: clear them' : toScalar(first as Out);
    if (master.value !== value) sheet.dirty.add(key);
    master.value = value;
    const spill = blocked ? { rows: 1, cols: 1 } : { rows: Math.max(rows, 1), cols: Math.max(cols, 1) };
    if (spill.rows !== old.rows || spill.cols !== old.cols) this.spillChanged = true;
    master.spill = spill;
    if (blocked) return;
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (r || c) sheet.set(r0 + r, c0 + c, { value: toScalar(v as Out), spillFrom: key, owned: master.owned, writer: master.writer });
      }),
    );
  }

  private read(sheetName: string | undefined, from: Sheet, node: Extract<Node, { t: 'ref' }>): Grid {
    const sheet = sheetName === undefined ? from : this.wb.sheet(sheetName);
    if (!sheet) throw new CallError(`there is no sheet named "${sheetName}"`);
    const { top, left, bottom, right } = node.range;
    // What it reads was computed first (ensure), so the values are current.
    const grid: Grid = [];
    for (let r = top; r <= bottom; r++) {
      const row: unknown[] = [];
      for (let c = left; c <= right; c++) row.push(sheet.value(r, c));
      grid.push(row);
    }
    return grid;
  }

  private evaluate(node: Node, sheet: Sheet): Value {
    switch (node.t) {
      case 'num':
      case 'str':
      case 'bool':
        return node.v;
      case 'omit':
        return '';
      case 'ref':
        return this.read(node.sheet, sheet, node);
      case 'array':
        return vstack(node.rows.map((row) => hstack(row.map((n) => asGrid(this.evaluate(n, sheet))))));
      case 'call':
        return this.call(node, sheet);
    }
  }

  private call(node: Extract<Node, { t: 'call' }>, sheet: Sheet): Value {
    if (node.name.toUpperCase() === 'HSTACK') return hstack(node.args.map((a) => asGrid(this.evaluate(a, sheet))));
    const name = catalogName(node.name);
    const spec = name === undefined ? undefined : findFunction(name);
    if (!spec) throw new Unsupported(`${node.name} is not a catalog function`);
    const args = node.args.map((a, i) => {
      if (a.t === 'omit') return undefined;
      const v = this.evaluate(a, sheet);
      // A value parameter gets one cell, as Excel passes `any`; a range parameter always a 2-D array.
      if (spec.params[i]?.shape === 'value' && Array.isArray(v) && v.length === 1 && v[0]!.length === 1) return v[0]![0];
      if (spec.params[i]?.shape === 'range' && !Array.isArray(v)) return [[v]];
      return v;
    });
    const out = spec.impl(...args);
    return Array.isArray(out) ? out.map((row) => row.map((v) => toScalar(v))) : toScalar(out);
  }
}

function asGrid(v: Value): Grid {
  return Array.isArray(v) ? v : [[v]];
}

function hstack(grids: Grid[]): Grid {
  const height = Math.max(0, ...grids.map((g) => g.length));
  return Array.from({ length: height }, (_, r) => grids.flatMap((g) => g[r] ?? g[0]!.map(() => '')));
}

function vstack(grids: Grid[]): Grid {
  return grids.flat();
}

/** Recomputes every formula in the workbook, in dependency order. */
export function recalc(wb: Workbook): void {
  for (let pass = 0; pass < 3; pass++) {
    const run = new Recalc(wb);
    for (const sheet of wb.sheets) {
      for (const [key, cell] of [...sheet.cells]) if (cell.formula) run.ensure(sheet, key);
    }
    if (!run.spillChanged) return;
  }
}
