// Builds an ExcelBridge over the fake Excel from a contract fixture, with the two probes the contract needs.
import { ExcelBridge } from '../../excel-addon/src/excel-bridge';
import { memoryStore } from '../../excel-addon/src/ownership';
import { parseCell } from '../../protocol/a1';
import { looksLikeFormula } from '../../protocol/bridge';
import type { BridgeHarness, WorkbookFixture } from '../sidebar/bridge-contract';
import { FakeWorkbook, fakeRun } from './fake/excel';

export interface ExcelHarness extends BridgeHarness {
  readonly bridge: ExcelBridge;
  readonly model: FakeWorkbook;
  readonly store: ReturnType<typeof memoryStore>;
}

/**
 * Fixture text is data: a fixture cell "=HYPERLINK(...)" is text the user has, so it goes in as Text, and
 * every other fixture value is stored as it is (a fixture's "00042" is text, as if typed with a Text format).
 */
export function workbookFrom(fixture: WorkbookFixture): FakeWorkbook {
  const model = new FakeWorkbook();
  for (const s of fixture.sheets) {
    const sheet = model.addSheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (looksLikeFormula(v)) sheet.cells.set(`${r},${c}`, { value: v as string, format: '@' });
        else if (v !== '') sheet.cells.set(`${r},${c}`, { value: v });
      }),
    );
  }
  return model;
}

export function excelHarness(model: FakeWorkbook): ExcelHarness {
  const store = memoryStore();
  const bridge = new ExcelBridge(fakeRun(model), store);
  const at = (sheet: string, a1: string) => {
    const s = model.sheet(sheet);
    const p = parseCell(a1);
    if (!p) throw new Error(`bad address ${a1}`);
    return { s, p };
  };
  return {
    bridge,
    model,
    store,
    async cell(sheet, a1) {
      const { s, p } = at(sheet, a1);
      const c = s?.get(p.row, p.col);
      if (!c) return { value: '' };
      return c.formula ? { value: c.value, formula: c.formula } : { value: c.value };
    },
    async type(sheet, a1, value) {
      const { s, p } = at(sheet, a1);
      s!.put(p.row, p.col, value);
    },
  };
}

export const makeExcelBridge = async (fixture: WorkbookFixture) => excelHarness(workbookFrom(fixture));
