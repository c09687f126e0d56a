// FUNCTIONS.md "Tables by header" (issue 12.12): IDs, teams and categories that look the same are the same:
// case, Unicode composition and invisible characters make no difference, and lookups keyed by user text
// are Maps, so "constructor" is only a word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { findFunction } from '../../core/catalog';
import { matchKey } from '../../core/keys';
import { renderOnePager } from '../../core/report/one-pager';
import { statusTone } from '../../core/report/format';
import { sampleReport } from '../report/sample';

const COMPOSED = 'Caf\u00e9';
const DECOMPOSED = 'Cafe\u0301';
const LOOK_ALIKES = [DECOMPOSED, `${COMPOSED}\u200b`, `\u00a0${COMPOSED}\u00a0`, `CA\u200dF\u00c9`, `\ufeff${COMPOSED}`, `Caf\u00e9\u2060`];

describe('matchKey', () => {
  it('makes composed and decomposed, zero-width, no-break and case variants one key', () => {
    for (const v of LOOK_ALIKES) expect(matchKey(v), JSON.stringify(v)).toBe(matchKey(COMPOSED));
  });

  it('keeps different names different and is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => matchKey(matchKey(s)) === matchKey(s) && matchKey(s.toUpperCase()) === matchKey(s) && matchKey(s.normalize('NFD')) === matchKey(s)),
      { numRuns: 500 },
    );
    expect(matchKey('M-1')).not.toBe(matchKey('M-11'));
  });
});

describe('look-alike IDs, teams and categories', () => {
  const teams = [['Team', 'Capacity'], [COMPOSED, 10]];

  it('ALLOCATE flags a composed and a decomposed é as the same ID', () => {
    const out = findFunction('ALLOCATE')!.impl([['ID', 'Score', 'Effort'], [COMPOSED, 5, 1], [DECOMPOSED, 4, 1]], teams) as unknown[][];
    expect(out[1]![0]).toBeInstanceOf(CellError);
    expect((out[1]![0] as CellError).message).toMatch(/is used by backlog rows 2 and 3/);
    expect(out[2]![0]).toBeInstanceOf(CellError);
  });

  it('ALLOCATE flags an ID with a zero-width space as a duplicate', () => {
    const out = findFunction('ALLOCATE')!.impl([['ID', 'Score', 'Effort'], ['M-1', 5, 1], ['M-1\u200b', 4, 1]], teams) as unknown[][];
    expect((out[2]![0] as CellError).message).toMatch(/is used by backlog rows 2 and 3/);
  });

  it('a team typed with a decomposed accent and a no-break space is the team of that name', () => {
    const out = findFunction('ALLOCATE')!.impl([['ID', 'Score', 'Effort', 'Team'], ['A', 5, 1, `${DECOMPOSED}\u00a0`]], teams) as unknown[][];
    expect(out[1]).toEqual(['Planned', '']);
  });

  it('teams that differ only by invisible characters are refused as the same team', () => {
    const call = () => findFunction('ALLOCATE')!.impl([['ID', 'Score', 'Effort', 'Team'], ['A', 1, 1, 'Web']], [['Team', 'Capacity'], ['Web', 1], ['Web\u200b', 2]]);
    expect(call).toThrow(CallError);
    expect(call).toThrow(/Web/);
  });

  it('PRIORITY_STABILITY compares IDs by matchKey', () => {
    expect(findFunction('PRIORITY_STABILITY')!.impl([[COMPOSED], ['B']], [[DECOMPOSED], ['C']], 1)).toBe(1);
  });
});

describe('no plain-object lookups keyed by user text', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('a KPI status of "%s" counts as no data in the one-pager', (status) => {
    expect(statusTone(status)).toBe('idle');
    const report = sampleReport();
    const html = renderOnePager({ ...report, scorecard: report.scorecard.map((k, i) => (i === 0 ? { ...k, status } : k)) });
    expect(html).toMatch(/1 no data/);
  });
});

describe('words and labels compare by the same key', () => {
  it('a direction, an option word and a risk level with invisible characters or a decomposed accent still match', () => {
    expect(findFunction('KPI_ATTAINMENT')!.impl([[90]], [[100]], [['higher\u200b']])).toEqual([[0.9]]);
    expect(findFunction('ICE')!.impl([[2]], [[2]], [[2]], '\u00a0Average\u200b')).toEqual([[2]]);
    expect(findFunction('DECISION_OWNER')!.impl([['Pricing']], [[10]], [['High\u00a0']], [['Decision type', 'Max budget', 'Max risk', 'Owner'], ['Pricing', 100, 'High', 'CMO']])).toEqual([['CMO']]);
  });
});
