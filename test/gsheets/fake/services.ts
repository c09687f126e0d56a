// The Apps Script globals around the fake spreadsheet: SpreadsheetApp (with its Ui and add-on menus),
// LockService, HtmlService, Utilities and ScriptApp.AuthMode. `globalsFor` returns them as one object to
// put into a vm context beside the built dist/gsheets files.
import type { FakeSpreadsheet } from './spreadsheet';

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
}

export function fakeEnvironment(spreadsheet: FakeSpreadsheet, files: Record<string, string> = {}): FakeEnvironment {
  const ui: RecordedUi = { menus: [], sidebars: [], alerts: [] };
  const env: FakeEnvironment = { spreadsheet, ui, authMode: 'FULL', globals: {} };
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

  const lock = {
    tryLock(_ms: number) {
      if (spreadsheet.lockHeld) return false;
      spreadsheet.lockHeld = true;
      return true;
    },
    waitLock(ms: number) {
      if (!lock.tryLock(ms)) throw new Error('Lock timeout: another process was holding the lock for too long.');
    },
    hasLock: () => spreadsheet.lockHeld,
    releaseLock() {
      spreadsheet.lockHeld = false;
    },
  };

  Object.assign(env.globals, {
    SpreadsheetApp: {
      getUi: () => Ui,
      getActiveSpreadsheet: () => (needsAuth('SpreadsheetApp.getActiveSpreadsheet'), spreadsheet),
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
    },
    Utilities: {
      formatDate(d: Date, timeZone: string, pattern: string) {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(d).map((p) => [p.type, p.value]),
        );
        if (pattern !== 'yyyy-MM-dd') throw new Error(`the fake formats only yyyy-MM-dd (asked for ${pattern})`);
        return `${parts.year}-${parts.month}-${parts.day}`;
      },
    },
    ScriptApp: { AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' } },
    console,
  });
  return env;
}
