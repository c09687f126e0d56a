// One cell of the fake, and how the fake reads what a script writes with setValues. Apps Script's page is
// silent on how setValues parses strings; the fake infers it from the Sheets REST API's USER_ENTERED (parsed
// as if a user typed them), the worse case we design for, in the spreadsheet's locale: "=1+2" becomes a formula, "5" and "007" the number, "80%" 0.8, "TRUE" a boolean, and "2026-01-15",
// "1/2" or "3-4" a date; a leading apostrophe forces text and is not part of the value. That parsing is why
// the add-on writes text that could parse as anything else with a leading apostrophe. The fake's locale is
// en_US (month first), the default of a spreadsheet made in the US.
import { dateIn } from './zone';

export interface FakeCell {
  value: unknown;
  /** Formula text with '=', or '' for a value. */
  formula: string;
  /** Set on cells filled by another cell's spilled result (no formula of their own). */
  spillFrom?: string;
  format?: string;
}

export const emptyCell = (): FakeCell => ({ value: '', formula: '' });

export const isEmpty = (c: FakeCell | undefined): boolean => !c || (c.formula === '' && (c.value === '' || c.value === null || c.value === undefined));

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const two = (n: number) => String(n).padStart(2, '0');

/** A date typed in en_US: yyyy-mm-dd, yyyy/mm/dd, m/d/yyyy, m/d and m-d (this year), as midnight in `timeZone`. */
function typedDate(t: string, timeZone: string): Date | undefined {
  let y: number, m: number, d: number;
  let g: RegExpExecArray | null;
  if ((g = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t))) [y, m, d] = [Number(g[1]), Number(g[2]), Number(g[3])];
  else if ((g = /^(\d{1,2})[-/](\d{1,2})(?:[-/](\d{4}))?$/.exec(t))) {
    [m, d] = [Number(g[1]), Number(g[2])];
    y = g[3] ? Number(g[3]) : new Date().getUTCFullYear();
  } else return undefined;
  const back = new Date(Date.UTC(y, m - 1, d));
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return undefined;
  return dateIn(`${y}-${two(m)}-${two(d)}`, timeZone);
}

/** What a setValues / setValue of `input` stores, as the Sheets UI would store it typed. */
export function parseInput(input: unknown, timeZone = 'Etc/UTC'): FakeCell {
  if (input === null || input === undefined || input === '') return emptyCell();
  // A Date from the script's realm (the add-on runs in a vm context) is stored as one of the fake's own.
  if (Object.prototype.toString.call(input) === '[object Date]') return { value: new Date((input as Date).getTime()), formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (typeof input !== 'string') return { value: String(input), formula: '' };
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (input.startsWith('=')) return { value: '', formula: input };
  const t = input.trim();
  if (NUMBER.test(t)) return { value: Number(t), formula: '' };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: '' };
  if (/^TRUE$|^FALSE$/i.test(t)) return { value: /^TRUE$/i.test(t), formula: '' };
  const date = typedDate(t, timeZone);
  if (date) return { value: date, formula: '', format: 'yyyy-mm-dd' };
  // Typed into Sheets, text that starts with + or - is read as a formula; as text it does not parse.
  if (/^[+-]/.test(t)) return { value: '#ERROR!', formula: `=${t}` };
  return { value: input, formula: '' };
}
