// What the risk pool (pool.ts) and its kept threads (worker.ts) say to each other. A thread
// holds the last few plans it was sent, each under a hash of its text: a task names its
// plan by that key and carries the plan itself only when the thread does not hold it yet.
import type { Plan } from '../../shared/plan';
import type { DrawBatch } from '../../shared/uncertainty/draws';

export interface WorkerTask {
  /** Echoed in the reply. */
  readonly id: number;
  readonly planKey: string;
  /** Sent only to a thread that does not hold planKey. */
  readonly plan?: Plan;
  readonly scenarioId: string;
  readonly seed: number;
  readonly fromDraw: number;
  readonly toDraw: number;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly batch: DrawBatch }
  | {
      readonly id: number;
      readonly ok: false;
      readonly kind: 'draw' | 'other';
      readonly drawIndex: number;
      readonly message: string;
      readonly stack?: string;
    };
