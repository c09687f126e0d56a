// What a picked file is, before anything inflates it: an .xlsx workbook, text to import as CSV, or a file
// the playground refuses with a sentence that says what it is and what to do. The zip's central directory
// lists every part's uncompressed size, so a zip bomb is refused from its directory alone (issue 12.13).

/** The most a workbook may expand to: page memory grows to several times the XML it parses. */
export const MAX_UNCOMPRESSED = 64 * 1024 * 1024;
/** The most one CSV file may hold. */
export const MAX_CSV = 32 * 1024 * 1024;

export class FileProblem extends Error {}

export type FileKind = { readonly kind: 'xlsx'; readonly unkept: readonly string[] } | { readonly kind: 'csv'; readonly text: string; readonly renamed: boolean };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

interface ZipEntry {
  readonly name: string;
  readonly size: number;
  readonly encrypted: boolean;
}

/** The central directory's entries, or undefined when the bytes are not a readable zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names = new TextDecoder();
  const out: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const flags = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    // 0xFFFFFFFF means the size is in a Zip64 field: more than 4 GiB, beyond any limit here.
    out.push({ name, size: size === 0xffffffff ? Number.POSITIVE_INFINITY : size, encrypted: (flags & 1) === 1 });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: string, utf16: boolean): boolean {
  const pat = [...needle].flatMap((ch) => (utf16 ? [ch.charCodeAt(0), 0] : [ch.charCodeAt(0)]));
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    for (let j = 0; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
  }
  return false;
}

/** Text, not binary: valid UTF-8 with no NUL bytes in its first 64 KB. */
function asText(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 65_536);
  if (head.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Says what the file is, or throws a FileProblem whose message is the sentence to show. */
export function checkFile(bytes: Uint8Array, fileName: string): FileKind {
  const name = `“${fileName}”`;
  if (bytes.length === 0) throw new FileProblem(`${name} is empty (0 bytes): there is nothing to open.`);
  // Compound File Binary: legacy .xls, or an .xlsx that Excel encrypted with a password (MS-OFFCRYPTO).
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (contains(bytes, 'EncryptionInfo', true)) {
      throw new FileProblem(`${name} is protected with a password, so it cannot be read here. In Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, then clear it), save, and open the saved copy.`);
    }
    throw new FileProblem(`${name} is an Excel 97–2003 workbook (.xls). Save it as an Excel Workbook (.xlsx) in Excel or LibreOffice, then open that.`);
  }
  if (!startsWith(bytes, [0x50, 0x4b])) {
    const text = asText(bytes);
    if (text !== undefined && text.trim() !== '') {
      if (bytes.length > MAX_CSV) throw new FileProblem(`${name} is ${mb(bytes.length)} of text; the playground imports CSV files up to ${mb(MAX_CSV)}.`);
      return { kind: 'csv', text, renamed: !/\.(csv|tsv|txt)$/i.test(fileName) };
    }
    throw new FileProblem(`${name} is not an .xlsx workbook (nor CSV text). Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).`);
  }
  const entries = zipEntries(bytes);
  if (!entries) throw new FileProblem(`${name} looks like a zip file but it is damaged or cut short: download or save it again.`);
  if (entries.some((e) => e.encrypted)) throw new FileProblem(`${name} is an encrypted zip, not a workbook: extract it first.`);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml')) {
    throw new FileProblem(`${name} is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx) in LibreOffice, then open that.`);
  }
  if ([...names].some((n) => /^xl\/workbook\.bin$/i.test(n))) {
    throw new FileProblem(`${name} is a binary Excel workbook (.xlsb). Save it as an Excel Workbook (.xlsx), then open that.`);
  }
  if (!names.has('xl/workbook.xml')) {
    throw new FileProblem(`${name} is a zip file but not an Excel workbook (it has no xl/workbook.xml). Open an .xlsx file saved by Excel, Google Sheets or LibreOffice.`);
  }
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > MAX_UNCOMPRESSED) {
    const size = Number.isFinite(total) ? `would expand to ${mb(total)}` : 'would expand to more than 4 GB';
    throw new FileProblem(`${name} ${size} when opened; the playground opens workbooks up to ${mb(MAX_UNCOMPRESSED)} uncompressed. Open it in Excel or Google Sheets, or save a copy with fewer rows.`);
  }
  return { kind: 'xlsx', unkept: unkeptParts([...names]) };
}

/**
 * Parts of a workbook the playground neither shows nor writes back (its grid shows cells, formats, tables,
 * hidden sheets and frozen panes; exceljs, which saves the download, drops the rest), counted by kind so
 * the user is told on open, before any edit, rather than finding them gone in the download.
 */
const PARTS: readonly [RegExp, string, string][] = [
  [/^xl\/charts\/chart\d+\.xml$/i, 'chart', 'charts'],
  [/^xl\/pivotTables\/pivotTable\d+\.xml$/i, 'PivotTable', 'PivotTables'],
  [/^xl\/slicers\/slicer\d+\.xml$/i, 'slicer', 'slicers'],
  [/^xl\/drawings\/drawing\d+\.xml$/i, 'drawing layer (pictures, shapes)', 'drawing layers (pictures, shapes)'],
  [/^xl\/vbaProject\.bin$/i, 'macro project', 'macro projects'],
  [/^xl\/externalLinks\/externalLink\d+\.xml$/i, 'link to another workbook', 'links to other workbooks'],
];

export function unkeptParts(names: readonly string[]): string[] {
  return PARTS.flatMap(([re, one, many]) => {
    const n = names.filter((x) => re.test(x)).length;
    return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
  });
}
