// The page's spreadsheet engine: Univer's sheets-core preset (canvas grid, formula bar, toolbar, number
// formats) mounted in the page, with formula calculation in a module Worker (worker.ts) so a large
// workbook never freezes the page. The catalog is registered on both sides: the worker computes it, the
// page's engine knows the names (its formula bar parses them). Autocomplete describes the catalog in the
// look's spelling; the Look switch swaps those descriptions (setLook) rather than rebuilding the engine,
// so the workbook and its undo history survive the switch.
import { LocaleType, Univer, mergeLocales } from '@univerjs/core';
import { FUniver } from '@univerjs/core/facade';
import { UniverSheetsCorePreset } from '@univerjs/preset-sheets-core';
import sheetsCoreEnUS from '@univerjs/preset-sheets-core/locales/en-US';
import { CalculationMode, IDescriptionService } from '@univerjs/sheets-formula';
import type { Engine } from './engine';
import { pluginList } from './plugins';
import { catalogDescriptions, catalogFunctions } from './functions';

export type Prefix = 'AGILE.' | 'AGILE_';

export interface PageEngine extends Engine {
  /** Describes the catalog to autocomplete in this spelling (the other spelling still computes). */
  setPrefix(prefix: Prefix): void;
}

export function pageEngine(container: HTMLElement, prefix: Prefix): PageEngine {
  const univer = new Univer({ locale: LocaleType.EN_US, locales: { [LocaleType.EN_US]: mergeLocales(sheetsCoreEnUS) } });
  // The worker is built as its own module (scripts/build-sidebar.mjs): formula-worker.js beside the page.
  const worker = new Worker(new URL('./formula-worker.js', location.href), { type: 'module', name: 'formula' });
  const preset = UniverSheetsCorePreset({
    container,
    workerURL: worker,
    // The catalog's names parse on the page; the worker computes them.
    // Every formula computes when a workbook opens: a file's cached results may be stale, and spilled
    // cells are not in a saved snapshot.
    formula: { function: catalogFunctions(), description: catalogDescriptions(prefix), initialFormulaComputing: CalculationMode.FORCED },
    footer: { sheetBar: true, statisticBar: true, menus: true, zoomSlider: true },
  });
  for (const [plugin, config] of pluginList(preset.plugins)) univer.registerPlugin(plugin, config);
  const api = FUniver.newAPI(univer);
  // The first look's descriptions come with the configuration; a switch replaces them once the
  // description service runs (it starts with the first workbook).
  let current = prefix;
  const setPrefix = (p: Prefix): void => {
    if (p === current) return;
    const service = univer.__getInjector().get(IDescriptionService);
    service.unregisterDescriptions(catalogDescriptions(current).map((d) => d.functionName));
    service.registerDescriptions(catalogDescriptions(p));
    current = p;
  };
  return { univer, api, setPrefix };
}
