// The ribbon's view buttons against a fake shared-runtime Office (test/excel/fake/office.ts): enabled while the
// pane is shown, disabled while it is hidden, and a click switches the pane to the button's view. The control
// ids and function names come from the built manifest, so the manifest and ribbon.ts cannot drift apart.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { VIEW_BUTTONS, wireRibbon } from '../../excel-addon/src/ribbon';
import type { ViewId } from '../../sidebar/context';
import { fakeRibbonOffice } from './fake/office';

const MANIFEST = join(import.meta.dirname, '../../dist/excel/manifest.xml');

/** Each Control's id, action type, FunctionName and <Enabled>, read from the manifest text. */
function controls(xml: string) {
  return [...xml.matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)].map(([, id, body]) => ({
    id: id!,
    type: /<Action xsi:type="(\w+)">/.exec(body!)![1],
    functionName: /<FunctionName>([^<]+)<\/FunctionName>/.exec(body!)?.[1],
    enabled: /<Enabled>(\w+)<\/Enabled>/.exec(body!)?.[1] ?? 'true',
  }));
}

/** A stand-in for the mounted sidebar: the view it shows. */
function pane() {
  const p = { view: 'prioritize' as ViewId, show: async (v: ViewId) => void (p.view = v) };
  return p;
}

let buttons: ReturnType<typeof controls>;
beforeAll(() => {
  if (!existsSync(MANIFEST)) throw new Error('dist/excel/manifest.xml is missing: run `npm run build` first');
  buttons = controls(readFileSync(MANIFEST, 'utf8'));
});

describe('the manifest and ribbon.ts agree', () => {
  it('has every view button of ribbon.ts as a disabled-at-start ExecuteFunction, and one ShowTaskpane button first', () => {
    expect(buttons[0]).toMatchObject({ id: 'AgilePlaybook.Open', type: 'ShowTaskpane', enabled: 'true' });
    expect(buttons.slice(1)).toEqual(VIEW_BUTTONS.map((b) => ({ id: b.control, type: 'ExecuteFunction', functionName: b.action, enabled: 'false' })));
  });
});

describe('view buttons follow the pane', () => {
  // "To change the availability of a ribbon or context menu control or item, the manifest of your add-in must
  // first be configured to use a shared runtime." and the default state: "add an Enabled element (with the value
  // false) immediately below (not inside) the Action element" (https://learn.microsoft.com/office/dev/add-ins/design/disable-add-in-commands).
  // "Pass the RibbonUpdaterData object to the Office.ribbon.requestUpdate() method" (same page): the fake applies
  // each control's `enabled` by tab, group and control id.
  // Office.addin.onVisibilityModeChanged "Adds a handler for the onVisibilityModeChanged event", and
  // VisibilityMode is "hidden = 'Hidden'" or "taskpane = 'Taskpane'" (https://learn.microsoft.com/javascript/api/office/office.visibilitymode).
  const start = async () => {
    const fake = fakeRibbonOffice({ ribbonApi: true, startDisabled: buttons.filter((b) => b.enabled === 'false').map((b) => b.id) });
    const p = pane();
    return { fake, p, before: VIEW_BUTTONS.map((b) => fake.isEnabled(b.control)), wired: await wireRibbon(fake.office, p.show) };
  };

  it('starts disabled, is enabled once the pane runs, and a disabled button does nothing', async () => {
    const fake = fakeRibbonOffice({ ribbonApi: true, startDisabled: VIEW_BUTTONS.map((b) => b.control) });
    const p = pane();
    await fake.click('AgilePlaybook.Plan', 'AgilePlaybook.show.plan');
    expect(p.view).toBe('prioritize');
    expect(VIEW_BUTTONS.map((b) => fake.isEnabled(b.control))).toEqual([false, false, false, false, false]);
    await wireRibbon(fake.office, p.show);
    expect(VIEW_BUTTONS.map((b) => fake.isEnabled(b.control))).toEqual([true, true, true, true, true]);
  });

  it('pane shown: enabled, and Plan switches the pane to the Plan view; pane hidden: disabled', async () => {
    const { fake, p, before } = await start();
    expect(before.every((e) => !e)).toBe(true);
    fake.setPane('Hidden');
    expect(VIEW_BUTTONS.some((b) => fake.isEnabled(b.control))).toBe(false);
    fake.setPane('Taskpane');
    expect(VIEW_BUTTONS.every((b) => fake.isEnabled(b.control))).toBe(true);
    await fake.click('AgilePlaybook.Plan', 'AgilePlaybook.show.plan');
    expect(p.view).toBe('plan');
    await fake.click('AgilePlaybook.Share', 'AgilePlaybook.show.share');
    expect(p.view).toBe('share');
    fake.setPane('Hidden');
    expect(VIEW_BUTTONS.some((b) => fake.isEnabled(b.control))).toBe(false);
    await fake.click('AgilePlaybook.Scorecard', 'AgilePlaybook.show.scorecard');
    expect(p.view).toBe('share');
    // Every update names the manifest's tab and group.
    const last = fake.updates.at(-1) as { tabs: { id: string; groups: { id: string }[] }[] };
    expect(last.tabs[0]!.id).toBe('AgilePlaybook.Tab');
    expect(last.tabs[0]!.groups[0]!.id).toBe('AgilePlaybook.Group');
  });

  it('every view button switches to its own view and completes its event', async () => {
    const { fake, p } = await start();
    for (const b of VIEW_BUTTONS) {
      await fake.click(b.control, b.action);
      expect(p.view).toBe(b.view);
    }
  });
});

describe('without RibbonApi 1.1', () => {
  // "If the call of isSetSupported returns false, then all custom add-in commands are enabled all of the time."
  // and "If, and only if, that call returns true, your code can call the enable/disable APIs."
  // (https://github.com/OfficeDev/office-js-docs-pr/blob/main/docs/design/disable-add-in-commands.md; the fake's
  // requestUpdate throws when RibbonApi 1.1 is missing, so a call would fail this test.)
  it('never calls requestUpdate, and the always-enabled buttons still switch the view', async () => {
    const fake = fakeRibbonOffice({ ribbonApi: false, startDisabled: VIEW_BUTTONS.map((b) => b.control) });
    const p = pane();
    await wireRibbon(fake.office, p.show);
    fake.setPane('Hidden');
    fake.setPane('Taskpane');
    expect(fake.updates).toEqual([]);
    await fake.click('AgilePlaybook.Insert', 'AgilePlaybook.show.insert');
    expect(p.view).toBe('insert');
  });
});
