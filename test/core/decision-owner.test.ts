import { describe, expect, it } from 'vitest';
import { CallError, CellError } from '../../core/cells';
import { DECISION_OWNER } from '../../core/guardrails/decision-owner';

const col = (...xs: unknown[]) => xs.map((x) => [x]);
const owner = (...args: unknown[]) => DECISION_OWNER.impl(...args) as unknown[][];
const message = (v: unknown) => (v as CellError).message;

const GUARDRAILS = [
  ['Decision type', 'Max budget', 'Max risk', 'Owner'],
  ['Campaign', 10000, 'Medium', 'Marketing lead'],
  ['Campaign', 50000, 'High', 'CMO'],
  ['pricing', '', '', 'CFO'],
  ['', '', '', ''],
  ['*', 5000, 'Low', 'Team'],
  ['*', '', '', 'CEO'],
];

describe('DECISION_OWNER', () => {
  it('gives the owner of the first rule that fits, top to bottom', () => {
    const out = owner(
      col('Campaign', 'campaign ', 'Campaign', 'Pricing', 'Event', 'Event', 'Campaign'),
      col(8000, 10000, 20000, 1e9, 4000, 6000, 60000),
      col('Low', 'medium', 'High', 'High', 'low', 'Low', 'Low'),
      GUARDRAILS,
    );
    expect(out.map((r) => r[0])).toEqual(['Marketing lead', 'Marketing lead', 'CMO', 'CFO', 'Team', 'CEO', 'CEO']);
  });

  it('reads risk as 1 < 2 < 3 too, in the decisions and in the table', () => {
    const table = [
      ['Owner', 'Max risk', 'Decision type', 'Max budget', 'Notes'],
      ['Team', 1, '', 1000, 'ignored'],
      ['Lead', '2', '*', '', ''],
      ['Director', '', '*', '', ''],
    ];
    expect(owner(col('Any', 'Any', 'Any', 'Any'), col(500, 500, 500, 2000), col(1, '2', 3, 'LOW'), table)).toEqual([
      ['Team'],
      ['Lead'],
      ['Director'],
      ['Lead'],
    ]);
  });

  it('gives #N/A asking for a catch-all rule when nothing fits', () => {
    const table = GUARDRAILS.slice(0, 4);
    const [[e]] = owner([['Event']], [[100]], [['Low']], table);
    expect(e).toBeInstanceOf(CellError);
    expect((e as CellError).code).toBe('#N/A');
    expect(message(e)).toBe(
      'no guardrail rule fits "Event" with budget 100 and risk Low: add a catch-all rule as the last row of guardrails, with Decision type * and blank Max budget and Max risk',
    );
  });

  it('keeps blank rows blank and names the missing input in a partly blank row', () => {
    const out = owner(col('Campaign', '', '', 'Campaign', 'Campaign'), col(100, '', 100, null, 100), col('Low', '', 'Low', 'Low', ''), GUARDRAILS);
    expect(out[0]).toEqual(['Marketing lead']);
    expect(out[1]).toEqual(['']);
    expect(message(out[2]![0])).toMatch(/^decision_type is blank in this row/);
    expect(message(out[3]![0])).toMatch(/^budget is blank in this row/);
    expect(message(out[4]![0])).toMatch(/^risk is blank in this row/);
  });

  it('makes bad decision inputs row errors', () => {
    const out = owner(
      col('Campaign', 'Campaign', 'Campaign', true, { code: '#VALUE!', message: 'x' }, 'Campaign', 'Campaign'),
      col(100, 'lots', -5, 100, 100, NaN, '#N/A'),
      col('constructor', 'Low', 'Low', 'Low', 'Low', 'Low', 'Low'),
      GUARDRAILS,
    );
    const msgs = out.map((r) => message(r[0]));
    expect(msgs[0]).toBe('risk "constructor" is not a risk level: use Low, Medium or High (or 1, 2, 3)');
    expect(msgs[1]).toMatch(/^budget "lots" is not a number/);
    expect(msgs[2]).toBe('budget must be 0 or more (got -5)');
    expect(msgs[3]).toMatch(/^decision_type is TRUE, not a name/);
    expect(msgs[4]).toBe('decision_type is an error (#VALUE!): fix the cell it comes from');
    expect(msgs[5]).toBe('budget is NaN: enter a finite number');
    expect(msgs[6]).toBe('budget is an error (#N/A): fix the cell it comes from');
  });

  it('repeats single cells and accepts Sheets bare values', () => {
    expect(owner('Campaign', 20000, 'High', GUARDRAILS)).toEqual([['CMO']]);
    expect(owner(col('Campaign', 'Pricing'), 100, 'Low', GUARDRAILS)).toEqual([['Marketing lead'], ['CFO']]);
  });

  it('fails the whole call on a bad guardrails table or mismatched ranges', () => {
    const noOwner = GUARDRAILS.map((r) => r.slice(0, 3));
    expect(() => owner([['A']], [[1]], [['Low']], noOwner)).toThrow(
      'guardrails has no "Owner" column: add a header named "Owner" to its first row',
    );
    const noRisk = GUARDRAILS.map((r) => [r[0], r[1], r[3]]);
    expect(() => owner([['A']], [[1]], [['Low']], noRisk)).toThrow(/no "Max risk" column/);
    const badRisk = [GUARDRAILS[0]!, ['*', '', 'Extreme', 'CEO']];
    expect(() => owner([['A']], [[1]], [['Low']], badRisk)).toThrow(
      'guardrails row 2 (the header is row 1): Max risk "Extreme" is not a risk level: use Low, Medium or High (or 1, 2, 3)',
    );
    expect(() => owner([['A']], [[1]], [['Low']], [GUARDRAILS[0]!, ['*', '', '', '']])).toThrow(/row 2 .*Owner is blank/);
    expect(() => owner([['A']], [[1]], [['Low']], [GUARDRAILS[0]!, ['*', -1, '', 'CEO']])).toThrow(/Max budget must be 0 or more/);
    expect(() => owner([['A']], [[1]], [['Low']], [GUARDRAILS[0]!, ['*', '#N/A', '', 'CEO']])).toThrow(CallError);
    expect(() => owner([['A']], [[1]], [['Low']], [GUARDRAILS[0]!])).toThrow(/has no rules below its header row/);
    expect(() => owner(col('A', 'B'), col(1, 2, 3), [['Low']], GUARDRAILS)).toThrow('decision_type has 2 rows but budget has 3');
  });
});
