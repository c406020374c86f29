// The page going into or out of a snapshot's read-only view (DocumentInfo.viewing). Every screen
// follows the plan in the store, so only what is kept beside the plan needs care: the Risk
// screen's last runs belong to the live plan, and are put aside while a snapshot is shown (and
// its own runs are dropped on the way back), so no figure of one is ever shown against the other.
import type { PlanSnapshot } from '../../shared/ipc';
import type { SnapshotInfo } from '../../shared/snapshots';
import { cancelRisk } from './analysis-client';
import { cancelLadder } from './questions-client';
import type { CompletedLadder, CompletedRisk } from './analysis-slice';
import { useStore } from './store';

interface LiveAnalysis {
  readonly risk: Readonly<Record<string, CompletedRisk>>;
  readonly ladder: Readonly<Record<string, CompletedLadder>>;
}

/** The live plan's runs, while a snapshot is shown. */
let live: LiveAnalysis | null = null;

export const viewingOf = (snapshot: PlanSnapshot | null): SnapshotInfo | null => snapshot?.info.viewing ?? null;

/**
 * Called with every plan the page is about to show. `previous` is null on the first load,
 * when what restoreViewState put in the store is the live plan's.
 */
export function followView(previous: PlanSnapshot | null, next: PlanSnapshot): void {
  const was = viewingOf(previous)?.id ?? null;
  const now = viewingOf(next)?.id ?? null;
  if (was === now) return;
  cancelRisk();
  cancelLadder();
  const s = useStore.getState();
  if (was === null) live = { risk: s.risk.results, ladder: s.ladder.results };
  const kept = now === null ? live : null;
  if (now === null) live = null;
  useStore.setState({
    risk: { run: null, progress: { status: 'idle' }, results: kept?.risk ?? {} },
    ladder: { run: null, progress: { status: 'idle' }, results: kept?.ladder ?? {} },
    problems: [],
    problemsLabel: null,
    // The figures of the plan left behind are not shown, even for a moment, under the other's name.
    byScenario: {},
    order: [],
    source: null,
    failure: null,
  });
}

/** Whether the page shows a snapshot (nothing it looks at is kept as the document's view). */
export const isViewingSnapshot = (): boolean => viewingOf(useStore.getState().snapshot) !== null;
