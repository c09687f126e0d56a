// Numbers as a person reads them in the cell: by the cell's number format code (the codes Excel and Sheets
// share), or, where the host says nothing, by the KPI's unit. Covers the codes the add-ins write and the
// common ones people use: percentages and fixed decimals with optional thousands grouping, a currency
// symbol before the number, and ISO or US dates from a serial day number. Anything else: General.

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** x to `decimals` places, rounding the decimal number as written (0.955 → 0.96, as a spreadsheet shows it). */
function toFixedDecimal(x: number, decimals: number): string {
  const shifted = Math.round(Number(`${Number(x.toPrecision(15))}e${decimals}`));
  return Number.isFinite(shifted) ? (shifted / 10 ** decimals).toFixed(decimals) : x.toFixed(decimals);
}

function grouped(x: number, decimals: number, group: boolean): string {
  const fixed = toFixedDecimal(Math.abs(x), decimals);
  const [int, frac] = fixed.split('.');
  const g = group ? int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int!;
  return `${x < 0 && Number(fixed) !== 0 ? '-' : ''}${g}${frac ? `.${frac}` : ''}`;
}

/** General: up to `digits` significant digits, thousands grouped, no float noise (1.085 stays 1.085). */
export function formatGeneral(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && (abs >= 1e12 || abs < 1e-4)) return x.toExponential(2);
  if (abs >= 1000) return grouped(x, abs >= 100_000 ? 0 : Math.max(0, digits - String(Math.trunc(abs)).length), true).replace(/\.?0+$/, (m) => (m.startsWith('.') ? '' : m));
  return String(Number(x.toPrecision(digits)));
}

/** The number shown by `code`, or undefined when the code is not one this reads (show it General). */
export function formatByCode(x: number, code: string): string | undefined {
  const c = code.trim().replace(/;.*$/, '').replace(/\[[^\]]*\]/g, '').replace(/\\(.)/g, '$1').replace(/"([^"]*)"/g, '$1');
  if (!c || /^general$/i.test(c)) return undefined;
  if (/^(yyyy-mm-dd|yyyy\/mm\/dd|m\/d\/yyyy|mm\/dd\/yyyy|d\/m\/yyyy|dd\/mm\/yyyy|mm-dd-yy|d-mmm-yy)$/i.test(c)) {
    const d = new Date(SERIAL_EPOCH + Math.round(x) * 86_400_000);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()].map((n) => String(n).padStart(2, '0'));
    if (/^yyyy/i.test(c)) return `${y}-${m}-${day}`;
    return /^d/i.test(c) ? `${Number(day)}/${Number(m)}/${y}` : `${Number(m)}/${Number(day)}/${y}`;
  }
  const m = /^([$€£¥]?)\s*(#,##)?0(?:\.(0+))?\s*(%?)\s*([$€£¥]?)$/.exec(c);
  if (!m) return undefined;
  const [, pre, group, frac, pct, post] = m;
  const text = grouped(pct ? x * 100 : x, frac?.length ?? 0, !!group);
  return `${pre}${text}${pct}${post}`;
}

/** A KPI value by its Unit column ('%', '$', 'days', …) when the cell's format is not known. */
export function formatByUnit(x: number, unit: string): string {
  const u = unit.trim();
  if (u === '%' || /^percent/i.test(u)) {
    const p = x * 100;
    const one = toFixedDecimal(p, 1);
    return `${one.endsWith('.0') ? one.slice(0, -2) : one}%`;
  }
  if (/^[$€£¥]$/.test(u)) return `${u}${formatGeneral(x, Math.abs(x) >= 1000 ? 6 : 4)}`;
  return u ? `${formatGeneral(x)} ${u}` : formatGeneral(x);
}

/** The value as the cell shows it: its format first, then the unit, then General. */
export function formatValue(x: number, opts: { format?: string; unit?: string } = {}): string {
  return (opts.format ? formatByCode(x, opts.format) : undefined) ?? formatByUnit(x, opts.unit ?? '');
}
