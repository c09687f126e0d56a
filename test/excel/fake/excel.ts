/// <reference types="office-js" />
// A small, faithful fake of the part of the Excel JavaScript API the bridge uses. office-addin-mock is a
// property bag: it cannot compute a used range, map getRangeByIndexes onto cells, or turn "=x" typed into
// `values` into a formula, which is what principle 5 is about. This fake keeps Excel's batching rules:
// property writes and load() are queued and happen at sync() in order, and reading a property that was not
// loaded and synced throws, as Office.js does (PropertyNotLoaded). It has no DOM or Node dependencies so the
// browser tests can bundle it too.

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  format?: string;
}

export interface FakeTable {
  id: string;
  name: string;
  /** The whole table: its header row (when shown), body and totals row (when shown). */
  top: number;
  left: number;
  bottom: number;
  right: number;
  showHeaders?: boolean;
  showTotals?: boolean;
  /** Column names (Excel keeps them when the header row is hidden); defaults to the header cells. */
  columns?: string[];
}

/** What a sync may move (resource-limits-and-performance-optimization; pinned in fake.test.ts). */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const READ_LIMIT_CELLS = 5_000_000;

/** Text Excel turns into a number or a boolean when it is assigned through values/formulas. */
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*(%?)\s*$/i;
function coerce(input: string): string | number | boolean {
  const m = NUMBER_TEXT.exec(input);
  if (m) {
    const n = Number(input.trim().replace('%', ''));
    return m[3] ? n / 100 : n;
  }
  if (/^\s*(true|false)\s*$/i.test(input)) return input.trim().toUpperCase() === 'TRUE';
  return input;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly tables: FakeTable[] = [];
  /** Review > Protect Sheet: every write to a cell fails. */
  protected = false;
  readonly merged: { top: number; left: number; bottom: number; right: number }[] = [];
  constructor(
    readonly id: string,
    public name: string,
  ) {}
  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(`${r},${c}`);
  }
  /** What Excel does when something is typed or assigned: = + - @ start a formula unless the cell is Text. */
  put(r: number, c: number, input: unknown): void {
    const key = `${r},${c}`;
    const format = this.cells.get(key)?.format;
    if (input === '' || input === null || input === undefined) {
      if (format && format !== 'General') this.cells.set(key, { value: '', format });
      else this.cells.delete(key);
      return;
    }
    if (typeof input === 'string' && /^[=+\-@]/.test(input) && format !== '@' && typeof coerce(input) === 'string') {
      this.cells.set(key, { value: '', formula: input.startsWith('=') ? input : `=${input}`, ...(format ? { format } : {}) });
      return;
    }
    const value = typeof input === 'string' && format !== '@' ? coerce(input) : (input as FakeCell['value']);
    this.cells.set(key, { value, ...(format ? { format } : {}) });
  }
  /** valuesAsJson: a typed cell value is stored as that type, never parsed. */
  putJson(r: number, c: number, v: { type?: string; basicValue?: unknown }): void {
    const key = `${r},${c}`;
    const format = this.cells.get(key)?.format;
    if (v.type === 'Empty' || v.basicValue === '' || v.basicValue === undefined) {
      if (format && format !== 'General') this.cells.set(key, { value: '', format });
      else this.cells.delete(key);
      return;
    }
    const t = v.type;
    if (t !== 'String' && t !== 'Double' && t !== 'Boolean') throw fakeError('InvalidArgument', `unsupported cell value type ${t}`);
    const value = t === 'String' ? String(v.basicValue) : t === 'Double' ? Number(v.basicValue) : Boolean(v.basicValue);
    this.cells.set(key, { value, ...(format ? { format } : {}) });
  }
  used(): { top: number; left: number; bottom: number; right: number } | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const i = key.indexOf(',');
      const r = +key.slice(0, i);
      const c = +key.slice(i + 1);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly inserted: { base64: string; options: object }[] = [];
  /** File > Options > Proofing > AutoCorrect > "Include new rows and columns in table": applies to API writes too. */
  autoExpand = false;
  /** Cells a read may return (5,000,000; a test lowers it to reach the over-limit path with small sheets). */
  readLimitCells = READ_LIMIT_CELLS;
  /** What a read over that limit does: the docs say Excel "will either return null or throw an error". */
  overLimitRead: 'throw' | 'null' = 'throw';
  /** The largest request and response of any sync so far, in bytes of JSON. */
  largest = { request: 0, response: 0 };
  private ids = 0;
  /** The user is in cell edit mode (typing in a cell, neither Enter nor Esc yet): settles when they leave it. */
  private edit: { left: Promise<void>; leave: () => void } | undefined;
  get editing(): boolean {
    return this.edit !== undefined;
  }
  startEditing(): void {
    if (this.edit) return;
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    this.edit = { left, leave };
  }
  /** Enter or Esc: batches waiting with delayForCellEdit run now. */
  stopEditing(): void {
    const e = this.edit;
    this.edit = undefined;
    e?.leave();
  }
  /** How many syncs are waiting for the user to leave cell edit mode. */
  waitingForEdit = 0;
  /** What a sync meets in cell edit mode: delayForCellEdit waits for the edit to end, otherwise the batch fails. */
  async cellEditGate(delayForCellEdit: boolean): Promise<void> {
    while (this.edit) {
      if (!delayForCellEdit) throw fakeError('InvalidOperation', 'The requested operation is invalid in the current state: the user is editing a cell.');
      this.waitingForEdit++;
      try {
        await this.edit.left;
      } finally {
        this.waitingForEdit--;
      }
    }
  }
  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw fakeError('ItemAlreadyExists', `A sheet named ${name} already exists`);
    const s = new FakeSheet(`{sheet-${++this.ids}}`, name);
    this.sheets.push(s);
    return s;
  }
  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  addTable(sheet: string, name: string, top: number, left: number, bottom: number, right: number, options: Partial<FakeTable> = {}): FakeTable {
    const t = { id: String(++this.ids), name, top, left, bottom, right, ...options };
    this.sheet(sheet)!.tables.push(t);
    return t;
  }
  /** A non-empty write right beside or below a table, with autoExpand on, makes the table include it. */
  expandTables(s: FakeSheet, r: number, c: number): void {
    if (!this.autoExpand) return;
    for (const t of s.tables) {
      if (c === t.right + 1 && r >= t.top && r <= t.bottom) t.right++;
      else if (r === t.bottom + 1 && c >= t.left && c <= t.right && !t.showTotals) t.bottom++;
    }
  }
}

function fakeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** The request context: a queue of operations that run at sync(). */
export class FakeContext {
  private queue: (() => void)[] = [];
  readonly workbook: FakeWorkbookProxy;
  syncs = 0;
  private request = 0;
  private response = 0;
  constructor(
    readonly model: FakeWorkbook,
    readonly options: Excel.RunOptions = {},
  ) {
    this.workbook = new FakeWorkbookProxy(this);
  }
  enqueue(op: () => void): void {
    this.queue.push(op);
  }
  /** Bytes a queued write sends (its matrix as JSON), checked at sync like the response. */
  sent(value: unknown): void {
    this.request += JSON.stringify(value ?? null).length;
  }
  /** Bytes a load brings back. */
  received(value: unknown): void {
    this.response += JSON.stringify(value ?? null).length;
  }
  async sync(): Promise<void> {
    this.syncs++;
    await this.model.cellEditGate(this.options.delayForCellEdit === true);
    const ops = this.queue;
    this.queue = [];
    const request = this.request;
    this.request = 0;
    this.response = 0;
    this.model.largest.request = Math.max(this.model.largest.request, request);
    if (request > PAYLOAD_LIMIT_BYTES) throw fakeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes).`);
    for (const op of ops) op();
    this.model.largest.response = Math.max(this.model.largest.response, this.response);
    if (this.response > PAYLOAD_LIMIT_BYTES) throw fakeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this.response} bytes).`);
  }
}

