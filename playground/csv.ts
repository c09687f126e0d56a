// CSV import: RFC 4180 fields (quotes, doubled quotes, line breaks inside quotes), the separator guessed
// from the first line (comma, semicolon or tab, as Excel's regional exports use), one sheet named after
// the file. Only plain decimal numbers become numbers; everything else stays the text it was, so IDs such
// as "00042" or "1e3", "12%", "TRUE" and dates keep what the file said (the catalog reads ISO dates and
// percentage text where a number is expected).
import { Workbook } from './workbook';

const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;

function separatorOf(text: string): string {
  let first = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    if (!quoted) first += ch;
  }
  const counts = [',', ';', '\t'].map((s) => [s, first.split(s).length - 1] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const sep = separatorOf(src);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (field += '"', i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) (row.push(field), (field = ''));
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) (row.push(field), rows.push(row));
  return rows;
}

/** The workbook a CSV file opens as: one sheet, named after the file. */
export function workbookFromCsv(text: string, fileName: string): Workbook {
  const wb = new Workbook();
  const base = fileName.replace(/\.[^.]*$/, '') || 'Sheet1';
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  const sheet = wb.addSheet(base.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet1');
  parseCsv(text).forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (v === '') return;
      sheet.set(r, c, { value: PLAIN_NUMBER.test(v) ? Number(v) : v });
    }),
  );
  sheet.dirty.clear();
  wb.fileName = `${base}.xlsx`;
  return wb;
}
