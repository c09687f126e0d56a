// Column building blocks shared by the sheets: the validation every input column carries and the words
// the status lists offer. Lists the catalog reads (directions, risks, statuses) use the catalog's words.
import type { Column, Format, Validation } from './model';

export const PROGRESS = ['Not started', 'In progress', 'Done', 'Blocked'] as const;
export const RISKS = ['Low', 'Medium', 'High'] as const;
export const DIRECTIONS = ['higher', 'lower'] as const;
export const UNITS = ['%', '$', 'days', 'per week', 'number'] as const;

/** Number formats per scorecard unit. */
export const UNIT_FORMATS: Readonly<Record<string, Format>> = { '%': 'pct', $: 'moneyM', days: 'num1', 'per week': 'num2', number: 'num2' };

export const V = {
  text: { kind: 'text', maxLength: 200 } as Validation,
  id: { kind: 'text', maxLength: 20 } as Validation,
  share: { kind: 'number', min: 0, max: 1 } as Validation,
  count: { kind: 'number', min: 0, integer: true } as Validation,
  atLeast0: { kind: 'number', min: 0 } as Validation,
  effort: { kind: 'number', min: 0.1, max: 1000 } as Validation,
  any: { kind: 'number' } as Validation,
  date: { kind: 'date' } as Validation,
  list: (values: readonly string[]): Validation => ({ kind: 'list', values }),
  from: (table: string, col: string): Validation => ({ kind: 'listFrom', table, col }),
};

/** An input column: it always has a validation. */
export function input(header: string, width: number, validation: Validation, format?: Format, note?: string): Column {
  return { header, width, validation, ...(format ? { format } : {}), ...(note ? { note } : {}) };
}

/** A short code (unit, direction, yes/no): an input shown centred. */
export function code(header: string, width: number, validation: Validation, note?: string): Column {
  return { ...input(header, width, validation, undefined, note), align: 'center' };
}

export function statusInput(header: string, width: number, values: readonly string[], note?: string): Column {
  return { header, width, validation: V.list(values), statusColors: true, align: 'center', ...(note ? { note } : {}) };
}
