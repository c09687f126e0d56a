// Office.addin as the fake sees it. Every rule here is pinned by a test in test/excel/office-mock.test.ts
// that quotes its source.

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
