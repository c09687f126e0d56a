// Catalog calls in formula text, in the form each target stores them. Excel keeps an add-in's function in
// the file as _xldudf_AGILE_RICE (Excel shows it as AGILE.RICE; LibreOffice shows the cached result); a
// workbook meant for Google Sheets names it AGILE_RICE. A saved workbook uses one form throughout, whatever
// mix it was opened with (AGILE.RICE, AGILE_RICE, _xldudf_AGILE_RICE or a bare RICE from an older sample).
// Text inside string literals and quoted sheet names is left alone.
import { findFunction } from '../core/catalog';

export type FileForm = 'excel-file' | 'excel-display' | 'sheets';

const CALL = /(?<![A-Za-z0-9_.])(_xldudf_AGILE_|AGILE\.|AGILE_)?([A-Za-z][A-Za-z0-9_]*)(?=\s*\()/gi;

function prefix(form: FileForm): string {
  return form === 'excel-file' ? '_xldudf_AGILE_' : form === 'excel-display' ? 'AGILE.' : 'AGILE_';
}

/** The formula (with or without its leading '=') with every catalog call in `form`. */
export function catalogCallsAs(formula: string, form: FileForm): string {
  const p = prefix(form);
  // Split into literal and code stretches: "…" strings and '…' sheet names are literal.
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|([^"']+)/g, (_m, literal: string | undefined, code: string | undefined) =>
    literal !== undefined ? literal : code!.replace(CALL, (all, _pre: string | undefined, name: string) => (findFunction(name) ? `${p}${name.toUpperCase()}` : all)),
  );
}
