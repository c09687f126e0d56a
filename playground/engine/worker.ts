// The formula worker (a module Worker the page starts, page-engine.ts): Univer's formula engine with the
// catalog registered, computing every formula off the page's thread. Results go back to the page as mutations.
import { LocaleType, Univer } from '@univerjs/core';
import { UniverSheetsCoreWorkerPreset } from '@univerjs/preset-sheets-core/worker';
import { catalogFunctions } from './functions';
import { pluginList } from './plugins';

const univer = new Univer({ locale: LocaleType.EN_US });
for (const [plugin, config] of pluginList(UniverSheetsCoreWorkerPreset({ formula: { function: catalogFunctions() } }).plugins)) univer.registerPlugin(plugin, config);
