// The Share tab's model: the one-pager's input from the workbook's tables (the template's, and a plain
// workbook's where the plan is computed on the fly), and the snapshot rows, where hostile text stays text.
import { describe, expect, it } from 'vitest';
import type { MemoryBridge } from '../../playground/memory-bridge';
import { liveBridge } from './live';
import { quarterlyPlanWorkbook } from '../../playground/template';
import { renderOnePager } from '../../core/report';
import { type ShareTables, findShareTables, setting, shareModel, snapshotSheet, todayIso } from '../../sidebar/share/model';
import { htmlFileName } from '../../sidebar/share/view';
import { sampleBridge } from './fixtures';

async function tablesOf(bridge: MemoryBridge): Promise<ShareTables> {
  const ids = findShareTables(await bridge.listTables());
  const read = async (id?: string) => (id ? bridge.readTable(id) : undefined);
  return { scorecard: (await read(ids.scorecard))!, backlog: await read(ids.backlog), teams: await read(ids.teams), mix: await read(ids.mix), plan: await read(ids.plan), settings: await read(ids.settings) };
}

describe('the one-pager from the quarterly-plan template', () => {
  it('finds the scorecard, backlog, teams, mix and settings, and uses the backlog’s own plan', async () => {
    const bridge = (await liveBridge(quarterlyPlanWorkbook())).bridge;
    const t = await tablesOf(bridge);
    expect([t.scorecard.ref.sheet, t.backlog?.ref.sheet, t.teams?.ref.sheet, t.mix?.ref.sheet, t.plan, t.settings?.ref.sheet]).toEqual(['Scorecard', 'Backlog', 'Teams', 'Mix', undefined, 'Scorecard']);
    expect(setting(t.settings, 'Quarter')).toBe('Q2 2026');
    expect(setting(t.settings, 'Team')).toBe('Growth Marketing · Fieldstone Analytics');
    const m = shareModel(t, { quarter: 'Q2 2026', team: 'Growth Marketing' });
    expect(m.source).toBe('backlog');
    expect(m.input.scorecard).toHaveLength(11);
    expect(m.composite).toBeCloseTo(0.9386, 3);
    expect(m.input.plan?.items.some((p) => p.status === 'Cut')).toBe(true);
    expect(m.input.plan?.teams).toHaveLength(5);
    expect(m.input.ranking?.[0]?.rank).toBe(1);
    const html = renderOnePager(m.input);
    expect(html).toContain('Q2 2026');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the one-pager from a plain workbook', () => {
  it('scores with RICE and plans greedily with ALLOCATE when the workbook has no plan yet', async () => {
    const t = await tablesOf((await sampleBridge()).bridge);
    const m = shareModel(t, { quarter: 'Q3', team: 'Northwind' });
    expect(m.source).toBe('greedy plan');
    expect(m.input.plan?.items.filter((p) => p.status === 'Planned').length).toBeGreaterThan(5);
    expect(m.input.plan?.teams.every((x) => typeof x.load === 'number')).toBe(true);
    expect(m.input.ranking?.length).toBeGreaterThan(10);
  });
});

describe('snapshot rows', () => {
  it('are values only, dated, and keep a KPI named like a formula as text without an apostrophe', async () => {
    const { wb, bridge } = await sampleBridge();
    const sheet = wb.sheet('Scorecard')!;
    sheet.set(1, 0, { value: '=HYPERLINK("http://x","y")' });
    const t = await tablesOf(bridge);
    const m = shareModel(t, { quarter: 'Q3', team: 'Northwind' });
    const { rows } = snapshotSheet(m, { quarter: 'Q3', team: 'Northwind' }, '2026-06-26', 'Scorecard 2026-06-26');
    expect(rows[1]![0]).toMatch(/^Taken on 2026-06-26/);
    const flat = rows.flat();
    expect(flat.every((v) => typeof v === 'number' || typeof v === 'string')).toBe(true);
    expect(flat).toContain('=HYPERLINK("http://x","y")');
    expect(flat).not.toContain('\'=HYPERLINK("http://x","y")');
  });

  it('carry each cell\'s number format into the sheet: attainment in %, a KPI\'s values in its unit', async () => {
    const { wb, bridge } = await sampleBridge();
    const m = shareModel(await tablesOf(bridge), { quarter: 'Q3', team: 'Northwind' });
    const snap = snapshotSheet(m, { quarter: 'Q3', team: 'Northwind' }, '2026-06-26', 'Scorecard 2026-06-26');
    expect((await bridge.writeSheet(snap)).ok).toBe(true);
    const s = wb.sheet('Scorecard 2026-06-26')!;
    const header = snap.rows.findIndex((r) => r[0] === 'KPI');
    const col = (h: string) => snap.rows[header]!.indexOf(h);
    const kpis = snap.rows.slice(header + 1);
    expect(kpis.length).toBeGreaterThan(3);
    kpis.forEach((row, i) => {
      expect(s.get(header + 1 + i, col('Attainment'))?.format).toBe('0%');
      if (row[col('Unit')] === '%') expect(s.get(header + 1 + i, col('Target'))?.format).toBe('0%');
      expect(s.get(header + 1 + i, col('KPI'))?.format).toBeUndefined();
    });
  });

  it('are dated today and the download is named after the quarter', () => {
    expect(todayIso(new Date(2026, 5, 26))).toBe('2026-06-26');
    expect(htmlFileName('Q2 2026')).toBe('scorecard-q2-2026.html');
    expect(htmlFileName('<>')).toBe('scorecard.html');
  });
});
