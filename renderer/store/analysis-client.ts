// The page's side of the analysis workers. A risk run starts up to 4 workers (as many as
// navigator.hardwareConcurrency offers), hands each a slice of draws at a time, and puts
// the results back in draw order; Cancel terminates every worker at once and keeps the
// previous results. A ladder or break-even gets a worker of its own, ended when answered.
import type { BreakevenTarget } from '../../shared/uncertainty/breakeven';
import type { AnalysisReply, AnalysisRequest, BreakevenAnswer } from '../logic/analysis';
import { assembleRisk, sliceDraws, SliceQueue, workerCount } from '../logic/risk-run';
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
  const state = useStore.getState();
  const snapshot = state.snapshot;
  if (!snapshot) return;
  const { scenarioId, draws, seed } = options;
  const wanted = options.workers ?? workerCount(navigator.hardwareConcurrency, Infinity);
  const slices = sliceDraws(draws, wanted);
  const count = Math.min(wanted, slices.length);
  const queue = new SliceQueue(slices, draws);
  const started = performance.now();
  const workers: Worker[] = [];
  riskWorkers = workers;
  state.setRiskProgress({ status: 'running', done: 0, total: draws, workers: count });

  const fail = (message: string) => {
    if (riskWorkers !== workers) return;
    stopRiskWorkers();
    useStore.getState().setRiskProgress({ status: 'failed', message });
  };

  for (let w = 0; w < count; w++) {
    const worker = newWorker();
    workers.push(worker);
    const give = () => {
      const slice = queue.take();
      if (slice) worker.postMessage({ kind: 'risk-slice', slice } satisfies AnalysisRequest);
    };
    worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
      const reply = event.data;
      if (riskWorkers !== workers || reply.kind !== 'risk-slice') return;
      if (!reply.ok) {
        fail(reply.message);
        return;
      }
      queue.complete(reply.result);
      if (!queue.finished) {
        useStore.getState().setRiskProgress({ status: 'running', done: queue.done, total: draws, workers: count });
        give();
        return;
      }
      stopRiskWorkers();
      try {
        const view = assembleRisk(snapshot.plan, scenarioId, draws, seed, queue.completed);
        const store = useStore.getState();
        store.setRiskResult({ ...view, workers: count, ms: performance.now() - started, revision: snapshot.info.revision });
        store.setRiskProgress({ status: 'idle' });
        performance.mark('headroom:risk-done');
      } catch (error) {
        fail(error instanceof Error ? error.message : String(error));
      }
    });
    worker.addEventListener('error', (event) => fail(`a risk worker stopped: ${event.message || 'unknown error'}`));
    worker.postMessage({ kind: 'risk-setup', plan: snapshot.plan, scenarioId, seed } satisfies AnalysisRequest);
    give();
  }
}

/** Stops the run at once; the previous results stay. */
export function cancelRisk(): void {
  const progress = useStore.getState().riskProgress;
  if (progress.status !== 'running') return;
  stopRiskWorkers();
  useStore.getState().setRiskProgress({ status: 'cancelled', done: progress.done, total: progress.total });
}

let ladderWorker: Worker | null = null;

export function startLadder(options: { scenarioId: string; variable: string; from: number; to: number; step: number }): void {
  ladderWorker?.terminate();
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return;
  const worker = newWorker();
  ladderWorker = worker;
  useStore.getState().setLadderProgress({ status: 'running', done: 0, total: 0, workers: 1 });
  const finish = () => {
    worker.terminate();
    if (ladderWorker === worker) ladderWorker = null;
  };
  worker.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    if (ladderWorker !== worker) return;
    const reply = event.data;
    const store = useStore.getState();
    if (reply.kind === 'ladder-progress') {
      store.setLadderProgress({ status: 'running', done: reply.done, total: reply.total, workers: 1 });
    } else if (reply.kind === 'ladder') {
      finish();
      if (reply.ok) {
        store.setLadderResult({ scenarioId: options.scenarioId, variable: options.variable, rows: reply.rows, revision: snapshot.info.revision });
        store.setLadderProgress({ status: 'idle' });
      } else {
        store.setLadderProgress({ status: 'failed', message: reply.message });
      }
    }
  });
  worker.addEventListener('error', (event) => {
    finish();
    useStore.getState().setLadderProgress({ status: 'failed', message: `the ladder stopped: ${event.message || 'unknown error'}` });
  });
  worker.postMessage({ kind: 'ladder', plan: snapshot.plan, ...options } satisfies AnalysisRequest);
}

export function cancelLadder(): void {
  const progress = useStore.getState().ladderProgress;
  if (progress.status !== 'running' || !ladderWorker) return;
  ladderWorker.terminate();
  ladderWorker = null;
  useStore.getState().setLadderProgress({ status: 'cancelled', done: progress.done, total: progress.total });
}

let breakevenWorker: Worker | null = null;
let breakevenSuperseded: (() => void) | null = null;

/** The break-even of the stored plan, answered in a worker; a newer question supersedes it. */
export function findBreakeven(options: { scenarioId: string; variable: string; target: BreakevenTarget; lo: number; hi: number }): Promise<BreakevenAnswer | null> {
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
