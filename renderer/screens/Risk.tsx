// Risk: what might happen when a scenario's grant level, its timing or a handover is
// uncertain. Draws run in kept workers (see store/analysis-client.ts), started when it opens; the Ladder tab shows the
// scenario at a range of values of one variable. The parts are in screens/risk/.
import { useEffect, useId, useState } from 'react';
import { Empty, ScreenHeader } from '../components/common';
import { warmRisk } from '../store/analysis-client';
import { usePlan } from '../store/hooks';
import { warmQuestions } from '../store/questions-client';
import { useStore } from '../store/store';
import { LadderTab } from './risk/LadderTab';
import { RiskResults } from './risk/RiskResults';
import { RunControls } from './risk/RunControls';
import { Correlations } from './risk/Correlations';
import { SamplingChoice } from './risk/SamplingChoice';
import { TornadoCard } from './risk/TornadoCard';
import { UncertainVariables } from './risk/UncertainVariables';
import './risk/risk.css';

export function Risk() {
  const plan = usePlan();
  const chosen = useStore((s) => s.riskScenarioId);
  const setChosen = useStore((s) => s.setRiskScenarioId);
  const running = useStore((s) => s.risk.progress.status === 'running');
  const [tab, setTab] = useState<'draws' | 'ladder'>('draws');
  const pickerId = useId();
  const tabIds = { draws: useId(), ladder: useId() };
  // The workers are kept once started: opening the screen starts them, so a run need not wait.
  useEffect(() => {
    warmRisk();
    warmQuestions();
  }, []);
  if (!plan) return null;
  const scenarios = plan.scenarios ?? [];
  const si = Math.max(
    0,
    scenarios.findIndex((s) => s.id === chosen),
  );
  const scenario = scenarios[si] ?? null;
  return (
    <div className="screen" data-testid="screen-risk">
      <ScreenHeader title="Risk" lede="How likely each outcome is when a grant level, its timing or a handover is uncertain.">
        {scenario ? (
          <div className="field inline">
            <label htmlFor={pickerId}>Scenario</label>
            <select
              id={pickerId}
              value={scenario.id}
              disabled={running}
              onChange={(e) => setChosen(e.target.value)}
              data-testid="risk-scenario"
            >
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </ScreenHeader>
      {!scenario ? (
        <Empty>Uncertainty belongs to a scenario: create one on the Scenarios screen first.</Empty>
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Kind of analysis">
            {(['draws', 'ladder'] as const).map((t) => (
              <button
                key={t}
                type="button"
                role="tab"
                id={tabIds[t]}
                aria-selected={tab === t}
                aria-controls={`${tabIds[t]}-panel`}
                tabIndex={tab === t ? 0 : -1}
                className="tab"
                onClick={() => setTab(t)}
                onKeyDown={(e) => {
                  if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                    const next = t === 'draws' ? 'ladder' : 'draws';
                    setTab(next);
                    document.getElementById(tabIds[next])?.focus();
                  }
                }}
                data-testid={`risk-tab-${t}`}
              >
                {t === 'draws' ? 'Draws' : 'Ladder'}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${tabIds[tab]}-panel`} aria-labelledby={tabIds[tab]} className="tab-panel">
            {tab === 'draws' ? (
              <>
                <UncertainVariables plan={plan} scenario={scenario} si={si} />
                {(scenario.uncertainty ?? []).length >= 2 ? <Correlations plan={plan} scenario={scenario} si={si} /> : null}
                {(scenario.uncertainty ?? []).length >= 1 ? <SamplingChoice plan={plan} scenario={scenario} /> : null}
                <RunControls scenario={scenario} />
                <RiskResults scenario={scenario} />
                {(scenario.uncertainty ?? []).length >= 1 ? <TornadoCard plan={plan} scenario={scenario} /> : null}
              </>
            ) : (
              <LadderTab plan={plan} scenario={scenario} />
            )}
          </div>
        </>
      )}
    </div>
  );
}
