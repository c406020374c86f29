// While a window looks at a snapshot, the page is shown its frozen plan, read-only, and every
// command that would change the plan is refused with why. The decisions are here, pure, so
// that the handlers only ask: what does the page see, and may this change go ahead?
import type { ActualsImportAnswer } from '../shared/actuals-import';
import type { EditResult, PlanSnapshot } from '../shared/ipc';
import type { Plan } from '../shared/plan';
import type { PlanProblem } from '../shared/problem';
import type { SheetImportAnswer } from '../shared/sheet-import';
import type { SnapshotInfo, ViewedSnapshot } from '../shared/snapshots';

/** A snapshot being looked at: what it is, and its frozen plan. */
export interface SnapshotView {
  readonly info: ViewedSnapshot;
  readonly plan: Plan;
}

/** "<plan> - <snapshot>": what a snapshot's exports and restored document are called. */
export function snapshotFileBase(info: Pick<SnapshotInfo, 'planName' | 'name'>): string {
  return `${info.planName} - ${info.name}`;
}

/** Where a refusal points: the snapshot itself, not a field of the plan. */
export const SNAPSHOT_PROBLEM_PATH = '(snapshot)';

export function readOnlyMessage(name: string): string {
  return `Snapshot "${name}" is read-only: go back to the live plan to change it`;
}

/** A snapshot asked for by an id the document does not have. */
export function noSnapshotMessage(id: number): string {
  return `This plan has no snapshot number ${id} (it may have been deleted)`;
}

/** Why a change is refused while `view` is open; null (go ahead) on the live plan. */
export function changeRefusal(view: SnapshotView | null): readonly PlanProblem[] | null {
  return view ? [{ path: SNAPSHOT_PROBLEM_PATH, message: readOnlyMessage(view.info.name) }] : null;
}

/** A command that would store a change, run only on the live plan. */
export function unlessViewing<T>(
  view: SnapshotView | null,
  run: () => T,
): T | { readonly ok: false; readonly problems: readonly PlanProblem[] } {
  const problems = changeRefusal(view);
  return problems ? { ok: false, problems } : run();
}

/**
 * What the page is shown: the live document's plan and info, or, while a snapshot is open,
 * its frozen plan, read-only and with nothing to undo or redo (the live plan's history is
 * not the snapshot's). `viewing` always says which.
 */
export function shownSnapshot(live: PlanSnapshot, view: SnapshotView | null): PlanSnapshot {
  if (!view) return { info: { ...live.info, viewing: null }, plan: live.plan };
  return {
    info: { ...live.info, readOnly: true, undoLabel: null, redoLabel: null, viewing: view.info },
    plan: view.plan,
  };
}

/** A stored change's answer, its snapshot marked as the live plan's. */
export function liveResult(result: EditResult): EditResult {
  return result.ok ? { ok: true, snapshot: shownSnapshot(result.snapshot, null) } : result;
}

/** A spreadsheet of actuals read while a snapshot is open: refused, so nothing can be imported into it. */
export function actualsPreviewRefusal(view: SnapshotView | null): ActualsImportAnswer | null {
  return view ? { ok: false, errors: [readOnlyMessage(view.info.name)], unmatched: [], header: null } : null;
}

/** A plan spreadsheet read while a snapshot is open: refused likewise. */
export function sheetPreviewRefusal(view: SnapshotView | null, file: string): SheetImportAnswer | null {
  if (!view) return null;
  const message = readOnlyMessage(view.info.name);
  return { ok: false, file, problems: [{ sheet: null, row: null, column: null, message, text: message }] };
}
