// A list keyed by id remounts a row whose id is renamed, and the focused field goes with it:
// once the next plan is shown, focus what has the test id, unless the person has moved on.
import type { PlanEdit } from '../../shared/edits';
import { useStore } from '../store/store';

export function refocusAfterNextPlan(testId: string): void {
  const stop = useStore.subscribe((s, previous) => {
    if (s.snapshot === previous.snapshot) return;
    stop();
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testId)}"]`)?.focus();
    });
  });
}

/** An edit as is; when it gives something a new id, focus follows to `testId(newId)`. */
export function refocusIfRenamed(edit: PlanEdit, testId: (id: string) => string): PlanEdit {
  const op = edit.ops.find((o) => o.op === 'set' && o.path.length === 3 && o.path[2] === 'id');
  if (op && op.op === 'set' && typeof op.value === 'string') refocusAfterNextPlan(testId(op.value));
  return edit;
}
