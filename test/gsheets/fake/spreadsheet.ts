// An in-memory SpreadsheetApp spreadsheet: sheets of cells, ranges in A1 notation, developer metadata, named
// ranges. It imitates the behaviour the add-on relies on (pinned in fake.test.ts, which says where a page is
// silent): setValues parses like typed input (inferred) and throws on a wrong shape, getValues gives '' for blanks and Date for dates,
// ranges outside the grid throw, and a formula's result spills unless a cell in the way holds data (#REF!).
import { type Box, parseA1, toA1 } from './a1';
import { type FakeCell, emptyCell, isEmpty, parseInput } from './cell';
import { type FakeMetadata, type MetadataOwner, addMetadata } from './metadata';
import { formatDate } from './zone';

/** Computes a formula's result (a 2-D block spilling right and down), or undefined to leave it as is. */
export type Calculator = (formula: string, at: { sheet: FakeSheet; row: number; col: number }) => unknown[][] | undefined;

export interface WriteLogEntry {
  readonly sheet: string;
  readonly a1: string;
  readonly method: string;
  /** Whether the execution that wrote held the document lock at the time. */
  readonly locked: boolean;
}

export class FakeSpreadsheet implements MetadataOwner {
  readonly sheets: FakeSheet[] = [];
  readonly named = new Map<string, FakeRange>();
  readonly metadata: FakeMetadata[] = [];
  readonly writes: WriteLogEntry[] = [];
  /**
   * The execution holding the document lock, if any. A test plays a second script (another sidebar's write)
   * by setting this to another name, or by running code with `execution` switched.
   */
  lockHolder: string | undefined = undefined;
  /** The execution whose code runs now: the lock is held by an execution, not by a Lock object. */
  execution = 'this script';
  calculator?: Calculator;
  /** Set while a custom function runs: it may read the spreadsheet but not change it. */
  inCustomFunction = false;
  private nextSheetId = 0;

  constructor(
    readonly name = 'Untitled spreadsheet',
    readonly timeZone = 'Etc/UTC',
  ) {}

  getName = () => this.name;
  getId = () => 'fake-spreadsheet-id';
  getUrl = () => `https://docs.google.com/spreadsheets/d/${this.getId()}/edit`;
  getSpreadsheetTimeZone = () => this.timeZone;
  getSheets = () => [...this.sheets];
  getNumSheets = () => this.sheets.length;
  getActiveSheet = () => this.sheets[0]!;
  // Sheet names are unique case-insensitively in Sheets, and lookup ignores case too.
  getSheetByName = (name: string): FakeSheet | null => this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;

  insertSheet(name?: string, index?: number): FakeSheet {
    this.mayChange('insertSheet');
    const n = name ?? `Sheet${this.sheets.length + 1}`;
    if (this.getSheetByName(n)) throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, n, this.nextSheetId++);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }

  setNamedRange(name: string, range: FakeRange): void {
    this.named.set(name, range);
  }
  getRangeByName = (name: string) => this.named.get(name) ?? null;
  getNamedRanges = () => [...this.named].map(([name, range]) => ({ getName: () => name, getRange: () => range, remove: () => void this.named.delete(name) }));

  addDeveloperMetadata(key: string, value?: string) {
    this.mayChange('addDeveloperMetadata');
    addMetadata(this, key, value);
    return this;
  }
  getDeveloperMetadata = () => [...this.metadata];

  /** Custom functions may only read: a method that changes the spreadsheet throws while one runs. */
  mayChange(method: string): void {
    if (this.inCustomFunction) throw new Error(`You do not have permission to call ${method}`);
  }

  log(sheet: FakeSheet, box: Box, method: string): void {
    this.writes.push({ sheet: sheet.name, a1: toA1(box), method, locked: this.lockHolder === this.execution });
  }

  /** Recomputes every formula with the calculator, then spills results into blank cells. */
  recalc(): void {
    if (!this.calculator) return;
    for (const s of this.sheets) for (const [k, c] of s.cells) if (c.spillFrom) s.cells.delete(k);
    for (const s of this.sheets) {
      const masters = [...s.cells].filter(([, c]) => c.formula).map(([k]) => k.split(',').map(Number) as [number, number]);
      masters.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      for (const [r, c] of masters) s.compute(r, c);
    }
  }
}

