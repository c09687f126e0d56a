// The catalog registered into the spreadsheet engine (Univer's formula engine), from the catalog itself:
// one engine function class per catalog entry, under both host spellings (AGILE.RICE as Excel writes it,
// AGILE_RICE as Sheets does), so a file from either host computes. The same list serves the page's worker
// and the headless engine the Node tests use. The engine's simple custom-function hook turns a blank cell
// into 0, which would break "blank rows stay blank", so these classes extend the base function and convert
// arguments themselves: blanks as null, error cells as their code, every range as a 2-D array.
import { ArrayValueObject, BaseFunction, type BaseValueObject, type ErrorValueObject, FunctionType, type IFunctionInfo, ValueObjectFactory } from '@univerjs/engine-formula';
import { CallError, CellError, type Out } from '../../core/cells';
import { CATALOG } from '../../core/catalog';
import type { FunctionSpec } from '../../core/function-spec';

/** The text a row error shows in its cell, as a Sheets spilled column shows it: the code, then the message. */
export const errorText = (e: CellError): string => `${e.code} ${e.message}`;

type Plain = string | number | boolean | null;

function plainOf(v: BaseValueObject | null | undefined): Plain {
  if (v === null || v === undefined || v.isNull()) return null;
  if (v.isError()) return (v as ErrorValueObject).getErrorType();
  const x = v.getValue();
  return x === undefined ? null : (x as Plain);
}

/** An engine argument as the catalog takes it: a range always as rows of cells, a value as one cell. */
function argOf(v: BaseValueObject | undefined, shape: 'range' | 'value'): unknown {
  if (v === undefined) return undefined;
  if (v.isArray()) {
    const grid = (v as ArrayValueObject).getArrayValue().map((row) => row.map((c) => plainOf(c)));
    if (shape === 'value' && grid.length === 1 && grid[0]!.length === 1) return grid[0]![0];
    return grid;
  }
  const one = plainOf(v);
  // An omitted optional argument (=AGILE.RICE(a,b,c,d,)) arrives as a null value: the catalog reads it as omitted.
  if (one === null && shape === 'value') return undefined;
  return shape === 'range' ? [[one]] : one;
}

function valueOf(out: Out | undefined): BaseValueObject {
  if (out === undefined || out === '') return ValueObjectFactory.create('') as BaseValueObject;
  return ValueObjectFactory.create(out instanceof CellError ? errorText(out) : out) as BaseValueObject;
}

function resultOf(out: Out | Out[][]): BaseValueObject {
  if (!Array.isArray(out)) return valueOf(out);
  const rows = out.map((row) => row.map((v) => valueOf(v)));
  return ArrayValueObject.create({
    calculateValueList: rows,
    rowCount: rows.length,
    columnCount: rows[0]?.length ?? 0,
    unitId: '',
    sheetId: '',
    row: -1,
    column: -1,
  });
}

/**
 * The engine function class for one catalog entry. A call error shows as "#VALUE! <message>" in that one
 * cell, the form row errors take too: the engine's own error values carry no text a person can see, and the
 * message (which argument, which value, what to do) is the point of principle 6.
 */
function engineClass(spec: FunctionSpec): typeof BaseFunction {
  return class CatalogFunction extends BaseFunction {
    override minParams = spec.params.filter((p) => !p.optional).length;
    override maxParams = spec.params.length;

    override calculate(...variants: BaseValueObject[]): BaseValueObject {
      try {
        const args = variants.map((v, i) => argOf(v, spec.params[i]?.shape ?? 'range'));
        return resultOf(spec.impl(...args));
      } catch (e) {
        const message = e instanceof CallError ? e.message : `${spec.name} failed: ${e instanceof Error ? e.message : String(e)}`;
        return ValueObjectFactory.create(`#VALUE! ${message}`) as BaseValueObject;
      }
    }
  } as unknown as typeof BaseFunction;
}

/** Both spellings of a catalog name. */
export const engineNames = (spec: FunctionSpec): [string, string] => [`AGILE.${spec.name}`, `AGILE_${spec.name}`];

/** The formula engine's `function` configuration: [class, name] pairs for every catalog entry and spelling. */
export function catalogFunctions(): [typeof BaseFunction, string][] {
  return CATALOG.flatMap((spec) => {
    const Fn = engineClass(spec);
    return engineNames(spec).map((name): [typeof BaseFunction, string] => [Fn, name]);
  });
}

/** What the formula bar offers while typing, in the look's spelling: summary, parameters and their help. */
export function catalogDescriptions(prefix: 'AGILE.' | 'AGILE_'): IFunctionInfo[] {
  return CATALOG.map((spec) => ({
    functionName: `${prefix}${spec.name}`,
    functionType: FunctionType.User,
    description: `${spec.summary} Returns: ${spec.returns}`,
    abstract: spec.summary,
    functionParameter: spec.params.map((p) => ({
      name: p.name,
      detail: p.optional && p.omitted ? `${p.help} Optional; if omitted: ${p.omitted}.` : p.help,
      example: '',
      require: p.optional ? 0 : 1,
      repeat: 0,
    })),
  }));
}
