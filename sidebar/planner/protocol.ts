// Messages between the sidebar and the optimal planner's worker: plain data, structured-cloned.
import type { CapacityGains, CapacityPlan, ScenarioResult } from '../../core/capacity';
import type { Scalar } from '../../protocol/bridge';

/** What the worker is asked to do: one plan (the default), a scenario comparison, or the capacity gains. */
export type WorkerTask =
  | { readonly kind: 'plan' }
  | { readonly kind: 'scenarios'; readonly scenarios: Scalar[][] }
  | { readonly kind: 'gains'; readonly step?: number };

export interface WorkerRequest {
  readonly id: number;
  readonly tables: { backlog: Scalar[][]; teams: Scalar[][]; mix?: Scalar[][] };
  readonly timeLimitSeconds: number;
  readonly gap: number;
  readonly wasmUrl: string;
  /** Absent: one plan, as before scenarios existed. */
  readonly task?: WorkerTask;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: 'stage'; readonly stage: 'loading' | 'solving' }
  | { readonly id: number; readonly kind: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly kind: 'done'; readonly plan: CapacityPlan }
  | { readonly id: number; readonly kind: 'scenarios'; readonly results: ScenarioResult[] }
  | { readonly id: number; readonly kind: 'gains'; readonly gains: CapacityGains }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
