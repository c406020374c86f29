// The document's view state (shared/view-state.ts) between the store and the app's settings:
// restored when the document opens, and sent back whenever what the person is looking at
// changes, so that the screen, the scenario in view, Compare's ticks, the headline FY and
// the last risk results survive a reload and a restart. A document without one opens on its
// headline scenario (shared/cliff-edge.ts), Base beside it.
import { headlineFyOf, headlineScenarioId } from '../../shared/cliff-edge';
import type { ViewState } from '../../shared/view-state';
import { api } from '../api';
import type { CompletedRisk } from './analysis-slice';
import { isViewingSnapshot } from './snapshot-view';
import { useStore, type Store } from './store';

let restored = false;
let sent = '';
let sending: Promise<void> | null = null;

function viewOf(s: Store): ViewState {
  return {
    screen: s.screen,
    scenarioId: s.scenarioId,
    compareIds: [...s.compareIds],
    headlineFy: s.headlineFy,
    riskScenarioId: s.riskScenarioId,
    risk: { ...s.risk.results } as unknown as ViewState['risk'],
  };
}

/** Sends the newest view state, one request at a time; a state already sent is not sent again. */
function send(): void {
  // What is looked at in a snapshot is not the document's view: it is not kept.
  if (sending || isViewingSnapshot()) return;
  const text = JSON.stringify(viewOf(useStore.getState()));
  if (text === sent) return;
  sending = api
    .setViewState(JSON.parse(text) as ViewState)
    .then(() => {
      sent = text;
    })
    .catch(() => {
      // Keeping the view is a convenience: a failure to keep it never gets in the way.
      sent = text;
    })
    .finally(() => {
      sending = null;
      send();
    });
}

/** Opens the first scenario with most at stake once the first results arrive. */
function openOnHeadline(): () => void {
  const stop = useStore.subscribe((s) => {
    if (!s.source) return;
    stop();
    const results = s.order.map((id) => s.byScenario[id].result);
    const fy = headlineFyOf(s.snapshot?.plan ?? {}, results);
    useStore.setState({ scenarioId: headlineScenarioId(results, fy) });
  });
  return stop;
}

/** Restores the document's view state (once per page), then keeps it as it changes. */
export async function restoreViewState(): Promise<void> {
  if (restored) return;
  restored = true;
  let state: ViewState | null = null;
  try {
    state = await api.getViewState();
  } catch {
    state = null;
  }
  if (state) {
    useStore.setState({
      screen: state.screen,
      scenarioId: state.scenarioId,
      compareIds: state.compareIds,
      headlineFy: state.headlineFy,
      riskScenarioId: state.riskScenarioId,
    });
    useStore.setState((s) => ({ risk: { ...s.risk, results: state.risk as unknown as Record<string, CompletedRisk> } }));
    sent = JSON.stringify(viewOf(useStore.getState()));
  } else if (!useStore.getState().source) {
    openOnHeadline();
  }
  useStore.subscribe((s, previous) => {
    if (
      s.screen !== previous.screen ||
      s.scenarioId !== previous.scenarioId ||
      s.compareIds !== previous.compareIds ||
      s.headlineFy !== previous.headlineFy ||
      s.riskScenarioId !== previous.riskScenarioId ||
      s.risk.results !== previous.risk.results ||
      (s.snapshot?.info.viewing ?? null) !== (previous.snapshot?.info.viewing ?? null)
    )
      send();
  });
}
