// The page's side of the worker for ladders and break-evens: one worker, started when the
// Risk screen opens (or by the first question) and kept. A newer break-even question
// supersedes the one waiting (its answer is ignored); cancelling a ladder ends the worker,
// as a ladder cannot be stopped part-way, and starts a fresh one, to which a break-even
// still waiting is asked again. Every answer names its question, so a stale one is ignored.
import type { BreakevenTarget } from '../../shared/uncertainty/targets';
import type { AnalysisReply, AnalysisRequest, BreakevenAnswer } from '../logic/analysis';
import { nextRunId } from './analysis-slice';
import { newAnalysisWorker } from './analysis-worker';
import { useStore } from './store';

let worker: Worker | null = null;
/** The ladder going, and what it was asked, to file its answer under. */
let ladder: { readonly id: number; readonly scenarioId: string; readonly variable: string; readonly revision: number } | null = null;
let breakeven: {
  readonly request: Extract<AnalysisRequest, { kind: 'breakeven' }>;
  readonly resolve: (answer: BreakevenAnswer | null) => void;
} | null = null;
let questions = 0;

function answered(reply: AnalysisReply) {
  const store = useStore.getState();
  if (reply.kind === 'ladder-progress' && reply.id === ladder?.id) {
    store.runProgressed('ladder', reply.id, reply.done, reply.total);
  } else if (reply.kind === 'ladder' && reply.id === ladder?.id) {
    const { id, scenarioId, variable, revision } = ladder;
    ladder = null;
    if (reply.ok) store.ladderFinished(id, { scenarioId, variable, rows: reply.rows, threshold: reply.threshold, revision });
    else store.runFailed('ladder', id, reply.message);
  } else if (reply.kind === 'breakeven' && reply.id === breakeven?.request.id) {
    const { resolve } = breakeven;
    breakeven = null;
    resolve(reply.answer);
  }
}

function failed(message: string) {
  if (ladder) {
    useStore.getState().runFailed('ladder', ladder.id, `the ladder stopped: ${message || 'unknown error'}`);
    ladder = null;
  }
  if (breakeven) {
    const { resolve } = breakeven;
    breakeven = null;
    resolve({ status: 'error', message: message || 'the calculation stopped' });
  }
}

function questionWorker(): Worker {
  if (worker) return worker;
  const started = newAnalysisWorker();
  started.addEventListener('message', (event: MessageEvent<AnalysisReply>) => {
    if (worker === started) answered(event.data);
  });
  started.addEventListener('error', (event) => {
    if (worker !== started) return;
    started.terminate();
    worker = null;
    failed(event.message);
  });
  worker = started;
  return started;
}

/** Starts the worker, so a first ladder or break-even need not wait for it. */
export function warmQuestions(): void {
  questionWorker();
}

export function startLadder(options: { scenarioId: string; variable: string; from: number; to: number; step: number }): void {
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return;
  // A ladder still going is not wanted: a fresh worker takes the new one.
  if (ladder) restart();
  const id = nextRunId();
  const revision = snapshot.info.revision;
  ladder = { id, scenarioId: options.scenarioId, variable: options.variable, revision };
  useStore.getState().runStarted('ladder', { id, scenarioId: options.scenarioId, revision, total: 0, workers: 1 });
  questionWorker().postMessage({ kind: 'ladder', id, plan: snapshot.plan, ...options } satisfies AnalysisRequest);
}

/** Ends the worker (busy with a ladder no longer wanted) and asks a fresh one the waiting break-even. */
function restart() {
  worker?.terminate();
  worker = null;
  ladder = null;
  if (breakeven) questionWorker().postMessage(breakeven.request);
}

export function cancelLadder(): void {
  if (!ladder || !useStore.getState().runCancelled('ladder')) return;
  restart();
}

/** The break-even of the stored plan, answered in the worker; a newer question supersedes it. */
export function findBreakeven(options: {
  scenarioId: string;
  variable: string;
  target: BreakevenTarget;
  lo: number;
  hi: number;
}): Promise<BreakevenAnswer | null> {
  breakeven?.resolve(null);
  breakeven = null;
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return Promise.resolve(null);
  const request = { kind: 'breakeven', id: ++questions, plan: snapshot.plan, ...options } satisfies AnalysisRequest;
  return new Promise((resolve) => {
    breakeven = { request, resolve };
    questionWorker().postMessage(request);
  });
}
