// Dates in spreadsheets whose time zone is not the script's (appsscript.json: Etc/UTC). Sheets hands a date
// cell to a script as the instant of its midnight in the spreadsheet's zone; the built add-on (dist/gsheets
// on the fake) must read, show and write the calendar day the sheet shows, in New York, Tokyo, Berlin and
// Auckland, across each zone's daylight-saving change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { TableData, TableRef } from '../../protocol/bridge';
import { GSHEETS, distFiles, loadAddon } from './harness';
import { dateIn, wallClockIn } from './fake/zone';

const ZONES = ['America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Pacific/Auckland'] as const;

// Two weeks across each daylight-saving change of 2026: the US (8 March), the EU (29 March), New Zealand (5 April).
const ACROSS_DST: readonly [string, string][] = [
  ['2026-03-01', '2026-03-15'],
  ['2026-03-22', '2026-04-05'],
  ['2026-03-29', '2026-04-12'],
];

/** Calls a custom function as Sheets does: read-only, in the add-on's context over the fake. */
function customFunction(addon: ReturnType<typeof loadAddon>, name: string, ...args: unknown[]): unknown {
  addon.ss.inCustomFunction = true;
  try {
    return addon.call(name, ...args);
  } finally {
    addon.ss.inCustomFunction = false;
  }
}

it('the script runs in UTC, so every zone below differs from the script\'s', () => {
  expect(JSON.parse(readFileSync(join(GSHEETS, 'appsscript.json'), 'utf8')).timeZone).toBe('Etc/UTC');
  expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(0);
});

describe.each(ZONES)('a spreadsheet in %s', (zone) => {
  const d = (iso: string) => dateIn(iso, zone);

  it('CYCLE_TIME between date cells is a whole number of days across a daylight-saving change', () => {
    const addon = loadAddon(undefined, { timeZone: zone });
    const sheet = addon.ss.insertSheet('Delivery');
    sheet.getRange(1, 1, 3, 2).setValues(ACROSS_DST.map(([s, e]) => [d(s), d(e)]));
    for (const stat of ['min', 'max', 'mean']) {
      sheet.getRange('D1').setValue(`=AGILE_CYCLE_TIME(A1:A3, B1:B3, "${stat}")`);
      expect(sheet.getRange('D1').getValue(), stat).toBe(14);
    }
  });

  it('names the dates the sheet shows in a message, not the script\'s UTC instant', () => {
    const addon = loadAddon(undefined, { timeZone: zone });
    expect(() => customFunction(addon, 'AGILE_CYCLE_TIME', [[d('2026-01-31')]], [[d('2026-01-30')]])).toThrow('end_dates (2026-01-30) is before start_dates (2026-01-31)');
    const [[cell]] = customFunction(addon, 'AGILE_RICE', [[d('2026-01-31')]], [[1]], [[1]], [[1]]) as unknown[][];
    expect(cell).toMatch(/^#VALUE! reach is the date 2026-01-31, not a number/);
  });

  it('LAUNCH_VELOCITY counts launches on the first and last day of the period, and none the day after', () => {
    const addon = loadAddon(undefined, { timeZone: zone });
    const launches = [[d('2026-03-01')], [d('2026-03-14')], [d('2026-03-15')]];
    // 2 launches in 14 days = 1 per 7 days; the launch on the 15th is outside. The period as date cells, and as
    // ISO text, which names the day itself: a launch date cell read in the wrong zone falls outside it.
    expect(customFunction(addon, 'AGILE_LAUNCH_VELOCITY', launches, d('2026-03-01'), d('2026-03-14'))).toBe(1);
    expect(customFunction(addon, 'AGILE_LAUNCH_VELOCITY', launches, '2026-03-01', '2026-03-14')).toBe(1);
    expect(customFunction(addon, 'AGILE_LAUNCH_VELOCITY', [[d('2026-03-01')]], '2026-03-01', '2026-03-14')).toBe(0.5);
    expect(customFunction(addon, 'AGILE_LAUNCH_VELOCITY', [[d('2026-03-15')]], '2026-03-01', '2026-03-14')).toBe(0);
  });

  it('the sidebar reads a date cell as the ISO day the sheet shows', () => {
    const addon = loadAddon(undefined, { timeZone: zone });
    const sheet = addon.ss.insertSheet('Launches');
    sheet.getRange(1, 1, 2, 2).setValues([
      ['Item', 'Launched'],
      ['Spring campaign', d('2026-03-29')],
    ]);
    const [ref] = addon.call('apListTables') as TableRef[];
    const data = addon.call('apReadTable', ref!.id) as TableData;
    expect(data.rows).toEqual([['Spring campaign', '2026-03-29']]);
  });

  it('the quarterly plan\'s date cells hold the calendar day at midnight, with no time of day', () => {
    const addon = loadAddon(undefined, { timeZone: zone });
    addon.ss.insertSheet('Sheet1');
    addon.call('menuInsertQuarterlyPlan');
    const dates = addon.ss.sheets.flatMap((s) => s.getDataRange().getValues().flat().filter((v): v is Date => v instanceof Date));
    expect(dates.length).toBeGreaterThan(0);
    for (const v of dates) expect(wallClockIn(v, zone)).toMatch(/^\d{4}-\d{2}-\d{2} 00:00$/);
    expect(dates.map((v) => wallClockIn(v, zone).slice(0, 10))).toContain('2026-04-01');
  });
});

describe('the custom functions and the spreadsheet zone', () => {
  it('loading every file touches no service, and a call without a Date reads no time zone', () => {
    const touched: string[] = [];
    const service = (name: string) => new Proxy({}, { get: (_, p) => (touched.push(`${name}.${String(p)}`), () => ({ getSpreadsheetTimeZone: () => 'Asia/Tokyo' })) });
    const context = vm.createContext({ SpreadsheetApp: service('SpreadsheetApp'), Utilities: service('Utilities') });
    for (const [f, text] of Object.entries(distFiles()).filter(([f]) => f.endsWith('.js'))) vm.runInContext(text, context, { filename: f });
    expect(touched).toEqual([]);
    const rice = (context as Record<string, (...a: unknown[]) => unknown>).AGILE_RICE!;
    expect(rice([[1000]], [[2]], [[0.8]], [[4]])).toEqual([[400]]);
    expect(touched).toEqual([]);
  });

  it('reads the spreadsheet\'s zone once per call that meets a Date', () => {
    const addon = loadAddon(undefined, { timeZone: 'Asia/Tokyo' });
    let reads = 0;
    const original = addon.ss.getSpreadsheetTimeZone;
    addon.ss.getSpreadsheetTimeZone = () => (reads++, original());
    const starts = Array.from({ length: 50 }, (_, i) => [dateIn(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`, 'Asia/Tokyo')]);
    const globals = addon.env.globals as { Utilities: { formatDate: (...a: unknown[]) => string } };
    const format = globals.Utilities.formatDate;
    let formats = 0;
    globals.Utilities.formatDate = (...a) => (formats++, format(...a));
    customFunction(addon, 'AGILE_CYCLE_TIME', starts, starts, 'count');
    expect(reads).toBe(1);
    // Offsets are looked up per day, not per cell: at most both ends of each of the 28 distinct days.
    expect(formats).toBeGreaterThan(0);
    expect(formats).toBeLessThanOrEqual(2 * 28 + 2);
  });
});
