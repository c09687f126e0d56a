// The corpus (issue 13): workbooks no code of ours wrote, made at test time by openpyxl
// (test/corpus/make_workbooks.py) and by LibreOffice (a CSV file, an openpyxl table and both our templates
// re-saved by Calc). Each is opened in the playground, its tables listed, its backlog ranked and planned,
// the Score, Rank and Plan written and the workbook saved; the saved file then re-opens in exceljs,
// openpyxl and LibreOffice with the user's cells, sheets, tables and number formats as they were.
// Skipped, with a message, where soffice or openpyxl is missing (.ci/run installs both).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Workbook as XWorkbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCapacity } from '../../core/capacity';
import { cellA1 } from '../../protocol/a1';
import { doneRows } from '../../protocol/columns';
import { type TableData, type TableRef, columnHeaderProblem } from '../../protocol/bridge';
import { catalogCallsAs } from '../../playground/file-formula';
import { liveBridge } from '../sidebar/live';
import { openWorkbookFile } from '../../playground/open-file';
import { keyCol, keyRow } from '../../playground/workbook';
import { writeXlsx } from '../../playground/xlsx';
import { planSheet, planTables, rowInfo, scoreCandidates } from '../../sidebar/planner/model';
import { findFramework } from '../../sidebar/prioritize/frameworks';
import { autoLabels, autoMap, defaultCriteria } from '../../sidebar/prioritize/mapping';
import { columnWrites, computePreview } from '../../sidebar/prioritize/preview';
import { headerFit } from '../../sidebar/ui/table-picker';
import { ExcelJS, built } from '../templates/workbooks';
import { OPENPYXL, PYTHON } from '../hosts/openpyxl';

const HERE = join(process.cwd(), 'test/corpus');
const which = (cmd: string) => ['/usr/bin', '/usr/local/bin', '/bin'].map((d) => join(d, cmd)).find(existsSync);
const SOFFICE = which('soffice');
if (!SOFFICE) console.warn('Skipping the workbook corpus: soffice is not installed (.ci/run installs libreoffice-calc).');
if (!OPENPYXL) console.warn('Skipping the workbook corpus: /usr/bin/python3 has no openpyxl (.ci/run installs python3-openpyxl).');

/** Each workbook of the corpus, the backlog the sidebar should find in it, and how many items it holds. */
const CORPUS = [
  { file: 'op-merged.xlsx', sheet: 'Q3 backlog', items: 33, done: 2, planSheetTaken: true },
  { file: 'op-table.xlsx', sheet: 'Backlog', items: 30 },
  { file: 'op-big.xlsx', sheet: 'Backlog', items: 20_000 },
  { file: 'lo/backlog.xlsx', sheet: 'backlog', items: 5 },
  { file: 'lo/op-table.xlsx', sheet: 'Backlog', items: 30 },
  { file: 'lo/agile-playbook-quarter.xlsx', sheet: 'Backlog', items: 40 },
  { file: 'lo/agile-playbook-quarter-sheets.xlsx', sheet: 'Backlog', items: 40 },
] as const;

let dir = '';
const profile = `/tmp/lo-corpus-${process.pid}`;
const soffice = (outdir: string, files: string[]) =>
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outdir, ...files], { stdio: 'pipe', timeout: 300_000 });

async function load(bytes: Uint8Array): Promise<XWorkbook> {
  const x = new ExcelJS.Workbook();
  await x.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return x;
}

type Tables = Record<string, { table: { name: string; tableRef?: string; headerRow?: boolean; totalsRow?: boolean; columns: { name: string; calculatedColumnFormula?: string }[] } }>;
const tablesOf = (ws: unknown) => Object.values((ws as { tables?: Tables }).tables ?? {}).map((t) => t.table);

/** Every cell's content as a user compares it: value or formula (catalog calls in one form), and format. */
function cellsOf(x: XWorkbook): Map<string, { v: string; fmt: string }> {
  const out = new Map<string, { v: string; fmt: string }>();
  x.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        if (c.isMerged && c.master && c.master.address !== c.address) return;
        const v = c.value as unknown;
        let text: string;
        if (v instanceof Date) text = `d${v.toISOString().slice(0, 10)}`;
        else if (v && typeof v === 'object' && 'formula' in v) text = `f${catalogCallsAs(String((v as { formula: string }).formula), 'excel-file')}`;
        else if (v && typeof v === 'object' && 'sharedFormula' in v) text = `f${catalogCallsAs(String(c.formula), 'excel-file')}`;
        else if (v && typeof v === 'object' && 'richText' in v) text = `s${(v as { richText: { text: string }[] }).richText.map((t) => t.text).join('')}`;
        else if (v && typeof v === 'object' && 'error' in v) text = `e${(v as { error: string }).error}`;
        else text = `${typeof v}${String(v)}`;
        out.set(`${ws.name}!${c.address}`, { v: text, fmt: c.numFmt && c.numFmt !== 'General' ? c.numFmt : '' });
      }),
    );
  });
  return out;
}

