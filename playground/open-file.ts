// Opening what the user picked or dropped: an .xlsx workbook, or CSV text (also a CSV file named .xlsx),
// with one sentence for everything else (playground/file-check.ts). A library's own error never reaches
// the user as it is: it is said in the user's words, with the file's name and what to do.
import { FileProblem, checkFile } from './file-check';
import { workbookFromCsv } from './csv';
import { type Cell, type FileTable, Workbook as WorkbookClass, type Workbook } from './workbook';
import { type ExcelJSModule, type Opened, readXlsx } from './xlsx';

export interface OpenedFile {
  readonly workbook: Workbook;
  /** The file as exceljs read it (absent for CSV): a save changes only what the playground changed. */
  readonly original?: Opened['original'];
  /** What to tell the user once it is open. */
  readonly notice: string;
}

function cellCount(wb: Workbook): number {
  return wb.sheets.reduce((n, s) => n + s.cells.size, 0);
}

export async function openWorkbookFile(ExcelJS: ExcelJSModule, bytes: Uint8Array, fileName: string): Promise<OpenedFile> {
  const kind = checkFile(bytes, fileName);
  if (kind.kind === 'csv') {
    const workbook = workbookFromCsv(kind.text, fileName);
    if (!cellCount(workbook)) throw new FileProblem(`“${fileName}” holds no values to import.`);
    const sheet = workbook.sheets[0]!;
    return {
      workbook,
      notice: kind.renamed
        ? `“${fileName}” is CSV text, not an .xlsx workbook: imported it as CSV into the sheet ${sheet.name}.`
        : `Imported ${fileName} into the sheet ${sheet.name}; the download saves it as ${workbook.fileName}.`,
    };
  }
  let opened: Opened;
  try {
    opened = await readXlsx(ExcelJS, bytes, fileName);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new FileProblem(`“${fileName}” could not be read as an Excel workbook (${why}). Open it in Excel or LibreOffice, save it as .xlsx again, and open the saved copy.`);
  }
  const { workbook } = opened;
  if (!workbook.sheets.length) throw new FileProblem(`“${fileName}” is a workbook with no sheets in it.`);
  const hidden = workbook.sheets.filter((s) => s.hidden).length;
  const empty = cellCount(workbook) === 0;
  const parts = [`Opened ${fileName}`];
  if (empty) parts.push(`: its ${workbook.sheets.length === 1 ? 'sheet is' : `${workbook.sheets.length} sheets are`} empty`);
  if (hidden) parts.push(`${empty ? ';' : ':'} ${hidden === 1 ? '1 hidden sheet is' : `${hidden} hidden sheets are`} kept as they are, and ${hidden === 1 ? 'its' : 'their'} tables are not offered`);
  let notice = `${parts.join('')}.`;
  if (kind.unkept.length) {
    const list = kind.unkept.length === 1 ? kind.unkept[0] : `${kind.unkept.slice(0, -1).join(', ')} and ${kind.unkept.at(-1)}`;
    notice += ` Its ${list} cannot be shown here, and a downloaded copy will not have them: keep the original file.`;
  }
  return { workbook, original: opened.original, notice };
}

/** A workbook as plain data, so a worker can hand it to the page (structured clone keeps no classes). */
export interface WorkbookData {
  readonly fileName: string;
  readonly sheets: readonly {
    name: string;
    hidden?: 'hidden' | 'veryHidden';
    owned: boolean;
    hiddenRows: number[];
    fileTables: FileTable[];
    cells: [number, Cell][];
  }[];
}

export function workbookData(wb: Workbook): WorkbookData {
  return {
    fileName: wb.fileName,
    sheets: wb.sheets.map((s) => ({ name: s.name, ...(s.hidden ? { hidden: s.hidden } : {}), owned: s.owned, hiddenRows: [...s.hiddenRows], fileTables: s.fileTables.map((t) => ({ ...t })), cells: [...s.cells] })),
  };
}

export function workbookFromData(data: WorkbookData): Workbook {
  const wb = new WorkbookClass();
  wb.fileName = data.fileName;
  for (const d of data.sheets) {
    const s = wb.addSheet(d.name);
    if (d.hidden) s.hidden = d.hidden;
    s.owned = d.owned;
    for (const r of d.hiddenRows) s.hiddenRows.add(r);
    s.fileTables.push(...d.fileTables);
    for (const [k, c] of d.cells) s.cells.set(k, c);
  }
  return wb;
}
