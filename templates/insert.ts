// "Insert quarterly plan" never overwrites: before a host adds the template's sheets it asks which names
// are taken. This is the pure part the Bridge implementations share: what to add and what to skip.
import type { RenderedWorkbook } from './render';

export interface InsertPlan {
  /** Sheets to add, in template order. */
  readonly add: readonly string[];
  /** Sheets skipped because the workbook already has a sheet of that name (compared case-insensitively, as hosts do). */
  readonly skip: readonly string[];
  /** A sentence for the sidebar; empty when everything is added. */
  readonly message: string;
}

/** The template's sheet names already present in a workbook. */
export function sheetNamesInUse(book: RenderedWorkbook, existing: readonly string[]): string[] {
  const taken = new Set(existing.map((n) => n.trim().toLowerCase()));
  return book.sheets.map((s) => s.name).filter((n) => taken.has(n.toLowerCase()));
}

/**
 * Which sheets to add. Formulas refer to the other sheets by name, so a partial insert would compute
 * against the user's own sheets: when any name is taken, nothing is added and the message says which.
 */
export function planInsert(book: RenderedWorkbook, existing: readonly string[]): InsertPlan {
  const skip = sheetNamesInUse(book, existing);
  if (skip.length === 0) return { add: book.sheets.map((s) => s.name), skip: [], message: '' };
  const list = skip.map((n) => `"${n}"`).join(', ');
  return {
    add: [],
    skip,
    message: `This workbook already has ${skip.length === 1 ? 'a sheet' : 'sheets'} named ${list}. Nothing was inserted, so nothing of yours is overwritten: rename ${skip.length === 1 ? 'it' : 'them'}, or insert the plan into a new workbook.`,
  };
}
