// A small formula evaluator for the fake: a catalog call over A1 ranges, numbers, text and {a, b} array
// literals, evaluated by the built custom functions themselves (the top-level functions of dist/gsheets),
// so spilled results in the fake are what Sheets would show. Anything else is left uncomputed.
import type { Calculator, FakeSheet } from './fake/spreadsheet';

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '{')) depth++;
    else if (!quoted && (ch === ')' || ch === '}')) depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(s.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = s.slice(start).trim();
  if (last || out.length) out.push(last);
  return out;
}

function hstack(blocks: unknown[][][]): unknown[][] {
  const height = Math.max(...blocks.map((b) => b.length));
  return Array.from({ length: height }, (_, r) => blocks.flatMap((b) => b[r] ?? []));
}

export function catalogCalculator(fn: (name: string) => ((...args: unknown[]) => unknown) | undefined): Calculator {
  return (formula, { sheet }) => {
    const m = /^=\s*([A-Z_][A-Z0-9_.]*)\((.*)\)\s*$/is.exec(formula);
    const f = m ? fn(m[1]!.toUpperCase()) : undefined;
    if (!m || !f) return undefined;
    const arg = (text: string): unknown => {
      if (text === '') return '';
      if (/^".*"$/s.test(text)) return text.slice(1, -1).replace(/""/g, '"');
      if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
      if (text.startsWith('{')) return hstack(splitTop(text.slice(1, -1)).map((p) => arg(p) as unknown[][]));
      const r = /^(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))?!?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(text);
      if (!r) throw new Error(`the fake's calculator cannot read ${text}`);
      const name = r[1]?.replace(/''/g, "'") ?? r[2];
      const target: FakeSheet | null = name && text.includes('!') ? sheet.parent.getSheetByName(name) : sheet;
      if (!target) return [['#REF!']];
      const range = target.getRange(r[3]!);
      return range.getNumRows() === 1 && range.getNumColumns() === 1 ? range.getValue() : range.getValues();
    };
    try {
      const result = f(...splitTop(m[2]!).map(arg));
      return Array.isArray(result) ? (result as unknown[][]) : [[result]];
    } catch {
      return [['#ERROR!']];
    }
  };
}