interface Outcome {
  readonly entry: (typeof CORPUS)[number];
  readonly before: XWorkbook;
  readonly saved: Uint8Array;
  readonly owned: Set<string>;
  readonly backlog: TableRef;
  readonly planName: string;
}
const outcomes = new Map<string, Outcome>();
/** lo/op-table.xlsx → lo-op-table-saved.xlsx: one name per corpus entry. */
const savedName = (file: string) => file.replace('/', '-').replace('.xlsx', '-saved.xlsx');

/** What a user does with the workbook: open, pick the backlog, rank it, plan it, write, download. */
async function exercise(entry: (typeof CORPUS)[number]): Promise<Outcome> {
  const bytes = new Uint8Array(readFileSync(join(dir, entry.file)));
  const opened = await openWorkbookFile(ExcelJS, bytes, basename(entry.file));
  const bridge = (await liveBridge(opened.workbook, 'excel')).bridge;
  const tables = await bridge.listTables();
  const best = (wanted: string[]) => [...tables].sort((a, b) => headerFit(b, wanted) - headerFit(a, wanted))[0]!;
  const ref = best(['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort']);
  expect([ref.sheet, ref.rowCount]).toEqual([entry.sheet, entry.items]);
  expect(ref.headers[0]).toBe('ID');
  let table: TableData = await bridge.readTable(ref.id);
  const fw = findFramework('RICE');
  const mapping = autoMap(fw, table.headers);
  expect(Object.values(mapping).every(Boolean)).toBe(true);
  const setup = { framework: 'RICE' as const, mapping, criteria: defaultCriteria(table), iceMethod: 'multiply' as const, labels: autoLabels(table.headers, fw, mapping), topN: null };
  const preview = computePreview(table, setup);
  const scored = preview.scores.filter((s) => typeof s === 'number').length;
  expect(scored).toBeGreaterThanOrEqual(entry.items - 1);
  // Names the bridge accepts (protocol/bridge columnHeaderProblem): a template already has its own Score.
  const free = (n: string) => !columnHeaderProblem(table.ref, table.ownedColumns, [{ header: n, values: [] }]);
  const score = ['Score', 'Priority score', 'Agile score'].find(free)!;
  const rank = ['Rank', 'Priority rank', 'Agile rank'].find(free)!;
  const wrote = await bridge.writeColumns(ref.id, columnWrites(preview, setup, 'formulas', { score, rank }), { basedOn: table.version });
  expect(wrote.ok, wrote.ok ? '' : wrote.reason).toBe(true);
  table = await bridge.readTable(ref.id);
  expect(scoreCandidates(table)).toContain(score);
  // A CSV export holds the backlog alone: the user adds the team capacities as a sheet of their own.
  if (!tables.some((t) => headerFit(t, ['Team', 'Capacity']) === 2)) {
    const teamsAdded = await bridge.writeSheet({ name: 'Teams', rows: [['Team', 'Capacity'], ['Content', 10], ['Web', 5], ['Demand Gen', 8]] });
    expect(teamsAdded.ok).toBe(true);
    tables.push(...(await bridge.listTables()).filter((t) => t.sheet === 'Teams'));
  }
  const teamsRef = best(['Team', 'Capacity']);
  const teams = await bridge.readTable(teamsRef.id);
  const plan = await planCapacity(planTables(table, teams, undefined, score, { finished: 'commit' }), { method: 'greedy' });
  const info = rowInfo(table, score);
  expect(plan.rows.filter((r) => r.status === 'Planned').length).toBeGreaterThan(0);
  // Finished work (Done, Complete) is never cut.
  const done = doneRows(table.headers, table.rows).size;
  if ('done' in entry) expect(done).toBe(entry.done);
  expect(info).toHaveLength(entry.items);
  expect(plan.rows.filter((r, i) => info[i]!.done && r.status !== 'Planned')).toEqual([]);
  let planName = 'Plan';
  let result = await bridge.writeSheet(planSheet(plan, info, 'greedy', planName));
  if ('planSheetTaken' in entry) {
    // The very hidden Plan sheet holds the user's cells: the planner may not create one over it.
    expect(result.ok).toBe(false);
    planName = 'Quarter plan';
    result = await bridge.writeSheet(planSheet(plan, info, 'greedy', planName));
  }
  expect(result.ok, result.ok ? '' : result.reason).toBe(true);
  const now = bridge.workbook.toWorkbook();
  const saved = await writeXlsx(ExcelJS, now, opened.original);
  const owned = new Set<string>();
  // Cells the add-in wrote, and the results a formula spilled into (recomputed by the catalog: a file saved
  // by LibreOffice caches #NAME? there for functions it does not know), are not the user's typing.
  for (const s of now.sheets) {
    for (const [key, c] of s.cells) {
      if (c.owned || s.owned) owned.add(`${s.name}!${cellA1(keyRow(key), keyCol(key))}`);
      if (!c.spill) continue;
      for (let r = 0; r < c.spill.rows; r++) for (let k = 0; k < c.spill.cols; k++) if (r || k) owned.add(`${s.name}!${cellA1(keyRow(key) + r, keyCol(key) + k)}`);
    }
  }
  return { entry, before: await load(bytes), saved, owned, backlog: ref, planName };
}

