// The optimal planner's Web Worker: HiGHS blocks the thread it solves on, so it runs here and the sidebar
// stays responsive; cancelling terminates this worker. highs.wasm is fetched from the URL the sidebar
// passes (hosts serve it from different places), and the loaded solver is kept for the next plan.
import highsLoader from 'highs';
import { type CapacityTables, type HighsInstance, InfeasiblePlanError, capacityGains, compareScenarios, planCapacity } from '../../core/capacity';
import { CallError } from '../../core/cells';
import type { WorkerReply, WorkerRequest } from './protocol';

let highs: Promise<HighsInstance> | undefined;

const scope = self as unknown as { postMessage(m: WorkerReply): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null };

scope.onmessage = async (e) => {
  const { id, tables, timeLimitSeconds, gap, wasmUrl, task } = e.data;
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
    const t = tables as CapacityTables;
    const onProgress = (done: number, total: number) => scope.postMessage({ id, kind: 'progress', done, total });
    const opts = { method: 'optimal' as const, timeLimitSeconds, gap, loadHighs, onProgress };
    if (task?.kind === 'scenarios') scope.postMessage({ id, kind: 'scenarios', results: await compareScenarios(t, task.scenarios, opts) });
    else if (task?.kind === 'gains') scope.postMessage({ id, kind: 'gains', gains: await capacityGains(t, { ...opts, step: task.step }) });
    else scope.postMessage({ id, kind: 'done', plan: await planCapacity(t, opts) });
  } catch (err) {
    const expected = err instanceof CallError || err instanceof InfeasiblePlanError;
    const message = err instanceof Error ? err.message : String(err);
    scope.postMessage({ id, kind: 'failed', message: expected ? message : `The optimal planner failed: ${message}` });
  }
};