export class FakeSheet implements MetadataOwner {
  /** "row,col" (1-based) → cell; absent means blank. */
  readonly cells = new Map<string, FakeCell>();
  readonly metadata: FakeMetadata[] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;

  constructor(
    readonly parent: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  /** Sheet.hideSheet() / showSheet() / isSheetHidden(): one flag (pinned in fake.test.ts). */
  hidden = false;
  isSheetHidden = () => this.hidden;
  hideSheet() {
    if (!this.hidden && this.parent.sheets.every((s) => s === this || s.hidden)) throw new Error('You can\'t hide all the sheets in a document.');
    this.hidden = true;
    return this;
  }
  showSheet() {
    this.hidden = false;
    return this;
  }
  getName = () => this.name;
  setName(n: string) {
    this.name = n;
    return this;
  }
  getSheetId = () => this.id;
  getParent = () => this.parent;
  getMaxRows = () => this.maxRows;
  getMaxColumns = () => this.maxCols;
  getFrozenRows = () => this.frozenRows;
  setFrozenRows(n: number) {
    this.frozenRows = n;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after !== this.maxCols) throw new Error('the fake only appends columns at the end');
    this.maxCols += howMany;
    return this;
  }
  insertRowsAfter(after: number, howMany: number) {
    if (after !== this.maxRows) throw new Error('the fake only appends rows at the end');
    this.maxRows += howMany;
    return this;
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
  put(row: number, col: number, cell: FakeCell): void {
    if (isEmpty(cell) && !cell.format) this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, cell);
  }

  getLastRow = () => Math.max(0, ...[...this.cells].filter(([, c]) => !isEmpty(c)).map(([k]) => Number(k.split(',')[0])));
  getLastColumn = () => Math.max(0, ...[...this.cells].filter(([, c]) => !isEmpty(c)).map(([k]) => Number(k.split(',')[1])));
  getDataRange = () => new FakeRange(this, { row: 1, col: 1, rows: Math.max(1, this.getLastRow()), cols: Math.max(1, this.getLastColumn()) });

  getRange(a: string | number, col?: number, rows = 1, cols = 1): FakeRange {
    const box = typeof a === 'string' ? parseA1(a, this.maxRows, this.maxCols) : { row: a, col: col!, rows, cols };
    if (box.row < 1 || box.col < 1 || box.rows < 1 || box.cols < 1) throw new Error('The starting row or column of the range is too small, or the number of rows or columns is 0.');
    if (box.row + box.rows - 1 > this.maxRows || box.col + box.cols - 1 > this.maxCols) throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    return new FakeRange(this, box);
  }

  getRangeList(a1s: string[]) {
    const ranges = a1s.map((a) => this.getRange(a));
    return {
      getRanges: () => ranges,
      clearContent() {
        ranges.forEach((r) => r.clearContent());
        return this;
      },
      setNumberFormat(f: string) {
        ranges.forEach((r) => r.setNumberFormat(f));
        return this;
      },
    };
  }

  addDeveloperMetadata(key: string, value?: string) {
    this.parent.mayChange('addDeveloperMetadata');
    addMetadata(this, key, value);
    return this;
  }
  getDeveloperMetadata = () => [...this.metadata];

  /** One formula's result, spilled into the blank cells right of and below it. */
  compute(row: number, col: number): void {
    const master = this.cell(row, col)!;
    const result = this.parent.calculator!(master.formula, { sheet: this, row, col });
    if (!result) return;
    const blocked: string[] = [];
    result.forEach((line, i) =>
      line.forEach((_, j) => {
        if ((i || j) && !isEmpty(this.cell(row + i, col + j))) blocked.push(`${row + i},${col + j}`);
      }),
    );
    if (blocked.length) {
      master.value = '#REF!';
      return;
    }
    master.value = result[0]?.[0] ?? '';
    const key = `${row},${col}`;
    result.forEach((line, i) =>
      line.forEach((v, j) => {
        if ((i || j) && v !== '' && v !== null && v !== undefined) this.cells.set(`${row + i},${col + j}`, { value: v, formula: '', spillFrom: key });
      }),
    );
  }
}

