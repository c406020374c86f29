// State of the Risk screen's runs: settings, progress and the last completed results, kept
// in the store so they survive a visit to another screen. Plain setters only; the worker
// pool that fills them is in analysis-client.ts.
import type { StateCreator } from 'zustand';
import type { LadderRow } from '../../shared/uncertainty/ladder';
import { DEFAULT_DRAWS, type RiskView } from '../logic/risk-run';

export type RunProgress =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly done: number; readonly total: number; readonly workers: number }
  | { readonly status: 'cancelled'; readonly done: number; readonly total: number }
  | { readonly status: 'failed'; readonly message: string };

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
  readonly revision: number;
}

export interface AnalysisSlice {
  riskScenarioId: string | null;
  riskDraws: string;
  riskSeed: string;
  riskProgress: RunProgress;
  riskResult: CompletedRisk | null;
  ladderSettings: LadderSettings | null;
  ladderProgress: RunProgress;
  ladderResult: CompletedLadder | null;
  setRiskScenarioId: (id: string) => void;
  setRiskSettings: (settings: { draws?: string; seed?: string }) => void;
  setRiskProgress: (progress: RunProgress) => void;
  setRiskResult: (result: CompletedRisk | null) => void;
  setLadderSettings: (settings: LadderSettings) => void;
  setLadderProgress: (progress: RunProgress) => void;
  setLadderResult: (result: CompletedLadder | null) => void;
}

export const createAnalysisSlice = <S extends AnalysisSlice>(): StateCreator<S, [], [], AnalysisSlice> => (set) => ({
  riskScenarioId: null,
  riskDraws: String(DEFAULT_DRAWS),
  riskSeed: '1',
  riskProgress: { status: 'idle' },
  riskResult: null,
  ladderSettings: null,
  ladderProgress: { status: 'idle' },
  ladderResult: null,
  setRiskScenarioId: (riskScenarioId) => set({ riskScenarioId } as Partial<S>),
  setRiskSettings: ({ draws, seed }) => set((s) => ({ riskDraws: draws ?? s.riskDraws, riskSeed: seed ?? s.riskSeed }) as Partial<S>),
  setRiskProgress: (riskProgress) => set({ riskProgress } as Partial<S>),
  setRiskResult: (riskResult) => set({ riskResult } as Partial<S>),
  setLadderSettings: (ladderSettings) => set({ ladderSettings } as Partial<S>),
  setLadderProgress: (ladderProgress) => set({ ladderProgress } as Partial<S>),
  setLadderResult: (ladderResult) => set({ ladderResult } as Partial<S>),
});
