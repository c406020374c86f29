// The window: a left nav of screens, the document bar (name, undo/redo, import/export)
// and the screen itself.
import { useEffect, type ReactNode } from 'react';
import { problemInWords } from '../shared/problem-words';
import { isNewPlanKey, isTypingTarget, shortcutFor } from './logic/keys';
import { loadDocument, redo, undo, clearProblems } from './store/actions';
import { useSimFailure, useStale } from './store/hooks';
import { useStore, type Screen } from './store/store';
import { Overview } from './screens/Overview';
import { Funding } from './screens/Funding';
import { Interventions } from './screens/interventions/Interventions';
import { Scenarios } from './screens/Scenarios';
import { Results } from './screens/Results';
import { Compare } from './screens/Compare';
import { Risk } from './screens/Risk';
import { Outturn } from './screens/outturn/Outturn';
import { ImportActualsDialog } from './screens/outturn/ImportActualsDialog';
import { SheetImportDialog } from './screens/sheet-import/SheetImportDialog';
import { DropChoiceDialog, useSpreadsheetDrop } from './screens/sheet-import/drop';
import { NewPlanDialog } from './screens/plan/NewPlanDialog';
import { openNewPlan } from './screens/plan/new-plan-state';
import { PlanSettings } from './screens/plan/PlanSettings';
import { History } from './screens/history/History';
import { DocumentBar } from './components/DocumentBar';
import { SnapshotBanner } from './components/SnapshotBanner';
import { Snapshots } from './screens/snapshots/Snapshots';
import './App.css';

const SCREENS: { id: Screen; label: string; hint: string }[] = [
  { id: 'overview', label: 'Overview', hint: 'Headlines and decisions due' },
  { id: 'funding', label: 'Funding', hint: 'Streams by year' },
  { id: 'interventions', label: 'Interventions', hint: 'Services, costs, notice' },
  { id: 'scenarios', label: 'Scenarios', hint: 'Grant levels and dates' },
  { id: 'results', label: 'Results', hint: 'Month by month' },
  { id: 'outturn', label: 'Outturn', hint: 'Actuals and forecast' },
  { id: 'compare', label: 'Compare', hint: 'Side by side' },
  { id: 'risk', label: 'Risk', hint: 'Uncertainty and ladders' },
  { id: 'plan', label: 'Plan', hint: 'Name, horizon, variables' },
  { id: 'snapshots', label: 'Snapshots', hint: 'Frozen versions' },
  { id: 'history', label: 'History', hint: 'Every change, when made' },
];

function Nav() {
  const screen = useStore((s) => s.screen);
  const setScreen = useStore((s) => s.setScreen);
  return (
    <nav className="sidebar" aria-label="Screens">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Headroom</span>
      </div>
      <ul>
        {SCREENS.map((s, i) => (
          <li key={s.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen === s.id ? 'page' : undefined}
              onClick={() => {
                setScreen(s.id);
                window.scrollTo(0, 0);
                document.getElementById('main')?.focus({ preventScroll: true });
              }}
              aria-keyshortcuts={i < 9 ? `Alt+${i + 1}` : undefined}
              data-testid={`nav-${s.id}`}
            >
              <span className="nav-label">{s.label}</span>
              <span className="nav-hint">{s.hint}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Banners() {
  // A snapshot open says so in its own banner (it is read-only because it is a snapshot).
  const readOnly = useStore((s) => (s.snapshot?.info.readOnly ?? false) && !s.snapshot?.info.viewing);
  const problems = useStore((s) => s.problems);
  const label = useStore((s) => s.problemsLabel);
  const failure = useSimFailure();
  const plan = useStore((s) => s.snapshot?.plan ?? null);
  return (
    <>
      <SnapshotBanner />
      {readOnly ? (
        <div className="banner info" role="status" data-testid="read-only-banner">
          This plan is open read-only: you can explore it, but changes cannot be saved.
        </div>
      ) : null}
      {problems.length > 0 ? (
        <div className="banner error" role="alert" data-testid="edit-problems">
          <div>
            <strong>{label ? `“${label}” was not saved.` : 'Not saved.'}</strong> The plan is unchanged.
            <ul>
              {problems.slice(0, 5).map((p, i) => (
                <li key={i}>{problemInWords(plan, p)}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="link-button" onClick={() => clearProblems()}>
            Dismiss
          </button>
        </div>
      ) : null}
      {failure && problems.length === 0 ? (
        <div className="banner warn" role="status">
          <div>
            <strong>These results are out of date:</strong> the plan could not be simulated.
            <ul>
              {failure.slice(0, 5).map((p, i) => (
                <li key={i}>{problemInWords(plan, p)}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </>
  );
}

function CurrentScreen() {
  const screen = useStore((s) => s.screen);
  const screens: Record<Screen, ReactNode> = {
    overview: <Overview />,
    funding: <Funding />,
    interventions: <Interventions />,
    scenarios: <Scenarios />,
    results: <Results />,
    outturn: <Outturn />,
    compare: <Compare />,
    risk: <Risk />,
    plan: <PlanSettings />,
    snapshots: <Snapshots />,
    history: <History />,
  };
  return <>{screens[screen]}</>;
}

/** The screen's frame; only it follows the stale flag, so the screen itself is not re-rendered. */
function Main(props: { children: ReactNode }) {
  const stale = useStale();
  return (
    <main id="main" tabIndex={-1} data-stale={stale || undefined}>
      {props.children}
    </main>
  );
}

export function App() {
  const loaded = useStore((s) => s.snapshot !== null);
  const loadError = useStore((s) => s.loadError);

  useEffect(() => {
    void loadDocument();
  }, []);
  useSpreadsheetDrop();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^[1-9]$/.test(event.key) && Number(event.key) <= SCREENS.length) {
        event.preventDefault();
        useStore.getState().setScreen(SCREENS[Number(event.key) - 1].id);
        return;
      }
      if (event.key === 'Escape') {
        // Escape closes an open menu and gives its button the focus back.
        const open = document.querySelector<HTMLDetailsElement>('details.menu[open]');
        if (open) {
          open.open = false;
          open.querySelector('summary')?.focus();
          return;
        }
      }
      if (isNewPlanKey(event)) {
        event.preventDefault();
        document.querySelector<HTMLDetailsElement>('details.menu[open]')?.removeAttribute('open');
        openNewPlan();
        return;
      }
      const shortcut = shortcutFor(event);
      if (!shortcut || isTypingTarget(event.target as HTMLElement | null)) return;
      event.preventDefault();
      void (shortcut === 'undo' ? undo() : redo());
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Nav />
      <div className="main-col">
        <DocumentBar />
        <Banners />
        <Main>
          {loadError ? (
            <div className="banner error" role="alert">
              The plan could not be opened: {loadError}
            </div>
          ) : loaded ? (
            <CurrentScreen />
          ) : (
            <p className="loading">Opening the plan…</p>
          )}
        </Main>
      </div>
      {loaded ? <ImportActualsDialog /> : null}
      {loaded ? <SheetImportDialog /> : null}
      {loaded ? <DropChoiceDialog /> : null}
      {loaded ? <NewPlanDialog /> : null}
    </div>
  );
}
