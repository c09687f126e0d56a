// The playground's workbook view: a formula bar, a grid of values (formula cells show their computed
// value; the formula is in the bar and the tooltip), and sheet tabs. Cells can be edited, so a user can
// type in the way of a write and watch the add-in refuse. Everything is text through textContent.
import { cellA1, columnLetters } from '../protocol/a1';
import { h, replaceChildren } from '../sidebar/ui/dom';
import { parseInput, typeInto } from './edit';
import { type Cell, type Sheet, type Workbook } from './workbook';

const MIN_ROWS = 40;
const MIN_COLS = 14;
const MAX_ROWS = 2000;
const MAX_COLS = 80;

export function displayValue(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (cell.date) return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  }
  if (/^#[A-Z/0-9!?]+ /.test(v)) return v.slice(0, v.indexOf(' '));
  return v;
}

export interface GridView {
  readonly el: HTMLElement;
  setWorkbook(wb: Workbook): void;
  showSheet(name: string): void;
}

export function createGrid(): GridView {
  let wb: Workbook | undefined;
  let sheet: Sheet | undefined;
  let sel = { row: 0, col: 0 };
  let editing: HTMLInputElement | undefined;
  let unsubscribe: (() => void) | undefined;

  const nameBox = h('output', { class: 'pg-namebox', 'aria-label': 'Selected cell' });
  const formulaBar = h('output', { class: 'pg-formula', 'aria-label': 'Cell content', 'data-testid': 'formula-bar' });
  const table = h('table', { class: 'pg-grid', role: 'grid', 'aria-label': 'Sheet cells' });
  const scroller = h('div', { class: 'pg-scroll', tabindex: 0, 'aria-label': 'Sheet grid: arrows move, Enter edits' }, table);
  const tabs = h('div', { class: 'pg-tabs', role: 'tablist', 'aria-label': 'Sheets' });
  const el = h('div', { class: 'pg-workbook' }, h('div', { class: 'pg-bar-formula' }, nameBox, h('span', { class: 'pg-fx', 'aria-hidden': 'true' }, 'fx'), formulaBar), scroller, tabs);

  function extent(s: Sheet): { rows: number; cols: number } {
    const used = s.usedRange();
    return {
      rows: Math.min(MAX_ROWS, Math.max(MIN_ROWS, (used?.bottom ?? 0) + 6)),
      cols: Math.min(MAX_COLS, Math.max(MIN_COLS, (used?.right ?? 0) + 3)),
    };
  }

  function renderTabs(): void {
    if (!wb) return;
    replaceChildren(
      tabs,
      ...wb.sheets.map((s) => {
        const b = h('button', { type: 'button', role: 'tab', class: 'pg-tab', 'aria-selected': String(s === sheet), 'data-sheet': s.name }, s.name);
        b.addEventListener('click', () => showSheet(s.name));
        return b;
      }),
    );
  }

  function renderGrid(): void {
    if (!sheet) return replaceChildren(table);
    const { rows, cols } = extent(sheet);
    const head = h('tr', {}, h('th', { class: 'pg-corner' }));
    for (let c = 0; c < cols; c++) head.append(h('th', { scope: 'col' }, columnLetters(c)));
    const body = h('tbody');
    for (let r = 0; r < rows; r++) {
      const tr = h('tr', {}, h('th', { scope: 'row' }, String(r + 1)));
      for (let c = 0; c < cols; c++) {
        const cell = sheet.get(r, c);
        const td = h('td', { 'data-cell': cellA1(r, c) });
        const text = displayValue(cell);
        if (text) td.textContent = text;
        const classes = [];
        if (typeof cell?.value === 'number') classes.push('pg-num');
        if (cell?.formula) classes.push('pg-f');
        if (cell?.spillFrom !== undefined) classes.push('pg-spill');
        if (cell?.owned && !(cell.value === '' && !cell.formula)) classes.push('pg-owned');
        if (typeof cell?.value === 'string' && /^#[A-Z/0-9!?]+ /.test(cell.value)) classes.push('pg-err');
        if (classes.length) td.className = classes.join(' ');
        // Text runs on into an empty neighbour, as in a spreadsheet, so titles and notes stay readable.
        if (typeof cell?.value === 'string' && text && !classes.includes('pg-err') && !displayValue(sheet.get(r, c + 1))) td.classList.add('pg-over');
        if (cell?.formula) td.title = cell.formula;
        else if (classes.includes('pg-err') || text.length > 24) td.title = String(cell!.value);
        tr.append(td);
      }
      body.append(tr);
    }
    replaceChildren(table, h('thead', {}, head), body);
    select(sel.row, sel.col);
  }

  function cellEl(row: number, col: number): HTMLTableCellElement | null {
    return table.querySelector(`td[data-cell="${cellA1(row, col)}"]`);
  }

  function select(row: number, col: number): void {
    table.querySelector('td.pg-sel')?.classList.remove('pg-sel');
    sel = { row: Math.max(0, row), col: Math.max(0, col) };
    const td = cellEl(sel.row, sel.col);
    td?.classList.add('pg-sel');
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const cell = sheet?.get(sel.row, sel.col);
    nameBox.textContent = cellA1(sel.row, sel.col);
    formulaBar.textContent = cell?.formula ?? (cell ? (typeof cell.value === 'string' ? cell.value : displayValue(cell)) : '');
  }

  function edit(initial?: string): void {
    const td = cellEl(sel.row, sel.col);
    if (!td || !sheet) return;
    const cell = sheet.get(sel.row, sel.col);
    const input = h('input', { type: 'text', class: 'pg-edit', 'aria-label': `Edit ${cellA1(sel.row, sel.col)}` });
    input.value = initial ?? cell?.formula ?? (cell ? displayValue(cell) : '');
    td.replaceChildren(input);
    editing = input;
    input.focus();
    const finish = (commit: boolean, move: [number, number]) => {
      if (editing !== input) return;
      editing = undefined;
      if (commit && wb && sheet) typeInto(wb, sheet.name, sel.row, sel.col, parseInput(input.value));
      else renderGrid();
      select(sel.row + move[0], sel.col + move[1]);
      scroller.focus();
    };
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') finish(true, [1, 0]);
      else if (e.key === 'Tab') (e.preventDefault(), finish(true, [0, 1]));
      else if (e.key === 'Escape') finish(false, [0, 0]);
      e.stopPropagation();
    });
    input.addEventListener('blur', () => finish(true, [0, 0]));
  }

  table.addEventListener('click', (e) => {
    const td = (e.target as HTMLElement).closest('td');
    const a1 = td?.getAttribute('data-cell');
    if (!td || !a1 || editing) return;
    const row = (td.parentElement as HTMLTableRowElement).rowIndex - 1;
    select(row, td.cellIndex - 1);
    scroller.focus();
  });
  table.addEventListener('dblclick', () => edit());
  scroller.addEventListener('keydown', (e) => {
    if (editing || !sheet) return;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Tab: [0, 1] };
    const m = moves[e.key];
    if (m) {
      e.preventDefault();
      select(sel.row + m[0], sel.col + m[1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      edit();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (wb) typeInto(wb, sheet.name, sel.row, sel.col, { value: '' });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      edit(e.key);
    }
  });

  function showSheet(name: string): void {
    sheet = wb?.sheet(name) ?? wb?.sheets[0];
    sel = { row: 0, col: 0 };
    renderTabs();
    renderGrid();
  }

  return {
    el,
    setWorkbook(next) {
      unsubscribe?.();
      wb = next;
      // Redraw on every change: the add-in's writes and recalculations arrive through the workbook.
      unsubscribe = next.onChange(() => {
        if (sheet && !next.sheets.includes(sheet)) sheet = undefined;
        sheet ??= next.sheets[0];
        renderTabs();
        if (!editing) renderGrid();
      });
      showSheet(next.sheets[0]?.name ?? '');
    },
    showSheet,
  };
}
