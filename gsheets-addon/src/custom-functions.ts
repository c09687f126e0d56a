// How Sheets sees catalog results. Sheets custom functions cannot return error values inside an array,
// so an error cell becomes text that starts with its code ("#VALUE! effort must be greater than 0"), which
// keeps the rest of the spilled column working. A call error is thrown: the cell shows #ERROR! with it.
import { CallError, type CellError } from '../../core/cells';
import { invoke } from '../../core/invoke';

const asText = (e: CellError): string => `${e.code} ${e.message}`;

export function sheetsCall(name: string, args: ArrayLike<unknown>): unknown {
  try {
    return invoke(name, args, asText);
  } catch (e) {
    // A plain Error, not the core's subclass: Sheets shows its message as is.
    if (e instanceof CallError) throw new Error(e.message);
    throw e;
  }
}
