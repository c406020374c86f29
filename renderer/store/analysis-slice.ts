// The Risk screen's runs as the store keeps them: settings, the run going and its progress,
// and the last completed results of each scenario, kept so they survive a visit to
// another screen. The bookkeeping is here, not in components: each run has an id, and an
// answer for a run that has been superseded or cancelled is ignored, whatever order the
// workers answer in. The workers that fill it are in analysis-client.ts.
import type { StateCreator } from 'zustand';
import type { LadderRow } from '../../shared/uncertainty/ladder';
import { DEFAULT_DRAWS, type RiskView } from '../logic/risk-run';

export type RunProgress =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly done: number; readonly total: number; readonly workers: number }
  | { readonly status: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly status: 'failed'; readonly message: string };

/** A run that has been started: which scenario, and of which revision of the stored plan. */
export interface RunInfo {
  readonly id: number;
  readonly scenarioId: string;
  /** The stored plan's revision the run uses. */
  readonly revision: number;
  /** Draws (risk) or values (ladder) to do; 0 while not yet known. */
  readonly total: number;
  readonly workers: number;
}

export interface CompletedRisk extends RiskView {
  readonly workers: number;
  readonly ms: number;
  /** The stored plan's revision the run used. */
  readonly revision: number;
}

export interface LadderSettings {
  readonly variable: string;
  readonly from: string;
  readonly to: string;
  readonly step: string;
}

export interface CompletedLadder {
  readonly scenarioId: string;
  readonly variable: string;
  readonly rows: readonly LadderRow[];
  /** Where services start closing, finer than the step (break-even); null or absent when none or all close. */
  readonly threshold?: number | null;
  readonly revision: number;
}

/** What one kind of run (risk or ladder) has in the store. */
interface RunState<R> {
  readonly run: RunInfo | null;
  readonly progress: RunProgress;
  /** The last completed result of each scenario, by scenario id. */
  readonly results: Readonly<Record<string, R>>;
}

export interface AnalysisSlice {
  riskScenarioId: string | null;
  riskDraws: string;
  riskSeed: string;
  risk: RunState<CompletedRisk>;
  ladderSettings: LadderSettings | null;
  ladder: RunState<CompletedLadder>;
  setRiskScenarioId: (id: string) => void;
  setRiskSettings: (settings: { draws?: string; seed?: string }) => void;
  setLadderSettings: (settings: LadderSettings) => void;
  /** A new run begins; any run still going is superseded. */
  runStarted: (kind: RunKind, run: RunInfo) => void;
  /** Progress of run `id`; `total` when it has just become known. */
  runProgressed: (kind: RunKind, id: number, done: number, total?: number) => void;
  riskFinished: (id: number, result: CompletedRisk) => void;
  ladderFinished: (id: number, result: CompletedLadder) => void;
  runFailed: (kind: RunKind, id: number, message: string) => void;
  /** Stops the run going, if any; the previous results stay. True when there was one. */
  runCancelled: (kind: RunKind) => boolean;
}

export type RunKind = 'risk' | 'ladder';

const idle = <R>(): RunState<R> => ({ run: null, progress: { status: 'idle' }, results: {} });

let lastRunId = 0;

/** A fresh id for a run; ids never repeat, so an old run's answer never matches a new run. */
export function nextRunId(): number {
  return ++lastRunId;
}

/** Whether an answer for run `id` belongs to the run going. */
function current<R>(state: RunState<R>, id: number): state is RunState<R> & { run: RunInfo } {
  return state.run !== null && state.run.id === id;
}

export const createAnalysisSlice =
  <S extends AnalysisSlice>(): StateCreator<S, [], [], AnalysisSlice> =>
  (set, get) => {
    const update = (
      kind: RunKind,
      change: (state: RunState<CompletedRisk | CompletedLadder>) => RunState<CompletedRisk | CompletedLadder> | null,
    ) => {
      const next = change(get()[kind]);
      if (next) set({ [kind]: next } as Partial<S>);
    };
    const finish = <R>(kind: RunKind, id: number, result: R) =>
      update(kind, (state) => {
        if (!current(state, id)) return null;
        return { run: null, progress: { status: 'idle' }, results: { ...state.results, [state.run.scenarioId]: result as never } };
      });
    return {
      riskScenarioId: null,
      riskDraws: String(DEFAULT_DRAWS),
      riskSeed: '1',
      risk: idle(),
      ladderSettings: null,
      ladder: idle(),
      setRiskScenarioId: (riskScenarioId) => set({ riskScenarioId } as Partial<S>),
      setRiskSettings: ({ draws, seed }) => set((s) => ({ riskDraws: draws ?? s.riskDraws, riskSeed: seed ?? s.riskSeed }) as Partial<S>),
      setLadderSettings: (ladderSettings) => set({ ladderSettings } as Partial<S>),
      runStarted: (kind, run) =>
        update(kind, (state) => ({ ...state, run, progress: { status: 'running', done: 0, total: run.total, workers: run.workers } })),
      runProgressed: (kind, id, done, total) =>
        update(kind, (state) => {
          if (!current(state, id)) return null;
          const run = total === undefined ? state.run : { ...state.run, total };
          return { ...state, run, progress: { status: 'running', done, total: run.total, workers: run.workers } };
        }),
      riskFinished: (id, result) => finish('risk', id, result),
      ladderFinished: (id, result) => finish('ladder', id, result),
      runFailed: (kind, id, message) =>
        update(kind, (state) => (current(state, id) ? { ...state, run: null, progress: { status: 'failed', message } } : null)),
      runCancelled: (kind) => {
        const state = get()[kind];
        if (state.progress.status !== 'running') return false;
        const { done, total } = state.progress;
        set({ [kind]: { ...state, run: null, progress: { status: 'cancelled', done, total } } } as Partial<S>);
        return true;
      },
    };
  };

/** The last completed risk run of a scenario (a stable reference, so a selector may return it). */
export function riskResultFor(state: AnalysisSlice, scenarioId: string): CompletedRisk | null {
  return state.risk.results[scenarioId] ?? null;
}

/** Whether the stored plan has changed since the scenario's last risk run. */
export function riskIsStale(state: AnalysisSlice & { snapshot: { info: { revision: number } } | null }, scenarioId: string): boolean {
  const result = riskResultFor(state, scenarioId);
  return result !== null && result.revision !== (state.snapshot?.info.revision ?? 0);
}

/** The last completed ladder of a scenario. */
export function ladderResultFor(state: AnalysisSlice, scenarioId: string): CompletedLadder | null {
  return state.ladder.results[scenarioId] ?? null;
}