const display = (v: unknown, timeZone: string): string =>
  v instanceof Date ? formatDate(v, timeZone, 'yyyy-MM-dd') : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v ?? '');

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: Box,
  ) {}

  private map<T>(f: (c: FakeCell | undefined) => T): T[][] {
    return Array.from({ length: this.box.rows }, (_, i) => Array.from({ length: this.box.cols }, (_, j) => f(this.sheet.cell(this.box.row + i, this.box.col + j))));
  }

  getSheet = () => this.sheet;
  getRow = () => this.box.row;
  getColumn = () => this.box.col;
  getNumRows = () => this.box.rows;
  getNumColumns = () => this.box.cols;
  getLastRow = () => this.box.row + this.box.rows - 1;
  getLastColumn = () => this.box.col + this.box.cols - 1;
  getA1Notation = () => toA1(this.box);

  getValues = () => this.map((c) => (c ? (c.value instanceof Date ? new Date(c.value.getTime()) : c.value ?? '') : ''));
  getValue = () => this.getValues()[0]![0];
  getFormulas = () => this.map((c) => c?.formula ?? '');
  getFormula = () => this.getFormulas()[0]![0];
  getDisplayValues = () => this.map((c) => display(c?.value, this.sheet.parent.timeZone));
  getNumberFormats = () => this.map((c) => c?.format ?? '0.###############');

  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values) || values.length !== this.box.rows) {
      throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.box.rows}.`);
    }
    for (const row of values) {
      if (row.length !== this.box.cols) {
        throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.box.cols}.`);
      }
    }
  }

  private write(values: unknown[][], method: string, parse: (v: unknown) => FakeCell): this {
    this.sheet.parent.mayChange(method);
    this.checkShape(values);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        const old = this.sheet.cell(this.box.row + i, this.box.col + j);
        this.sheet.put(this.box.row + i, this.box.col + j, { ...parse(v), ...(old?.format ? { format: old.format } : {}) });
      }),
    );
    this.sheet.parent.log(this.sheet, this.box, method);
    this.sheet.parent.recalc();
    return this;
  }

  setValues = (values: unknown[][]) => this.write(values, 'setValues', (v) => parseInput(v, this.sheet.parent.timeZone));
  setValue = (v: unknown) => this.write([[v]], 'setValue', (v) => parseInput(v, this.sheet.parent.timeZone));
  // setFormulas takes formula text; a '' entry clears the cell.
  setFormulas = (formulas: string[][]) => this.write(formulas, 'setFormulas', (f) => (f ? { value: '', formula: String(f) } : emptyCell()));

  clearContent(): this {
    this.sheet.parent.mayChange('clearContent');
    for (let i = 0; i < this.box.rows; i++) {
      for (let j = 0; j < this.box.cols; j++) {
        const old = this.sheet.cell(this.box.row + i, this.box.col + j);
        this.sheet.put(this.box.row + i, this.box.col + j, { ...emptyCell(), ...(old?.format ? { format: old.format } : {}) });
      }
    }
    this.sheet.parent.log(this.sheet, this.box, 'clearContent');
    this.sheet.parent.recalc();
    return this;
  }

  setNumberFormat(format: string): this {
    this.sheet.parent.mayChange('setNumberFormat');
    for (let i = 0; i < this.box.rows; i++) {
      for (let j = 0; j < this.box.cols; j++) {
        const old = this.sheet.cell(this.box.row + i, this.box.col + j) ?? emptyCell();
        this.sheet.put(this.box.row + i, this.box.col + j, { ...old, format });
      }
    }
    return this;
  }
}
