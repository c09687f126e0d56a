// The contract every Bridge implementation passes (playground, Sheets, Excel). Each host's test file calls
// bridgeContract(makeBridge) with a factory that builds a workbook from a host-neutral fixture and offers two
// probes a test needs that the Bridge deliberately lacks: look at one cell, and type into one cell as a user.
import { describe, expect, it } from 'vitest';
import { type Bridge, type ColumnWrite, type Scalar, type TableRef, staleReason } from '../../protocol/bridge';

export interface WorkbookFixture {
  readonly sheets: readonly { readonly name: string; readonly rows: readonly (readonly Scalar[])[] }[];
}

export interface CellProbe {
  /** What the cell holds or shows; '' for an empty cell. */
  readonly value: Scalar;
  /** Formula text with its leading '=', when the cell holds a formula. */
  readonly formula?: string;
}

export interface BridgeHarness {
  readonly bridge: Bridge;
  cell(sheet: string, a1: string): Promise<CellProbe>;
  /** Types a value into a cell as a user would: it is the user's data from then on. */
  type(sheet: string, a1: string, value: Scalar): Promise<void>;
}

export type MakeBridge = (fixture: WorkbookFixture) => Promise<BridgeHarness>;

export const CONTRACT_FIXTURE: WorkbookFixture = {
  sheets: [
    {
      name: 'Backlog',
      rows: [
        ['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort'],
        ['B-1', 'Webinar series', 1200, 2, 0.8, 4],
        ['B-2', '=HYPERLINK("http://example.com")', 500, 1, '', 2],
        ['B-3', 'Pricing page test', 3000, 0.5, 0.5, 1],
      ],
    },
    { name: 'Teams', rows: [['Team', 'Capacity'], ['Content', 20], ['Web', 12]] },
  ],
};

const RICE_SCORE: ColumnWrite = {
  header: 'Score',
  formula: {
    fn: 'RICE',
    args: ['Reach', 'Impact', 'Confidence', 'Effort'].map((h) => ({ kind: 'columns' as const, headers: [h] })),
  },
  values: [480, '#VALUE! confidence is blank in this row while other inputs are filled: fill it in, or clear the row', 1500],
};

const RANK: ColumnWrite = {
  header: 'Rank',
  formula: { fn: 'PRIORITY_RANK', args: [{ kind: 'columns', headers: ['Score'] }] },
  values: [2, '', 1],
};

/** Two tables on one sheet a blank row apart: A1:F3 and A5:F8 (issue 12.2). */
export const TWO_TABLES_FIXTURE: WorkbookFixture = {
  sheets: [
    {
      name: 'Backlog',
      rows: [
        ['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort'],
        ['U-1', 'Upper one', 100, 1, 1, 1],
        ['U-2', 'Upper two', 200, 1, 1, 1],
        [],
        ['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort'],
        ['L-1', 'Lower one', 10, 1, 1, 1],
        ['L-2', 'Lower two', 20, 1, 1, 1],
        ['L-3', 'Lower three', 30, 1, 1, 1],
      ],
    },
  ],
};

/** A user's own table on a sheet named Plan, J1:L3, for a Score column beside it in M (issue 12.3). */
export const USER_PLAN_FIXTURE: WorkbookFixture = {
  sheets: [
    ...CONTRACT_FIXTURE.sheets,
    {
      name: 'Plan',
      rows: [
        ['', '', '', '', '', '', '', '', '', 'Item', 'Reach', 'Effort'],
        ['', '', '', '', '', '', '', '', '', 'Offsite', 40, 2],
        ['', '', '', '', '', '', '', '', '', 'Podcast', 90, 3],
      ],
    },
  ],
};

/** Text that must stay text when written (issue 12.7): it looks like a number, a boolean or an error. */
export const TYPED_TEXT = ['00042', '1e3', '12%', 'TRUE', '007', '#N/A pending'];
/** Text a spreadsheet would read as a formula after leading whitespace or in full width (issue 12.8). */
export const HIDDEN_FORMULAS = [' +HYPERLINK("http://example.com","x")', ' -1+1', '\t+1+1', '\u00a0+1', '\n-2', '＝1+1'];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bare = (f: string | undefined) => (f ?? '').replace(/\s+/g, '').replace(/\$/g, '');

