// The Risk screen's run bookkeeping in the store: results kept per scenario, and answers
// for a run that was superseded or cancelled ignored, whatever order they arrive in.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import {
  createAnalysisSlice,
  ladderResultFor,
  nextRunId,
  riskIsStale,
  riskResultFor,
  type AnalysisSlice,
  type CompletedLadder,
  type CompletedRisk,
} from '../../renderer/store/analysis-slice';

type State = AnalysisSlice & { snapshot: { info: { revision: number } } | null };

function store(revision = 3) {
  return createStore<State>()((...a) => ({ snapshot: { info: { revision } }, ...createAnalysisSlice<State>()(...a) }));
}

/** A completed run that only says which scenario, revision and seed it was. */
const risk = (scenarioId: string, revision: number, seed: number): CompletedRisk =>
  ({ scenarioId, revision, seed, draws: 10, workers: 1, ms: 5 }) as unknown as CompletedRisk;

const start = (s: ReturnType<typeof store>, scenarioId: string, revision = 3) => {
  const id = nextRunId();
  s.getState().runStarted('risk', { id, scenarioId, revision, total: 10, workers: 2 });
  return id;
};

describe('risk runs in the store', () => {
  it('keeps the last result of each scenario', () => {
    const s = store();
    const a = start(s, 'cut');
    s.getState().riskFinished(a, risk('cut', 3, 1));
    const b = start(s, 'flat');
    s.getState().riskFinished(b, risk('flat', 3, 2));
    expect(riskResultFor(s.getState(), 'cut')?.seed).toBe(1);
    expect(riskResultFor(s.getState(), 'flat')?.seed).toBe(2);
    expect(riskResultFor(s.getState(), 'other')).toBeNull();
    expect(s.getState().risk.progress).toEqual({ status: 'idle' });
  });

  it('ignores the progress, result and failure of a run that a newer one superseded', () => {
    const s = store();
    const old = start(s, 'cut');
    const newer = start(s, 'cut');
    s.getState().runProgressed('risk', newer, 4);
    // The old run's answers arrive late.
    s.getState().runProgressed('risk', old, 9);
    s.getState().riskFinished(old, risk('cut', 3, 1));
    s.getState().runFailed('risk', old, 'too late');
    expect(s.getState().risk.progress).toEqual({ status: 'running', done: 4, total: 10, workers: 2 });
    expect(riskResultFor(s.getState(), 'cut')).toBeNull();
    s.getState().riskFinished(newer, risk('cut', 3, 2));
    expect(riskResultFor(s.getState(), 'cut')?.seed).toBe(2);
    // Once finished, a repeat of its answer changes nothing.
    s.getState().runFailed('risk', newer, 'again');
    expect(s.getState().risk.progress).toEqual({ status: 'idle' });
  });

  it('on cancel keeps the previous results and ignores what the cancelled run sends after', () => {
    const s = store();
    const first = start(s, 'cut');
    s.getState().riskFinished(first, risk('cut', 3, 1));
    const second = start(s, 'cut');
    s.getState().runProgressed('risk', second, 6);
    expect(s.getState().runCancelled('risk')).toBe(true);
    expect(s.getState().runCancelled('risk')).toBe(false);
    s.getState().riskFinished(second, risk('cut', 3, 2));
    expect(s.getState().risk.progress).toEqual({ status: 'cancelled', done: 6, total: 10 });
    expect(riskResultFor(s.getState(), 'cut')?.seed).toBe(1);
  });

  it('says a result is stale once the stored plan has moved on', () => {
    const s = store(3);
    s.getState().riskFinished(start(s, 'cut'), risk('cut', 3, 1));
    expect(riskIsStale(s.getState(), 'cut')).toBe(false);
    s.setState({ snapshot: { info: { revision: 4 } } });
    expect(riskIsStale(s.getState(), 'cut')).toBe(true);
    expect(riskIsStale(s.getState(), 'other')).toBe(false);
  });

  it('a failure of the run going is shown, and the previous results stay', () => {
    const s = store();
    s.getState().riskFinished(start(s, 'cut'), risk('cut', 3, 1));
    s.getState().runFailed('risk', start(s, 'cut'), 'draw 4 (seed 1; x = 2): bad');
    expect(s.getState().risk.progress).toEqual({ status: 'failed', message: 'draw 4 (seed 1; x = 2): bad' });
    expect(riskResultFor(s.getState(), 'cut')?.seed).toBe(1);
  });
});

describe('ladders in the store', () => {
  it('learns the number of values from the first progress, and keeps a result per scenario', () => {
    const s = store();
    const id = nextRunId();
    s.getState().runStarted('ladder', { id, scenarioId: 'cut', revision: 3, total: 0, workers: 1 });
    expect(s.getState().ladder.progress).toEqual({ status: 'running', done: 0, total: 0, workers: 1 });
    s.getState().runProgressed('ladder', id, 1, 11);
    expect(s.getState().ladder.progress).toEqual({ status: 'running', done: 1, total: 11, workers: 1 });
    const result: CompletedLadder = { scenarioId: 'cut', variable: 'grantLevel', rows: [], revision: 3 };
    s.getState().ladderFinished(id, result);
    expect(ladderResultFor(s.getState(), 'cut')).toBe(result);
    expect(ladderResultFor(s.getState(), 'flat')).toBeNull();
    // The risk side is untouched.
    expect(s.getState().risk.progress).toEqual({ status: 'idle' });
  });
});
