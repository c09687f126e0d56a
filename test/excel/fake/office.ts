// Office.addin, Office.actions and Office.ribbon as the fake sees them. Every rule here is pinned by a test in
// test/excel/office-mock.test.ts or test/excel/ribbon.test.ts that quotes its source.
import type { RibbonOffice } from '../../../excel-addon/src/ribbon';

export interface FakeAddin {
  visible: boolean;
  showAsTaskpane(): Promise<void>;
  hide(): Promise<void>;
}

/** showAsTaskpane() shows the pane for a sideloaded add-in and is ignored for a Marketplace install. */
export function fakeAddin(install: { marketplace: boolean }): FakeAddin {
  const addin: FakeAddin = {
    visible: false,
    async showAsTaskpane() {
      if (!install.marketplace) addin.visible = true;
    },
    async hide() {
      addin.visible = false;
    },
  };
  return addin;
}

type Handler = (event: { completed(): void }) => void;

/** A shared runtime's Office with a ribbon: controls start as the manifest's <Enabled> says (default true). */
export function fakeRibbonOffice(options: { ribbonApi: boolean; startDisabled: readonly string[] }) {
  const actions = new Map<string, Handler>();
  const listeners: ((m: { visibilityMode: string }) => void)[] = [];
  const enabled = new Map<string, boolean>(options.startDisabled.map((id) => [id, false]));
  const updates: unknown[] = [];
  const office: RibbonOffice = {
    context: { requirements: { isSetSupported: (name, version) => options.ribbonApi && name === 'RibbonApi' && (version ?? '1.1') === '1.1' } },
    actions: { associate: (id, fn) => void actions.set(id, fn) },
    ribbon: {
      async requestUpdate(input) {
        updates.push(structuredClone(input));
        if (!options.ribbonApi) throw new Error('Office.ribbon.requestUpdate is RibbonApi 1.1');
        for (const tab of input.tabs) for (const g of tab.groups) for (const c of g.controls) enabled.set(c.id, c.enabled);
      },
    },
    addin: {
      async onVisibilityModeChanged(handler) {
        listeners.push(handler);
        return async () => void listeners.splice(listeners.indexOf(handler), 1);
      },
    },
  };
  return {
    office,
    updates,
    /** Without RibbonApi 1.1 "all custom add-in commands are enabled all of the time". */
    isEnabled: (control: string) => !options.ribbonApi || (enabled.get(control) ?? true),
    /** The user shows or hides the pane (its close box, or the ShowTaskpane button). */
    setPane(mode: 'Taskpane' | 'Hidden') {
      for (const l of [...listeners]) l({ visibilityMode: mode });
    },
    /** The user clicks an ExecuteFunction button whose FunctionName is `action`; resolves at event.completed(). */
    click(control: string, action: string): Promise<void> {
      if (this.isEnabled(control)) {
        const fn = actions.get(action);
        if (!fn) return Promise.reject(new Error(`no function associated with ${action}`));
        return new Promise((resolve) => fn({ completed: resolve }));
      }
      return Promise.resolve(); // a disabled button does nothing
    },
  };
}
