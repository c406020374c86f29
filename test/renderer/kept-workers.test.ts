// The Risk screen's kept workers (renderer/store/analysis-client.ts, questions-client.ts),
// with a stand-in Worker that runs the worker's own code (logic/analysis.ts) in this thread,
// one message at a time: runs reuse the workers, a plan is sent to each once, Cancel keeps
// them and ignores what comes back, and a worker that fails says so and is replaced.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlanSnapshot } from '../../shared/ipc';
import type { Plan } from '../../shared/plan';
import {
  createRiskWorker,
  runBreakeven,
  runLadder,
  runTornado,
  type AnalysisReply,
  type AnalysisRequest,
} from '../../renderer/logic/analysis';
import { assembleRisk } from '../../renderer/logic/risk-run';
import { runDraws } from '../../shared/uncertainty/risk';
import { tornado } from '../../shared/uncertainty/tornado';
import { cancelRisk, startRisk, warmRisk } from '../../renderer/store/analysis-client';
import { cancelLadder, findBreakeven, findTornado, startLadder, warmQuestions } from '../../renderer/store/questions-client';
import { useStore } from '../../renderer/store/store';
import { demoPlan } from './fixtures';

class StandInWorker extends EventTarget {
  static started: StandInWorker[] = [];
  readonly received: AnalysisRequest[] = [];
  terminated = false;
  /** Risk slices sent and not yet answered, and the most there have been. */
  private held = 0;
  mostHeld = 0;
  private readonly risk = createRiskWorker();
  private queue = Promise.resolve();

  constructor() {
    super();
    StandInWorker.started.push(this);
  }

  postMessage(request: AnalysisRequest) {
    this.received.push(request);
    if (request.kind === 'risk-slice') this.mostHeld = Math.max(this.mostHeld, ++this.held);
    // In order, each in a later task, as a worker answers.
    this.queue = this.queue.then(() => new Promise((resolve) => setTimeout(resolve, 0))).then(() => this.handle(structuredClone(request)));
  }

  terminate() {
    this.terminated = true;
  }

  /** An error the worker could not catch. */
  fail(message: string) {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }

  private reply(data: AnalysisReply) {
    if (this.terminated) return;
    if (data.kind === 'risk-slice') this.held--;
    this.dispatchEvent(new MessageEvent('message', { data }));
  }

  private handle(request: AnalysisRequest) {
    if (this.terminated) return;
    if (request.kind === 'risk-setup' || request.kind === 'risk-slice') {
      const answer = this.risk(request);
      if (answer) this.reply(answer);
    } else if (request.kind === 'ladder') {
      this.reply(runLadder(request, (done, total) => this.reply({ kind: 'ladder-progress', id: request.id, done, total })));
    } else if (request.kind === 'tornado') {
      this.reply({ kind: 'tornado', id: request.id, answer: runTornado(request) });
    } else {
      this.reply({ kind: 'breakeven', id: request.id, answer: runBreakeven(request) });
    }
  }
}

/** The demo plan with its 2021/22 grant level uncertain in the 25% cut. */
function uncertainPlan(): Plan {
  const plan = demoPlan();
  const cut = plan.scenarios!.find((s) => s.id === 'cut-25-june')!;
  cut.uncertainty = [{ variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.75, max: 1 }];
  return plan;
}

let revision = 0;
function store(plan: Plan) {
  useStore.getState().setSnapshot({ info: { revision: ++revision }, plan } as unknown as PlanSnapshot);
}

const riskDone = () => vi.waitFor(() => expect(useStore.getState().risk.progress.status).toBe('idle'), { timeout: 30_000 });
const riskResult = () => useStore.getState().risk.results['cut-25-june'];
/** The workers the last risk run set up. */
function lastRunWorkers(): StandInWorker[] {
  const setups = (w: StandInWorker) => w.received.filter((r) => r.kind === 'risk-setup').map((r) => r.run);
  const last = Math.max(...StandInWorker.started.flatMap(setups));
  return StandInWorker.started.filter((w) => setups(w).includes(last));
}
const sentPlans = (w: StandInWorker) => w.received.filter((r) => r.kind === 'risk-setup' && r.plan !== undefined).length;

