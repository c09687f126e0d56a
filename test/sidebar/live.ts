// The playground's live workbook for Node tests: one headless engine per test file (an engine holds any
// number of workbooks), each transfer workbook opened into it as the page opens a file.
import { headlessEngine } from '../../playground/engine/headless';
import { LiveBook } from '../../playground/engine/live-book';
import type { Engine } from '../../playground/engine/engine';
import { MemoryBridge, PLAYGROUND_HOSTS } from '../../playground/memory-bridge';
import type { Workbook } from '../../playground/workbook';

let engine: Engine | undefined;

export const testEngine = (): Engine => (engine ??= headlessEngine());

export async function liveBridge(wb: Workbook, look: 'excel' | 'sheets' = 'excel'): Promise<{ book: LiveBook; bridge: MemoryBridge }> {
  const book = await LiveBook.open(testEngine(), wb);
  return { book, bridge: new MemoryBridge(book, PLAYGROUND_HOSTS[look]) };
}
