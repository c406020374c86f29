// What the page is shown while a snapshot is open, and what it may change: the pure decisions
// behind the handlers (electron/snapshot-view.ts).
import { describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import type { PlanSnapshot } from '../../shared/ipc';
import type { Plan } from '../../shared/plan';
import type { SnapshotInfo } from '../../shared/snapshots';
import {
  actualsPreviewRefusal,
  changeRefusal,
  liveResult,
  readOnlyMessage,
  sheetPreviewRefusal,
  shownSnapshot,
  SNAPSHOT_PROBLEM_PATH,
  unlessViewing,
  type SnapshotView,
} from '../../electron/snapshot-view';

const livePlan = demoPlan as unknown as Plan;
const frozenPlan: Plan = { ...livePlan, name: 'As approved' };
const info: SnapshotInfo = {
  id: 4,
  name: 'Budget as approved, February',
  note: 'Board, 3 February',
  takenAt: '2027-02-03T10:15:00.000Z',
  revision: 7,
  planName: 'As approved',
  scenarios: [{ id: 'base', name: 'Base' }],
};
const view: SnapshotView = { info: { ...info, figuresAsFrozen: true }, plan: frozenPlan };
const live: PlanSnapshot = {
  info: {
    path: '/plans/Ours.headroom',
    fileName: 'Ours.headroom',
    readOnly: false,
    revision: 12,
    undoLabel: 'Rename plan',
    redoLabel: 'Youth outreach: annual cost',
    undoTrimmed: false,
  },
  plan: livePlan,
};
const message = 'Snapshot "Budget as approved, February" is read-only: go back to the live plan to change it';

describe('the snapshot view', () => {
  it('shows the live plan as it is, saying no snapshot is open', () => {
    expect(shownSnapshot(live, null)).toEqual({ info: { ...live.info, viewing: null }, plan: livePlan });
  });

  it('shows a snapshot read-only, with its frozen plan and nothing to undo or redo', () => {
    const shown = shownSnapshot(live, view);
    expect(shown.plan).toBe(frozenPlan);
    expect(shown.info).toEqual({
      ...live.info,
      readOnly: true,
      undoLabel: null,
      redoLabel: null,
      viewing: { ...info, figuresAsFrozen: true },
    });
  });

  it('refuses every change while a snapshot is open, naming it, and lets the live plan change', () => {
    expect(readOnlyMessage(info.name)).toBe(message);
    expect(changeRefusal(view)).toEqual([{ path: SNAPSHOT_PROBLEM_PATH, message }]);
    expect(changeRefusal(null)).toBeNull();
    let ran = 0;
    const run = () => {
      ran++;
      return { ok: true as const, snapshot: live };
    };
    expect(unlessViewing(view, run)).toEqual({ ok: false, problems: [{ path: '(snapshot)', message }] });
    expect(ran).toBe(0);
    expect(unlessViewing(null, run)).toEqual({ ok: true, snapshot: live });
    expect(ran).toBe(1);
  });

  it('refuses previews of imports in their own shapes', () => {
    expect(actualsPreviewRefusal(view)).toEqual({ ok: false, errors: [message], unmatched: [], header: null });
    expect(actualsPreviewRefusal(null)).toBeNull();
    expect(sheetPreviewRefusal(view, 'costs.xlsx')).toEqual({
      ok: false,
      file: 'costs.xlsx',
      problems: [{ sheet: null, row: null, column: null, message, text: message }],
    });
    expect(sheetPreviewRefusal(null, 'costs.xlsx')).toBeNull();
  });

  it('marks a stored change as the live plan, and passes a refusal on unchanged', () => {
    expect(liveResult({ ok: true, snapshot: live })).toEqual({
      ok: true,
      snapshot: { info: { ...live.info, viewing: null }, plan: livePlan },
    });
    const refused = { ok: false as const, problems: [{ path: 'name', message: 'is required' }] };
    expect(liveResult(refused)).toBe(refused);
  });
});
