// Error cells and data types reaching the built functions.js as Excel passes them, through a fake that
// follows functions.json's flags. FUNCTIONS.md: "An error value in an input cell … makes that row an error
// naming the argument and the error, and every other row still computes … a cell holding a data type (an
// entity or a formatted number) is read as its basic value."
import { describe, expect, it } from 'vitest';
import { ExcelError, excelFunctionsJson, loadExcel } from '../hosts/load-bundles';
import { type FunctionsMetadata, callAsExcel, div0, entity, formatted, notAvailable } from './fake/custom-functions';

const meta = excelFunctionsJson() as FunctionsMetadata & ReturnType<typeof excelFunctionsJson>;
const { associated } = loadExcel();
const rice = associated.get('RICE')!;

const col = (...v: unknown[]) => v.map((x) => [x]);

describe('the fake Excel calculation, pinned to Microsoft\'s words', () => {
  it('withholds a call whose input holds an error unless allowErrorForDataTypeAny is set', async () => {
    // "Setting the value to true allows a custom function to process errors as input values. All parameters
    // with the type any or any[][] can accept errors as input values when allowErrorForDataTypeAny is set to
    // true. The default allowErrorForDataTypeAny value is false." (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json)
    let called = 0;
    const f = () => ++called;
    expect(await callAsExcel({}, f, [col(1, div0)])).toEqual({ shown: '#DIV/0!', called: false });
    expect(await callAsExcel({ allowErrorForDataTypeAny: true }, f, [col(1, div0)])).toMatchObject({ called: true });
    expect(called).toBe(1);
  });

  it('passes data types as their JSON only with allowCustomDataForDataTypeAny', async () => {
    // "Setting this value to true allows a custom function to accept data types as parameters and return
    // values." (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowcustomdatafordatatypeany);
    // "Custom functions and the Excel JavaScript API use the same JSON schema for data types."
    // (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts).
    const echo = (a: unknown) => a;
    expect(await callAsExcel({ allowCustomDataForDataTypeAny: true }, echo, [col(formatted(0.8, '0%'))])).toEqual({ shown: col(formatted(0.8, '0%')), called: true });
    expect(await callAsExcel({}, echo, [col(formatted(0.8, '0%'))])).toEqual({ shown: col(0.8), called: true });
  });
});

describe('dist/excel/functions.json and functions.js with error and data-type inputs', () => {
  it('sets both flags, so errors and data types reach the functions', () => {
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    expect(meta.allowCustomDataForDataTypeAny).toBe(true);
  });

  it('an error in one Reach cell makes that row an error naming Reach and #DIV/0!; the others compute', async () => {
    const out = (await callAsExcel(meta, rice, [col(1000, div0, 500), col(2, 2, 1), col(0.8, 0.8, 1), col(4, 4, 5)])) as { shown: unknown[][]; called: boolean };
    expect(out.called).toBe(true);
    expect(out.shown[0]).toEqual([400]);
    expect(out.shown[2]).toEqual([100]);
    const e = out.shown[1]![0] as ExcelError;
    expect(e).toBeInstanceOf(ExcelError);
    expect(e.message).toMatch(/reach/i);
    expect(e.message).toMatch(/#DIV\/0!/);
  });

  it('an error input shaped as a CustomFunctions.Error ({ code: "#DIV/0!" }) is read as that error too', async () => {
    // ErrorCode.invalidName and invalidReference: "Note that this error code is supported as a custom function
    // input error, but not as a custom function output error." (https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode).
    // No page says which shape an error input has when allowErrorForDataTypeAny and allowCustomDataForDataTypeAny
    // are both set, an ErrorCellValue or an error object with a code: the worse case is either, so both are read.
    for (const input of [{ code: '#DIV/0!' }, new ExcelError('#DIV/0!')]) {
      const out = (await callAsExcel(meta, rice, [col(1000, input, 500), col(2, 2, 1), col(0.8, 0.8, 1), col(4, 4, 5)])) as { shown: unknown[][]; called: boolean };
      expect(out.called).toBe(true);
      expect(out.shown[0]).toEqual([400]);
      expect(out.shown[2]).toEqual([100]);
      const e = out.shown[1]![0] as ExcelError;
      expect(e).toBeInstanceOf(ExcelError);
      expect(e.code).toBe('#VALUE!');
      expect(e.message).toMatch(/reach/i);
      expect(e.message).toMatch(/#DIV\/0!/);
    }
  });

  it('an #N/A in a single-cell call is an error naming the argument, not a withheld call', async () => {
    const out = (await callAsExcel(meta, rice, [1000, 2, notAvailable, 4])) as { shown: unknown };
    const e = (Array.isArray(out.shown) ? (out.shown as unknown[][])[0]![0] : out.shown) as ExcelError;
    expect(e).toBeInstanceOf(ExcelError);
    expect(e.message).toMatch(/confidence/i);
    expect(e.message).toMatch(/#N\/A/);
  });

  it('a formatted number reads as its number, and an entity as its text (a clear "not a number" error)', async () => {
    const out = (await callAsExcel(meta, rice, [col(formatted(1000, '#,##0'), entity('Seattle')), col(2, 2), col(formatted(0.8, '0%'), 0.8), col(4, 4)])) as { shown: unknown[][] };
    expect(out.shown[0]).toEqual([400]);
    const e = out.shown[1]![0] as ExcelError;
    expect(e.message).toMatch(/reach "Seattle" is not a number/i);
  });
});