/** load()/property reading as in Office.js: values are captured at sync and must have been loaded. */
abstract class Proxy {
  private loaded: Record<string, unknown> = {};
  constructor(protected readonly ctx: FakeContext) {}
  protected abstract read(prop: string): unknown;
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? '').split(',')).map((p) => p.trim()).filter(Boolean);
    const items = list.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.ctx.enqueue(() => {
      for (const p of list) {
        if (p.startsWith('items/')) continue;
        this.loaded[p] = this.read(p);
        this.ctx.received(this.loaded[p]);
      }
      if (items.length) this.loadItems(items.join(','));
    });
    return this;
  }
  protected loadItems(_prop: string): void {
    throw new Error('not a collection');
  }
  protected get<T>(prop: string): T {
    if (!(prop in this.loaded)) throw fakeError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded[prop] as T;
  }
  /** A collection's `load('items/name')` loads each item's properties at once, as Office.js does. */
  captureNow(p: string): void {
    this.setLoaded(p, this.read(p));
  }
  protected setLoaded(prop: string, v: unknown): void {
    this.loaded[prop] = v;
  }
}

export class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  /** ExcelApi 1.13. The fake cannot read the .xlsx: it adds the named sheets empty and records the call. */
  insertWorksheetsFromBase64(base64: string, options: { sheetNamesToInsert?: string[]; positionType?: string } = {}): void {
    this.ctx.enqueue(() => {
      this.ctx.model.inserted.push({ base64, options });
      for (const name of options.sheetNamesToInsert ?? []) this.ctx.model.addSheet(name);
    });
  }
}

export class FakeWorksheetCollection extends Proxy {
  private list: FakeWorksheet[] = [];
  protected read(p: string): unknown {
    throw new Error(`unsupported property ${p}`);
  }
  protected override loadItems(prop: string): void {
    this.list = this.ctx.model.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
    this.setLoaded('items', this.list);
    for (const ws of this.list) for (const p of prop.split(',')) ws.captureNow(p.trim());
  }
  get items(): FakeWorksheet[] {
    return this.get('items');
  }
  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    this.ctx.enqueue(() => (sheet = this.ctx.model.addSheet(name)));
    return new FakeWorksheet(this.ctx, () => sheet ?? missing(name));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name) ?? missing(name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name), true);
  }
}

function missing(name: string): never {
  throw fakeError('ItemNotFound', `The requested resource (${name}) doesn't exist.`);
}

export class FakeWorksheet extends Proxy {
  readonly tables: FakeTableCollection;
  readonly protection: FakeProtection;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | undefined,
    private readonly nullable = false,
  ) {
    super(ctx);
    this.tables = new FakeTableCollection(ctx, () => this.sheet());
    this.protection = new FakeProtection(ctx, () => this.sheet());
  }
  sheet(): FakeSheet {
    return this.resolve() ?? missing('worksheet');
  }
  protected read(p: string): unknown {
    if (p === 'isNullObject') return this.nullable && !this.resolve();
    const s = this.sheet();
    if (p === 'name' || p === 'id') return s[p];
    throw new Error(`unsupported property ${p}`);
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  getRangeByIndexes(top: number, left: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, () => this.sheet(), () => ({ top, left, bottom: top + rows - 1, right: left + cols - 1 }));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, () => this.sheet(), () => this.sheet().used(), true);
  }
}