async function backlog(bridge: Bridge): Promise<TableRef> {
  const t = (await bridge.listTables()).find((x) => x.sheet === 'Backlog');
  expect(t, 'the Backlog table is listed').toBeDefined();
  return t!;
}

async function cells(h: BridgeHarness, sheet: string, addresses: readonly string[]): Promise<CellProbe[]> {
  return Promise.all(addresses.map((a) => h.cell(sheet, a)));
}

export function bridgeContract(makeBridge: MakeBridge, label = 'Bridge'): void {
  const make = () => makeBridge(CONTRACT_FIXTURE);

  describe(`${label} contract`, () => {
    it('says which look and formula syntax its host uses', async () => {
      const { bridge } = await make();
      expect(['google', 'fluent']).toContain(bridge.host.style);
      expect(['AGILE_', 'AGILE.']).toContain(bridge.host.functionPrefix);
      expect(bridge.host.label).not.toBe('');
    });

    it('lists tables with their sheet, headers and number of data rows', async () => {
      const { bridge } = await make();
      const tables = await bridge.listTables();
      const t = await backlog(bridge);
      expect(t.headers).toEqual(['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort']);
      expect(t.rowCount).toBe(3);
      expect(bare(t.address)).toBe('A1:F4');
      expect(tables.find((x) => x.sheet === 'Teams')?.headers).toEqual(['Team', 'Capacity']);
      expect(new Set(tables.map((x) => x.id)).size).toBe(tables.length);
    });

    it('reads a table as values, blanks as empty text and formula-like text as text', async () => {
      const { bridge } = await make();
      const data = await bridge.readTable((await backlog(bridge)).id);
      expect(data.headers).toEqual(['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort']);
      expect(data.rows).toEqual(CONTRACT_FIXTURE.sheets[0]!.rows.slice(1));
      expect(data.ownedColumns).toEqual([]);
      expect(typeof data.version).toBe('string');
    });

    it('writes value columns right beside the table and reads them back as its own', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      const result = await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }]);
      expect(result.ok).toBe(true);
      expect((await cells(h, 'Backlog', ['G1', 'G2', 'G3', 'G4'])).map((c) => c.value)).toEqual(['Score', 1, 2, 3]);
      const data = await h.bridge.readTable(t.id);
      expect(data.headers.at(-1)).toBe('Score');
      expect(data.ownedColumns).toEqual(['Score']);
    });

    it("writes live formulas in the host's syntax, one spilled formula per column", async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      const result = await h.bridge.writeColumns(t.id, [RICE_SCORE, RANK]);
      expect(result.ok).toBe(true);
      const prefix = escapeRe(h.bridge.host.functionPrefix);
      const score = bare((await h.cell('Backlog', 'G2')).formula);
      expect(score).toMatch(new RegExp(`^=${prefix}RICE\\(`));
      for (const [range, header] of [['C2:C4', 'Reach'], ['D2:D4', 'Impact'], ['E2:E4', 'Confidence'], ['F2:F4', 'Effort']]) {
        expect(score).toMatch(new RegExp(`${range}|\\[${header}\\]`));
      }
      const rank = bare((await h.cell('Backlog', 'H2')).formula);
      expect(rank).toMatch(new RegExp(`^=${prefix}PRIORITY_RANK\\((G2:G4|.*\\[Score\\])`));
      expect((await h.cell('Backlog', 'G1')).value).toBe('Score');
      expect((await h.cell('Backlog', 'H1')).value).toBe('Rank');
    });

    it('writes the same columns again in place instead of adding new ones', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      expect((await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }])).ok).toBe(true);
      expect((await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [7, 8, 9] }])).ok).toBe(true);
      const data = await h.bridge.readTable(t.id);
      expect(data.headers).toEqual(['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort', 'Score']);
      expect(data.rows.map((r) => r[6])).toEqual([7, 8, 9]);
    });

    it('refuses to write over a cell it does not own, names the cell, and changes nothing', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      await h.type('Backlog', 'G3', 'ask Dana');
      const before = await h.bridge.readTable(t.id);
      const result = await h.bridge.writeColumns(t.id, [RICE_SCORE, RANK]);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.refused.map((c) => c.replace(/'/g, ''))).toEqual(['Backlog!G3']);
      expect(result.reason).toMatch(/G3/);
      expect(await cells(h, 'Backlog', ['G1', 'G2', 'G3', 'G4', 'H1', 'H2'])).toEqual([
        { value: '' },
        { value: '' },
        { value: 'ask Dana' },
        { value: '' },
        { value: '' },
        { value: '' },
      ]);
      expect(await h.bridge.readTable(t.id)).toEqual(before);
    });

    it('protects a cell the user typed over in a column it wrote', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      expect((await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }])).ok).toBe(true);
      await h.type('Backlog', 'G4', 99);
      const result = await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [4, 5, 6] }]);
      expect(result.ok).toBe(false);
      expect((await cells(h, 'Backlog', ['G2', 'G4'])).map((c) => c.value)).toEqual([1, 99]);
    });

    it('refuses values computed from a read when the table changed since (a concurrent edit)', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      const read = await h.bridge.readTable(t.id);
      await h.type('Backlog', 'C2', 5000);
      const result = await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }], { basedOn: read.version });
      expect(result.ok).toBe(false);
      expect((await h.cell('Backlog', 'G1')).value).toBe('');
      const fresh = await h.bridge.readTable(t.id);
      expect((await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }], { basedOn: fresh.version })).ok).toBe(true);
    });

    it('writes text beginning with = + - @ as text, never as a formula', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      const texts = ['=SUM(A1:A9)', '+44 20 7946 0000', '@channel'];
      expect((await h.bridge.writeColumns(t.id, [{ header: 'Note', values: texts }])).ok).toBe(true);
      const written = await cells(h, 'Backlog', ['G2', 'G3', 'G4']);
      expect(written).toEqual(texts.map((value) => ({ value })));
      const sheet = await h.bridge.writeSheet({ name: 'Plan', rows: [['Reason'], ['-5 points: cut']] });
      expect(sheet.ok).toBe(true);
      expect(await h.cell('Plan', 'A2')).toEqual({ value: '-5 points: cut' });
    });

    it('creates an owned sheet, rewrites it whole, and keeps what the user typed there', async () => {
      const h = await make();
      const rows = [['ID', 'Status'], ['B-1', 'Planned'], ['B-2', 'Cut']];
      expect((await h.bridge.writeSheet({ name: 'Plan', rows })).ok).toBe(true);
      expect((await h.cell('Plan', 'B3')).value).toBe('Cut');
      expect((await h.bridge.writeSheet({ name: 'Plan', rows: rows.slice(0, 2) })).ok).toBe(true);
      expect((await h.cell('Plan', 'B3')).value).toBe('');
      await h.type('Plan', 'D1', 'reviewed by CMO');
      const wide = [['ID', 'Status', 'Reason', 'Team']];
      const refused = await h.bridge.writeSheet({ name: 'Plan', rows: wide });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.refused.map((c) => c.replace(/'/g, ''))).toEqual(['Plan!D1']);
      expect((await h.cell('Plan', 'B2')).value).toBe('Planned');
      expect((await h.bridge.writeSheet({ name: 'Plan', rows: [['ID']] })).ok).toBe(true);
      expect((await h.cell('Plan', 'D1')).value).toBe('reviewed by CMO');
    });

    it('refuses to write a sheet over a sheet of the user that holds data', async () => {
      const h = await make();
      const result = await h.bridge.writeSheet({ name: 'Teams', rows: [['Team', 'Load']] });
      expect(result.ok).toBe(false);
      expect((await h.cell('Teams', 'B1')).value).toBe('Capacity');
    });

    it('writes formulas on an owned sheet that reference a table on another sheet', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      const formula = { fn: 'CD3', args: [{ kind: 'columns' as const, headers: ['Reach'], table: t.id }, { kind: 'number' as const, value: 2 }] };
      expect((await h.bridge.writeSheet({ name: 'Summary', rows: [['CD3'], [{ formula, value: 600 }]] })).ok).toBe(true);
      expect(bare((await h.cell('Summary', 'A2')).formula)).toMatch(/CD3\((Backlog!C2:C4|.*\[Reach\]),2\)$/);
    });

    it('inserts a template and never inserts over sheets that hold data', async () => {
      const h = await make();
      const template = { name: 'the test template', sheets: [{ name: 'Outcomes', rows: [['Outcome', 'Weight'], ['Pipeline', 2]] }] };
      expect((await h.bridge.insertTemplate(template)).ok).toBe(true);
      expect((await h.cell('Outcomes', 'B2')).value).toBe(2);
      await h.type('Outcomes', 'B2', 3);
      const again = await h.bridge.insertTemplate(template);
      expect(again.ok).toBe(false);
      expect((await h.cell('Outcomes', 'B2')).value).toBe(3);
      const clash = await h.bridge.insertTemplate({ name: 'x', sheets: [{ name: 'New', rows: [['A', 'B'], [1, 2]] }, { name: 'Teams', rows: [['B', 'C'], [1, 2]] }] });
      expect(clash.ok).toBe(false);
      expect((await h.bridge.listTables()).some((x) => x.sheet === 'New')).toBe(false);
    });

    it('a column the user typed over entirely is theirs: the next write goes beside it', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      expect((await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }])).ok).toBe(true);
      for (const [a1, v] of [['G1', 'Budget'], ['G2', 1000], ['G3', 1000], ['G4', 1000]] as const) await h.type('Backlog', a1, v);
      const again = await h.bridge.writeColumns((await backlog(h.bridge)).id, [{ header: 'Budget', values: [0, 0, 0] }]);
      if (again.ok) expect(again.address.replace(/\$/g, '')).not.toMatch(/^G/);
      expect((await cells(h, 'Backlog', ['G1', 'G2', 'G3', 'G4'])).map((c) => c.value)).toEqual(['Budget', 1000, 1000, 1000]);
    });

    it('writing beside one table never removes the column written beside another table below it', async () => {
      const h = await makeBridge(TWO_TABLES_FIXTURE);
      const tables = (await h.bridge.listTables()).filter((x) => x.sheet === 'Backlog');
      expect(tables.map((x) => bare(x.address))).toEqual(['A1:F3', 'A5:F8']);
      const [upper, lower] = tables as [TableRef, TableRef];
      expect((await h.bridge.writeColumns(lower.id, [{ header: 'Score', values: [10, 20, 30] }])).ok).toBe(true);
      expect((await h.bridge.writeColumns(upper.id, [{ header: 'Score', values: [100, 200] }])).ok).toBe(true);
      expect((await cells(h, 'Backlog', ['G1', 'G2', 'G3', 'G4'])).map((c) => c.value)).toEqual(['Score', 100, 200, '']);
      expect((await cells(h, 'Backlog', ['G5', 'G6', 'G7', 'G8'])).map((c) => c.value)).toEqual(['Score', 10, 20, 30]);
      // The lower table's column is still the add-in's: it is rewritten in place, not refused.
      const lowerNow = (await h.bridge.listTables()).find((x) => bare(x.address).startsWith('A5'))!;
      expect((await h.bridge.readTable(lowerNow.id)).ownedColumns).toEqual(['Score']);
      expect((await h.bridge.writeColumns(lowerNow.id, [{ header: 'Score', values: [11, 21, 31] }])).ok).toBe(true);
      expect((await cells(h, 'Backlog', ['G2', 'G6', 'G8'])).map((c) => c.value)).toEqual([100, 11, 31]);
    });

    it('writing the Plan sheet removes only what the last Plan write wrote, not a column beside a table there', async () => {
      const h = await makeBridge(USER_PLAN_FIXTURE);
      const mine = (await h.bridge.listTables()).find((x) => x.sheet === 'Plan');
      expect(mine, 'the user table on Plan is listed').toBeDefined();
      expect((await h.bridge.writeColumns(mine!.id, [{ header: 'Score', values: [20, 30] }])).ok).toBe(true);
      const plan = [['ID', 'Status'], ['B-1', 'Planned'], ['B-2', 'Cut']];
      expect((await h.bridge.writeSheet({ name: 'Plan', rows: plan })).ok).toBe(true);
      expect((await cells(h, 'Plan', ['M1', 'M2', 'M3'])).map((c) => c.value)).toEqual(['Score', 20, 30]);
      expect((await h.bridge.writeSheet({ name: 'Plan', rows: plan.slice(0, 2) })).ok).toBe(true);
      expect((await cells(h, 'Plan', ['B3', 'M1', 'M2', 'M3', 'J2'])).map((c) => c.value)).toEqual(['', 'Score', 20, 30, 'Offsite']);
    });

    it('refuses a sheet computed from a table that changed since it was read, and offers to recompute', async () => {
      const h = await make();
      const teams = (await h.bridge.listTables()).find((x) => x.sheet === 'Teams')!;
      const read = await h.bridge.readTable(teams.id);
      await h.type('Teams', 'B2', 2);
      const rows = [['Team', 'Planned'], ['Content', 20]];
      const result = await h.bridge.writeSheet({ name: 'Plan', rows }, { sources: [{ tableId: teams.id, version: read.version }] });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.stale).toBe(true);
      expect(result.refused).toEqual([]);
      expect(result.reason).toBe(staleReason([teams.name]));
      expect((await h.cell('Plan', 'A1')).value).toBe('');
      const fresh = await h.bridge.readTable(teams.id);
      expect((await h.bridge.writeSheet({ name: 'Plan', rows }, { sources: [{ tableId: teams.id, version: fresh.version }] })).ok).toBe(true);
      expect((await h.cell('Plan', 'A1')).value).toBe('Team');
    });

    it('refuses columns computed from another table that changed since it was read', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      const teams = (await h.bridge.listTables()).find((x) => x.sheet === 'Teams')!;
      const read = await h.bridge.readTable(teams.id);
      const own = await h.bridge.readTable(t.id);
      await h.type('Teams', 'B3', 1);
      const result = await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }], { basedOn: own.version, sources: [{ tableId: teams.id, version: read.version }] });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.stale).toBe(true);
      expect((await h.cell('Backlog', 'G1')).value).toBe('');
    });

    it('writes text that looks like a number, a boolean or an error as that text (the Plan sheet)', async () => {
      const h = await make();
      const rows = [['ID', 'Item'], ...TYPED_TEXT.map((x) => [x, x])];
      expect((await h.bridge.writeSheet({ name: 'Plan', rows })).ok).toBe(true);
      const back = await cells(h, 'Plan', TYPED_TEXT.map((_, i) => `A${i + 2}`));
      expect(back).toEqual(TYPED_TEXT.map((value) => ({ value })));
    });

    it('writes text with a formula behind leading whitespace, control characters or full-width signs as text', async () => {
      const h = await make();
      const rows = [['Item'], ...HIDDEN_FORMULAS.map((x) => [x])];
      expect((await h.bridge.writeSheet({ name: 'Plan', rows })).ok).toBe(true);
      expect(await cells(h, 'Plan', HIDDEN_FORMULAS.map((_, i) => `A${i + 2}`))).toEqual(HIDDEN_FORMULAS.map((value) => ({ value })));
      const t = await backlog(h.bridge);
      expect((await h.bridge.writeColumns(t.id, [{ header: 'Note', values: HIDDEN_FORMULAS.slice(0, 3) }])).ok).toBe(true);
      expect(await cells(h, 'Backlog', ['G2', 'G3', 'G4'])).toEqual(HIDDEN_FORMULAS.slice(0, 3).map((value) => ({ value })));
    });

    it('refuses a column named after an input of its own formula, after a column it did not write, or twice', async () => {
      const h = await make();
      const t = await backlog(h.bridge);
      const own = await h.bridge.writeColumns(t.id, [{ ...RICE_SCORE, header: 'effort ' }]);
      expect(own.ok).toBe(false);
      if (!own.ok) expect(own.reason).toMatch(/"effort " would be an input of its own formula/);
      const theirs = await h.bridge.writeColumns(t.id, [{ header: 'Item', values: [1, 2, 3] }]);
      expect(theirs.ok).toBe(false);
      if (!theirs.ok) expect(theirs.reason).toMatch(/already has a column named "Item" that the add-in did not write/);
      const twice = await h.bridge.writeColumns(t.id, [{ header: 'Score', values: [1, 2, 3] }, { header: 'SCORE', values: [1, 2, 3] }]);
      expect(twice.ok).toBe(false);
      expect((await cells(h, 'Backlog', ['G1', 'G2', 'H1'])).map((c) => c.value)).toEqual(['', '', '']);
      expect((await h.bridge.readTable(t.id)).headers).toEqual(['ID', 'Item', 'Reach', 'Impact', 'Confidence', 'Effort']);
    });
  });
}
