// What every view of the sidebar shares: the bridge, the status line, the options the host passed, and
// the table list (read fresh whenever a view opens, because a write or the user may have changed it).
import type { Bridge, TableRef, WriteResult } from '../protocol/bridge';
import type { Status } from './ui/status';

export interface SidebarOptions {
  /** Where the optimal planner's worker script is; default: planner-worker.js beside the sidebar script. */
  readonly workerUrl?: string;
  /** Where highs.wasm is; default: beside the worker script. */
  readonly wasmUrl?: string;
  /** For hosts that cannot load a worker from a URL (Sheets serves one HTML file): build it another way. */
  readonly createWorker?: () => Worker;
  /** The view to open first. */
  readonly initialView?: ViewId;
}

export type ViewId = 'prioritize' | 'plan' | 'scorecard' | 'share' | 'decide' | 'insert';

export interface AppContext {
  readonly bridge: Bridge;
  readonly status: Status;
  readonly options: SidebarOptions;
  listTables(): Promise<TableRef[]>;
  /**
   * Shows a write's outcome; a refusal lists the cells that stopped it, and a stale refusal (a table the
   * values came from changed since it was read) offers a Recompute button that runs `recompute`. Returns
   * whether it was written.
   */
  reportWrite(result: WriteResult, recompute?: () => void): boolean;
}

export interface View {
  readonly id: ViewId;
  readonly label: string;
  readonly el: HTMLElement;
  /** Called each time the view is shown. */
  activate(): Promise<void>;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
