// The optimal planner in the Sheets sidebar. The sidebar is a browser page, so HiGHS runs there in the same
// Web Worker as in the Excel pane and the playground, with the same progress, time limit, gap and Cancel. Only
// the files arrive differently: HtmlService serves one page, so the worker's script is inlined in it (a
// text/plain script element) and highs.wasm (3.4 MB) is fetched from the add-on's server in parts, once, when
// the first optimal plan is asked for. This object stands in for the Worker the sidebar's planner client
// expects (postMessage, message and error listeners, terminate).
import type { WorkerReply, WorkerRequest } from '../../sidebar/planner/protocol';
import { type ScriptRun, callServer } from './script-run-bridge';

type Listener = (e: MessageEvent<WorkerReply> | ErrorEvent) => void;

/** highs.wasm as a blob: URL the worker can load, fetched from the server's parts in parallel. */
export async function fetchWasm(run: ScriptRun): Promise<string> {
  const first = await callServer(run, 'apPlannerWasm', 0);
  const rest = await Promise.all(Array.from({ length: first.parts - 1 }, (_, i) => callServer(run, 'apPlannerWasm', i + 1)));
  const binary = atob([first, ...rest].map((p) => p.text).join(''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }));
}

let wasm: Promise<string> | undefined;

export function createSheetsPlannerWorker(run: ScriptRun, workerSource: string): Worker {
  const listeners = new Map<string, Set<Listener>>();
  const emit = (type: string, e: MessageEvent<WorkerReply> | ErrorEvent) => listeners.get(type)?.forEach((f) => f(e));
  let real: Worker | undefined;
  let terminated = false;
  const start = (): Worker => {
    if (!real) {
      real = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
      real.addEventListener('message', (e) => emit('message', e as MessageEvent<WorkerReply>));
      real.addEventListener('error', (e) => emit('error', e));
    }
    return real;
  };
  const stand: Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener' | 'removeEventListener'> = {
    postMessage(request: WorkerRequest) {
      const reply = (m: WorkerReply) => emit('message', new MessageEvent('message', { data: m }));
      if (!wasm) reply({ id: request.id, kind: 'stage', stage: 'loading' });
      wasm ??= fetchWasm(run).catch((e: unknown) => {
        wasm = undefined;
        throw e;
      });
      wasm.then(
        (wasmUrl) => {
          if (!terminated) start().postMessage({ ...request, wasmUrl });
        },
        (e: unknown) => reply({ id: request.id, kind: 'failed', message: `The optimal planner could not load: ${e instanceof Error ? e.message : String(e)}` }),
      );
    },
    terminate() {
      terminated = true;
      real?.terminate();
    },
    addEventListener(type: string, f: EventListenerOrEventListenerObject) {
      (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(f as Listener);
    },
    removeEventListener(type: string, f: EventListenerOrEventListenerObject) {
      listeners.get(type)?.delete(f as Listener);
    },
  };
  return stand as Worker;
}