describe.skipIf(!SOFFICE || !OPENPYXL)('workbooks made by other programs', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agile-corpus-'));
    mkdirSync(join(dir, 'lo'));
    mkdirSync(join(dir, 'back'));
    execFileSync(PYTHON, [join(HERE, 'make_workbooks.py'), dir], { stdio: 'pipe', timeout: 120_000 });
    copyFileSync(join(HERE, 'backlog.csv'), join(dir, 'backlog.csv'));
    for (const host of ['excel', 'sheets'] as const) writeFileSync(join(dir, host === 'excel' ? 'agile-playbook-quarter.xlsx' : 'agile-playbook-quarter-sheets.xlsx'), (await built(host)).bytes);
    // One LibreOffice run re-saves the CSV, the openpyxl table and both templates as Calc writes .xlsx.
    soffice(join(dir, 'lo'), ['backlog.csv', 'op-table.xlsx', 'agile-playbook-quarter.xlsx', 'agile-playbook-quarter-sheets.xlsx'].map((f) => join(dir, f)));
    for (const entry of CORPUS) {
      const t0 = performance.now();
      outcomes.set(entry.file, await exercise(entry));
      if (process.env['CORPUS_TIMES']) console.log(entry.file, Math.round(performance.now() - t0), 'ms');
    }
    for (const o of outcomes.values()) writeFileSync(join(dir, 'back', savedName(o.entry.file)), o.saved);
  }, 600_000);

  afterAll(() => {
    rmSync(profile, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens, lists, ranks, plans, writes and saves every workbook', () => {
    expect([...outcomes.keys()]).toEqual(CORPUS.map((c) => c.file));
  });

  it('re-opens every saved file in exceljs with each cell the user had, its format, and each table as it was', async () => {
    for (const o of outcomes.values()) {
      const after = await load(o.saved);
      const was = cellsOf(o.before);
      const now = cellsOf(after);
      const lost: string[] = [];
      for (const [at, cell] of was) {
        if (o.owned.has(at)) continue;
        const n = now.get(at);
        if (!n || n.v !== cell.v || n.fmt !== cell.fmt) lost.push(`${at}: ${cell.v} [${cell.fmt}] → ${n ? `${n.v} [${n.fmt}]` : 'nothing'}`);
      }
      expect(lost.slice(0, 5), o.entry.file).toEqual([]);
      const sheetsOf = (x: XWorkbook) => x.worksheets.map((w) => [w.name, w.state]);
      expect(sheetsOf(after).slice(0, o.before.worksheets.length), o.entry.file).toEqual(sheetsOf(o.before));
      for (const ws of o.before.worksheets) {
        const shape = (t: ReturnType<typeof tablesOf>[number]) => [t.name, t.tableRef, t.headerRow !== false, !!t.totalsRow, t.columns.map((c) => c.name).join('|'), t.columns.map((c) => catalogCallsAs(c.calculatedColumnFormula ?? '', 'excel-file')).join('|')];
        expect(tablesOf(after.getWorksheet(ws.name)).map(shape), `${o.entry.file} ${ws.name}`).toEqual(tablesOf(ws).map(shape));
      }
      // What the add-in wrote: a live catalog formula in Excel's stored form, with its cached result.
      const b = after.getWorksheet(o.backlog.sheet)!;
      const headerRow = b.getRow(Number(/\d+/.exec(o.backlog.address)![0]));
      const col = (headerRow.values as unknown[]).findIndex((v) => v === 'Score' || v === 'Priority score' || v === 'Agile score');
      const first = b.getCell(headerRow.number + 1, col).value as { formula?: string; result?: unknown };
      expect(first.formula, o.entry.file).toMatch(/^_xldudf_AGILE_RICE\(/);
      expect(typeof first.result, `${o.entry.file}: ${JSON.stringify(first.result)}`).toBe('number');
      expect(after.getWorksheet(o.planName)!.getCell('A1').value).toBe('ID');
    }
  });

  it('re-opens every saved file in openpyxl with the sheets, their visibility, the tables and the cells', () => {
    const files = [...outcomes.values()].map((o) => join(dir, 'back', savedName(o.entry.file)));
    const read = JSON.parse(execFileSync(PYTHON, [join(HERE, 'read_back.py'), ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 })) as Record<string, { name: string; state: string; tables: { name: string; ref: string; headerRowCount: number | null; totalsRowCount: number | null; calculated: string[] }[]; cells: Record<string, unknown>; formats: Record<string, string> }[]>;
    [...outcomes.values()].forEach((o, i) => {
      const sheets = read[files[i]!]!;
      for (const ws of o.before.worksheets) {
        const s = sheets.find((x) => x.name === ws.name)!;
        expect(s, `${o.entry.file} ${ws.name}`).toBeDefined();
        expect(s.state).toBe(ws.state === 'visible' ? 'visible' : ws.state);
        const want = tablesOf(ws).map((t) => [t.name, t.tableRef, t.headerRow !== false ? 1 : 0, t.totalsRow ? 1 : 0, t.columns.filter((c) => c.calculatedColumnFormula).length]);
        expect(s.tables.map((t) => [t.name, t.ref, t.headerRowCount ?? 1, t.totalsRowCount ?? 0, t.calculated.length]), `${o.entry.file} ${ws.name}`).toEqual(want);
        // The first rows' typed text and numbers, as openpyxl reads them.
        ws.eachRow({ includeEmpty: false }, (row) => {
          if (row.number > 60) return;
          row.eachCell({ includeEmpty: false }, (c) => {
            if (o.owned.has(`${ws.name}!${c.address}`) || (c.isMerged && c.master.address !== c.address)) return;
            const v = c.value;
            if (typeof v === 'string' || typeof v === 'number') expect(s.cells[c.address], `${o.entry.file} ${ws.name}!${c.address}`).toEqual(v);
            if (c.numFmt && c.numFmt !== 'General' && (typeof v === 'number' || v instanceof Date)) expect(s.formats[c.address]).toBe(c.numFmt);
          });
        });
      }
    });
  });

  it('re-opens every saved file in LibreOffice with the backlog, the written columns and the plan', async () => {
    const files = [...outcomes.values()].map((o) => join(dir, 'back', savedName(o.entry.file)));
    mkdirSync(join(dir, 'back-lo'));
    soffice(join(dir, 'back-lo'), files);
    for (const o of outcomes.values()) {
      const x = await load(new Uint8Array(readFileSync(join(dir, 'back-lo', savedName(o.entry.file)))));
      expect(x.worksheets.map((w) => w.name), o.entry.file).toEqual(expect.arrayContaining(o.before.worksheets.map((w) => w.name)));
      const before = o.before.getWorksheet(o.backlog.sheet)!;
      const after = x.getWorksheet(o.backlog.sheet)!;
      const top = Number(/\d+/.exec(o.backlog.address)![0]);
      for (const r of [top, top + 1]) expect(after.getRow(r).values, `${o.entry.file} row ${r}`).toEqual(expect.arrayContaining((before.getRow(r).values as unknown[]).filter((v) => typeof v === 'string')));
      expect(x.getWorksheet(o.planName)!.getCell('A1').value).toBe('ID');
    }
  }, 300_000);
});
