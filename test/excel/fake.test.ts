// The fake Excel keeps the rules the bridge relies on, so a bridge bug cannot hide behind a lenient fake.
import { describe, expect, it } from 'vitest';
import { FakeContext, FakeWorkbook, fakeRun } from './fake/excel';

describe('fake Excel', () => {
  it('throws when a property is read before load and sync, as Office.js does', async () => {
    const model = new FakeWorkbook();
    model.addSheet('A').put(0, 0, 1);
    const ctx = new FakeContext(model);
    const r = ctx.workbook.worksheets.getItem('A').getRangeByIndexes(0, 0, 1, 1);
    expect(() => r.values).toThrow(/not available/);
    r.load('values');
    expect(() => r.values).toThrow(/not available/);
    await ctx.sync();
    expect(r.values).toEqual([[1]]);
  });

  it('queues writes until sync, and a load sees the workbook at its place in the queue', async () => {
    const model = new FakeWorkbook();
    const s = model.addSheet('A');
    const ctx = new FakeContext(model);
    const r = ctx.workbook.worksheets.getItem('A').getRangeByIndexes(0, 0, 1, 1);
    r.load('values');
    r.values = [[7]];
    expect(s.get(0, 0)).toBeUndefined();
    await ctx.sync();
    expect(r.values).toEqual([['']]);
    expect(s.get(0, 0)!.value).toBe(7);
  });

  it('turns text starting with = + - @ into a formula unless the cell is formatted as Text', async () => {
    const model = new FakeWorkbook();
    const s = model.addSheet('A');
    await fakeRun(model)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('A');
      ws.getRangeByIndexes(0, 0, 1, 2).values = [['=1+1', '+1+1']];
      const text = ws.getRangeByIndexes(1, 0, 1, 1);
      text.numberFormat = [['@']];
      text.values = [['=1+1']];
    });
    expect(s.get(0, 0)!.formula).toBe('=1+1');
    expect(s.get(0, 1)!.formula).toBe('=+1+1');
    expect(s.get(1, 0)).toEqual({ value: '=1+1', format: '@' });
  });

  it('reports the used range of values only, and a null object for an empty sheet', async () => {
    const model = new FakeWorkbook();
    const s = model.addSheet('A');
    model.addSheet('Empty');
    s.put(2, 1, 'x');
    s.put(4, 3, 5);
    s.cells.set('9,9', { value: '', format: '@' });
    await fakeRun(model)(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem('A').getUsedRangeOrNullObject(true).load('address,isNullObject');
      const none = ctx.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true).load('isNullObject');
      await ctx.sync();
      expect([used.isNullObject, used.address, none.isNullObject]).toEqual([false, 'A!B3:D5', true]);
    });
  });

  it('rejects a value matrix of the wrong shape', async () => {
    const model = new FakeWorkbook();
    model.addSheet('A');
    await expect(fakeRun(model)(async (ctx) => void (ctx.workbook.worksheets.getItem('A').getRangeByIndexes(0, 0, 2, 1).values = [[1]]))).rejects.toThrow(/dimensions/);
  });
});
