// The sidebar's Bridge in Google Sheets: a typed promise client over google.script.run. Each method calls
// the server function of the same contract (gsheets-addon/src/server/api.ts); a server error arrives in the
// failure handler and becomes a rejected promise with the server's message, which the sidebar shows.
import type { Bridge, ColumnWrite, HostInfo, SheetWrite, TemplateSpec, WriteOptions } from '../../protocol/bridge';
import type { ServerFunctions } from '../src/server/api-types';

/** The part of google.script.run this client uses: a builder whose handlers return the runner itself. */
export interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: unknown) => void): ScriptRun;
  [server: string]: unknown;
}

export const SHEETS_HOST: HostInfo = { kind: 'sheets', style: 'google', functionPrefix: 'AGILE_', label: 'Google Sheets' };

type Name = keyof ServerFunctions;

/**
 * Said instead of Google's raw error when the browser is signed in to several Google accounts: calls from an
 * add-on's sidebar then fail with PERMISSION_DENIED (a known Apps Script limitation Google has not fixed), and
 * nothing the add-on does can pick the account.
 */
export const SEVERAL_ACCOUNTS =
  'Google Sheets could not tell which of your Google accounts is using Agile Playbook, which happens when this browser is signed in to more than one. ' +
  'Open the spreadsheet in a window signed in to one account only (a private window, or another browser profile), then open Agile Playbook again.';

/** The message the sidebar shows for a failed server call. */
export function failureMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  return /PERMISSION_DENIED/.test(text) ? SEVERAL_ACCOUNTS : text;
}

/** Calls one server function and resolves with its result. */
export function callServer<K extends Name>(run: ScriptRun, name: K, ...args: Parameters<ServerFunctions[K]>): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = run
      .withSuccessHandler((v) => resolve(v as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((e) => reject(new Error(failureMessage(e))));
    const f = runner[name];
    if (typeof f !== 'function') {
      reject(new Error(`The add-on's server has no function ${name}: reload the spreadsheet.`));
      return;
    }
    (f as (...a: unknown[]) => void).apply(runner, args);
  });
}

export function createScriptRunBridge(run: ScriptRun): Bridge {
  return {
    host: SHEETS_HOST,
    listTables: () => callServer(run, 'apListTables'),
    readTable: (id: string) => callServer(run, 'apReadTable', id),
    // google.script.run rejects undefined arguments in some runtimes: always send an options object.
    writeColumns: (tableId: string, columns: readonly ColumnWrite[], options: WriteOptions = {}) => callServer(run, 'apWriteColumns', tableId, [...columns], options),
    writeSheet: (sheet: SheetWrite, options: WriteOptions = {}) => callServer(run, 'apWriteSheet', sheet, options),
    insertTemplate: (template: TemplateSpec) => callServer(run, 'apInsertTemplate', template),
  };
}
