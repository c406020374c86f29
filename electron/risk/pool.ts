// Runs a risk analysis's draws on worker threads that are started once and kept from run
// to run (RiskPool; runRiskPool uses one pool per worker file for the process). Each
// thread is sent a plan once, under a hash of its text (protocol.ts), and keeps it. A run
// leases idle threads (starting more when there are too few), hands each up to two slices
// at a time so it never waits for a message between slices, and gives them back when it
// ends; a thread that dies is replaced and its slices drawn again. The slices (guided: big
// first, shrinking towards the end) and the order they are merged in are
// shared/uncertainty/schedule.ts's; each draw depends only on (seed, draw index), so the
// numbers are the same for any worker count.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Plan } from '../../shared/plan';
import { DrawError, mergeBatches, type DrawBatch } from '../../shared/uncertainty/draws';
import { checkDrawRun, createDrawRunner } from '../../shared/uncertainty/risk';
import { DrawSchedule, guidedSlices, sliceDraws, workerCount, type Slice } from '../../shared/uncertainty/schedule';
import type { WorkerReply } from './protocol';
import { KeptThreads, planKey, type Lease, type PoolThread } from './threads';

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
   * only workers - 1 threads are used (none for 1). Saves a thread's start-up (loading the
   * bundle, about half a second) for a one-off command-line run; keep it off where this
   * thread must stay responsive (Electron's main process).
   */
  readonly useThisThread?: boolean;
  /** Draws per slice, all alike; default guided slices (schedule.ts guidedSlices). */
  readonly sliceSize?: number;
  /** The bundled worker; default risk-worker.cjs next to this bundle (out/cli). */
  readonly workerFile?: string;
  /** Called after each slice with the draws done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export const MAX_WORKERS = 64;
/** Slices a thread holds at once: the one it draws and the next, so it never waits for a message. */
export const SLICES_PER_THREAD = 2;
/** Threads a run may lose (each replaced, its slices drawn again) before it gives up. */
export const THREADS_LOST_PER_RUN = 3;

/** The worker bundle that build/scripts/build-cli.mjs writes next to the CLI. */
export function defaultWorkerFile(): string {
  return join(__dirname, 'risk-worker.cjs');
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RiskPoolSetup {
  /** The bundled worker; default risk-worker.cjs next to this bundle (out/cli). */
  readonly workerFile?: string;
  /** Told of each thread started (tests end one to see it replaced). */
  readonly onThreadStarted?: (worker: Worker) => void;
}

/** Risk runs on kept threads; runs may overlap, each on threads of its own. */
export class RiskPool {
  readonly threads: KeptThreads;

  constructor(setup: RiskPoolSetup = {}) {
    this.threads = new KeptThreads(setup.workerFile ?? defaultWorkerFile(), setup.onThreadStarted);
  }

  get workerFile(): string {
    return this.threads.workerFile;
  }

  /** Ends every thread; a run going fails. */
  close(): Promise<void> {
    return this.threads.close();
  }

  /** Every draw 0..draws-1 of the scenario, as one batch in draw order. */
  async run(options: RiskPoolOptions): Promise<DrawBatch> {
    const { plan, scenarioId, draws, seed, signal, onProgress } = options;
    signal?.throwIfAborted();
    // Checks the scenario and seed here, where a mistake is cheap to report.
    checkDrawRun(plan, scenarioId, seed);
    if (!Number.isSafeInteger(draws) || draws < 1)
      throw new RangeError(`the number of draws must be a whole number 1 or more, not ${draws}`);
    const wanted = options.workers ?? defaultWorkerCount();
    if (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_WORKERS)
      throw new RangeError(`workers must be a whole number from 1 to ${MAX_WORKERS}, not ${wanted}`);
    const slices = options.sliceSize === undefined ? guidedSlices(draws, wanted) : sliceDraws(draws, options.sliceSize);
    const schedule = new DrawSchedule<DrawBatch>(draws, slices);
    const local = options.useThisThread === true;
    const threads = workerCount(wanted, MAX_WORKERS, slices.length) - (local ? 1 : 0);
    if (threads > 0 && !existsSync(this.workerFile))
      throw new Error(`the risk worker ${this.workerFile} is missing: run "npm run build:cli"`);
    const key = planKey(plan);
    const interventions = plan.interventions.length;
    const runner = local ? createDrawRunner(plan, scenarioId, seed) : null;

    await new Promise<void>((resolve, reject) => {
      let settled = false;
      let lostThreads = 0;
      let leased: PoolThread[] = [];
      const finish = (error: Error | null) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        // Threads still drawing for this run are ended (their slices are not wanted); the rest are kept.
        for (const thread of leased) {
          if (thread.out.size > 0) this.threads.retire(thread);
          else if (thread.lease === lease) this.threads.release(thread);
        }
        if (error) reject(error);
        else resolve();
      };
      const onAbort = () => {
        schedule.cancel();
        finish(signal!.reason instanceof Error ? signal!.reason : new Error('cancelled'));
      };

      /** Tops the thread up to SLICES_PER_THREAD slices; ends the run when nothing is left out. */
      const feed = (thread: PoolThread) => {
        while (!settled && thread.out.size < SLICES_PER_THREAD) {
          const slice = schedule.take();
          if (!slice) break;
          this.threads.send(thread, plan, key, scenarioId, seed, slice);
        }
        if (!settled && schedule.state !== 'running') finish(schedule.failure);
      };
      const complete = (slice: Slice, reply: WorkerReply) => {
        if (reply.ok) {
          schedule.complete(reply.batch);
          onProgress?.(schedule.done, draws);
        } else {
          const error = reply.kind === 'draw' ? new DrawError(reply.drawIndex, reply.message) : new Error(reply.message);
          if (reply.stack) error.stack = reply.stack;
          schedule.fail(reply.kind === 'draw' ? reply.drawIndex : slice.fromDraw, error);
        }
      };
      const lease: Lease = {
        replied: (thread, slice, reply) => {
          if (settled) return;
          complete(slice, reply);
          feed(thread);
        },
        lost: (thread, lostSlices, why) => {
          if (settled) return;
          leased = leased.filter((t) => t !== thread);
          lostSlices.forEach((slice) => schedule.retry(slice));
          if (++lostThreads > THREADS_LOST_PER_RUN) return finish(new Error(why));
          const [replacement] = this.threads.lease(1, key, lease);
          leased.push(replacement);
          feed(replacement);
        },
        closed: () => finish(new Error('the risk pool was closed')),
      };

      signal?.addEventListener('abort', onAbort, { once: true });
      leased = this.threads.lease(threads, key, lease);
      leased.forEach(feed);

      if (runner) {
        void (async () => {
          while (!settled) {
            const slice = schedule.take();
            if (!slice) return;
            let reply: WorkerReply;
            try {
              reply = { id: -1, ok: true, batch: runner.run(slice.fromDraw, slice.toDraw) };
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              reply =
                error instanceof DrawError
                  ? { id: -1, ok: false, kind: 'draw', drawIndex: error.drawIndex, message }
                  : {
                      id: -1,
                      ok: false,
                      kind: 'other',
                      drawIndex: slice.fromDraw,
                      message,
                      stack: error instanceof Error ? error.stack : undefined,
                    };
            }
            complete(slice, reply);
            if (schedule.state !== 'running') finish(schedule.failure);
            // Let the threads' replies and a cancellation in before the next slice.
            await nextTurn();
          }
        })();
      }
    });
    return mergeBatches(schedule.inOrder(), draws, interventions);
  }
}

const pools = new Map<string, RiskPool>();

/** The process's pool for a worker file, made on first use. */
export function sharedRiskPool(workerFile = defaultWorkerFile()): RiskPool {
  let pool = pools.get(workerFile);
  if (!pool) {
    pool = new RiskPool({ workerFile });
    pools.set(workerFile, pool);
  }
  return pool;
}

/** Every draw 0..draws-1 of the scenario, as one batch in draw order, on the process's kept threads. */
export function runRiskPool(options: RiskPoolOptions): Promise<DrawBatch> {
  return sharedRiskPool(options.workerFile).run(options);
}

/** Ends the process's kept threads (tests; a process may simply exit instead). */
export async function closeRiskPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
}
