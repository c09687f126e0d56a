// Issue 12.8: looksLikeFormula (protocol/bridge.ts, from core/formula-text.ts) treats as a formula what a
// spreadsheet would: = + - @ and their full-width forms, also after leading whitespace and control
// characters. Every write path asks it, so an item named " +HYPERLINK(…)" is written as text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inertText, isInertText } from '../../core/report/escape';
import { looksLikeFormula } from '../../protocol/bridge';
import { HIDDEN_FORMULAS } from '../sidebar/bridge-contract';

const LEADING = [' ', '\t', '\n', '\r', '\u00a0', '\u3000', '\u200b', '\ufeff', '\u0000', '\u0007', '\u0085'];
const STARTS = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20'];

describe('looksLikeFormula', () => {
  it.each(HIDDEN_FORMULAS)('%j reads as a formula', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(isInertText(inertText(text))).toBe(true);
  });

  it('any run of leading whitespace and control characters before = + - @ (or full-width) still reads as a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEADING), { maxLength: 6 }), fc.constantFrom(...STARTS), fc.string(), (lead, start, rest) =>
        looksLikeFormula(lead.join('') + start + rest),
      ),
    );
  });

  it('ordinary text, numbers and text with a sign inside are not formulas', () => {
    for (const v of ['Webinar series', 'e-mail launch', '5 - 3 points', '', '   ', 'Q3 +10%', 42, true, null]) expect(looksLikeFormula(v), JSON.stringify(v)).toBe(false);
  });
});
