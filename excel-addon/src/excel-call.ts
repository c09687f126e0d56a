// How Excel sees catalog results: error cells become CustomFunctions.Error values with the message (Excel
// shows #VALUE! or #N/A and the message on hover); a single-cell error and a call error are thrown.
import { CallError, type CellError } from '../../core/cells';
import { invoke } from '../../core/invoke';

const toExcelError = (e: CellError): CustomFunctions.Error =>
  new CustomFunctions.Error(
    e.kind === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue,
    e.message,
  );

export function excelCall(name: string, args: ArrayLike<unknown>): unknown {
  let result: unknown;
  try {
    result = invoke(name, args, toExcelError);
  } catch (e) {
    if (e instanceof CallError) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    throw e;
  }
  if (result instanceof CustomFunctions.Error) throw result;
  return result;
}
