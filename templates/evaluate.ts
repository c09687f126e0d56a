// The cached result of every formula cell, computed by calling the catalog the way a host would, so the
// file shows real numbers in any application before the add-in loads. Formulas are evaluated in
// dependency order (the plan needs the scores, the load needs the plan, the scorecard needs the load).
// The sample data must compute cleanly: any error value stops the build with the cell and the message.
import { CallError, CellError, type Out } from '../core/cells';
import { findFunction } from '../core/catalog';
import type { FunctionSpec } from '../core/function-spec';
import { type Layout, type TableLayout, columnIndex, fieldKey, layoutOf, tableLayout } from './layout';
import { type Arg, type Call, type Expr, type Format, type Host, type Literal, type TableCall, type WorkbookDecl, isCall } from './model';

export type Lookup = (name: string) => FunctionSpec | undefined;

export interface Evaluated {
  readonly layout: Layout;
  /** Per table: `height` data rows × every column, inputs as the hosts pass them and results in computed cells. */
  readonly grids: ReadonlyMap<string, Out[][]>;
  readonly fields: ReadonlyMap<string, Out>;
  /** Per sheet: the whole result of each of its blocks, in order. */
  readonly blocks: ReadonlyMap<string, Out[][][]>;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date as the serial day number Excel passes and stores. */
export function isoToSerial(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new Error(`Template date "${iso}" is not YYYY-MM-DD`);
  return (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SERIAL_EPOCH) / 86_400_000;
}

function hostValue(v: Literal | undefined, format: Format | undefined): Out {
  if (v === null || v === undefined) return '';
  if (format === 'date' && typeof v === 'string') return isoToSerial(v);
  return v;
}

interface Item {
  readonly where: string;
  readonly reads: readonly string[];
  readonly run: () => void;
  readonly outputs: readonly string[];
}

const ck = (table: string, c: string) => `${table}.${c}`;

function headersBetween(t: TableLayout, from?: string, to?: string): string[] {
  const hs = t.decl.columns.map((c) => c.header);
  if (!from) return hs;
  return hs.slice(columnIndex(t, from) - 1, columnIndex(t, to ?? from));
}

function argReads(layout: Layout, a: Arg): string[] {
  switch (a.t) {
    case 'col':
      return [ck(a.table, a.col)];
    case 'cols':
      return headersBetween(tableLayout(layout, a.table), a.from, a.to).map((h) => ck(a.table, h));
    case 'all':
      return headersBetween(tableLayout(layout, a.table), a.from, a.to).map((h) => ck(a.table, h));
    case 'field':
      return [fieldKey(a.sheet, a.key)];
    default:
      return [];
  }
}

function exprReads(table: string, e: Expr): string[] {
  if (e.t === 'this') return [ck(table, e.col)];
  if (e.t === 'mul') return [...exprReads(table, e.a), ...exprReads(table, e.b)];
  return [ck(e.table, e.ret), ck(e.table, e.match), ...exprReads(table, e.key)];
}

export function evaluate(decl: WorkbookDecl, host: Host, lookup: Lookup = findFunction): Evaluated {
  const layout = layoutOf(decl, host);
  const grids = new Map<string, Out[][]>();
  const fields = new Map<string, Out>();
  const blocks = new Map<string, Out[][][]>();
  const items: Item[] = [];

  const argValue = (a: Arg): unknown => {
    switch (a.t) {
      case 'num':
      case 'str':
        return a.v;
      case 'field':
        return fields.get(fieldKey(a.sheet, a.key));
      default: {
        const t = tableLayout(layout, a.table);
        const g = grids.get(a.table)!;
        const [from, to] = a.t === 'col' ? [a.col, a.col] : [a.from, a.t === 'all' && !a.to ? a.from : a.to];
        const idx = headersBetween(t, from, to).map((h) => columnIndex(t, h) - 1);
        const body = g.map((row) => idx.map((j) => row[j]));
        return a.t === 'all' ? [idx.map((j) => t.decl.columns[j]!.header), ...body] : body;
      }
    }
  };

  const run = (c: Call, where: string): Out | Out[][] => {
    const spec = lookup(c.fn);
    if (!spec) throw new Error(`${where} needs the catalog function ${c.fn}, which is not in the catalog yet`);
    try {
      return spec.impl(...c.args.map(argValue));
    } catch (e) {
      if (e instanceof CallError) throw new Error(`${where}: ${c.fn} failed on the sample data: ${e.message}`);
      throw e;
    }
  };

  const clean = (v: Out, where: string): Out => {
    if (v instanceof CellError) throw new Error(`${where} computes ${v.code} ${v.message}: fix the sample data`);
    return v;
  };

  const column = (where: string, result: Out | Out[][], rows: number, width: number, skip = 0, names: readonly string[] = []): Out[][] => {
    if (!Array.isArray(result) || result.length !== rows + skip || result.some((r) => r.length < width)) {
      throw new Error(`${where} returned ${Array.isArray(result) ? `${result.length} rows` : 'one cell'}, expected ${rows + skip} rows × ${width}`);
    }
    // A table result starts with its own header row: it must name the columns the template shows it in.
    if (skip && result[0]!.some((h, o) => o < width && String(h).toLowerCase() !== names[o]?.toLowerCase())) {
      throw new Error(`${where} returns columns ${result[0]!.join(', ')}, but the template shows ${names.join(', ')}`);
    }
    return result.slice(skip);
  };

  for (const sheet of decl.sheets) {
    const results: Out[][][] = [];
    blocks.set(sheet.name, results);
    (sheet.blocks ?? []).forEach((b, k) => {
      const where = `${sheet.name} block "${b.title}"`;
      items.push({
        where,
        reads: b.call.args.flatMap((a) => argReads(layout, a)),
        outputs: [],
        run: () => {
          const r = run(b.call, where);
          if (!Array.isArray(r)) throw new Error(`${where} returned one cell, expected a table`);
          results[k] = r.map((row, i) => row.map((v, j) => clean(v, `${where} row ${i + 1} column ${j + 1}`)));
        },
      });
    });
    for (const f of sheet.fields ?? []) {
      const key = fieldKey(sheet.name, f.key);
      const where = `${sheet.name}!${f.label}`;
      if (!isCall(f.value)) {
        fields.set(key, hostValue(f.value, f.format));
        continue;
      }
      const c = f.value;
      items.push({
        where,
        reads: c.args.flatMap((a) => argReads(layout, a)),
        outputs: [key],
        run: () => fields.set(key, clean(single(run(c, where), where), where)),
      });
    }
    const tl = sheet.table && layout.tables.get(sheet.table.name);
    if (!tl) continue;
    const t = tl.decl;
    // Sample rows give one value per input column; computed cells and spare rows start blank.
    const grid: Out[][] = [];
    const calls: (Call | undefined)[][] = [];
    for (let i = 0; i < tl.height; i++) {
      const src = t.rows[i] ?? [];
      let k = 0;
      const row: Out[] = [];
      const rowCalls: (Call | undefined)[] = [];
      for (const c of t.columns) {
        const v = c.compute ? null : src[k++];
        const formula = v !== undefined && isCall(v) ? v : undefined;
        rowCalls.push(formula);
        row.push(formula ? '' : hostValue(v as Literal | undefined, c.format));
      }
      grid.push(row);
      calls.push(rowCalls);
    }
    grids.set(t.name, grid);
    const seenTableCalls = new Set<TableCall>();
    t.columns.forEach((c, j) => {
      const where = `${t.name}[${c.header}]`;
      if (!c.compute) {
        grid.forEach((row, i) => {
          const call = calls[i]![j];
          if (!call) return;
          const cellWhere = `${where} row ${i + 1}`;
          items.push({
            where: cellWhere,
            reads: call.args.flatMap((a) => argReads(layout, a)),
            outputs: [ck(t.name, c.header)],
            run: () => (row[j] = clean(single(run(call, cellWhere), cellWhere), cellWhere)),
          });
        });
        return;
      }
      const cmp = c.compute;
      if (cmp.kind === 'expr') {
        items.push({
          where,
          reads: exprReads(t.name, cmp.expr),
          outputs: [ck(t.name, c.header)],
          run: () => grid.forEach((row, i) => (row[j] = i < t.rows.length ? clean(evalExpr(tl, grid, grids, layout, cmp.expr, i, where), where) : '')),
        });
      } else if (cmp.kind === 'table') {
        if (seenTableCalls.has(cmp.call)) return;
        seenTableCalls.add(cmp.call);
        const outs = cmp.call.outputs;
        items.push({
          where,
          reads: cmp.call.args.flatMap((a) => argReads(layout, a)),
          outputs: outs.map((h) => ck(t.name, h)),
          run: () => {
            const res = column(where, run(cmp.call, where), tl.height, outs.length, 1, outs);
            outs.forEach((h, o) => {
              const jj = columnIndex(tl, h) - 1;
              res.forEach((r, i) => (grid[i]![jj] = clean(r[o]!, `${where} row ${i + 1}`)));
            });
          },
        });
      } else {
        items.push({
          where,
          reads: cmp.call.args.flatMap((a) => argReads(layout, a)),
          outputs: [ck(t.name, c.header)],
          run: () => column(where, run(cmp.call, where), tl.height, 1).forEach((r, i) => (grid[i]![j] = clean(r[0]!, `${where} row ${i + 1}`))),
        });
      }
    });
  }

  // Every output of a pending item is unavailable until that item has run; a column with formula cells
  // waits for all of them. Run whatever is ready until nothing is left.
  const waiting = new Map<string, number>();
  for (const it of items) for (const o of it.outputs) waiting.set(o, (waiting.get(o) ?? 0) + 1);
  const pending = [...items];
  while (pending.length) {
    const i = pending.findIndex((it) => it.reads.every((r) => !waiting.get(r)));
    if (i < 0) throw new Error(`Template formulas depend on each other in a circle: ${pending.map((p) => p.where).join(', ')}`);
    const [it] = pending.splice(i, 1);
    it!.run();
    for (const o of it!.outputs) waiting.set(o, waiting.get(o)! - 1);
  }
  return { layout, grids, fields, blocks };
}

function single(v: Out | Out[][], where: string): Out {
  if (!Array.isArray(v)) return v;
  if (v.length === 1 && v[0]!.length === 1) return v[0]![0]!;
  throw new Error(`${where} returned a range where one cell was expected`);
}

function evalExpr(t: TableLayout, grid: Out[][], grids: ReadonlyMap<string, Out[][]>, layout: Layout, e: Expr, i: number, where: string): Out {
  switch (e.t) {
    case 'this':
      return grid[i]![columnIndex(t, e.col) - 1]!;
    case 'mul': {
      const a = evalExpr(t, grid, grids, layout, e.a, i, where);
      const b = evalExpr(t, grid, grids, layout, e.b, i, where);
      // A spreadsheet multiplies a blank as 0 and fails on text; so does the cached value.
      const n = (x: Out) => (x === '' ? 0 : typeof x === 'number' ? x : NaN);
      const r = n(a) * n(b);
      if (Number.isNaN(r)) throw new Error(`${where} row ${i + 1} multiplies text`);
      return r;
    }
    case 'lookup': {
      const key = evalExpr(t, grid, grids, layout, e.key, i, where);
      const other = tableLayout(layout, e.table);
      const g = grids.get(e.table)!;
      const m = columnIndex(other, e.match) - 1;
      const hit = g.find((row) => row[m] === key || (typeof key === 'string' && typeof row[m] === 'string' && key.toLowerCase() === (row[m] as string).toLowerCase()));
      if (!hit) throw new Error(`${where} row ${i + 1}: MATCH finds no ${String(key)} in ${e.table}[${e.match}]`);
      return hit[columnIndex(other, e.ret) - 1]!;
    }
  }
}

