// The custom functions as Sheets shows and runs them (dist/gsheets/functions.js on the fake). Sheets' formula
// help shows the description and each @param's text only (JSDoc in Apps Script, "Supported tags and UI
// limitations", https://developers.google.com/apps-script/concepts/jsdoc#supported_tags_and_ui_limitations):
// "The description provided in the @return tag is not displayed in the Sheets formula helper", and for
// optional parameters "All parameters will appear as required in the formula helper". A single-cell error is
// thrown so the cell is a real error that IFERROR sees; a spilled column keeps the "#VALUE! …" text form.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/catalog';
import { GSHEETS, loadAddon } from './harness';

const SRC = readFileSync(join(GSHEETS, 'functions.js'), 'utf8');
const jsdoc = (name: string) => SRC.split('/**').find((block) => block.includes(`*/\nfunction AGILE_${name}(`))!.split('*/')[0]!;

describe('the formula help Sheets shows', () => {
  it.each(CATALOG.map((s) => [s.name, s] as const))('AGILE_%s says what it returns in its description', (_, spec) => {
    const description = jsdoc(spec.name).split('\n')[1]!;
    expect(description).toContain(`Returns: ${spec.returns.replace(/\s+/g, ' ').trim()}`);
  });

  const optional = CATALOG.flatMap((s) => s.params.filter((p) => p.optional).map((p) => [`${s.name}(${p.name})`, s.name, p] as const));
  it('covers every optional parameter of the catalog', () => expect(optional.length).toBeGreaterThan(15));
  it.each(optional)('%s says "Optional" and what leaving it out means, in its own help', (_, fn, p) => {
    expect(p.omitted, 'ParamSpec.omitted').toBeTruthy();
    const line = jsdoc(fn).split('\n').find((l) => l.includes(`} ${p.name} `))!;
    expect(line).toContain(`@param {${p.shape === 'range' ? 'any[][]' : 'any'}} ${p.name} Optional; if omitted: ${p.omitted}.`);
  });

  it('required parameters do not say optional', () => {
    for (const s of CATALOG) for (const p of s.params.filter((x) => !x.optional)) expect(jsdoc(s.name)).not.toMatch(new RegExp(`} ${p.name} Optional`));
  });
});

describe('errors as Sheets shows them', () => {
  const addon = loadAddon();
  const call = (name: string, ...args: unknown[]) => {
    addon.ss.inCustomFunction = true;
    try {
      return addon.call(name, ...args);
    } finally {
      addon.ss.inCustomFunction = false;
    }
  };

  it('a single-cell result that is an error is thrown with its message (the cell shows #ERROR!, IFERROR sees it)', () => {
    expect(() => call('AGILE_SCORECARD_SCORE', [[1.1], ['lots']], [[1], [1]])).toThrow(/attainments "lots" is not a number/);
    let thrown: unknown;
    try {
      call('AGILE_SCORECARD_SCORE', [[1.1], ['lots']], [[1], [1]]);
    } catch (e) {
      thrown = e;
    }
    // A plain Error whose message is the sentence itself, not "#VALUE! …" text pretending to be a value.
    expect((thrown as Error).message).not.toMatch(/^#/);
  });

  it('inside a spilled column an error cell stays "#VALUE! …" text, and the other rows compute', () => {
    expect(call('AGILE_RICE', [[100], [100]], [[1], [1]], [[1], [1]], [[1], [0]])).toEqual([[100], [expect.stringMatching(/^#VALUE! effort/)]]);
  });

  it('IFERROR in the sheet sees the thrown error: the fake computes the cell as #ERROR!', () => {
    const sh = addon.ss.insertSheet('KPIs');
    sh.getRange('A1:B2').setValues([[1.1, 1], ['lots', 1]]);
    sh.getRange('D1').setValue('=AGILE_SCORECARD_SCORE(A1:A2, B1:B2)');
    expect(sh.getRange('D1').getValue()).toBe('#ERROR!');
  });
});
