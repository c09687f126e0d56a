// What typing into a cell of the playground's grid does. A typed cell is the user's data from then on, even
// inside a column the add-in wrote, so the next write there refuses instead of overwriting it.
import type { Scalar } from '../protocol/bridge';
import type { LiveBook } from './engine/live-book';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Reads what was typed the way a spreadsheet does: numbers, percentages, TRUE/FALSE, =formulas, 'text, text. */
export function parseInput(text: string): { value: Scalar; formula?: string } {
  const t = text.trim();
  if (t === '') return { value: '' };
  // A leading apostrophe means "this is text", as in Excel and Sheets: '=SUM(A1) is the text =SUM(A1).
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (t.startsWith('=') && t.length > 1) return { value: '', formula: t };
  if (NUMBER.test(t)) return { value: Number(t) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) return { value: Number(t.slice(0, -1)) / 100 };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  return { value: text };
}

/** A typed edit, as the grid's cell editor makes it: the cell's content changes, nothing else of it. */
export async function typeInto(book: LiveBook, sheetName: string, row: number, col: number, input: { value: Scalar; formula?: string }): Promise<void> {
  await book.type(sheetName, row, col, input);
}
