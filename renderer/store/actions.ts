// Async actions: they await the API and put what comes back into the store. Every change
// to the plan goes through api.applyEdit (stored at once: there is no Save button).
import { api } from '../api';
import { applyEdit as applyEditLocally, type PlanEdit } from '../../shared/edits';
import { planJsonFileName } from '../../shared/file-name';
import type { EditResult, PlanSnapshot } from '../../shared/ipc';
import { downloadFile, downloadText } from '../download';
import { stableJson } from '../logic/json';
import { followRenamedIds } from './follow-ids';
import { adoptDraft, requestSimulation } from './sim-client';
import { exportSnapshotJson } from './snapshots';
import { followView } from './snapshot-view';
import { restoreViewState } from './view-state';
import { useStore } from './store';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The draft simulated while an edit is on its way to the store, to adopt if stored as is. */
let optimistic: { seq: number; json: string } | null = null;

export function show(snapshot: PlanSnapshot) {
  const previous = useStore.getState().snapshot;
  followView(previous, snapshot);
  // A renamed id and the plan that has it arrive together, so no screen sees one without the other.
  const followed = previous ? followRenamedIds(previous.plan, snapshot.plan, useStore.getState()) : null;
  if (followed) useStore.setState({ ...followed, snapshot, loadError: null });
  else useStore.getState().setSnapshot(snapshot);
  // Results of a deleted scenario go at once, before the new answer arrives.
  useStore.getState().keepScenarios(['base', ...(snapshot.plan.scenarios ?? []).map((sc) => sc.id)]);
  if (previous && previous.info.revision === snapshot.info.revision && previous.plan === snapshot.plan) return;
  const draft = optimistic;
  optimistic = null;
  if (draft && draft.json === stableJson(snapshot.plan) && adoptDraft(draft.seq, snapshot.info.revision)) return;
  requestSimulation(snapshot.plan, { draft: false, revision: snapshot.info.revision });
}

export async function loadDocument(): Promise<void> {
  try {
    const snapshot = await api.getPlan();
    await restoreViewState();
    show(snapshot);
  } catch (error) {
    useStore.getState().setLoadError(errorText(error));
  }
}

/** Stores an edit; a refused edit leaves the plan as it was and its problems at their fields. */
export async function applyEdit(edit: PlanEdit): Promise<EditResult> {
  const store = useStore.getState();
  store.setPending(edit);
  performance.mark('headroom:edit-sent');
  // Simulate the edited plan at once, while the store checks and saves it: the screen
  // shows the new result without waiting for the round trip.
  const draft = simulateDraft(edit);
  optimistic = draft && { seq: draft.seq, json: stableJson(draft.plan) };
  try {
    const result = await api.applyEdit(edit);
    performance.mark('headroom:edit-stored');
    if (result.ok) {
      useStore.getState().setProblems([]);
      show(result.snapshot);
    } else {
      optimistic = null;
      useStore.getState().setProblems(result.problems, edit.label);
      resimulateStored();
    }
    return result;
  } catch (error) {
    optimistic = null;
    const problems = [{ path: '(plan)', message: `could not be saved: ${errorText(error)}` }];
    useStore.getState().setProblems(problems, edit.label);
    resimulateStored();
    return { ok: false, problems };
  } finally {
    useStore.getState().setPending(null);
  }
}

/** Sends the stored plan with an edit applied to be simulated as a draft; the draft, or null when there is none. */
function simulateDraft(edit: PlanEdit): { seq: number; plan: unknown } | null {
  const snapshot = useStore.getState().snapshot;
  if (!snapshot || snapshot.info.readOnly || edit.ops.length === 0) return null;
  let draft: unknown;
  try {
    draft = applyEditLocally(snapshot.plan, edit).plan;
  } catch {
    return null;
  }
  return { seq: requestSimulation(draft, { draft: true, revision: snapshot.info.revision }), plan: draft };
}

