// The server functions behind the sidebar's Bridge. Each becomes a top-level Apps Script function of the
// same name (scripts/build-gsheets.mjs generates server.js from this object's keys), which the sidebar
// calls through google.script.run. Arguments and results are plain JSON-like data: google.script.run
// passes nothing else (a Date in a result makes the whole call fail).
import type { ServerFunctions } from './api-types';
import { insertTemplate } from './insert';
import { withDocumentLock } from './lock';
import { plannerWasmPart } from './planner-wasm';
import { snapshot } from './read-table';
import { findTable, findTables, refOf } from './tables';
import { writeColumns } from './write-columns';
import { writeSheet } from './write-sheet';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

export type { ServerFunctions };

export const SERVER_FUNCTIONS: ServerFunctions = {
  apListTables: () => findTables(active()).map(refOf),
  apReadTable: (id) => {
    const ss = active();
    return snapshot(findTable(ss, id), ss.getSpreadsheetTimeZone());
  },
  apWriteColumns: (tableId, columns, options) => withDocumentLock(() => writeColumns(active(), tableId, columns, options ?? {})),
  apWriteSheet: (sheet, options) => withDocumentLock(() => writeSheet(active(), sheet, options ?? {})),
  apInsertTemplate: (template) => withDocumentLock(() => insertTemplate(active(), template)),
  apPlannerWasm: (part) => plannerWasmPart(part),
};
