// The page's side of the risk workers. They are started once (when the Risk screen opens,
// or by the first run) and kept run after run: up to 4 (as many as
// navigator.hardwareConcurrency offers). Each is sent a plan once and holds it; a run
// shares its draws out with shared/uncertainty/schedule.ts, as the command line's thread
// pool does, two slices to a worker at a time so none waits for a message. Cancel stops
// handing out slices and ignores what comes back (a slice is at most 50 draws), so the
// workers stay warm; the previous results stay. A worker that fails is replaced. What the
// runs come to is kept in the store slice (analysis-slice.ts), which ignores answers for
// runs that are over. Ladders and break-evens have a kept worker of their own
// (questions-client.ts).
import type { DrawBatch } from '../../shared/uncertainty/draws';
import { DrawSchedule, keepNewest, SCREEN_SLICES, sliceDraws, sliceSize, workerCount } from '../../shared/uncertainty/schedule';
import type { AnalysisReply, AnalysisRequest } from '../logic/analysis';
import { assembleRisk, MAX_WORKERS } from '../logic/risk-run';
import { nextRunId } from './analysis-slice';
import { newAnalysisWorker } from './analysis-worker';
import { useStore } from './store';

/** Slices a worker holds at once: the one it draws and the next. */
const SLICES_PER_WORKER = 2;

interface KeptWorker {
  readonly worker: Worker;
  /** Plan keys it holds, oldest first (as logic/analysis.ts createRiskWorker keeps them). */
  readonly plans: Map<string, true>;
  /** Slices of the current run it holds. */
  out: number;
}

/** The run going: the one whose answers are taken. */
interface RiskRun {
  readonly id: number;
  readonly workers: readonly KeptWorker[];
  readonly schedule: DrawSchedule<DrawBatch, string>;
  /** Called for each answer of this run. */
  readonly answered: (kept: KeptWorker, reply: Extract<AnalysisReply, { kind: 'risk-slice' }>) => void;
  readonly failed: (message: string) => void;
}

let kept: KeptWorker[] = [];
let current: RiskRun | null = null;

// Plans are immutable in the store: one key per plan object.
const planKeys = new WeakMap<object, string>();
let plansSeen = 0;
function planKey(plan: object): string {
  let key = planKeys.get(plan);
  if (!key) planKeys.set(plan, (key = `plan-${++plansSeen}`));
  return key;
}

function defaultCount(): number {
  return workerCount(navigator.hardwareConcurrency, MAX_WORKERS, Infinity);
}

function startWorker(): KeptWorker {
  const worker = newAnalysisWorker();
  const one: KeptWorker = { worker, plans: new Map(), out: 0 };
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    const reply = event.data;
    if (reply.kind !== 'risk-slice' || current?.id !== reply.run) return;
    current.answered(one, reply);
  });
  worker.addEventListener('error', (event) => {
    // Replaced by a fresh one on the next run.
    worker.terminate();
    kept = kept.filter((k) => k !== one);
    if (current?.workers.includes(one)) current.failed(`a risk worker stopped: ${event.message || 'unknown error'}`);
  });
  kept.push(one);
  return one;
}

/** At least `count` kept workers, started as needed; the first `count`. */
function keptWorkers(count: number): KeptWorker[] {
  while (kept.length < count) startWorker();
  return kept.slice(0, count);
}

/** Starts the risk workers, so a first run need not wait for them. */
export function warmRisk(): void {
  keptWorkers(defaultCount());
}

export interface RiskRunOptions {
  readonly scenarioId: string;
  readonly draws: number;
  readonly seed: number;
  /** Workers to use; default what the machine offers, at most 4. */
  readonly workers?: number;
}

/** Starts a risk run of the stored plan; a run already going is stopped first. */
export function startRisk(options: RiskRunOptions): void {
  current?.schedule.cancel();
  current = null;
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return;
  const { scenarioId, draws, seed } = options;
  const wanted = options.workers ?? defaultCount();
  const slices = sliceDraws(draws, sliceSize(draws, wanted, SCREEN_SLICES));
  const count = workerCount(wanted, MAX_WORKERS, slices.length);
  const schedule = new DrawSchedule<DrawBatch, string>(draws, slices);
  const started = performance.now();
  const id = nextRunId();
  const revision = snapshot.info.revision;
  const key = planKey(snapshot.plan);
  const workers = keptWorkers(count);
  useStore.getState().runStarted('risk', { id, scenarioId, revision, total: draws, workers: count });

  const failed = (message: string) => {
    if (current !== run) return;
    schedule.cancel();
    current = null;
    useStore.getState().runFailed('risk', id, message);
  };
  /** The run is over once the schedule says so: every draw back, or the lowest failure. */
  const settle = () => {
    if (current !== run) return;
    if (schedule.state === 'failed') return failed(schedule.failure!);
    if (schedule.state !== 'finished') return;
    current = null;
    try {
      const view = assembleRisk(snapshot.plan, scenarioId, draws, seed, schedule.inOrder());
      useStore.getState().riskFinished(id, { ...view, workers: count, ms: performance.now() - started, revision });
      performance.mark('headroom:risk-done');
    } catch (error) {
      useStore.getState().runFailed('risk', id, error instanceof Error ? error.message : String(error));
    }
  };
  const feed = (one: KeptWorker) => {
    while (one.out < SLICES_PER_WORKER) {
      const slice = schedule.take();
      if (!slice) break;
      one.out++;
      one.worker.postMessage({ kind: 'risk-slice', run: id, slice } satisfies AnalysisRequest);
    }
    settle();
  };
  const run: RiskRun = {
    id,
    workers,
    schedule,
    failed,
    answered: (one, reply) => {
      one.out--;
      if (reply.ok) {
        schedule.complete(reply.batch);
        useStore.getState().runProgressed('risk', id, schedule.done);
      } else {
        schedule.fail(reply.drawIndex, reply.message);
      }
      feed(one);
    },
  };
  current = run;
  for (const one of workers) {
    one.out = 0;
    const fresh = !one.plans.has(key);
    if (fresh) keepNewest(one.plans, key, true);
    one.worker.postMessage({
      kind: 'risk-setup',
      run: id,
      key,
      plan: fresh ? snapshot.plan : undefined,
      scenarioId,
      seed,
    } satisfies AnalysisRequest);
    feed(one);
  }
}

/** Stops the run at once; the previous results stay, and the workers are kept. */
export function cancelRisk(): void {
  if (!useStore.getState().runCancelled('risk')) return;
  current?.schedule.cancel();
  current = null;
}
