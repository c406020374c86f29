// Which simulation answer stands when answers overtake each other (renderer/store/results-slice.ts).
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { runSimulation, type SimResponse } from '../../renderer/logic/simulation';
import {
  answerReceived,
  createResultsSlice,
  draftAdopted,
  keepScenarios,
  noResults,
  requestSent,
  type ResultsSlice,
  type ResultsState,
} from '../../renderer/store/results-slice';
import { workedExample } from './fixtures';

type Plan = ReturnType<typeof workedExample>;

/** The worked example with service A costing more, so its answers differ from the plan's. */
function dearer(): Plan {
  const plan = workedExample();
  plan.interventions[0].annualCost = 72_000;
  return plan;
}

function answer(plan: unknown, seq: number, opts: { draft?: boolean; revision?: number } = {}): SimResponse {
  return { ...runSimulation(plan), seq, draft: opts.draft ?? false, revision: opts.revision ?? 1, ms: 1 };
}

function refusal(seq: number, revision = 1): SimResponse {
  return { ok: false, problems: [{ path: 'name', message: 'is required' }], seq, draft: false, revision, ms: 1 };
}

/** Sends requests 1..n, as the sim client does. */
function sent(n: number, state: ResultsState = noResults): ResultsState {
  for (let seq = state.requested + 1; seq <= n; seq++) state = requestSent(state, seq);
  return state;
}

const plan = workedExample();
const other = dearer();

describe('results keyed by scenario id', () => {
  it('keeps each scenario’s result and resolved values under its id, in file order', () => {
    const state = answerReceived(sent(1), answer(plan, 1), 1);
    expect(state.order).toEqual(['base', 'prudent']);
    expect(state.byScenario.prudent.result.id).toBe('prudent');
    expect(state.byScenario.prudent.result.totals.usersLosingSupport).toBe(70);
    expect(state.byScenario.base.resolved.fys).toEqual([2021, 2022]);
    expect(state.order.map((id) => state.byScenario[id].result.id)).toEqual(['base', 'prudent']);
    expect(state.source).toEqual({ seq: 1, revision: 1, draft: false, ms: 1 });
  });
});

describe('answers out of order', () => {
  it('ignores an older request answering after a newer one', () => {
    const newer = answer(other, 2);
    let state = answerReceived(sent(2), newer, 1);
    const before = state;
    state = answerReceived(state, answer(plan, 1), 1);
    expect(state).toBe(before);
    expect(newer.ok && state.byScenario.prudent.result).toBe(newer.ok && newer.results[1]);
    expect(state.answered).toBe(2);
  });

  it('is stale while a newer request is on its way, and not once it is answered', () => {
    let state = answerReceived(sent(2), answer(plan, 1), 1);
    expect(state.requested > state.answered).toBe(true);
    state = answerReceived(state, answer(other, 2), 1);
    expect(state.requested).toBe(state.answered);
  });

  it('keeps the last results beside a newer refusal, and drops the refusal with the next success', () => {
    let state = answerReceived(sent(3), answer(plan, 1), 1);
    state = answerReceived(state, refusal(2), 1);
    expect(state.failure?.seq).toBe(2);
    expect(state.source?.seq).toBe(1);
    state = answerReceived(state, refusal(1), 1);
    expect(state.failure?.seq).toBe(2);
    state = answerReceived(state, answer(other, 3), 1);
    expect(state.failure).toBeNull();
    expect(state.source?.seq).toBe(3);
  });
});

