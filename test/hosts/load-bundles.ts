// The built add-ins loaded the way their hosts load them: every dist/gsheets/*.js in one plain context
// with no Apps Script service defined, and dist/excel/functions.js in a context that provides only
// CustomFunctions and Office, with no DOM.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const DIST = join(import.meta.dirname, '../../dist');

export type HostFunction = (...args: unknown[]) => unknown;

/**
 * `fresh` (the default) gives each load a context of its own, as the hosts do. `shared` evaluates in this
 * context instead, for benchmarks whose data and baselines must live in the same realm as the bundle.
 */
export type Realm = 'fresh' | 'shared';

export function loadSheets(realm: Realm = 'fresh'): { context: vm.Context; fn: (name: string) => HostFunction; files: string[] } {
  const context = realm === 'fresh' ? vm.createContext({}) : globalThis;
  const dir = join(DIST, 'gsheets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  for (const f of files) {
    const code = readFileSync(join(dir, f), 'utf8');
    if (realm === 'fresh') vm.runInContext(code, context, { filename: f });
    else vm.runInThisContext(code, { filename: f });
  }
  return {
    context,
    files,
    /** The Sheets function for a catalog name: RICE is AGILE_RICE, as FUNCTIONS.md names it in Sheets. */
    fn: (name) => {
      const f = (context as Record<string, unknown>)[`AGILE_${name}`];
      if (typeof f !== 'function') throw new Error(`AGILE_${name} is not a top-level function in dist/gsheets`);
      return f as HostFunction;
    },
  };
}

/** A stand-in for Excel's CustomFunctions.Error: what the runtime receives from a function. */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export function loadExcel(realm: Realm = 'fresh'): { associated: Map<string, HostFunction>; call: (id: string, ...args: unknown[]) => Promise<unknown> } {
  const associated = new Map<string, HostFunction>();
  const CustomFunctions = {
    associate(id: string | Record<string, HostFunction>, f?: HostFunction) {
      if (typeof id === 'string') {
        if (associated.has(id)) throw new Error(`${id} associated twice`);
        associated.set(id, f!);
      } else for (const [k, v] of Object.entries(id)) associated.set(k, v);
    },
    Error: ExcelError,
    ErrorCode,
  };
  const code = readFileSync(join(DIST, 'excel/functions.js'), 'utf8');
  if (realm === 'fresh') vm.runInContext(code, vm.createContext({ CustomFunctions, Office: {} }), { filename: 'functions.js' });
  else {
    Object.assign(globalThis, { CustomFunctions, Office: {} });
    vm.runInThisContext(code, { filename: 'functions.js' });
  }
  return {
    associated,
    // Excel awaits whatever the function returns; a thrown CustomFunctions.Error becomes the cell's error.
    call: async (id, ...args) => {
      const f = associated.get(id);
      if (!f) throw new Error(`${id} was not associated`);
      try {
        return await f(...args);
      } catch (e) {
        return e;
      }
    },
  };
}

export function excelFunctionsJson(): { functions: { id: string; name: string; parameters: { name: string; dimensionality?: string; optional?: boolean }[]; result: { dimensionality?: string } }[] } {
  return JSON.parse(readFileSync(join(DIST, 'excel/functions.json'), 'utf8'));
}

/** Excel's serial day number for a calendar date. */
export function excelSerial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
