// The fake pinned to the documented Apps Script behaviour the add-on depends on. Each test names the page
// and quotes the sentence it follows (`cite`); where Google's pages are silent it says so, and the fake does
// the worse case. When one of these turns out wrong against real Sheets, fix the fake here first: the
// add-on tests trust it.
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from './fake/spreadsheet';
import { fakeEnvironment } from './fake/services';
import { METADATA_LIMIT } from './fake/metadata';
import { dateIn, formatDate, wallClockIn } from './fake/zone';
import { loadAddon, passable, scriptRun } from './harness';

const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const USER_ENTERED = 'https://developers.google.com/workspace/sheets/api/reference/rest/v4/ValueInputOption';
const CUSTOM_FUNCTIONS = 'https://developers.google.com/apps-script/guides/sheets/functions';
const SCRIPT_RUN = 'https://developers.google.com/apps-script/guides/html/reference/run';
const LOCK = 'https://developers.google.com/apps-script/reference/lock/lock';
const METADATA = 'https://developers.google.com/workspace/sheets/api/guides/metadata';
const AUTH_MODE = 'https://developers.google.com/apps-script/reference/script/auth-mode';

/** The page and sentence a behaviour follows; `silent` where the page says nothing and the fake does the worse case. */
function cite(url: string, quote: string | { silent: string }): void {
  expect(url).toMatch(/^https:\/\/developers\.google\.com\//);
  expect(typeof quote === 'string' ? quote : quote.silent).not.toBe('');
}

/**
 * No Apps Script page says how Range.setValues parses a string; the fake parses it as the Sheets REST API's
 * USER_ENTERED does, which turns the most text into something else: the worse case for an add-on writing text.
 */
function citeSetValuesParsing(detail?: string): void {
  const silent = "Apps Script's page is silent; behaviour inferred from the REST API's USER_ENTERED, the worse case we design for";
  cite(`${RANGE}#setValues(Object)`, { silent: detail ? `${silent}: ${detail}` : silent });
  cite(USER_ENTERED, 'The values will be parsed as if the user typed them into the UI. Numbers will stay as numbers, but strings may be converted to numbers, dates, etc. following the same rules that are applied when entering text into a cell via the Google Sheets UI.');
}

/** Runs `work` as a second execution (another person's sidebar, say) of the same script. */
function asAnotherScript<T>(env: ReturnType<typeof fakeEnvironment>, work: () => T): T {
  const ss = env.spreadsheet;
  const was = ss.execution;
  ss.execution = 'another script';
  try {
    return work();
  } finally {
    ss.execution = was;
  }
}

function sheet() {
  const ss = new FakeSpreadsheet();
  return { ss, sh: ss.insertSheet('Data') };
}

describe('the fake SpreadsheetApp: values', () => {
  it('getValues returns a full 2-D array with "" for blank cells', () => {
    cite(`${RANGE}#getValues()`, 'Returns the rectangular grid of values for this range. ... Empty cells are represented by an empty string in the array.');
    const { sh } = sheet();
    sh.getRange('B2').setValue(5);
    expect(sh.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', 5, ''],
    ]);
  });

  it('keeps dates as Date objects', () => {
    // Custom functions guide, "Data types".
    cite(CUSTOM_FUNCTIONS, 'Times and dates in Sheets become Date objects in Apps Script.');
    const { sh } = sheet();
    const d = new Date('2026-01-15T12:00:00Z');
    sh.getRange('A1').setValues([[d]]);
    const back = sh.getRange('A1').getValue();
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(d.getTime());
  });

  it('throws the documented message when the data does not match the range', () => {
    cite(`${RANGE}#setValues(Object)`, 'Sets a rectangular grid of values (must match dimensions of this range).');
    const { sh } = sheet();
    expect(() => sh.getRange('A1:B2').setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sh.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(sh.getLastRow()).toBe(0);
  });

  it('reads strings like typed input: "=..." becomes a formula, "5" a number, "80%" 0.8', () => {
    citeSetValuesParsing();
    const { sh } = sheet();
    sh.getRange('A1:D1').setValues([['=SUM(B1:C1)', '5', '80%', 'plain']]);
    expect(sh.getRange('A1').getFormula()).toBe('=SUM(B1:C1)');
    expect(sh.getRange('B1:D1').getValues()).toEqual([[5, 0.8, 'plain']]);
  });

  it('reads text starting with + or - as a formula that does not parse (#ERROR!)', () => {
    citeSetValuesParsing('typed into Sheets, + or - starts a formula');
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([['+44 20 7946 0000', '-5 points: cut']]);
    expect(sh.getRange('A1:B1').getDisplayValues()).toEqual([['#ERROR!', '#ERROR!']]);
  });

  it('keeps text after a leading apostrophe as text, without the apostrophe', () => {
    citeSetValuesParsing('the apostrophe prefix is the Sheets UI rule for "store as text"');
    const { sh } = sheet();
    sh.getRange('A1:C1').setValues([["'=SUM(A1:A9)", "'+44 20", "'@channel"]]);
    expect(sh.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
    expect(sh.getRange('A1:C1').getValues()).toEqual([['=SUM(A1:A9)', '+44 20', '@channel']]);
  });

  it('throws outside the grid, which a script grows with insertColumnsAfter', () => {
    cite('https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertColumnsAfter(Integer,Integer)', 'Inserts a given number of columns after the given column position.');
    const { sh } = sheet();
    expect(() => sh.getRange(1, 27, 1, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sh.insertColumnsAfter(26, 2);
    expect(sh.getRange(1, 28).getA1Notation()).toBe('AB1');
  });

  it('reports the last row and column with content, 0 on an empty sheet', () => {
    cite('https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()', 'Returns the position of the last row that has content.');
    const { sh } = sheet();
    expect([sh.getLastRow(), sh.getLastColumn()]).toEqual([0, 0]);
    sh.getRange('C4').setValue('x');
    expect([sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()]).toEqual([4, 3, 'A1:C4']);
  });
});

describe('the fake SpreadsheetApp: spills, sheets, metadata, named ranges', () => {
  it('hides a sheet, but never the only visible one', () => {
    cite(
      'https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet()',
      'Hides this sheet. Has no effect if the sheet is already hidden. If this method is called on the only visible sheet, it throws an exception.',
    );
    const ss = new FakeSpreadsheet('t');
    const a = ss.insertSheet('A');
    const b = ss.insertSheet('B');
    a.hideSheet();
    a.hideSheet();
    expect([a.isSheetHidden(), b.isSheetHidden()]).toEqual([true, false]);
    // The page names no message; the fake's is its own.
    expect(() => b.hideSheet()).toThrow();
    a.showSheet();
    expect(a.isSheetHidden()).toBe(false);
  });

  it('spills a formula result into blank cells and shows #REF! when data is in the way', () => {
    // Custom functions guide, "Return values".
    cite(CUSTOM_FUNCTIONS, 'If a custom function returns a two-dimensional array of values, the values overflow into adjacent cells as long as those cells are empty. If this would cause the array to overwrite existing cell contents, the custom function throws an error instead.');
    cite(CUSTOM_FUNCTIONS, { silent: 'the page does not name the error; the fake shows #REF! in the formula\'s cell and leaves the cells in the way untouched' });
    const { ss, sh } = sheet();
    ss.calculator = () => [[1], [2], [3]];
    sh.getRange('A1').setValue('=SEQ()');
    expect(sh.getRange('A1:A3').getValues()).toEqual([[1], [2], [3]]);
    expect(sh.getRange('A2').getFormula()).toBe('');
    sh.put(3, 1, { value: 'typed', formula: '' });
    ss.recalc();
    expect(sh.getRange('A1:A3').getValues()).toEqual([['#REF!'], [''], ['typed']]);
  });

  it('refuses a second sheet of the same name, case-insensitively', () => {
    cite('https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)', { silent: 'the page does not say that names compare ignoring case; Sheets refuses "data" beside "Data", the worse case' });
    const { ss } = sheet();
    expect(() => ss.insertSheet('data')).toThrow('A sheet with the name "data" already exists. Please enter another name.');
    expect(ss.getSheetByName('DATA')?.getName()).toBe('Data');
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('keeps developer metadata on a sheet until removed', () => {
    cite(METADATA, 'You can associate metadata with rows, columns, sheets, or a spreadsheet.');
    const { sh } = sheet();
    sh.addDeveloperMetadata('k', 'v');
    const [m] = sh.getDeveloperMetadata();
    expect([m!.getKey(), m!.getValue()]).toEqual(['k', 'v']);
    m!.remove();
    expect(sh.getDeveloperMetadata()).toEqual([]);
  });

  it('names ranges', () => {
    cite('https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setNamedRange(String,Range)', 'Names a range.');
    const { ss, sh } = sheet();
    ss.setNamedRange('Backlog', sh.getRange('A1:C9'));
    expect(ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([['Backlog', 'A1:C9']]);
  });
});

describe('the fake Apps Script services', () => {
  it('builds add-on menus and shows sidebars from HTML files', () => {
    cite('https://developers.google.com/apps-script/reference/base/ui#createAddonMenu()', 'Creates a builder that can be used to insert a sub-menu into the editor\'s Extensions menu.');
    const env = fakeEnvironment(new FakeSpreadsheet(), { 'page.html': '<p>hi</p>' });
    const { SpreadsheetApp, HtmlService } = env.globals as any;
    SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addSeparator().addToUi();
    expect(env.ui.menus).toEqual([[{ caption: 'Go', fn: 'go' }, { caption: '---' }]]);
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('page').setTitle('T'));
    expect(env.ui.sidebars[0]!.getTitle()).toBe('T');
    expect(() => HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
  });

  it('reads an HTML file of the project unchanged with createTemplateFromFile(...).getRawContent()', () => {
    cite('https://developers.google.com/apps-script/reference/html/html-template#getRawContent()', 'Gets the raw content of this template.');
    const env = fakeEnvironment(new FakeSpreadsheet(), { 'data.html': 'AGFzbQEAAAA=' });
    expect((env.globals as any).HtmlService.createTemplateFromFile('data').getRawContent()).toBe('AGFzbQEAAAA=');
    expect(() => (env.globals as any).HtmlService.createTemplateFromFile('nope')).toThrow('No HTML file named nope was found.');
  });

  it('in AuthMode.NONE, allows the UI and refuses the document', () => {
    cite(AUTH_MODE, 'A mode that does not allow access to any services that require authorization. This mode occurs when an add-on executes an onOpen(e) simple trigger, and the user has installed an add-on in a different document but the add-on has not been used in the current document.');
    const env = fakeEnvironment(new FakeSpreadsheet());
    env.authMode = 'NONE';
    const { SpreadsheetApp, LockService } = env.globals as any;
    expect(() => SpreadsheetApp.getUi().createAddonMenu()).not.toThrow();
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => LockService.getDocumentLock()).toThrow(/permission/);
  });

  it('has one document lock per document: a second getDocumentLock in the same execution holds the same lock', () => {
    cite('https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()', 'Gets a lock that prevents any user of the current document from concurrently running a section of code.');
    cite(`${LOCK}#hasLock()`, { silent: 'the page does not say whether two Lock objects of one execution share the hold; the fake ties the hold to the execution' });
    const env = fakeEnvironment(new FakeSpreadsheet());
    const { LockService } = env.globals as any;
    const first = LockService.getDocumentLock();
    expect(first.hasLock()).toBe(false);
    expect(first.tryLock(100)).toBe(true);
    expect(LockService.getDocumentLock().hasLock()).toBe(true);
    first.releaseLock();
    expect(LockService.getDocumentLock().hasLock()).toBe(false);
  });
});

describe('the fake: what issue 10 found the old fake assumed', () => {
  it('keeps the spreadsheet\'s time zone apart from the script\'s: a date cell is its midnight there (inferred)', () => {
    // Custom functions guide, "Data types".
    cite(CUSTOM_FUNCTIONS, 'If the spreadsheet and the script use different time zones (a rare problem), the custom function needs to compensate.');
    cite(CUSTOM_FUNCTIONS, { silent: 'the page never says which instant a date cell becomes; the fake hands over its midnight in the spreadsheet\'s zone (inferred), the worse case we design for: a script in another zone sees another day' });
    const ss = new FakeSpreadsheet('Plan', 'Asia/Tokyo');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    const sh = ss.insertSheet('Data');
    sh.getRange('A1').setValue('2026-01-15');
    const v = sh.getRange('A1').getValue() as Date;
    // Midnight in Tokyo is 15:00 UTC the day before: a script in UTC reading getDate() sees the 14th.
    expect(v.toISOString()).toBe('2026-01-14T15:00:00.000Z');
    expect(wallClockIn(v, 'Asia/Tokyo')).toBe('2026-01-15 00:00');
    expect(sh.getRange('A1').getDisplayValues()).toEqual([['2026-01-15']]);
  });

  it('formats a date in a named zone with Utilities.formatDate, offsets included', () => {
    cite('https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)', 'Formats date according to specification described in Java SE SimpleDateFormat class.');
    const d = dateIn('2026-03-29T12:00', 'Europe/Berlin');
    expect(formatDate(d, 'Europe/Berlin', 'yyyy-MM-dd HH:mm Z')).toBe('2026-03-29 12:00 +0200');
    expect(formatDate(dateIn('2026-03-28', 'Europe/Berlin'), 'Europe/Berlin', 'Z')).toBe('+0100');
    expect(formatDate(d, 'America/New_York', 'Z')).toBe('-0400');
    expect(() => formatDate(d, 'UTC', 'EEE')).toThrow(/cannot format/);
  });

  it('parses text on setValues as typed, in the spreadsheet\'s locale (en_US): IDs and labels change type', () => {
    citeSetValuesParsing('the en_US date and number forms are the Sheets UI\'s');
    const ss = new FakeSpreadsheet('Plan', 'America/New_York');
    const sh = ss.insertSheet('Data');
    sh.getRange('A1:G1').setValues([['007', '1e3', '12%', 'TRUE', '2026-01-15', '1/2', '3-4']]);
    const [[id, sci, pct, bool, iso, slash, dash]] = sh.getRange('A1:G1').getValues() as unknown[][];
    expect([id, sci, pct, bool]).toEqual([7, 1000, 0.12, true]);
    const year = new Date().getUTCFullYear();
    expect([iso, slash, dash].map((v) => wallClockIn(v as Date, 'America/New_York').slice(0, 10))).toEqual(['2026-01-15', `${year}-01-02`, `${year}-03-04`]);
    // The same text after an apostrophe stays text.
    sh.getRange('A2:C2').setValues([["'007", "'1/2", "'TRUE"]]);
    expect(sh.getRange('A2:C2').getValues()).toEqual([['007', '1/2', 'TRUE']]);
  });

  it('holds at most 30,000 characters of developer metadata per sheet, keys counted', () => {
    cite(`${METADATA}#metadata_storage_limits`, 'In addition, you can store 30,000 characters for each sheet within a spreadsheet (30,000 for sheet one, 30,000 for sheet two, and so forth).');
    cite(`${METADATA}#metadata_storage_limits`, 'Each character in the metadataKey and metadataValue fields of the spreadsheets.developerMetadata resource count toward this limit.');
    cite(`${METADATA}#metadata_storage_limits`, { silent: 'the page does not give the error a script gets past the limit; the fake throws one naming the limit' });
    const { sh } = sheet();
    sh.addDeveloperMetadata('k'.repeat(10_000), 'v'.repeat(19_990));
    sh.addDeveloperMetadata('abcde', 'fghij');
    expect(METADATA_LIMIT).toBe(30_000);
    expect(() => sh.addDeveloperMetadata('x', '')).toThrow(/limit of 30000/);
    // Removing a record frees its room.
    sh.getDeveloperMetadata()[1]!.remove();
    expect(() => sh.addDeveloperMetadata('0123456789')).not.toThrow();
  });

  it('google.script.run refuses a Date or a function in either direction, instead of a JSON round trip', async () => {
    cite(SCRIPT_RUN, 'Requests fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including prohibited types inside objects or arrays.');
    expect(() => passable({ rows: [[1, new Date()]] })).toThrow('google.script.run cannot pass value.rows[0][1]: a Date');
    expect(() => passable([() => 1])).toThrow(/a function/);
    expect(() => passable({ a: [1, 'x', null, { b: true }] })).not.toThrow();
    const server: Record<string, (...a: unknown[]) => unknown> = { echo: (x) => x, today: () => new Date() };
    const run = scriptRun((name, ...args) => server[name]!(...args));
    const call = (name: string, ...args: unknown[]) =>
      new Promise((resolve, reject) => (run.withSuccessHandler(resolve).withFailureHandler(reject)[name] as (...a: unknown[]) => void)(...args));
    await expect(call('echo', new Date())).rejects.toThrow(/the arguments of echo/);
    await expect(call('today')).rejects.toThrow(/the result of today: a Date/);
    await expect(call('echo', { n: 1 })).resolves.toEqual({ n: 1 });
  });

  it('tryLock by the execution that already holds the lock returns true at once; one releaseLock frees it', () => {
    cite(`${LOCK}#tryLock(Integer)`, 'Attempts to acquire the lock, timing out after the provided number of milliseconds. This method has no effect if the lock has already been acquired.');
    cite(`${LOCK}#releaseLock()`, { silent: 'the page does not say whether acquiring twice needs two releases; "no effect" means no count is kept, so one releaseLock frees the lock' });
    const env = fakeEnvironment(new FakeSpreadsheet());
    const lock = (env.globals as any).LockService.getDocumentLock();
    expect(lock.tryLock(100)).toBe(true);
    expect(lock.tryLock(10_000)).toBe(true);
    expect(() => lock.waitLock(500)).not.toThrow();
    expect(env.waitedMs).toBe(0);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    // Freed for everyone: another script takes it without waiting.
    const other = asAnotherScript(env, () => lock.tryLock(100));
    expect([other, env.waitedMs]).toEqual([true, 0]);
  });

  it('tryLock waits for its whole timeout while another script holds the lock, then returns false', () => {
    cite(`${LOCK}#tryLock(Integer)`, 'Attempts to acquire the lock, timing out after the provided number of milliseconds. This method has no effect if the lock has already been acquired.');
    cite(`${LOCK}#waitLock(Integer)`, 'This method is the same as tryLock(timeoutInMillis) except that it throws an exception when the lock could not be acquired instead of returning false.');
    cite(`${LOCK}#releaseLock()`, 'This method has no effect if the lock has not been acquired.');
    cite(LOCK, { silent: 'the page does not say when another script lets go; nothing else runs while the fake waits, so the other script still holds it at the timeout, the worse case' });
    const env = fakeEnvironment(new FakeSpreadsheet());
    const lock = (env.globals as any).LockService.getDocumentLock();
    expect(asAnotherScript(env, () => lock.tryLock(100))).toBe(true);
    expect(env.waitedMs).toBe(0);
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(10_000)).toBe(false);
    expect(env.waitedMs).toBe(10_000);
    expect(() => lock.waitLock(500)).toThrow(/Lock timeout/);
    expect(env.waitedMs).toBe(10_500);
    // Releasing a lock this script never got leaves the other script's hold alone.
    lock.releaseLock();
    expect(lock.tryLock(100)).toBe(false);
    asAnotherScript(env, () => lock.releaseLock());
    expect(lock.tryLock(100)).toBe(true);
    expect(env.waitedMs).toBe(10_600);
  });

  it('sets number formats on a range and keeps them when values are written over them', () => {
    cite(`${RANGE}#setNumberFormat(String)`, 'Sets the number or date format to the given formatting string.');
    cite(`${RANGE}#getNumberFormats()`, { silent: 'the page does not name the format of an unformatted cell; scripts read "0.###############" (field reports), which the fake returns' });
    const { sh } = sheet();
    sh.getRange('A2:A3').setNumberFormat('0%');
    sh.getRange('A1:A3').setValues([['Share'], [0.25], [0.5]]);
    expect(sh.getRange('A1:A3').getNumberFormats().flat()).toEqual(['0.###############', '0%', '0%']);
    expect(sh.getRange('A1:A3').getValues().flat()).toEqual(['Share', 0.25, 0.5]);
  });

  it('runs custom functions read-only: no writes, no UI, no other spreadsheet', () => {
    // Custom functions guide, "Use Google Apps Script services", the services table's Spreadsheet row.
    cite(CUSTOM_FUNCTIONS, 'Spreadsheet | Read-only (can use most get*() methods, but not set*()). Cannot open other spreadsheets (SpreadsheetApp.openById() or SpreadsheetApp.openByUrl()).');
    cite(CUSTOM_FUNCTIONS, { silent: 'the page does not give the refusal\'s wording; the fake throws "You do not have permission to call ...", the form the page quotes for a service a custom function cannot use' });
    const addon = loadAddon();
    const sh = addon.ss.insertSheet('Data');
    addon.ss.inCustomFunction = true;
    try {
      expect(sh.getRange('A1').getValue()).toBe('');
      expect(addon.ss.getSpreadsheetTimeZone()).toBe('Etc/UTC');
      expect(() => sh.getRange('A1').setValue(1)).toThrow('You do not have permission to call setValue');
      expect(() => sh.addDeveloperMetadata('k', 'v')).toThrow(/permission/);
      expect(() => addon.ss.insertSheet('More')).toThrow(/permission/);
      const app = (addon.env.globals as any).SpreadsheetApp;
      expect(() => app.getUi()).toThrow(/getUi\(\) from this context/);
      // Not even this spreadsheet by its own id or URL: the refusal does not depend on which one.
      expect(() => app.openById(addon.ss.getId())).toThrow('You do not have permission to call SpreadsheetApp.openById');
      expect(() => app.openByUrl(addon.ss.getUrl())).toThrow('You do not have permission to call SpreadsheetApp.openByUrl');
    } finally {
      addon.ss.inCustomFunction = false;
    }
    // Outside a custom function the same calls open it.
    const app = (addon.env.globals as any).SpreadsheetApp;
    expect(app.openById(addon.ss.getId())).toBe(addon.ss);
    expect(app.openByUrl(addon.ss.getUrl())).toBe(addon.ss);
    // Every formula the fake computes goes through that read-only mode.
    sh.getRange('A1:A2').setValues([[3], [4]]);
    sh.getRange('B1').setValue('=AGILE_PRIORITY_RANK(A1:A2)');
    expect(sh.getRange('B1:B2').getValues()).toEqual([[2], [1]]);
  });
});
