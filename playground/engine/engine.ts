// What the playground's workbook runs on: one Univer instance and its facade. The page makes one with the
// grid and a formula worker (page-engine.ts), the tests one without (headless.ts); everything else takes this.
import type { Univer } from '@univerjs/core';
import type { FUniver } from '@univerjs/core/facade';
// The facades add the sheet and formula methods to FUniver (createWorkbook, getFormula…), for types and at run time.
import '@univerjs/sheets/facade';
import '@univerjs/engine-formula/facade';
import '@univerjs/sheets-formula/facade';

export interface Engine {
  readonly univer: Univer;
  readonly api: FUniver;
  /** How long to wait for a calculation to start after a change before taking it that none will (ms). */
  readonly calculationGraceMs?: number;
}