export class FakeProtection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    if (p === 'protected') return this.sheet().protected;
    throw new Error(`unsupported property ${p}`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class FakeTableCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    throw new Error(`unsupported property ${p}`);
  }
  protected override loadItems(prop: string): void {
    const list = this.sheet().tables.map((t) => new FakeTableProxy(this.ctx, this.sheet, t));
    this.setLoaded('items', list);
    for (const t of list) for (const p of prop.split(',')) t.captureNow(p.trim());
  }
  get items(): FakeTableProxy[] {
    return this.get('items');
  }
  getItem(key: string): FakeTableProxy {
    const t = this.sheet().tables.find((x) => x.id === key || x.name === key);
    if (!t) throw fakeError('ItemNotFound', `The requested resource (${key}) doesn't exist.`);
    return new FakeTableProxy(this.ctx, this.sheet, t);
  }
}

export class FakeTableProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly table: FakeTable,
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    if (p === 'name' || p === 'id') return this.table[p];
    if (p === 'showHeaders') return this.table.showHeaders !== false;
    if (p === 'showTotals') return this.table.showTotals === true;
    throw new Error(`unsupported property ${p}`);
  }
  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get showHeaders(): boolean {
    return this.get('showHeaders');
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  get columns(): FakeTableColumnCollection {
    return new FakeTableColumnCollection(this.ctx, () => {
      if (this.table.columns) return this.table.columns;
      const s = this.sheet();
      return Array.from({ length: this.table.right - this.table.left + 1 }, (_, i) => String(s.get(this.table.top, this.table.left + i)?.value ?? `Column${i + 1}`));
    });
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, this.sheet, () => this.table);
  }
  /** ExcelApi 1.13: "The new range must overlap with the original table range and the headers (or the top of the table) must be in the same row." */
  resize(to: FakeRange): void {
    this.ctx.enqueue(() => {
      const b = to.boxNow();
      if (b.top !== this.table.top || b.left > this.table.right || b.right < this.table.left) throw fakeError('InvalidArgument', 'The new range must overlap the table, with its top in the same row.');
      Object.assign(this.table, b);
    });
  }
}

type Box = { top: number; left: number; bottom: number; right: number };

