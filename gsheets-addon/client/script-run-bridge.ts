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

/** Calls one server function and resolves with its result. */
export function callServer<K extends Name>(run: ScriptRun, name: K, ...args: Parameters<ServerFunctions[K]>): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const runner = run
      .withSuccessHandler((v) => resolve(v as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((e) => reject(e instanceof Error ? e : new Error(typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e))));
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
    writeSheet: (sheet: SheetWrite) => callServer(run, 'apWriteSheet', sheet),
    insertTemplate: (template: TemplateSpec) => callServer(run, 'apInsertTemplate', template),
  };
}
