// The spreadsheet engine without a grid: Univer's sheets and formula engine in this thread, with the catalog
// registered. The Node tests run the MemoryBridge on it (the same engine the page runs, minus the canvas and
// the worker), so what they pin about writes, ownership and recalculation holds for the real engine.
import { LocaleType, Univer, mergeLocales } from '@univerjs/core';
import { FUniver } from '@univerjs/core/facade';
import '@univerjs/sheets/facade';
import '@univerjs/engine-formula/facade';
import '@univerjs/sheets-formula/facade';
import { UniverFormulaEnginePlugin } from '@univerjs/engine-formula';
import { UniverSheetsPlugin } from '@univerjs/sheets';
import { UniverSheetsFormulaPlugin } from '@univerjs/sheets-formula';
import sheetsEnUS from '@univerjs/sheets/locale/en-US';
import sheetsFormulaEnUS from '@univerjs/sheets-formula/locale/en-US';
import type { Engine } from './engine';
import { catalogFunctions } from './functions';

export function headlessEngine(): Engine {
  const univer = new Univer({ locale: LocaleType.EN_US, locales: { [LocaleType.EN_US]: mergeLocales(sheetsEnUS, sheetsFormulaEnUS) } });
  univer.registerPlugin(UniverFormulaEnginePlugin, { function: catalogFunctions() });
  univer.registerPlugin(UniverSheetsPlugin);
  univer.registerPlugin(UniverSheetsFormulaPlugin);
  return { univer, api: FUniver.newAPI(univer) };
}
