// The Apps Script globals around the fake spreadsheet: SpreadsheetApp (with its Ui and add-on menus),
// LockService, HtmlService, Utilities and ScriptApp.AuthMode. `globalsFor` returns them as one object to
// put into a vm context beside the built dist/gsheets files.
import type { FakeSpreadsheet } from './spreadsheet';
import { formatDate } from './zone';

export interface MenuItem {
  readonly caption: string;
  /** The top-level function name the item calls; undefined for a separator. */
  readonly fn?: string;
}

export interface RecordedUi {
  /** Add-on menus added with addToUi, in order. */
  readonly menus: MenuItem[][];
  readonly sidebars: FakeHtmlOutput[];
  readonly alerts: string[][];
}

export class FakeHtmlOutput {
  private title = '';
  constructor(private content: string) {}
  getContent = () => this.content;
  setContent(c: string) {
    this.content = c;
    return this;
  }
  append(c: string) {
    this.content += c;
    return this;
  }
  getTitle = () => this.title;
  setTitle(t: string) {
    this.title = t;
    return this;
  }
  setWidth() {
    return this;
  }
  setHeight() {
    return this;
  }
}

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface FakeEnvironment {
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: RecordedUi;
  /** What the script may do: in NONE, only the UI (menus) is available, as for an add-on not yet used here. */
  authMode: AuthMode;
  readonly globals: Record<string, unknown>;
  /** Milliseconds scripts spent waiting in tryLock / waitLock for a lock another execution held. */
  waitedMs: number;
}

export function fakeEnvironment(spreadsheet: FakeSpreadsheet, files: Record<string, string> = {}): FakeEnvironment {
  const ui: RecordedUi = { menus: [], sidebars: [], alerts: [] };
  const env: FakeEnvironment = { spreadsheet, ui, authMode: 'FULL', globals: {}, waitedMs: 0 };
  const needsAuth = (what: string) => {
    if (env.authMode === 'NONE') {
      throw new Error(`You do not have permission to call ${what}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`);
    }
  };

  const Ui = {
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' },
    Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' },
    createAddonMenu() {
      const items: MenuItem[] = [];
      const menu = {
        addItem(caption: string, fn: string) {
          items.push({ caption, fn });
          return menu;
        },
        addSeparator() {
          items.push({ caption: '---' });
          return menu;
        },
        addToUi() {
          ui.menus.push(items);
        },
      };
      return menu;
    },
    showSidebar(html: FakeHtmlOutput) {
      ui.sidebars.push(html);
    },
    alert(...args: unknown[]) {
      ui.alerts.push(args.filter((a) => typeof a === 'string' && !(a in Ui.ButtonSet)).map(String));
      return 'OK';
    },
  };

  // Lock reference, tryLock(Integer): "Attempts to acquire the lock, timing out after the provided number of
  // milliseconds. This method has no effect if the lock has already been acquired." The lock belongs to an
  // execution: the one holding it gets true at once; while another holds it, nothing else runs in the fake, so
  // the wait runs to its timeout and fails. releaseLock "has no effect if the lock has not been acquired".
  const holds = () => spreadsheet.lockHolder === spreadsheet.execution;
  const lock = {
    tryLock(ms: number) {
      if (holds()) return true;
      if (spreadsheet.lockHolder !== undefined) {
        env.waitedMs += ms;
        return false;
      }
      spreadsheet.lockHolder = spreadsheet.execution;
      return true;
    },
    waitLock(ms: number) {
      if (!lock.tryLock(ms)) throw new Error('Lock timeout: another process was holding the lock for too long.');
    },
    hasLock: holds,
    releaseLock() {
      if (holds()) spreadsheet.lockHolder = undefined;
    },
  };

  const open = (what: string, isThis: boolean, which: string) => {
    if (spreadsheet.inCustomFunction) throw new Error(`You do not have permission to call ${what}`);
    needsAuth(what);
    if (!isThis) throw new Error(`The fake holds one spreadsheet: ${what}(${which}) names another.`);
    return spreadsheet;
  };

  Object.assign(env.globals, {
    SpreadsheetApp: {
      getUi: () => {
        if (spreadsheet.inCustomFunction) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        return Ui;
      },
      getActiveSpreadsheet: () => (needsAuth('SpreadsheetApp.getActiveSpreadsheet'), spreadsheet),
      // A custom function "Cannot open other spreadsheets (SpreadsheetApp.openById() or
      // SpreadsheetApp.openByUrl())": refused whichever id it names. Elsewhere the fake opens only itself.
      openById: (id: string) => open('SpreadsheetApp.openById', id === spreadsheet.getId(), id),
      openByUrl: (url: string) => open('SpreadsheetApp.openByUrl', url === spreadsheet.getUrl(), url),
      getActive: () => (needsAuth('SpreadsheetApp.getActive'), spreadsheet),
      flush: () => undefined,
    },
    LockService: {
      getDocumentLock: () => (needsAuth('LockService.getDocumentLock'), lock),
    },
    HtmlService: {
      createHtmlOutputFromFile(name: string) {
        const file = files[`${name}.html`] ?? files[name];
        if (file === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return new FakeHtmlOutput(file);
      },
      createHtmlOutput: (html = '') => new FakeHtmlOutput(html),
      createTemplateFromFile(name: string) {
        const file = files[`${name}.html`] ?? files[name];
        if (file === undefined) throw new Error(`No HTML file named ${name} was found.`);
        return { getRawContent: () => file };
      },
    },
    Utilities: { formatDate },
    ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } },
    console,
  });
  return env;
}
