// The risk pool's kept threads (pool.ts runs draws on them): started on demand, each
// leased to one run at a time and given back idle after it, ended when a run no longer
// wants what it is drawing. Each remembers the plans it was sent (protocol.ts), so a plan
// goes to a thread once. An idle thread does not keep the process alive.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../../shared/plan';
import { keepNewest, type Slice } from '../../shared/uncertainty/schedule';
import type { WorkerReply, WorkerTask } from './protocol';

const planKeys = new WeakMap<Plan, string>();

/** The key a thread holds a plan under: a hash of its text. */
export function planKey(plan: Plan): string {
  let key = planKeys.get(plan);
  if (!key) {
    key = createHash('sha256').update(JSON.stringify(plan)).digest('base64url');
    planKeys.set(plan, key);
  }
  return key;
}

/** What a run does with its threads' replies and losses. */
export interface Lease {
  replied(thread: PoolThread, slice: Slice, reply: WorkerReply): void;
  lost(thread: PoolThread, slices: readonly Slice[], why: string): void;
  /** The pool was closed under the run. */
  closed(): void;
}

export class PoolThread {
  /** Plan keys the thread holds, oldest first (as worker.ts keeps them). */
  readonly plans = new Map<string, true>();
  /** Slices sent and not yet answered, by task id. */
  readonly out = new Map<number, Slice>();
  lease: Lease | null = null;
  /** Being ended by the pool: its exit is expected. */
  retiring = false;
  failure: string | null = null;
  constructor(readonly worker: Worker) {}
}

/** Kept worker threads for risk runs. Idle threads do not keep the process alive. */
export class KeptThreads {
  private readonly threads = new Set<PoolThread>();
  private nextTask = 0;
  /** Threads started since the pool was made. */
  threadsStarted = 0;
  /** Plans sent to a thread since the pool was made (once per thread and plan held). */
  plansSent = 0;

  constructor(
    readonly workerFile: string,
    private readonly onThreadStarted?: (worker: Worker) => void,
  ) {}

  /** Threads alive now. */
  get size(): number {
    return this.threads.size;
  }

  /** Ends every thread; runs going fail as their threads are lost. */
  async close(): Promise<void> {
    const threads = [...this.threads];
    const leases = new Set(threads.map((t) => t.lease));
    threads.forEach((t) => this.retire(t));
    leases.forEach((lease) => lease?.closed());
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  start(): PoolThread {
    const thread = new PoolThread(new Worker(this.workerFile));
    this.threads.add(thread);
    this.threadsStarted++;
    thread.worker.unref();
    thread.worker.on('message', (reply: WorkerReply) => {
      const slice = thread.out.get(reply.id);
      if (!slice) return;
      thread.out.delete(reply.id);
      thread.lease?.replied(thread, slice, reply);
    });
    thread.worker.on('error', (error) => {
      thread.failure = error.message;
    });
    thread.worker.on('exit', (code) => {
      this.threads.delete(thread);
      if (thread.retiring) return;
      const lost = [...thread.out.values()];
      thread.out.clear();
      const why = thread.failure ? `a risk worker failed: ${thread.failure}` : `a risk worker stopped unexpectedly (exit code ${code})`;
      thread.lease?.lost(thread, lost, why);
    });
    this.onThreadStarted?.(thread.worker);
    return thread;
  }

  retire(thread: PoolThread): void {
    thread.retiring = true;
    thread.lease = null;
    this.threads.delete(thread);
    void thread.worker.terminate();
  }

  /** Idle threads for a run, those holding its plan first, started as needed. */
  lease(count: number, key: string, lease: Lease): PoolThread[] {
    const idle = [...this.threads].filter((t) => !t.lease && !t.retiring).sort((a, b) => +b.plans.has(key) - +a.plans.has(key));
    const leased = idle.slice(0, count);
    while (leased.length < count) leased.push(this.start());
    for (const thread of leased) this.take(thread, lease);
    return leased;
  }

  private take(thread: PoolThread, lease: Lease): void {
    thread.lease = lease;
    thread.worker.ref();
  }

  release(thread: PoolThread): void {
    thread.lease = null;
    thread.worker.unref();
  }

  send(thread: PoolThread, plan: Plan, key: string, scenarioId: string, seed: number, slice: Slice): void {
    const id = this.nextTask++;
    const fresh = !thread.plans.has(key);
    if (fresh) {
      keepNewest(thread.plans, key, true);
      this.plansSent++;
    }
    thread.out.set(id, slice);
    const task: WorkerTask = { id, planKey: key, plan: fresh ? plan : undefined, scenarioId, seed, ...slice };
    thread.worker.postMessage(task);
  }
}
