// Running a plan: greedy on the sidebar's own thread (it takes milliseconds), optimal in the worker. The
// worker is kept between plans (HiGHS loads once) and terminated on cancel, which is the only way to stop
// a solve that is running.
import { type CapacityPlan, planCapacity } from '../../core/capacity';
import type { SidebarOptions } from '../context';
import type { WorkerReply, WorkerRequest, WorkerTask } from './protocol';

export type Stage = 'loading' | 'solving';

export interface Job<T> {
  readonly promise: Promise<T>;
  cancel(): void;
}

export type PlanJob = Job<CapacityPlan>;

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('Planning was cancelled.');
  }
}

let worker: Worker | undefined;
let nextId = 1;

function getWorker(options: SidebarOptions): Worker {
  if (!worker) {
    if (options.createWorker) worker = options.createWorker();
    else if (options.workerUrl) worker = new Worker(options.workerUrl);
    else throw new Error('The optimal planner is not available here: the host did not say where its worker is.');
  }
  return worker;
}

export function wasmUrlFor(options: SidebarOptions): string {
  if (options.wasmUrl) return options.wasmUrl;
  if (options.workerUrl) return new URL('highs.wasm', new URL(options.workerUrl, location.href)).href;
  return new URL('highs.wasm', location.href).href;
}

export function planGreedy(tables: WorkerRequest['tables']): Promise<CapacityPlan> {
  return planCapacity(tables, { method: 'greedy' });
}

export function planOptimal(
  tables: WorkerRequest['tables'],
  settings: { timeLimitSeconds: number; gap: number },
  options: SidebarOptions,
  onStage: (stage: Stage) => void,
): PlanJob {
  return runOptimal<CapacityPlan>(tables, settings, { kind: 'plan' }, options, onStage);
}

/**
 * Any optimal task in the worker: one plan, a scenario comparison or the capacity gains. Progress counts
 * the solves done; cancel terminates the worker, the only way to stop HiGHS mid-solve.
 */
export function runOptimal<T>(
  tables: WorkerRequest['tables'],
  settings: { timeLimitSeconds: number; gap: number },
  task: WorkerTask,
  options: SidebarOptions,
  onStage: (stage: Stage) => void,
  onProgress?: (done: number, total: number) => void,
): Job<T> {
  let settle: { resolve(p: T): void; reject(e: Error): void } | undefined;
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  let w: Worker;
  try {
    w = getWorker(options);
  } catch (e) {
    return { promise: Promise.reject(e), cancel() {} };
  }
  const id = nextId++;
  const onMessage = (e: MessageEvent<WorkerReply>) => {
    const m = e.data;
    if (m.id !== id) return;
    if (m.kind === 'stage') return onStage(m.stage);
    if (m.kind === 'progress') return onProgress?.(m.done, m.total);
    w.removeEventListener('message', onMessage);
    if (m.kind === 'failed') settle!.reject(new Error(m.message));
    else settle!.resolve((m.kind === 'done' ? m.plan : m.kind === 'scenarios' ? m.results : m.gains) as T);
  };
  const onError = (e: ErrorEvent) => {
    w.removeEventListener('message', onMessage);
    worker = undefined;
    w.terminate();
    settle!.reject(new Error(`The optimal planner could not start: ${e.message || 'the worker failed to load'}`));
  };
  w.addEventListener('message', onMessage);
  w.addEventListener('error', onError, { once: true });
  const request: WorkerRequest = { id, tables, ...settings, wasmUrl: wasmUrlFor(options), task };
  w.postMessage(request);
  return {
    promise,
    cancel() {
      w.removeEventListener('message', onMessage);
      w.terminate();
      if (worker === w) worker = undefined;
      settle!.reject(new CancelledError());
    },
  };
}
