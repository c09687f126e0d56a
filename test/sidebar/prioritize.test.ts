// The prioritization wizard's model on the sample backlog: what the user sees in the preview and what is
// written, for every framework. The DOM is exercised in test/browser.
import { describe, expect, it } from 'vitest';
import { CellError } from '../../core/cells';
import { findFunction } from '../../core/catalog';
import { FRAMEWORKS, type FrameworkId, findFramework } from '../../sidebar/prioritize/frameworks';
import { autoLabels, autoMap, defaultCriteria } from '../../sidebar/prioritize/mapping';
import { type Setup, columnWrites, computePreview, setupProblems } from '../../sidebar/prioritize/preview';
import type { TableData } from '../../protocol/bridge';
import { sampleTable } from './fixtures';

function setupFor(table: TableData, id: FrameworkId): Setup {
  const fw = findFramework(id);
  const mapping = autoMap(fw, table.headers);
  return { framework: id, mapping, criteria: defaultCriteria(table), iceMethod: 'multiply', labels: autoLabels(table.headers, fw, mapping), topN: null };
}

const col = (t: TableData, h: string) => t.rows.map((r) => r[t.headers.indexOf(h)] as number);

describe('column mapping', () => {
  it('maps every framework of the sample backlog by header name', async () => {
    const t = await sampleTable('Backlog');
    expect(autoMap(findFramework('RICE'), t.headers)).toEqual({ reach: 'Reach', impact: 'Impact', confidence: 'Confidence', effort: 'Effort' });
    expect(autoMap(findFramework('ICE'), t.headers)).toEqual({ impact: 'Impact', confidence: 'Confidence', ease: 'Ease' });
    expect(autoMap(findFramework('WSJF'), t.headers)).toEqual({ value: 'Business value', time: 'Time criticality', risk: 'Risk reduction', size: 'Effort' });
    expect(autoMap(findFramework('CD3'), t.headers)).toEqual({ cod: 'Cost of delay', duration: 'Effort' });
    expect(autoLabels(t.headers, findFramework('RICE'), {})).toMatchObject({ idHeader: 'ID', labelHeader: 'Item', effortHeader: 'Effort' });
  });

  it('leaves an input unmapped rather than guessing, and says what to choose', () => {
    const fw = findFramework('RICE');
    const mapping = autoMap(fw, ['Key', 'Audience', 'Impact', 'Estimate']);
    expect(mapping).toEqual({ reach: 'Audience', impact: 'Impact', confidence: '', effort: 'Estimate' });
    const setup: Setup = { framework: 'RICE', mapping, criteria: [], iceMethod: 'multiply', labels: { idHeader: '', labelHeader: '', effortHeader: '' }, topN: null };
    expect(setupProblems(setup)).toEqual(['Choose the column for Confidence.']);
  });

  it('starts weighted criteria with the strategic columns, cost-like ones pointing down', async () => {
    const t = await sampleTable('Backlog');
    const used = defaultCriteria(t).filter((c) => c.use);
    expect(used.map((c) => [c.header, c.direction])).toEqual([
      ['Effort', 'lower'],
      ['Strategic fit', 'higher'],
      ['Revenue potential', 'higher'],
      ['Risk', 'lower'],
    ]);
  });
});

