// The quarterly-planning template: the declaration, its evaluation by the catalog and its rendering per
// host. Pure (no Node, no DOM): the Sheets add-on and the sidebar can build the sheets from renderWorkbook;
// the .xlsx writer is templates/xlsx.ts (Node only), driven by scripts/build-templates.mjs.
export { QUARTER } from './quarter';
export { evaluate, isoToSerial, type Evaluated, type Lookup } from './evaluate';
export { renderWorkbook, type RenderedCell, type RenderedSheet, type RenderedTable, type RenderedValidation, type RenderedWorkbook, type StyleName } from './render';
export { layoutOf, colLetter, type Layout, type TableLayout } from './layout';
export { FORMAT_CODES, PALETTE, STATUS_TONES, TONE_COLORS, type Tone } from './formats';
export { sheetNamesInUse, planInsert, type InsertPlan } from './insert';
export type * from './model';
