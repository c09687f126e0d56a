// One cell of the fake, and how the fake reads what a script writes with setValues. Apps Script's
// setValues parses strings as if a user typed them (the Sheets API's USER_ENTERED): "=1+2" becomes a
// formula, "5" the number 5, "80%" 0.8, and a leading apostrophe forces text and is not part of the value.
// That parsing is why the add-on must neutralise text that begins with = + - @.

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

/** What a setValues / setValue of `input` stores, as the Sheets UI would store it typed. */
export function parseInput(input: unknown): FakeCell {
  if (input === null || input === undefined || input === '') return emptyCell();
  if (input instanceof Date || typeof input === 'number' || typeof input === 'boolean') return { value: input, formula: '' };
  if (typeof input !== 'string') return { value: String(input), formula: '' };
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (input.startsWith('=')) return { value: '', formula: input };
  const t = input.trim();
  if (NUMBER.test(t)) return { value: Number(t), formula: '' };
  if (/^[+-]?\d+(\.\d+)?%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100, formula: '' };
  if (/^TRUE$|^FALSE$/i.test(t)) return { value: /^TRUE$/i.test(t), formula: '' };
  // Typed into Sheets, text that starts with + or - is read as a formula; as text it does not parse.
  if (/^[+-]/.test(t)) return { value: '#ERROR!', formula: `=${t}` };
  return { value: input, formula: '' };
}
