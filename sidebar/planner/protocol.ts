// Messages between the sidebar and the optimal planner's worker: plain data, structured-cloned.
import type { CapacityPlan } from '../../core/capacity';
import type { Scalar } from '../../protocol/bridge';

export interface WorkerRequest {
  readonly id: number;
  readonly tables: { backlog: Scalar[][]; teams: Scalar[][]; mix?: Scalar[][] };
  readonly timeLimitSeconds: number;
  readonly gap: number;
  readonly wasmUrl: string;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: 'stage'; readonly stage: 'loading' | 'solving' }
  | { readonly id: number; readonly kind: 'done'; readonly plan: CapacityPlan }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
