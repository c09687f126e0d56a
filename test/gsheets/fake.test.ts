// The fake pinned to the documented Apps Script behaviour the add-on depends on. When one of these
// expectations turns out wrong against real Sheets, fix the fake here first: the add-on tests trust it.
import { describe, expect, it } from 'vitest';
import { FakeSpreadsheet } from './fake/spreadsheet';
import { fakeEnvironment } from './fake/services';

function sheet() {
  const ss = new FakeSpreadsheet();
  return { ss, sh: ss.insertSheet('Data') };
}

describe('the fake SpreadsheetApp: values', () => {
  it('getValues returns a full 2-D array with "" for blank cells', () => {
    const { sh } = sheet();
    sh.getRange('B2').setValue(5);
    expect(sh.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', 5, ''],
    ]);
  });

  it('keeps dates as Date objects', () => {
    const { sh } = sheet();
    const d = new Date('2026-01-15T12:00:00Z');
    sh.getRange('A1').setValues([[d]]);
    const back = sh.getRange('A1').getValue();
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(d.getTime());
  });

  it('throws the documented message when the data does not match the range', () => {
    const { sh } = sheet();
    expect(() => sh.getRange('A1:B2').setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sh.getRange('A1:B1').setValues([[1, 2, 3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(sh.getLastRow()).toBe(0);
  });

  it('reads strings like typed input: "=..." becomes a formula, "5" a number, "80%" 0.8', () => {
    const { sh } = sheet();
    sh.getRange('A1:D1').setValues([['=SUM(B1:C1)', '5', '80%', 'plain']]);
    expect(sh.getRange('A1').getFormula()).toBe('=SUM(B1:C1)');
    expect(sh.getRange('B1:D1').getValues()).toEqual([[5, 0.8, 'plain']]);
  });

  it('reads text starting with + or - as a formula that does not parse (#ERROR!)', () => {
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([['+44 20 7946 0000', '-5 points: cut']]);
    expect(sh.getRange('A1:B1').getDisplayValues()).toEqual([['#ERROR!', '#ERROR!']]);
  });

  it('keeps text after a leading apostrophe as text, without the apostrophe', () => {
    const { sh } = sheet();
    sh.getRange('A1:C1').setValues([["'=SUM(A1:A9)", "'+44 20", "'@channel"]]);
    expect(sh.getRange('A1:C1').getFormulas()).toEqual([['', '', '']]);
    expect(sh.getRange('A1:C1').getValues()).toEqual([['=SUM(A1:A9)', '+44 20', '@channel']]);
  });

  it('throws outside the grid, which a script grows with insertColumnsAfter', () => {
    const { sh } = sheet();
    expect(() => sh.getRange(1, 27, 1, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sh.insertColumnsAfter(26, 2);
    expect(sh.getRange(1, 28).getA1Notation()).toBe('AB1');
  });

  it('reports the last row and column with content, 0 on an empty sheet', () => {
    const { sh } = sheet();
    expect([sh.getLastRow(), sh.getLastColumn()]).toEqual([0, 0]);
    sh.getRange('C4').setValue('x');
    expect([sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()]).toEqual([4, 3, 'A1:C4']);
  });
});

describe('the fake SpreadsheetApp: spills, sheets, metadata, named ranges', () => {
  it('spills a formula result into blank cells and shows #REF! when data is in the way', () => {
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
    const { ss } = sheet();
    expect(() => ss.insertSheet('data')).toThrow('A sheet with the name "data" already exists. Please enter another name.');
    expect(ss.getSheetByName('DATA')?.getName()).toBe('Data');
    expect(ss.getSheetByName('Nope')).toBeNull();
  });

  it('keeps developer metadata on a sheet until removed', () => {
    const { sh } = sheet();
    sh.addDeveloperMetadata('k', 'v');
    const [m] = sh.getDeveloperMetadata();
    expect([m!.getKey(), m!.getValue()]).toEqual(['k', 'v']);
    m!.remove();
    expect(sh.getDeveloperMetadata()).toEqual([]);
  });

  it('names ranges', () => {
    const { ss, sh } = sheet();
    ss.setNamedRange('Backlog', sh.getRange('A1:C9'));
    expect(ss.getNamedRanges().map((n) => [n.getName(), n.getRange().getA1Notation()])).toEqual([['Backlog', 'A1:C9']]);
  });
});

describe('the fake Apps Script services', () => {
  it('builds add-on menus and shows sidebars from HTML files', () => {
    const env = fakeEnvironment(new FakeSpreadsheet(), { 'page.html': '<p>hi</p>' });
    const { SpreadsheetApp, HtmlService } = env.globals as any;
    SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addSeparator().addToUi();
    expect(env.ui.menus).toEqual([[{ caption: 'Go', fn: 'go' }, { caption: '---' }]]);
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('page').setTitle('T'));
    expect(env.ui.sidebars[0]!.getTitle()).toBe('T');
    expect(() => HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
  });

  it('in AuthMode.NONE, allows the UI and refuses the document', () => {
    const env = fakeEnvironment(new FakeSpreadsheet());
    env.authMode = 'NONE';
    const { SpreadsheetApp, LockService } = env.globals as any;
    expect(() => SpreadsheetApp.getUi().createAddonMenu()).not.toThrow();
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(/permission/);
    expect(() => LockService.getDocumentLock()).toThrow(/permission/);
  });

  it('has one document lock: a second tryLock fails until it is released', () => {
    const env = fakeEnvironment(new FakeSpreadsheet());
    const lock = (env.globals as any).LockService.getDocumentLock();
    expect(lock.tryLock(100)).toBe(true);
    expect(lock.tryLock(100)).toBe(false);
    lock.releaseLock();
    expect(lock.tryLock(100)).toBe(true);
  });
});
