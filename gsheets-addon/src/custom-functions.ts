// How Sheets sees catalog results. Sheets custom functions cannot return error values inside an array,
// so an error cell of a spilled result becomes text that starts with its code ("#VALUE! effort must be
// greater than 0"), which keeps the rest of the column working. A single-cell result that is an error, and a
// call error, are thrown: the cell is a real error (#ERROR! with the message) that IFERROR and ISERROR see.
import { CallError, CellError } from '../../core/cells';
import { findFunction } from '../../core/catalog';
import { invoke } from '../../core/invoke';
import { activeSpreadsheetZone } from './zone';

const asText = (e: CellError): string => `${e.code} ${e.message}`;
const asItself = (e: CellError): CellError => e;

export function sheetsCall(name: string, args: ArrayLike<unknown>): unknown {
  const single = findFunction(name)?.result === 'single';
  let result;
  try {
    // Dates are read in the spreadsheet's zone, looked up only if a Date argument is met.
    result = invoke<CellError | string>(name, args, single ? asItself : asText, activeSpreadsheetZone());
  } catch (e) {
    // A plain Error, not the core's subclass: Sheets shows its message as is.
    if (e instanceof CallError) throw new Error(e.message);
    throw e;
  }
  if (result instanceof CellError) throw new Error(result.message);
  return result;
}
