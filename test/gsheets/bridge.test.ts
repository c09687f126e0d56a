// The Bridge contract, passed by the sidebar's real Sheets client (google.script.run promises) wired to the
// built server bundle running on the fake spreadsheet: the whole path the sidebar uses in Google Sheets.
import { bridgeContract } from '../sidebar/bridge-contract';
import { createScriptRunBridge } from '../../gsheets-addon/client/script-run-bridge';
import { loadAddon, probe, userTypes } from './harness';

bridgeContract(async (fixture) => {
  const addon = loadAddon(fixture);
  return {
    bridge: createScriptRunBridge(addon.run),
    cell: async (sheet, a1) => probe(addon.ss, sheet, a1),
    type: async (sheet, a1, value) => userTypes(addon.ss, sheet, a1, value),
  };
}, 'Google Sheets (google.script.run → dist/gsheets on the fake)');
