// How Excel sees catalog results: error cells become CustomFunctions.Error values with the message (Excel
// shows #VALUE! or #N/A and the message on hover); a single-cell error and a call error are thrown.
//
// And what Excel passes in. functions.json sets allowErrorForDataTypeAny and allowCustomDataForDataTypeAny
// (scripts/lib/excel-functions.mjs), so a parameter typed `any` receives Excel's cell values as the data
// types API describes them ("Custom functions and the Excel JavaScript API use the same JSON schema for data
// types.", custom-functions-data-types-concepts): an error cell as an ErrorCellValue
// ({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" }), a formatted number as
// { type: "FormattedNumber", basicValue: 0.8, numberFormat: "0%" }, an entity as { type: "Entity", text, … }.
// They are read here as the basic value the cell stands for, so core sees what it sees from Sheets: error
// text for an error (the row becomes an error naming the argument), the number of a formatted number, the
// entity's display text (its basicValue is #VALUE!, which would make a card an error rather than text).
import { CallError, type CellError } from '../../core/cells';
import { invoke } from '../../core/invoke';

const toExcelError = (e: CellError): CustomFunctions.Error =>
  new CustomFunctions.Error(
    e.kind === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue,
    e.message,
  );

/** Excel's errorType names, for an ErrorCellValue that carries no basicValue. */
const ERROR_TEXT: Record<string, string> = {
  Div0: '#DIV/0!',
  NotAvailable: '#N/A',
  Ref: '#REF!',
  Value: '#VALUE!',
  Num: '#NUM!',
  Name: '#NAME?',
  Null: '#NULL!',
  Spill: '#SPILL!',
  Calc: '#CALC!',
  Field: '#FIELD!',
  Busy: '#BUSY!',
  Blocked: '#BLOCKED!',
  Connect: '#CONNECT!',
  GettingData: '#GETTING_DATA',
};

/** A cell value as core reads it: a data-type object becomes its basic value; anything else is unchanged. */
export function basicCellValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const cell = v as { type?: unknown; basicValue?: unknown; errorType?: unknown; text?: unknown };
  if (typeof cell.type !== 'string') return v; // a CustomFunctions.Error or anything core already knows
  if (cell.type === 'Error') {
    if (typeof cell.basicValue === 'string' && cell.basicValue.startsWith('#')) return cell.basicValue;
    return ERROR_TEXT[String(cell.errorType)] ?? '#VALUE!';
  }
  if ((cell.type === 'Entity' || cell.type === 'LinkedEntity') && typeof cell.text === 'string') return cell.text;
  if (cell.type === 'Empty') return '';
  return 'basicValue' in cell ? cell.basicValue : v;
}

/** Arguments with every data-type cell read as its basic value; copied only where one is found. */
function basicArgs(args: ArrayLike<unknown>): ArrayLike<unknown> {
  let out: unknown[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let next: unknown = a;
    if (Array.isArray(a)) {
      let rows: unknown[][] | undefined;
      for (let r = 0; r < a.length; r++) {
        const row = a[r];
        if (!Array.isArray(row)) continue;
        for (let c = 0; c < row.length; c++) {
          const x = row[c];
          if (typeof x !== 'object' || x === null) continue;
          rows ??= a.map((line) => (Array.isArray(line) ? line.slice() : line));
          rows[r]![c] = basicCellValue(x);
        }
      }
      if (rows) next = rows;
    } else next = basicCellValue(a);
    if (next !== a) (out ??= Array.from(args))[i] = next;
  }
  return out ?? args;
}

export function excelCall(name: string, args: ArrayLike<unknown>): unknown {
  let result: unknown;
  try {
    result = invoke(name, basicArgs(args), toExcelError);
  } catch (e) {
    if (e instanceof CallError) throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
    throw e;
  }
  if (result instanceof CustomFunctions.Error) throw result;
  return result;
}