export class FakeRange extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box | undefined,
    private readonly nullable = false,
  ) {
    super(ctx);
  }
  boxNow(): Box {
    return { ...this.box()! };
  }
  private grid<T>(f: (cell: FakeCell | undefined) => T): T[][] | null {
    const b = this.box()!;
    const s = this.sheet();
    const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    const limit = this.ctx.model.readLimitCells;
    if (cells > limit) {
      if (this.ctx.model.overLimitRead === 'null') return null;
      throw fakeError('ResponsePayloadSizeLimitExceeded', `A range of ${cells} cells is more than the ${limit} a read may return.`);
    }
    return Array.from({ length: b.bottom - b.top + 1 }, (_, r) => Array.from({ length: b.right - b.left + 1 }, (_, c) => f(s.get(b.top + r, b.left + c))));
  }
  protected read(p: string): unknown {
    const b = this.box();
    if (p === 'isNullObject') return this.nullable && !b;
    if (!b) {
      if (this.nullable) return undefined;
      throw fakeError('InvalidReference', 'the range is a null object');
    }
    switch (p) {
      case 'values':
        return this.grid((c) => c?.value ?? '');
      case 'valuesAsJson':
        return this.grid((c) => (c === undefined || c.value === '' ? { type: 'Empty', basicValue: '' } : { type: typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String', basicValue: c.value }));
      case 'formulas':
        return this.grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return this.grid((c) => c?.format ?? 'General');
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'rowCount':
        return b.bottom - b.top + 1;
      case 'columnCount':
        return b.right - b.left + 1;
      case 'address':
        return `${this.sheet().name}!${a1(b.top, b.left)}:${a1(b.bottom, b.right)}`;
    }
    throw new Error(`unsupported property ${p}`);
  }
  private assign(matrix: unknown, apply: (s: FakeSheet, r: number, c: number, v: unknown) => void, content = true): void {
    this.ctx.sent(matrix);
    this.ctx.enqueue(() => {
      const b = this.box()!;
      const s = this.sheet();
      if (s.protected) throw fakeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet.`);
      const partial = s.merged.find((m) => m.top <= b.bottom && b.top <= m.bottom && m.left <= b.right && b.left <= m.right && (m.top < b.top || m.bottom > b.bottom || m.left < b.left || m.right > b.right));
      if (partial && content) throw fakeError('InvalidOperation', `We can't do that to a merged cell.`);
      const rows = b.bottom - b.top + 1;
      const cols = b.right - b.left + 1;
      const m = Array.isArray(matrix) ? (matrix as unknown[][]) : null;
      if (m && (m.length !== rows || m.some((row) => row.length !== cols))) throw fakeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < cols; c++) {
          const v = m ? m[r]![c] : matrix;
          apply(s, b.top + r, b.left + c, v);
          if (content && v !== '' && v !== null && !(typeof v === 'object' && (v as { type?: string }).type === 'Empty')) this.ctx.model.expandTables(s, b.top + r, b.left + c);
        }
    });
  }
  /** ExcelApi 1.16: typed cell values ({ type: 'String', basicValue: '00042' }), stored as that type. */
  get valuesAsJson(): unknown[][] {
    return this.get('valuesAsJson');
  }
  set valuesAsJson(m: unknown[][]) {
    this.assign(m, (s, r, c, v) => s.putJson(r, c, v as { type?: string; basicValue?: unknown }));
  }
  /** ExcelApi 1.13. Merged areas that touch this range, as "Sheet!A1:B2, Sheet!D4:E5". */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    return new FakeMergedAreas(this.ctx, this.sheet, this.box);
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(m: unknown[][]) {
    this.assign(m, (s, r, c, v) => s.put(r, c, v));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(m: unknown[][]) {
    this.assign(m, (s, r, c, v) => s.put(r, c, v));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(m: string[][]) {
    this.assign(
      m,
      (s, r, c, v) => {
        const cell = s.get(r, c);
        if (cell) cell.format = String(v);
        else if (v !== 'General') s.cells.set(`${r},${c}`, { value: '', format: String(v) });
      },
      false,
    );
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get address(): string {
    return this.get('address');
  }
}

export class FakeTableColumnCollection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly names: () => string[],
  ) {
    super(ctx);
  }
  protected read(p: string): unknown {
    throw new Error(`unsupported property ${p}`);
  }
  protected override loadItems(prop: string): void {
    if (prop.trim() !== 'name') throw new Error(`unsupported property ${prop}`);
    this.setLoaded('items', this.names().map((name) => ({ name })));
  }
  get items(): { name: string }[] {
    return this.get('items');
  }
}

export class FakeMergedAreas extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
    private readonly box: () => Box | undefined,
  ) {
    super(ctx);
  }
  private touching() {
    const b = this.box()!;
    return this.sheet().merged.filter((m) => m.top <= b.bottom && b.top <= m.bottom && m.left <= b.right && b.left <= m.right);
  }
  protected read(p: string): unknown {
    if (p === 'isNullObject') return this.touching().length === 0;
    if (p === 'address') {
      const name = this.sheet().name;
      return this.touching().length ? this.touching().map((m) => `${name}!${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).join(', ') : undefined;
    }
    throw new Error(`unsupported property ${p}`);
  }
  get isNullObject(): boolean {
    return this.get('isNullObject');
  }
  get address(): string {
    return this.get('address');
  }
}

function a1(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

type Batch<T> = (ctx: Excel.RequestContext) => Promise<T>;

/** Excel.run over the fake, with and without RunOptions: the batch, then a final sync, as Office.js does. */
export function fakeRun(model: FakeWorkbook) {
  function run<T>(batch: Batch<T>): Promise<T>;
  function run<T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
  async function run<T>(first: Excel.RunOptions | Batch<T>, second?: Batch<T>): Promise<T> {
    const [options, batch] = typeof first === 'function' ? [{}, first] : [first, second!];
    const ctx = new FakeContext(model, options);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync();
    return result;
  }
  return run;
}