describe('drafts (a slider being dragged)', () => {
  it('shows a draft of the stored revision in place of the stored results', () => {
    let state = answerReceived(sent(1), answer(plan, 1, { revision: 4 }), 4);
    state = answerReceived(sent(2, state), answer(other, 2, { draft: true, revision: 4 }), 4);
    expect(state.source).toMatchObject({ seq: 2, draft: true, revision: 4 });
  });

  it('never lets a draft replace the stored results of a different plan revision', () => {
    // Revision 5 is stored and its results shown; a draft built on revision 4 answers late.
    let state = answerReceived(sent(2), answer(plan, 2, { revision: 5 }), 5);
    state = answerReceived(sent(3, state), answer(other, 3, { draft: true, revision: 4 }), 5);
    expect(state.source).toMatchObject({ seq: 2, draft: false, revision: 5 });
    expect(state.answered).toBe(3);
  });

  it('ignores a draft of an older revision even before the stored plan’s own answer arrives', () => {
    // The store moved to revision 5 (request 3) while the draft of revision 4 (request 2) was out.
    let state = answerReceived(sent(1), answer(plan, 1, { revision: 4 }), 4);
    state = sent(3, state);
    state = answerReceived(state, answer(other, 2, { draft: true, revision: 4 }), 5);
    expect(state.source).toMatchObject({ seq: 1, revision: 4, draft: false });
    state = answerReceived(state, answer(other, 3, { revision: 5 }), 5);
    expect(state.source).toMatchObject({ seq: 3, revision: 5, draft: false });
  });

  it('adopts an answered draft as the stored plan’s result when the store kept the draft as is', () => {
    let state = answerReceived(sent(2), answer(other, 2, { draft: true, revision: 4 }), 4);
    const adopted = draftAdopted(state, 2, 5);
    expect(adopted?.source).toMatchObject({ seq: 2, draft: false, revision: 5 });
    expect(adopted?.byScenario.prudent).toBe(state.byScenario.prudent);
    state = adopted!;
    expect(state.source?.draft).toBe(false);
  });

  it('adopts a draft still on its way: its answer arrives as the stored revision’s', () => {
    let state = draftAdopted(sent(2), 2, 5)!;
    expect(state.adopting).toEqual({ seq: 2, revision: 5 });
    // The page already holds revision 5; the draft was built on 4, yet it stands.
    state = answerReceived(state, answer(other, 2, { draft: true, revision: 4 }), 5);
    expect(state.source).toMatchObject({ seq: 2, draft: false, revision: 5 });
    expect(state.adopting).toBeNull();
  });

  it('refuses to adopt a draft that is no longer the newest request, or whose answer did not stand', () => {
    expect(draftAdopted(sent(3), 2, 5)).toBeNull();
    const refused = answerReceived(sent(2), { ...refusal(2), draft: true }, 1);
    expect(draftAdopted(refused, 2, 2)).toBeNull();
  });
});

describe('deleted scenarios', () => {
  it('drops the results of a scenario the newest answer no longer has', () => {
    let state = answerReceived(sent(1), answer(plan, 1), 1);
    const withoutPrudent = { ...workedExample(), scenarios: [] };
    state = answerReceived(sent(2, state), answer(withoutPrudent, 2, { revision: 2 }), 2);
    expect(state.order).toEqual(['base']);
    expect(Object.keys(state.byScenario)).toEqual(['base']);
  });

  it('drops them as soon as the stored plan loses the scenario, before its answer', () => {
    let state = answerReceived(sent(1), answer(plan, 1), 1);
    state = keepScenarios(state, ['base']);
    expect(state.order).toEqual(['base']);
    expect(state.byScenario.prudent).toBeUndefined();
    expect(Object.keys(state.byScenario)).toEqual(['base']);
    expect(keepScenarios(state, ['base', 'prudent'])).toBe(state);
  });
});

describe('the slice in a store', () => {
  it('reads the stored revision from the snapshot to judge drafts', () => {
    type S = ResultsSlice & { snapshot: { info: { revision: number } } | null };
    const store = createStore<S>()((...a) => ({ snapshot: { info: { revision: 7 } }, ...createResultsSlice<S>()(...a) }));
    store.getState().setRequested(1);
    store.getState().receive(answer(plan, 1, { revision: 7 }));
    store.getState().setRequested(2);
    store.getState().receive(answer(other, 2, { draft: true, revision: 6 }));
    expect(store.getState().source).toMatchObject({ seq: 1, revision: 7, draft: false });
    store.getState().setRequested(3);
    expect(store.getState().adopt(3, 8)).toBe(true);
    expect(store.getState().adopt(2, 8)).toBe(false);
  });
});
