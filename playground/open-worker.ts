// The playground's file reader, off the page's thread (issue 12.13): checking, inflating and parsing a
// workbook takes seconds for a large file, and the page stays responsive meanwhile, showing each stage.
// It answers one message { bytes, fileName } with progress messages, then the workbook as plain data (or
// the sentence that says why the file cannot be opened). The page keeps the bytes: a download reads them
// again to save changes into the user's own file.
import ExcelJS from 'exceljs/dist/exceljs.js';
import { FileProblem, checkFile } from './file-check';
import { openWorkbookFile, workbookData } from './open-file';

export type OpenStage = 'checking' | 'reading' | 'finishing';

export type OpenReply =
  | { readonly kind: 'progress'; readonly stage: OpenStage }
  | { readonly kind: 'opened'; readonly data: ReturnType<typeof workbookData>; readonly notice: string; readonly xlsx: boolean }
  | { readonly kind: 'failed'; readonly message: string; readonly problem: boolean };

const post = (m: OpenReply) => (self as unknown as { postMessage(m: OpenReply): void }).postMessage(m);

self.onmessage = async (e: MessageEvent<{ bytes: Uint8Array; fileName: string }>) => {
  const { bytes, fileName } = e.data;
  try {
    post({ kind: 'progress', stage: 'checking' });
    const kind = checkFile(bytes, fileName);
    post({ kind: 'progress', stage: 'reading' });
    const opened = await openWorkbookFile(ExcelJS, bytes, fileName);
    post({ kind: 'progress', stage: 'finishing' });
    post({ kind: 'opened', data: workbookData(opened.workbook), notice: opened.notice, xlsx: kind.kind === 'xlsx' });
  } catch (err) {
    post({ kind: 'failed', message: err instanceof Error ? err.message : String(err), problem: err instanceof FileProblem });
  }
};
