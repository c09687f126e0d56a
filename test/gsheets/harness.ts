// The built add-on (every dist/gsheets/*.js) evaluated in one vm context whose globals are the fake Apps
// Script services over one fake spreadsheet, plus a google.script.run that calls its top-level functions
// the way the real one does: asynchronously, with arguments and results copied as JSON-like data.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { DIST } from '../hosts/load-bundles';
import type { Scalar } from '../../protocol/bridge';
import type { CellProbe, WorkbookFixture } from '../sidebar/bridge-contract';
import { catalogCalculator } from './calc';
import { parseInput } from './fake/cell';
import { type FakeEnvironment, fakeEnvironment } from './fake/services';
import { FakeSpreadsheet } from './fake/spreadsheet';
import { formatDate } from './fake/zone';
import type { ScriptRun } from '../../gsheets-addon/client/script-run-bridge';

export const GSHEETS = join(DIST, 'gsheets');

export interface LoadedAddon {
  readonly env: FakeEnvironment;
  readonly ss: FakeSpreadsheet;
  readonly context: vm.Context;
  /** Calls a top-level function as Apps Script would (a menu item, a trigger, a server function). */
  call(name: string, ...args: unknown[]): unknown;
  readonly run: ScriptRun;
}

let files: Record<string, string> | undefined;

/** Every file of dist/gsheets by name, read once per test file (highs-wasm.html alone is 4.5 MB). */
export function distFiles(): Record<string, string> {
  files ??= Object.fromEntries(readdirSync(GSHEETS).map((f) => [f, readFileSync(join(GSHEETS, f), 'utf8')]));
  return files;
}

/** Puts the fixture's cells in as data a user typed: text stays text, even text that looks like a formula. */
export function fillFixture(ss: FakeSpreadsheet, fixture: WorkbookFixture): void {
  for (const s of fixture.sheets) {
    const sheet = ss.insertSheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== '' && sheet.put(r + 1, c + 1, { value: v, formula: '' })));
  }
  ss.recalc();
}

/** A user typing into a cell: parsed like typed input, no script lock involved. */
export function userTypes(ss: FakeSpreadsheet, sheet: string, a1: string, value: Scalar): void {
  const range = ss.getSheetByName(sheet)!.getRange(a1);
  range.sheet.put(range.getRow(), range.getColumn(), parseInput(value, ss.timeZone));
  ss.recalc();
}

export function probe(ss: FakeSpreadsheet, sheet: string, a1: string): CellProbe {
  const s = ss.getSheetByName(sheet);
  if (!s) return { value: '' };
  const range = s.getRange(a1);
  const formula = range.getFormula();
  const v = range.getValue();
  const value = v instanceof Date ? formatDate(v, ss.timeZone, 'yyyy-MM-dd') : (v as Scalar);
  return formula ? { value, formula } : { value };
}

/**
 * google.script.run reference: "Requests fail if you attempt to pass a Date, Function, DOM element besides a
 * form, or other prohibited type, including prohibited types inside objects or arrays", and "undefined
 * fields within arrays become null"; return values have the same restrictions.
 */
export function passable(v: unknown, path = 'value'): void {
  const tag = Object.prototype.toString.call(v);
  if (tag === '[object Date]' || typeof v === 'function') throw new Error(`google.script.run cannot pass ${path}: a ${tag === '[object Date]' ? 'Date' : 'function'}`);
  if (Array.isArray(v)) v.forEach((x, i) => passable(x, `${path}[${i}]`));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) passable(x, `${path}.${k}`);
}

const clone = <T>(v: T, what: string): T => {
  passable(v, what);
  return v === undefined ? v : JSON.parse(JSON.stringify(v));
};

export function loadAddon(fixture?: WorkbookFixture, options: { calculate?: boolean; timeZone?: string } = {}): LoadedAddon {
  const ss = new FakeSpreadsheet('Untitled spreadsheet', options.timeZone);
  const files = distFiles();
  const env = fakeEnvironment(ss, files);
  const context = vm.createContext({ ...env.globals });
  for (const f of Object.keys(files).filter((x) => x.endsWith('.js')).sort()) vm.runInContext(files[f]!, context, { filename: f });
  const top = (name: string) => {
    const f = (context as Record<string, unknown>)[name];
    return typeof f === 'function' ? (f as (...a: unknown[]) => unknown) : undefined;
  };
  if (options.calculate !== false) {
    // Sheets runs a custom function with read-only access: the fake refuses changes while one runs.
    const inCustomFunction = (name: string) => {
      const f = top(name);
      return f
        ? (...args: unknown[]) => {
            ss.inCustomFunction = true;
            try {
              return f(...args);
            } finally {
              ss.inCustomFunction = false;
            }
          }
        : undefined;
    };
    ss.calculator = catalogCalculator(inCustomFunction);
  }
  if (fixture) fillFixture(ss, fixture);
  const call = (name: string, ...args: unknown[]) => {
    const f = top(name);
    if (!f) throw new Error(`${name} is not a top-level function in dist/gsheets`);
    return f(...args);
  };
  return { env, ss, context, call, run: scriptRun(call) };
}

/** google.script.run over `call`: each builder call returns a fresh runner, as the real one does. */
export function scriptRun(call: (name: string, ...args: unknown[]) => unknown): ScriptRun {
  const make = (onSuccess?: (v: unknown) => void, onFailure?: (e: unknown) => void): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get(_, prop) {
        if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, onFailure);
        if (prop === 'withFailureHandler') return (f: (e: unknown) => void) => make(onSuccess, f);
        if (typeof prop !== 'string' || prop === 'then') return undefined;
        return (...args: unknown[]) => {
          let sent: unknown[];
          try {
            sent = clone(args, `the arguments of ${prop}`);
          } catch (e) {
            setTimeout(() => onFailure?.(e), 0);
            return;
          }
          setTimeout(() => {
            try {
              const result = clone(call(prop, ...sent), `the result of ${prop}`);
              onSuccess?.(result);
            } catch (e) {
              // The real failure handler receives an Error whose message is the server's.
              onFailure?.(new Error(typeof (e as { message?: unknown })?.message === "string" ? (e as { message: string }).message : String(e)));
            }
          }, 0);
        };
      },
    });
  return make();
}
