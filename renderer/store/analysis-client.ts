// The page's side of the analysis workers. A risk run starts up to 4 workers (as many as
// navigator.hardwareConcurrency offers) and shares the draws out with
// shared/uncertainty/schedule.ts, as the command line's thread pool does; Cancel
// terminates every worker at once and keeps the previous results. A ladder or break-even
// gets a worker of its own, ended when answered. What the runs come to is kept in the
// store slice (analysis-slice.ts), which ignores answers for runs that are over.
import type { DrawBatch } from '../../shared/uncertainty/draws';
import type { BreakevenTarget } from '../../shared/uncertainty/targets';
import { DrawSchedule, SCREEN_SLICES, sliceDraws, sliceSize, workerCount } from '../../shared/uncertainty/schedule';
import type { AnalysisReply, AnalysisRequest, BreakevenAnswer } from '../logic/analysis';
import { assembleRisk, MAX_WORKERS } from '../logic/risk-run';
import { nextRunId } from './analysis-slice';
import { useStore } from './store';

function newWorker(): Worker {
  return new Worker(new URL('../analysis.worker.ts', import.meta.url), { type: 'module' });
}

let riskWorkers: Worker[] = [];

function stopRiskWorkers() {
  for (const worker of riskWorkers) worker.terminate();
  riskWorkers = [];
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
  stopRiskWorkers();
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return;
  const { scenarioId, draws, seed } = options;
  const wanted = options.workers ?? workerCount(navigator.hardwareConcurrency, MAX_WORKERS, Infinity);
  const slices = sliceDraws(draws, sliceSize(draws, wanted, SCREEN_SLICES));
  const count = workerCount(wanted, MAX_WORKERS, slices.length);
  const schedule = new DrawSchedule<DrawBatch, string>(draws, slices);
  const started = performance.now();
  const id = nextRunId();
  const revision = snapshot.info.revision;
  const workers: Worker[] = [];
  riskWorkers = workers;
  useStore.getState().runStarted('risk', { id, scenarioId, revision, total: draws, workers: count });

  const stop = (message: string) => {
    if (riskWorkers !== workers) return;
    stopRiskWorkers();
    useStore.getState().runFailed('risk', id, message);
  };
  /** The run is over once the schedule says so: every draw back, or the lowest failure. */
  const settle = () => {
    if (riskWorkers !== workers) return;
    if (schedule.state === 'failed') return stop(schedule.failure!);
    if (schedule.state !== 'finished') return;
    stopRiskWorkers();
    try {
      const view = assembleRisk(snapshot.plan, scenarioId, draws, seed, schedule.inOrder());
      useStore.getState().riskFinished(id, { ...view, workers: count, ms: performance.now() - started, revision });
      performance.mark('headroom:risk-done');
    } catch (error) {
      useStore.getState().runFailed('risk', id, error instanceof Error ? error.message : String(error));
    }
  };

  for (let w = 0; w < count; w++) {
    const worker = newWorker();
    workers.push(worker);
    const give = () => {
      const slice = schedule.take();
      if (slice) worker.postMessage({ kind: 'risk-slice', slice } satisfies AnalysisRequest);
      else settle();
    };
    worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
      const reply = event.data;
      if (riskWorkers !== workers || reply.kind !== 'risk-slice') return;
      if (reply.ok) {
        schedule.complete(reply.batch);
        useStore.getState().runProgressed('risk', id, schedule.done);
      } else {
        schedule.fail(reply.drawIndex, reply.message);
      }
      give();
    });
    worker.addEventListener('error', (event) => stop(`a risk worker stopped: ${event.message || 'unknown error'}`));
    worker.postMessage({ kind: 'risk-setup', plan: snapshot.plan, scenarioId, seed } satisfies AnalysisRequest);
    give();
  }
}

/** Stops the run at once; the previous results stay. */
export function cancelRisk(): void {
  if (useStore.getState().runCancelled('risk')) stopRiskWorkers();
}

let ladderWorker: Worker | null = null;

export function startLadder(options: { scenarioId: string; variable: string; from: number; to: number; step: number }): void {
  ladderWorker?.terminate();
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return;
  const worker = newWorker();
  ladderWorker = worker;
  const id = nextRunId();
  const revision = snapshot.info.revision;
  useStore.getState().runStarted('ladder', { id, scenarioId: options.scenarioId, revision, total: 0, workers: 1 });
  const finish = () => {
    worker.terminate();
    if (ladderWorker === worker) ladderWorker = null;
  };
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    if (ladderWorker !== worker) return;
    const reply = event.data;
    const store = useStore.getState();
    if (reply.kind === 'ladder-progress') {
      store.runProgressed('ladder', id, reply.done, reply.total);
    } else if (reply.kind === 'ladder') {
      finish();
      if (reply.ok)
        store.ladderFinished(id, {
          scenarioId: options.scenarioId,
          variable: options.variable,
          rows: reply.rows,
          threshold: reply.threshold,
          revision,
        });
      else store.runFailed('ladder', id, reply.message);
    }
  });
  worker.addEventListener('error', (event) => {
    finish();
    useStore.getState().runFailed('ladder', id, `the ladder stopped: ${event.message || 'unknown error'}`);
  });
  worker.postMessage({ kind: 'ladder', plan: snapshot.plan, ...options } satisfies AnalysisRequest);
}

export function cancelLadder(): void {
  if (!ladderWorker || !useStore.getState().runCancelled('ladder')) return;
  ladderWorker.terminate();
  ladderWorker = null;
}

let breakevenWorker: Worker | null = null;
let breakevenSuperseded: (() => void) | null = null;

/** The break-even of the stored plan, answered in a worker; a newer question supersedes it. */
export function findBreakeven(options: {
  scenarioId: string;
  variable: string;
  target: BreakevenTarget;
  lo: number;
  hi: number;
}): Promise<BreakevenAnswer | null> {
  breakevenWorker?.terminate();
  breakevenSuperseded?.();
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return Promise.resolve(null);
  const worker = newWorker();
  breakevenWorker = worker;
  return new Promise((resolve) => {
    const done = (answer: BreakevenAnswer | null) => {
      worker.terminate();
      if (breakevenWorker === worker) {
        breakevenWorker = null;
        breakevenSuperseded = null;
      }
      resolve(answer);
    };
    breakevenSuperseded = () => resolve(null);
    worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
      if (event.data.kind === 'breakeven') done(breakevenWorker === worker ? event.data.answer : null);
    });
    worker.addEventListener('error', (event) => done({ status: 'error', message: event.message || 'the calculation stopped' }));
    worker.postMessage({ kind: 'breakeven', plan: snapshot.plan, ...options } satisfies AnalysisRequest);
  });
}
