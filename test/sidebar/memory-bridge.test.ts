// The playground's Bridge passes the contract every host's Bridge passes, in both of its looks.
import { parseCell } from '../../protocol/a1';
import { typeInto } from '../../playground/edit';
import { MemoryBridge, PLAYGROUND_HOSTS } from '../../playground/memory-bridge';
import { workbookFromRows } from '../../playground/workbook';
import { LiveBook } from '../../playground/engine/live-book';
import { headlessEngine } from '../../playground/engine/headless';
import { type MakeBridge, bridgeContract } from './bridge-contract';

function memoryHarness(look: 'excel' | 'sheets'): MakeBridge {
  return async (fixture) => {
    const wb = await LiveBook.open(headlessEngine(), workbookFromRows(fixture.sheets));
    const bridge = new MemoryBridge(wb, PLAYGROUND_HOSTS[look]);
    const at = (a1: string) => {
      const p = parseCell(a1);
      if (!p) throw new Error(`bad address ${a1}`);
      return p;
    };
    return {
      bridge,
      async cell(sheet, a1) {
        const { row, col } = at(a1);
        const c = wb.sheet(sheet)?.get(row, col);
        return c?.formula ? { value: c.value, formula: c.formula } : { value: c?.value ?? '' };
      },
      async type(sheet, a1, value) {
        const { row, col } = at(a1);
        await typeInto(wb, sheet, row, col, { value });
      },
    };
  };
}

bridgeContract(memoryHarness('excel'), 'playground MemoryBridge (Excel look)');
bridgeContract(memoryHarness('sheets'), 'playground MemoryBridge (Google Sheets look)');
