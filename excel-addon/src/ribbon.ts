// The ribbon's view buttons (manifest: ExecuteFunction actions, <Enabled>false</Enabled>) and the code that runs
// them in the shared runtime. Office ignores showAsTaskpane for Marketplace installs, so a view button cannot
// open the pane: only "Open Agile Playbook" (a ShowTaskpane action) can. A view button is therefore useful
// only while the pane is shown, and is enabled exactly then.
import type { ViewId } from '../../sidebar/context';

/** Ids as the manifest spells them: requestUpdate names a control by its tab, group and own id. */
export const RIBBON_TAB = 'AgilePlaybook.Tab';
export const RIBBON_GROUP = 'AgilePlaybook.Group';

export const VIEW_BUTTONS: readonly { control: string; action: string; view: ViewId }[] = [
  { control: 'AgilePlaybook.Prioritize', action: 'AgilePlaybook.show.prioritize', view: 'prioritize' },
  { control: 'AgilePlaybook.Plan', action: 'AgilePlaybook.show.plan', view: 'plan' },
  { control: 'AgilePlaybook.Scorecard', action: 'AgilePlaybook.show.scorecard', view: 'scorecard' },
  { control: 'AgilePlaybook.Insert', action: 'AgilePlaybook.show.insert', view: 'insert' },
  { control: 'AgilePlaybook.Share', action: 'AgilePlaybook.show.share', view: 'share' },
];

/** The part of Office.js this module touches, so a test can hand it a fake. */
export interface RibbonOffice {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
  actions: { associate(actionId: string, fn: (event?: { completed(): void }) => void): void };
  ribbon: { requestUpdate(input: { tabs: { id: string; groups: { id: string; controls: { id: string; enabled: boolean }[] }[] }[] }): Promise<void> };
  addin: { onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void): Promise<unknown> };
}

/**
 * Associates each view button's action with switching the pane to its view, and keeps the buttons enabled
 * while the pane is shown. Without RibbonApi 1.1 Office keeps every command enabled (its enable/disable API
 * is then not to be called), so the buttons still switch the view; "Open Agile Playbook" opens the pane.
 */
export async function wireRibbon(office: RibbonOffice, show: (view: ViewId) => Promise<void>): Promise<void> {
  const canToggle = office.context.requirements.isSetSupported('RibbonApi', '1.1');
  let intended = false;
  const setEnabled = async (enabled: boolean) => {
    intended = enabled;
    if (!canToggle) return;
    const controls = VIEW_BUTTONS.map((b) => ({ id: b.control, enabled }));
    // HostRestartNeeded after an upgrade, or a ribbon that does not repaint: the buttons keep their state,
    // the view still switches, and the next visibility change tries again.
    await office.ribbon.requestUpdate({ tabs: [{ id: RIBBON_TAB, groups: [{ id: RIBBON_GROUP, controls }] }] }).catch(() => undefined);
  };
  for (const b of VIEW_BUTTONS) {
    office.actions.associate(b.action, (event) => {
      // A click while the pane is known hidden means the ribbon missed an update: switch anyway (the pane
      // opens on that view next time) and ask again for the state it should have.
      if (!intended) void setEnabled(false);
      void show(b.view).finally(() => event?.completed());
    });
  }
  await office.addin.onVisibilityModeChanged((m) => void setEnabled(m.visibilityMode === 'Taskpane'));
  // Microsoft documents no event for the pane's first showing. This code runs when the runtime starts, which
  // is mostly the pane being opened; if a custom function started it instead, an enabled button only switches
  // the hidden pane's view, which the worse case of leaving them disabled under an open pane is not.
  await setEnabled(true);
}