describe('the ranked preview', () => {
  it('ranks the sample by RICE, highest first, with unique ranks and rank confidence summing to the top N', async () => {
    const t = await sampleTable('Backlog');
    const p = computePreview(t, setupFor(t, 'RICE'));
    expect(p.problems).toEqual([]);
    const reach = col(t, 'Reach'), impact = col(t, 'Impact'), conf = col(t, 'Confidence'), effort = col(t, 'Effort');
    const rice = t.rows.map((_, i) => (reach[i]! * impact[i]! * conf[i]!) / effort[i]!);
    expect(p.rows[0]!.score).toBe(Math.max(...rice));
    expect(p.rows.map((r) => r.rank)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const scores = p.rows.map((r) => r.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(p.topN).toBe(10);
    const total = p.rows.reduce((s, r) => s + (r.confidence ?? 0), 0);
    expect(total).toBeCloseTo(10, 6);
    expect(p.rows[0]).toMatchObject({ id: 'MKT-117', label: 'Q3 launch: Forecasting module', effort: 8 });
  });

  it('scores every framework of the sample without a row error', async () => {
    const t = await sampleTable('Backlog');
    for (const fw of FRAMEWORKS) {
      const p = computePreview(t, setupFor(t, fw.id));
      expect(p.problems, fw.id).toEqual([]);
      expect(p.scores.every((s) => typeof s === 'number'), fw.id).toBe(true);
      expect(p.rows.every((r) => r.confidence !== null), fw.id).toBe(true);
    }
  });

  it('moves with the weights: heavier Revenue potential lifts the items that have it', async () => {
    const t = await sampleTable('Backlog');
    const base = setupFor(t, 'WEIGHTED');
    const heavy = { ...base, criteria: base.criteria.map((c) => (c.header === 'Revenue potential' ? { ...c, weight: 10 } : c)) };
    const rev = col(t, 'Revenue potential');
    const meanTop = (s: Setup) => computePreview(t, s).rows.slice(0, 10).reduce((a, r) => a + rev[r.row]!, 0) / 10;
    expect(meanTop(heavy)).toBeGreaterThan(meanTop(base));
  });

  it('shows a row error in place, naming the input, and keeps the other rows ranked', async () => {
    const t = await sampleTable('Backlog');
    const rows = t.rows.map((r, i) => (i === 3 ? r.map((v, j) => (t.headers[j] === 'Confidence' ? 80 : v)) : r));
    const p = computePreview({ ...t, rows }, setupFor(t, 'RICE'));
    const bad = p.rows.find((r) => r.row === 3)!;
    expect(bad.score).toBeInstanceOf(CellError);
    expect((bad.score as CellError).message).toMatch(/confidence must be from 0 to 1 \(got 80\)/);
    expect(p.rows.at(-1)!.row).toBe(3);
    expect(p.rows.filter((r) => typeof r.rank === 'number')).toHaveLength(39);
  });
});

describe('what the wizard writes', () => {
  it('writes Score and Rank as catalog formulas with the computed values, or values alone', async () => {
    const t = await sampleTable('Backlog');
    const s = setupFor(t, 'RICE');
    const p = computePreview(t, s);
    const [score, rank] = columnWrites(p, s, 'formulas', { score: 'Score', rank: 'Rank' });
    expect(score!.formula).toEqual({ fn: 'RICE', args: ['Reach', 'Impact', 'Confidence', 'Effort'].map((h) => ({ kind: 'columns', headers: [h] })) });
    expect(rank!.formula).toEqual({ fn: 'PRIORITY_RANK', args: [{ kind: 'columns', headers: ['Score'] }, { kind: 'columns', headers: ['Effort'] }, { kind: 'text', value: 'asc' }] });
    expect(score!.values).toEqual(p.scores);
    const values = columnWrites(p, s, 'values', { score: 'Priority score', rank: 'Priority rank' });
    expect(values.map((w) => [w.header, 'formula' in w])).toEqual([['Priority score', false], ['Priority rank', false]]);
    for (const w of [score!, rank!]) expect(findFunction(w.formula!.fn), w.formula!.fn).toBeDefined();
  });

  it('writes weighted criteria as one criteria argument with weights and directions', async () => {
    const t = await sampleTable('Backlog');
    const s = setupFor(t, 'WEIGHTED');
    const [score] = columnWrites(computePreview(t, s), s, 'formulas', { score: 'Score', rank: 'Rank' });
    expect(score!.formula).toEqual({
      fn: 'WEIGHTED_SCORE',
      args: [
        { kind: 'columns', headers: ['Effort', 'Strategic fit', 'Revenue potential', 'Risk'] },
        { kind: 'array', values: [1, 1, 1, 1] },
        { kind: 'array', values: ['lower', 'higher', 'higher', 'lower'] },
      ],
    });
  });
});
