// The optimal planner's Web Worker: HiGHS blocks the thread it solves on, so it runs here and the sidebar
// stays responsive; cancelling terminates this worker. highs.wasm is fetched from the URL the sidebar
// passes (hosts serve it from different places), and the loaded solver is kept for the next plan.
import highsLoader from 'highs';
import { type CapacityTables, type HighsInstance, InfeasiblePlanError, planCapacity } from '../../core/capacity';
import { CallError } from '../../core/cells';
import type { WorkerReply, WorkerRequest } from './protocol';

let highs: Promise<HighsInstance> | undefined;

const scope = self as unknown as { postMessage(m: WorkerReply): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null };

scope.onmessage = async (e) => {
  const { id, tables, timeLimitSeconds, gap, wasmUrl } = e.data;
  const loadHighs = (): Promise<HighsInstance> => {
    if (!highs) {
      scope.postMessage({ id, kind: 'stage', stage: 'loading' });
      highs = (highsLoader({ locateFile: () => wasmUrl }) as unknown as Promise<HighsInstance>).catch((err: unknown) => {
        highs = undefined;
        throw err;
      });
    }
    return highs.then((h) => {
      scope.postMessage({ id, kind: 'stage', stage: 'solving' });
      return h;
    });
  };
  try {
    const plan = await planCapacity(tables as CapacityTables, { method: 'optimal', timeLimitSeconds, gap, loadHighs });
    scope.postMessage({ id, kind: 'done', plan });
  } catch (err) {
    const expected = err instanceof CallError || err instanceof InfeasiblePlanError;
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ id, kind: 'failed', message: expected ? message : `The optimal planner failed: ${message}` });
  }
};
