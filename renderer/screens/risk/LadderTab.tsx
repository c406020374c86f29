// The Ladder tab: one variable over a range of values, run in a worker, with progress and Cancel.
import { useId, useMemo, useState } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import { Card, Empty, FieldError } from '../../components/common';
import { VariableField } from '../../components/VariableField';
import { count } from '../../logic/format';
import { firstVariable, variableChoices } from '../../logic/uncertainty-edits';
import { fundingVariables } from '../../logic/scenario-edits';
import { readNumber } from '../../logic/values';
import { cancelLadder, startLadder } from '../../store/questions-client';
import { ladderResultFor } from '../../store/analysis-slice';
import { useStore } from '../../store/store';
import { LadderResults } from './LadderResults';
import { ProgressBar } from './ProgressBar';

export function LadderTab(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const choices = variableChoices(plan, scenario.id);
  const stored = useStore((s) => s.ladderSettings);
  const setSettings = useStore((s) => s.setLadderSettings);
  const progress = useStore((s) => s.ladder.progress);
  const shown = useStore((s) => ladderResultFor(s, scenario.id));
  const fallback = firstVariable(plan, choices);
  const settings = stored && choices.includes(stored.variable) ? stored : { variable: fallback, from: '0.5', to: '1', step: '0.05' };
  const ids = { variable: useId(), from: useId(), to: useId(), step: useId(), error: useId() };
  const [error, setError] = useState<string | null>(null);
  const running = progress.status === 'running';
  const names = useMemo(() => new Map(plan.interventions.map((i) => [i.id, i.name])), [plan]);
  if (choices.length === 0) return <Empty>This scenario has no variables to vary.</Empty>;
  const run = () => {
    const [from, to, step] = [settings.from, settings.to, settings.step].map((t) => readNumber(t));
    if (from === null || to === null || step === null) {
      setError('From, to and step must be numbers');
      return;
    }
    if (!(step > 0)) return setError('The step must be above 0');
    if (from > to) return setError('From must not be above to');
    setError(null);
    startLadder({ scenarioId: scenario.id, variable: settings.variable, from, to, step });
  };
  return (
    <>
      <Card
        title="Ladder"
        subtitle="The scenario simulated at each value of one variable, the others at their central values: planning for a range of funding levels in one table."
      >
        <div className="run-row">
          <VariableField
            id={ids.variable}
            choices={choices}
            value={settings.variable}
            onChange={(variable) => setSettings({ ...settings, variable })}
            testId="ladder-variable"
          />
          {(['from', 'to', 'step'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={ids[key]}>{key === 'from' ? 'From' : key === 'to' ? 'To' : 'Step'}</label>
              <input
                id={ids[key]}
                className="num narrow-input"
                value={settings[key]}
                onChange={(e) => setSettings({ ...settings, [key]: e.target.value })}
                aria-invalid={!!error || undefined}
                aria-describedby={error ? ids.error : undefined}
                data-testid={`ladder-${key}`}
              />
            </div>
          ))}
          <div className="button-row run-buttons">
            <button type="button" className="primary" disabled={running} onClick={run} data-testid="ladder-run">
              Run ladder
            </button>
            {running ? (
              <button type="button" onClick={() => cancelLadder()} data-testid="ladder-cancel">
                Cancel
              </button>
            ) : null}
          </div>
        </div>
        <FieldError id={ids.error} messages={error ? [error] : []} />
        <ProgressBar progress={progress} label="Ladder rows done" testId="ladder-progress" />
        <p
          className={`run-status${progress.status === 'failed' ? ' bad' : ''}`}
          role="status"
          aria-live="polite"
          data-testid="ladder-status"
        >
          {progress.status === 'running'
            ? `Simulating ${progress.total ? `${count(progress.done)} of ${count(progress.total)} values` : '…'}`
            : progress.status === 'cancelled'
              ? 'Cancelled.'
              : progress.status === 'failed'
                ? `The ladder stopped: ${progress.message}`
                : ''}
        </p>
      </Card>
      {shown ? (
        <LadderResults
          key={`${shown.variable}-${shown.revision}`}
          ladder={shown}
          names={names}
          plan={plan}
          scenario={scenario}
          isLevel={fundingVariables(plan).includes(shown.variable)}
        />
      ) : null}
    </>
  );
}