/** Simulates the stored plan with an edit not yet stored (a slider being dragged); nothing else is kept of it. */
export function previewEdit(edit: PlanEdit): void {
  simulateDraft(edit);
}

/** Back to the stored plan's results (a draft was abandoned or refused). */
export function resimulateStored(): void {
  const snapshot = useStore.getState().snapshot;
  if (snapshot) requestSimulation(snapshot.plan, { draft: false, revision: snapshot.info.revision });
}

export function clearProblems(): void {
  if (useStore.getState().problems.length > 0) useStore.getState().setProblems([]);
}

export async function undo(): Promise<void> {
  if (!useStore.getState().snapshot?.info.undoLabel) return;
  try {
    clearProblems();
    show(await api.undo());
  } catch (error) {
    useStore.getState().setProblems([{ path: '(plan)', message: `could not undo: ${errorText(error)}` }]);
  }
}

export async function redo(): Promise<void> {
  if (!useStore.getState().snapshot?.info.redoLabel) return;
  try {
    clearProblems();
    show(await api.redo());
  } catch (error) {
    useStore.getState().setProblems([{ path: '(plan)', message: `could not redo: ${errorText(error)}` }]);
  }
}

export async function importPlanJson(text: string): Promise<EditResult> {
  try {
    const result = await api.importPlanJson(text);
    if (result.ok) {
      clearProblems();
      show(result.snapshot);
    } else {
      useStore.getState().setProblems(result.problems, 'Import plan');
    }
    return result;
  } catch (error) {
    const problems = [{ path: '(file)', message: `could not be imported: ${errorText(error)}` }];
    useStore.getState().setProblems(problems, 'Import plan');
    return { ok: false, problems };
  }
}

export async function exportPlanJson(): Promise<void> {
  const snapshot = useStore.getState().snapshot;
  // A snapshot being looked at is exported under its own name, never as the live document.
  const viewing = snapshot?.info.viewing;
  if (viewing) return exportSnapshotJson(viewing.id);
  const text = await api.exportPlanJson();
  downloadText(planJsonFileName(snapshot?.info.fileName), 'application/json', text);
}

/** Asks the API for the comparison file and hands it to the browser as a download. */
export async function exportComparison(format: 'csv' | 'xlsx', scenarioIds: readonly string[]): Promise<string> {
  const file = await api.exportComparison({ format, scenarioIds: [...scenarioIds] });
  return downloadFile(file);
}

/**
 * Asks the API for the briefing (PDF printed by main or the harness, or its HTML) and downloads it;
 * `historyAnnex` ends it with the changes stored after a snapshot (since: its id) or every change (null).
 */
export async function exportBriefing(
  format: 'pdf' | 'html',
  scenarioIds: readonly string[],
  historyAnnex?: { since: number | null },
): Promise<string> {
  const file = await api.exportBriefing({ scenarioIds: [...scenarioIds], format, ...(historyAnnex ? { historyAnnex } : {}) });
  return downloadFile(file);
}

/** Asks the API for the forecast outturn report of a scenario and FY ("2021/22") and downloads it; `budget`: a snapshot's scenario. */
export async function exportOutturn(
  format: 'xlsx' | 'pdf',
  scenarioId: string,
  fy: string,
  budget?: { snapshotId: number; snapshotScenarioId: string },
): Promise<string> {
  const file = await api.exportOutturn({ scenarioId, fy, format, ...(budget ? { budget } : {}) });
  return downloadFile(file);
}

/** A command main works out and stores (renaming or deleting a plan variable): shown like an edit. */
export async function storeCommand(label: string, run: () => Promise<EditResult>): Promise<EditResult> {
  try {
    const result = await run();
    if (result.ok) {
      clearProblems();
      show(result.snapshot);
    } else useStore.getState().setProblems(result.problems, label);
    return result;
  } catch (error) {
    const problems = [{ path: '(plan)', message: `could not be saved: ${errorText(error)}` }];
    useStore.getState().setProblems(problems, label);
    return { ok: false, problems };
  }
}
