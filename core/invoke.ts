// Calling a catalog function the way a host does, and turning its errors into the host's kind of error.
// Both add-ins go through here, so the Sheets and Excel results differ only in how an error cell looks.
import { CallError, CellError, type Out, type ZoneOffset, inZone } from './cells';
import { findFunction } from './catalog';

/**
 * Runs catalog function `name` on the host's raw arguments. Error cells in the result are replaced, in
 * place, by `toError(e)`; a single-cell result that is an error is returned converted too, so the caller
 * decides whether to return or throw it. Shape problems throw CallError. `zone` gives the offsets of the zone
 * the host's Date objects are shown in (Sheets: the spreadsheet's), read only when a Date is met.
 */
export function invoke<E>(
  name: string,
  args: ArrayLike<unknown>,
  toError: (e: CellError) => E,
  zone?: ZoneOffset,
): number | string | E | (number | string | E)[][] {
  const spec = findFunction(name);
  if (!spec) throw new CallError(`${name} is not an Agile Playbook function`);
  if (args.length > spec.params.length) {
    throw new CallError(`${spec.name} takes at most ${spec.params.length} arguments (got ${args.length})`);
  }
  const given = Array.from(args);
  const missing = spec.params.findIndex((p, i) => !p.optional && (i >= given.length || given[i] === undefined));
  if (missing >= 0) {
    throw new CallError(`${spec.name} needs ${spec.params[missing]!.name}: ${spec.example}`);
  }
  const result = zone ? inZone(zone, () => spec.impl(...given)) : spec.impl(...given);
  if (!Array.isArray(result)) return result instanceof CellError ? toError(result) : result;
  const rows = result as (Out | E)[][];
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (v instanceof CellError) row[j] = toError(v);
    }
  }
  return rows as (number | string | E)[][];
}