// The workers are kept for the module's life, so from test to test too.
beforeEach(() => {
  vi.stubGlobal('Worker', StandInWorker);
  vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
});
afterEach(() => {
  cancelRisk();
  vi.unstubAllGlobals();
});

describe('the Risk screen’s kept workers', () => {
  it('are started once and reused run after run, each sent a plan once, with the numbers of one thread', async () => {
    const plan = uncertainPlan();
    store(plan);
    warmRisk();
    warmQuestions();
    const risk = StandInWorker.started.slice(0, 2);
    expect(StandInWorker.started).toHaveLength(3);
    startRisk({ scenarioId: 'cut-25-june', draws: 300, seed: 5, workers: 2 });
    await riskDone();
    const expected = assembleRisk(plan, 'cut-25-june', 300, 5, [runDraws(plan, 'cut-25-june', 5, 0, 300, { byMonth: true })]);
    expect(riskResult()).toMatchObject({ summary: expected.summary, fan: expected.fan, workers: 2 });
    startRisk({ scenarioId: 'cut-25-june', draws: 300, seed: 6, workers: 2 });
    await riskDone();
    startRisk({ scenarioId: 'cut-25-june', draws: 200, seed: 5, workers: 1 });
    await riskDone();
    expect(StandInWorker.started).toHaveLength(3);
    expect(risk.map(sentPlans)).toEqual([1, 1]);
    // Two slices out to a worker at a time, never more.
    expect(risk.map((w) => w.mostHeld)).toEqual([2, 2]);
    expect(riskResult().summary).toEqual(assembleRisk(plan, 'cut-25-june', 200, 5, [runDraws(plan, 'cut-25-june', 5, 0, 200)]).summary);
    // An edited plan is sent once more.
    store(uncertainPlan());
    startRisk({ scenarioId: 'cut-25-june', draws: 100, seed: 5, workers: 2 });
    await riskDone();
    expect(risk.map(sentPlans)).toEqual([2, 2]);
    expect(StandInWorker.started).toHaveLength(3);
  });

  it('cancel keeps the workers and ignores what comes back; the next run gives the right numbers', async () => {
    const plan = uncertainPlan();
    store(plan);
    startRisk({ scenarioId: 'cut-25-june', draws: 5000, seed: 2, workers: 2 });
    const workers = StandInWorker.started.length;
    await vi.waitFor(() => expect(useStore.getState().risk.progress).toMatchObject({ status: 'running', done: expect.any(Number) }));
    await vi.waitFor(() => expect((useStore.getState().risk.progress as { done: number }).done).toBeGreaterThan(0));
    cancelRisk();
    expect(useStore.getState().risk.progress.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(useStore.getState().risk.progress.status).toBe('cancelled');
    expect(StandInWorker.started.every((w) => !w.terminated)).toBe(true);
    startRisk({ scenarioId: 'cut-25-june', draws: 150, seed: 2, workers: 2 });
    await riskDone();
    expect(StandInWorker.started).toHaveLength(workers);
    expect(riskResult().summary).toEqual(assembleRisk(plan, 'cut-25-june', 150, 2, [runDraws(plan, 'cut-25-june', 2, 0, 150)]).summary);
  });

  it('a worker that fails gives the message it gives today, and is replaced on the next run', async () => {
    store(uncertainPlan());
    startRisk({ scenarioId: 'cut-25-june', draws: 5000, seed: 2, workers: 2 });
    const [first] = lastRunWorkers();
    const before = StandInWorker.started.length;
    first.fail('out of memory');
    expect(useStore.getState().risk.progress).toEqual({ status: 'failed', message: 'a risk worker stopped: out of memory' });
    expect(first.terminated).toBe(true);
    startRisk({ scenarioId: 'cut-25-june', draws: 100, seed: 2, workers: 2 });
    await riskDone();
    expect(StandInWorker.started).toHaveLength(before + 1);
  });
});

describe('the kept worker for ladders and break-evens', () => {
  it('answers ladder after break-even on one worker; a newer break-even supersedes one waiting', async () => {
    store(demoPlan());
    const older = findBreakeven({ scenarioId: 'cut-25-june', variable: 'grantLevel', target: 'no-closures', lo: 0, hi: 1 });
    const newer = findBreakeven({ scenarioId: 'cut-25-june', variable: 'grantLevel', target: 'no-drawn', lo: 0, hi: 1 });
    startLadder({ scenarioId: 'cut-25-june', variable: 'grantLevel', from: 0.5, to: 1, step: 0.25 });
    expect(await older).toBeNull();
    expect((await newer)?.status).toBe('found');
    await vi.waitFor(() => expect(useStore.getState().ladder.results['cut-25-june']?.rows).toHaveLength(3));
    const used = StandInWorker.started.filter((w) => w.received.some((r) => r.kind === 'ladder' || r.kind === 'breakeven'));
    expect(used).toHaveLength(1);
  });

  it('cancelling a ladder ends its worker and asks a fresh one the break-even still waiting; a failure says so', async () => {
    store(demoPlan());
    startLadder({ scenarioId: 'cut-25-june', variable: 'grantLevel', from: 0, to: 1, step: 0.01 });
    const asked = findBreakeven({ scenarioId: 'cut-25-june', variable: 'grantLevel', target: 'no-closures', lo: 0, hi: 1 });
    const busy = StandInWorker.started.find((w) => !w.terminated && w.received.some((r) => r.kind === 'ladder'))!;
    cancelLadder();
    expect(busy.terminated).toBe(true);
    expect(useStore.getState().ladder.progress.status).toBe('cancelled');
    expect((await asked)?.status).toBe('found');
    const fresh = StandInWorker.started.at(-1)!;
    expect(fresh).not.toBe(busy);
    startLadder({ scenarioId: 'cut-25-june', variable: 'grantLevel', from: 0, to: 1, step: 0.5 });
    fresh.fail('it broke');
    expect(useStore.getState().ladder.progress).toEqual({ status: 'failed', message: 'the ladder stopped: it broke' });
  });

  it('answers a tornado as tornado() gives it, beside a break-even; a newer tornado supersedes one waiting; a ladder cancelled asks it again', async () => {
    const plan = uncertainPlan();
    store(plan);
    const older = findTornado('cut-25-june');
    const asked = findBreakeven({ scenarioId: 'cut-25-june', variable: 'grantLevel', target: 'no-closures', lo: 0, hi: 1 });
    const newer = findTornado('cut-25-june');
    expect(await older).toBeNull();
    expect(await newer).toEqual({ ok: true, tornado: tornado(plan, 'cut-25-june') });
    expect((await asked)?.status).toBe('found');
    // A scenario with nothing uncertain has no tornado, and says why.
    const none = await findTornado('flat-june');
    expect(none).toMatchObject({ ok: false, message: expect.stringContaining('has no uncertain variables') });
    // Behind a ladder that is cancelled: a fresh worker answers it.
    startLadder({ scenarioId: 'cut-25-june', variable: 'grantLevel', from: 0, to: 1, step: 0.01 });
    const waiting = findTornado('cut-25-june');
    const busy = StandInWorker.started.find((w) => !w.terminated && w.received.some((r) => r.kind === 'ladder'))!;
    cancelLadder();
    expect(busy.terminated).toBe(true);
    expect(await waiting).toEqual({ ok: true, tornado: tornado(plan, 'cut-25-june') });
    // A worker that fails answers the tornado waiting with its message.
    const failing = findTornado('cut-25-june');
    StandInWorker.started.at(-1)!.fail('it broke');
    expect(await failing).toEqual({ ok: false, message: 'it broke' });
  });
});
