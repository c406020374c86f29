// The simulation answers the screens show, keyed by scenario id. Answers can overtake each
// other (a slider's drafts race the stored plan's requests), so which answer stands is
// decided here by pure functions, tested in test/renderer/results-slice.test.ts.
import type { StateCreator } from 'zustand';
import type { SimulationResult } from '../../shared/engine';
import type { ResolvedView } from '../logic/resolved';
import type { SimResponse } from '../logic/simulation';

export type SimFailure = Extract<SimResponse, { ok: false }>;

/** One scenario's simulation and resolved values, from the answer that stands. */
export interface ScenarioResult {
  readonly result: SimulationResult;
  readonly resolved: ResolvedView;
  /** The scenario as planned, without actuals (the outturn's budget); the result itself without actuals. */
  readonly budget: SimulationResult;
}

/** Which request the results answer: a draft is the stored plan with an edit not yet stored. */
export interface ResultsSource {
  readonly seq: number;
  readonly revision: number;
  readonly draft: boolean;
  readonly ms: number;
}

export interface ResultsState {
  /** Results by scenario id ('base' is the plan itself). */
  readonly byScenario: Readonly<Record<string, ScenarioResult>>;
  /** The scenario ids of byScenario in file order, base first. */
  readonly order: readonly string[];
  readonly source: ResultsSource | null;
  /** Set when the newest answer was a refusal (the plan or draft does not validate). */
  readonly failure: SimFailure | null;
  /** seq of the newest request sent to the worker, and of the newest answer received. */
  readonly requested: number;
  readonly answered: number;
  /** A draft not yet answered whose plan is what got stored: its answer stands for that revision. */
  readonly adopting: { readonly seq: number; readonly revision: number } | null;
}

export const noResults: ResultsState = {
  byScenario: {},
  order: [],
  source: null,
  failure: null,
  requested: 0,
  answered: 0,
  adopting: null,
};

function withResults(
  state: ResultsState,
  order: readonly string[],
  byScenario: Record<string, ScenarioResult>,
  source: ResultsSource,
): ResultsState {
  return { ...state, byScenario, order, source };
}

/** A request went to the worker. */
export function requestSent(state: ResultsState, seq: number): ResultsState {
  return { ...state, requested: seq };
}

/**
 * An answer arrived. It stands only if it answers a newer request than any answer received,
 * and, if a draft, only if it was built on the stored revision (and not on an older one).
 * `storedRevision` is the revision of the plan the page holds, null before the first load.
 */
export function answerReceived(state: ResultsState, response: SimResponse, storedRevision: number | null): ResultsState {
  if (response.seq <= state.answered) return state;
  let answer = response;
  let adopting = state.adopting;
  if (adopting && adopting.seq === response.seq) {
    answer = { ...response, draft: false, revision: adopting.revision };
    adopting = null;
  }
  const received = { ...state, answered: answer.seq, adopting };
  if (answer.draft && isStaleDraft(state, answer.revision, storedRevision)) return received;
  if (!answer.ok) return { ...received, failure: answer };
  const byScenario: Record<string, ScenarioResult> = {};
  answer.results.forEach((result, i) => {
    byScenario[result.id] = { result, resolved: answer.resolved[i], budget: answer.budgets?.[i] ?? result };
  });
  const source = { seq: answer.seq, revision: answer.revision, draft: answer.draft, ms: answer.ms };
  return withResults(
    { ...received, failure: null },
    answer.results.map((r) => r.id),
    byScenario,
    source,
  );
}

/** A draft of an older revision than the one stored, or than the stored results, is out of date. */
function isStaleDraft(state: ResultsState, draftRevision: number, storedRevision: number | null): boolean {
  if (storedRevision !== null && draftRevision !== storedRevision) return true;
  return state.source !== null && !state.source.draft && state.source.revision > draftRevision;
}

/**
 * The stored plan is exactly the draft sent as `seq`, so that draft's answer stands for
 * `revision` and nothing is simulated again. Returns null when the draft is no longer the
 * newest request, or its answer did not stand: the stored plan must then be simulated.
 */
export function draftAdopted(state: ResultsState, seq: number, revision: number): ResultsState | null {
  if (state.requested !== seq) return null;
  if (state.answered < seq) return { ...state, adopting: { seq, revision } };
  if (state.source?.seq !== seq) return null;
  return withResults(state, state.order, { ...state.byScenario }, { ...state.source, draft: false, revision });
}

/** Drops the results of scenarios no longer in the stored plan (deleted or renamed ids). */
export function keepScenarios(state: ResultsState, ids: readonly string[]): ResultsState {
  const keep = new Set(ids);
  if (state.order.every((id) => keep.has(id)) || !state.source) return state;
  const order = state.order.filter((id) => keep.has(id));
  const byScenario = Object.fromEntries(order.map((id) => [id, state.byScenario[id]]));
  return withResults(state, order, byScenario, state.source);
}

export interface ResultsSlice extends ResultsState {
  setRequested: (seq: number) => void;
  receive: (response: SimResponse) => void;
  /** See draftAdopted: false when the stored plan must be simulated after all. */
  adopt: (seq: number, revision: number) => boolean;
  keepScenarios: (ids: readonly string[]) => void;
}

/** The slice, over a store that also holds the stored plan's snapshot. */
export function createResultsSlice<S extends ResultsSlice & { snapshot: { info: { revision: number } } | null }>(): StateCreator<
  S,
  [],
  [],
  ResultsSlice
> {
  return (set, get) => {
    const update = (next: ResultsState) => {
      if (next !== get()) set(next as Partial<S>);
    };
    return {
      ...noResults,
      setRequested: (seq) => update(requestSent(get(), seq)),
      receive: (response) => {
        const before = get();
        const next = answerReceived(before, response, before.snapshot?.info.revision ?? null);
        if (next.byScenario !== before.byScenario || next.failure !== before.failure) performance.mark('headroom:results-received');
        update(next);
      },
      adopt: (seq, revision) => {
        const next = draftAdopted(get(), seq, revision);
        if (next) update(next);
        return next !== null;
      },
      keepScenarios: (ids) => update(keepScenarios(get(), ids)),
    };
  };
}
