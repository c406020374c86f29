// The document's snapshots as the page knows them, and what the Snapshots screen and the
// snapshot banner ask of main: take, open read-only and go back, export, restore, delete.
// Opening and closing come back as the plan to show, which goes through show() like any plan.
import { create } from 'zustand';
import type { TakeSnapshotResult } from '../../shared/ipc';
import type { SnapshotInfo, TakeSnapshot } from '../../shared/snapshots';
import { api } from '../api';
import { downloadFile } from '../download';
import { show } from './actions';
import { useStore } from './store';

interface SnapshotList {
  /** Oldest first; null until first asked for. */
  readonly list: readonly SnapshotInfo[] | null;
  /** What went wrong the last time main was asked, for the screen to say. */
  readonly error: string | null;
}

export const useSnapshotList = create<SnapshotList>(() => ({ list: null, error: null }));

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs a request; a failure is said on the Snapshots screen and leaves everything as it was. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    const answer = await run();
    useSnapshotList.setState({ error: null });
    return answer;
  } catch (error) {
    useSnapshotList.setState({ error: `${what}: ${errorText(error)}` });
    return null;
  }
}

export async function refreshSnapshots(): Promise<void> {
  const list = await attempt('The snapshots could not be listed', () => api.listSnapshots());
  if (list) useSnapshotList.setState({ list });
}

/** Takes a snapshot of the live plan; a refusal comes back with its problems for the form to show. */
export async function takeSnapshot(input: TakeSnapshot): Promise<TakeSnapshotResult | null> {
  const result = await attempt('The snapshot was not taken', () => api.takeSnapshot(input));
  if (result?.ok) useSnapshotList.setState({ list: result.snapshots });
  return result;
}

export async function openSnapshot(id: number): Promise<void> {
  const shown = await attempt('The snapshot could not be opened', () => api.openSnapshot({ id }));
  if (shown) show(shown);
}

export async function closeSnapshot(): Promise<void> {
  const shown = await attempt('The live plan could not be shown', () => api.closeSnapshot());
  if (shown) show(shown);
}

export async function exportSnapshotJson(id: number): Promise<void> {
  const file = await attempt('The snapshot could not be exported', () => api.exportSnapshotJson({ id }));
  if (file) downloadFile(file);
}

/** A new document holding the snapshot's plan; the page then reloads onto it, as after New plan. */
export async function restoreSnapshot(id: number): Promise<void> {
  const result = await attempt('The snapshot could not be restored', () => api.restoreSnapshot({ id }));
  if (result?.ok) window.location.reload();
  else if (result && !result.cancelled) {
    useSnapshotList.setState({ error: `The snapshot could not be restored: ${result.problems.map((p) => p.message).join('; ')}` });
  }
}

/** Deletes a snapshot for good; deleting the one being looked at goes back to the live plan. */
export async function deleteSnapshot(snapshot: SnapshotInfo): Promise<boolean> {
  const list = await attempt('The snapshot was not deleted', () => api.deleteSnapshot({ id: snapshot.id, name: snapshot.name }));
  if (!list) return false;
  useSnapshotList.setState({ list });
  if (useStore.getState().snapshot?.info.viewing?.id === snapshot.id) {
    const shown = await attempt('The live plan could not be shown', () => api.getPlan());
    if (shown) show(shown);
  }
  return true;
}
