// Runs a risk analysis's draws on worker threads. The slices, who gets the next one and
// the order they are merged in are shared/uncertainty/schedule.ts's (as for the app's web
// workers); each draw depends only on (seed, draw index), so the numbers are the same for
// any worker count.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../../shared/plan';
import { DrawError, mergeBatches, type DrawBatch } from '../../shared/uncertainty/draws';
import { createDrawRunner } from '../../shared/uncertainty/risk';
import { DrawSchedule, sliceDraws, sliceSize, THREAD_SLICES, workerCount, type Slice } from '../../shared/uncertainty/schedule';

/** Sent once to each worker as workerData. */
export interface WorkerSetup {
  readonly plan: Plan;
  readonly scenarioId: string;
  readonly seed: number;
}

export type WorkerTask = Slice;

export type WorkerReply =
  | { readonly ok: true; readonly batch: DrawBatch }
  | { readonly ok: false; readonly kind: 'draw' | 'other'; readonly drawIndex: number; readonly message: string; readonly stack?: string };

export interface RiskPoolOptions {
  /** A valid plan (validatePlan). */
  readonly plan: Plan;
  readonly scenarioId: string;
  readonly draws: number;
  readonly seed: number;
  /** Threads drawing; default os.availableParallelism(). Never more than there are slices. */
  readonly workers?: number;
  /**
   * Count this thread as one of the workers: it draws slices between handling messages, and
   * only workers - 1 threads are started (none for 1). Saves a thread's start-up (loading
   * the bundle, about half a second) for a command-line run; keep it off where this thread
   * must stay responsive (Electron's main process).
   */
  readonly useThisThread?: boolean;
  /** Draws per slice; default about an eighth of each worker's share, at most 250. */
  readonly sliceSize?: number;
  /** The bundled worker; default risk-worker.cjs next to this bundle (out/cli). */
  readonly workerFile?: string;
  /** Called after each slice with the draws done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export const MAX_WORKERS = 64;

/** The worker bundle that build/scripts/build-cli.mjs writes next to the CLI. */
export function defaultWorkerFile(): string {
  return join(__dirname, 'risk-worker.cjs');
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every draw 0..draws-1 of the scenario, as one batch in draw order. */
export async function runRiskPool(options: RiskPoolOptions): Promise<DrawBatch> {
  const { plan, scenarioId, draws, seed, signal, onProgress } = options;
  signal?.throwIfAborted();
  // Checks the scenario and seed here, where a mistake is cheap to report.
  const runner = createDrawRunner(plan, scenarioId, seed);
  const interventions = runner.interventions.length;
  if (!Number.isSafeInteger(draws) || draws < 1) throw new RangeError(`the number of draws must be a whole number 1 or more, not ${draws}`);
  const wanted = options.workers ?? defaultWorkerCount();
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_WORKERS)
    throw new RangeError(`workers must be a whole number from 1 to ${MAX_WORKERS}, not ${wanted}`);
  const slices = sliceDraws(draws, options.sliceSize ?? sliceSize(draws, wanted, THREAD_SLICES));
  const schedule = new DrawSchedule<DrawBatch>(draws, slices);
  const local = options.useThisThread === true;
  const threads = workerCount(wanted, MAX_WORKERS, slices.length) - (local ? 1 : 0);
  const workerFile = options.workerFile ?? defaultWorkerFile();
  if (threads > 0 && !existsSync(workerFile)) throw new Error(`the risk worker ${workerFile} is missing: run "npm run build:cli"`);

  const setup: WorkerSetup = { plan, scenarioId, seed };
  const workers: Worker[] = [];

  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const onAbort = () => {
        schedule.cancel();
        finish(signal!.reason instanceof Error ? signal!.reason : new Error('cancelled'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      /** The next slice to draw, or null when there is none (and the run is over if nothing is out). */
      const take = (): WorkerTask | null => {
        const slice = schedule.take();
        if (!slice && schedule.state !== 'running') finish(schedule.failure);
        return slice;
      };
      const complete = (reply: WorkerReply) => {
        if (reply.ok) {
          schedule.complete(reply.batch);
          onProgress?.(schedule.done, draws);
        } else {
          const error = reply.kind === 'draw' ? new DrawError(reply.drawIndex, reply.message) : new Error(reply.message);
          if (reply.stack) error.stack = reply.stack;
          schedule.fail(reply.drawIndex, error);
        }
      };

      for (let w = 0; w < threads; w++) {
        const worker = new Worker(workerFile, { workerData: setup });
        workers.push(worker);
        const give = () => {
          const slice = take();
          if (slice) worker.postMessage(slice);
        };
        worker.on('message', (reply: WorkerReply) => {
          if (settled) return;
          complete(reply);
          give();
        });
        worker.on('error', (error) => finish(new Error(`a risk worker failed: ${error.message}`)));
        worker.on('exit', (code) => {
          if (!settled) finish(new Error(`a risk worker stopped unexpectedly (exit code ${code})`));
        });
        give();
      }

      if (local) {
        void (async () => {
          while (!settled) {
            const slice = take();
            if (!slice) return;
            let reply: WorkerReply;
            try {
              reply = { ok: true, batch: runner.run(slice.fromDraw, slice.toDraw) };
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              reply =
                error instanceof DrawError
                  ? { ok: false, kind: 'draw', drawIndex: error.drawIndex, message }
                  : {
                      ok: false,
                      kind: 'other',
                      drawIndex: slice.fromDraw,
                      message,
                      stack: error instanceof Error ? error.stack : undefined,
                    };
            }
            complete(reply);
            // Let the workers' replies and a cancellation in before the next slice.
            await nextTurn();
          }
        })();
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return mergeBatches(schedule.inOrder(), draws, interventions);
}
