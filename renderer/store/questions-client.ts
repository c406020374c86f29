// The page's side of the worker for ladders, break-evens and tornadoes: one worker, started
// when the Risk screen opens (or by the first question) and kept. A newer break-even (or
// tornado) question supersedes the one of its kind waiting (its answer is null); cancelling a
// ladder ends the worker, as a ladder cannot be stopped part-way, and starts a fresh one, to
// which the questions still waiting are asked again. Every answer names its question, so a
// stale one is ignored.
import type { BreakevenTarget } from '../../shared/uncertainty/targets';
import type { AnalysisReply, AnalysisRequest, BreakevenAnswer, TornadoAnswer } from '../logic/analysis';
import { nextRunId } from './analysis-slice';
import { newAnalysisWorker } from './analysis-worker';
import { useStore } from './store';

/** The questions with one answer each, and what the answer is. */
interface Answers {
  readonly breakeven: BreakevenAnswer;
  readonly tornado: TornadoAnswer;
}
type QuestionKind = keyof Answers;
type Question<K extends QuestionKind> = Extract<AnalysisRequest, { kind: K }>;
interface Waiting<K extends QuestionKind> {
  readonly request: Question<K>;
  readonly resolve: (answer: Answers[K] | null) => void;
}

/** The answer a question gets when the worker stops before answering it. */
const stopped: { readonly [K in QuestionKind]: (message: string) => Answers[K] } = {
  breakeven: (message) => ({ status: 'error', message: message || 'the calculation stopped' }),
  tornado: (message) => ({ ok: false, message: message || 'the calculation stopped' }),
};

let worker: Worker | null = null;
/** The ladder going, and what it was asked, to file its answer under. */
let ladder: { readonly id: number; readonly scenarioId: string; readonly variable: string; readonly revision: number } | null = null;
const waiting: { [K in QuestionKind]: Waiting<K> | null } = { breakeven: null, tornado: null };
const KINDS = Object.keys(waiting) as QuestionKind[];
let questions = 0;

/** Takes the question of `kind` off the waiting list and gives it its answer (null: superseded). */
function settle<K extends QuestionKind>(kind: K, answer: Answers[K] | null): void {
  const asked = waiting[kind];
  waiting[kind] = null;
  asked?.resolve(answer);
}

function answered(reply: AnalysisReply) {
  const store = useStore.getState();
  if (reply.kind === 'ladder-progress' && reply.id === ladder?.id) {
    store.runProgressed('ladder', reply.id, reply.done, reply.total);
  } else if (reply.kind === 'ladder' && reply.id === ladder?.id) {
    const { id, scenarioId, variable, revision } = ladder;
    ladder = null;
    if (reply.ok) store.ladderFinished(id, { scenarioId, variable, rows: reply.rows, threshold: reply.threshold, revision });
    else store.runFailed('ladder', id, reply.message);
  } else if (reply.kind === 'breakeven' && reply.id === waiting.breakeven?.request.id) {
    settle('breakeven', reply.answer);
  } else if (reply.kind === 'tornado' && reply.id === waiting.tornado?.request.id) {
    settle('tornado', reply.answer);
  }
}

function failed(message: string) {
  if (ladder) {
    useStore.getState().runFailed('ladder', ladder.id, `the ladder stopped: ${message || 'unknown error'}`);
    ladder = null;
  }
  for (const kind of KINDS) if (waiting[kind]) settle(kind, stopped[kind](message));
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

/** Starts the worker, so a first ladder, break-even or tornado need not wait for it. */
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

/** Ends the worker (busy with a ladder no longer wanted) and asks a fresh one the questions waiting. */
function restart() {
  worker?.terminate();
  worker = null;
  ladder = null;
  for (const kind of KINDS) {
    const asked = waiting[kind];
    if (asked) questionWorker().postMessage(asked.request);
  }
}

/** Asks the stored plan's question of `kind`, superseding the one of that kind waiting. */
function ask<K extends QuestionKind>(kind: K, options: Omit<Question<K>, 'kind' | 'id' | 'plan'>): Promise<Answers[K] | null> {
  settle(kind, null);
  const snapshot = useStore.getState().snapshot;
  if (!snapshot) return Promise.resolve(null);
  const request = { ...options, kind, id: ++questions, plan: snapshot.plan } as Question<K>;
  return new Promise((resolve) => {
    (waiting as { [k: string]: Waiting<K> | null })[kind] = { request, resolve };
    questionWorker().postMessage(request);
  });
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
  return ask('breakeven', options);
}

/** The tornado of a scenario of the stored plan, answered in the worker; a newer question supersedes it. */
export function findTornado(scenarioId: string): Promise<TornadoAnswer | null> {
  return ask('tornado', { scenarioId });
}
