// Draws and seed, Run and Cancel, the progress bar and a line saying how the run went.
import { useId } from 'react';
import type { Scenario } from '../../../shared/plan';
import { Card, FieldError, NumberField } from '../../components/common';
import { count, plural } from '../../logic/format';
import { MAX_DRAWS, readWhole } from '../../logic/risk-run';
import { cancelRisk, startRisk } from '../../store/analysis-client';
import { riskResultFor, type RunProgress } from '../../store/analysis-slice';
import { useStore } from '../../store/store';
import { ProgressBar } from './ProgressBar';
import { UnusedNote } from './VariableUse';

export function RunControls(props: { scenario: Scenario }) {
  const drawsText = useStore((s) => s.riskDraws);
  const seedText = useStore((s) => s.riskSeed);
  const setSettings = useStore((s) => s.setRiskSettings);
  const progress = useStore((s) => s.risk.progress);
  const ids = { draws: useId(), seed: useId(), drawsError: useId(), seedError: useId() };
  const draws = readWhole(drawsText, 1, MAX_DRAWS, 'Draws');
  const seed = readWhole(seedText, 0, Number.MAX_SAFE_INTEGER, 'The seed');
  const running = progress.status === 'running';
  const uncertain = (props.scenario.uncertainty ?? []).length > 0;
  return (
    <Card title="Run the draws" subtitle="The same seed always gives the same numbers, on any computer.">
      <div className="run-row">
        <NumberField
          id={ids.draws}
          label="Draws"
          numeric
          value={drawsText}
          onChange={(text) => setSettings({ draws: text })}
          errorId={draws.message ? ids.drawsError : undefined}
          testId="risk-draws"
        />
        <NumberField
          id={ids.seed}
          label="Seed"
          numeric
          value={seedText}
          onChange={(text) => setSettings({ seed: text })}
          errorId={seed.message ? ids.seedError : undefined}
          testId="risk-seed"
        />
        <div className="button-row run-buttons">
          <button
            type="button"
            className="primary"
            disabled={running || draws.value === null || seed.value === null || !uncertain}
            onClick={() => startRisk({ scenarioId: props.scenario.id, draws: draws.value!, seed: seed.value! })}
            data-testid="risk-run"
          >
            Run {draws.value !== null ? count(draws.value) : ''} draws
          </button>
          {running ? (
            <button type="button" onClick={() => cancelRisk()} data-testid="risk-cancel">
              Cancel
            </button>
          ) : null}
        </div>
      </div>
      <UnusedNote scenarioId={props.scenario.id} />
      <FieldError id={ids.drawsError} messages={draws.message ? [draws.message] : []} />
      <FieldError id={ids.seedError} messages={seed.message ? [seed.message] : []} />
      <ProgressBar progress={progress} label="Draws done" testId="risk-progress" />
      <RunStatus progress={progress} scenarioId={props.scenario.id} />
    </Card>
  );
}

function RunStatus(props: { progress: RunProgress; scenarioId: string }) {
  const result = useStore((s) => riskResultFor(s, props.scenarioId));
  const p = props.progress;
  let text = '';
  if (p.status === 'running') text = `Running ${count(p.total)} draws on ${plural(p.workers, 'worker')}: ${count(p.done)} done.`;
  else if (p.status === 'cancelled') {
    text = `Cancelled after ${count(p.done)} of ${count(p.total)} draws.${result ? ' The results below are from the previous run.' : ''}`;
  } else if (p.status === 'failed') text = `The draws stopped: ${p.message}`;
  else if (result) {
    const seconds = result.ms / 1000;
    text = `${count(result.draws)} draws on ${plural(result.workers, 'worker')} in ${seconds.toFixed(1)} s (${count(Math.round(result.draws / seconds))} draws a second).`;
  }
  return (
    <p
      className={`run-status${p.status === 'failed' ? ' bad' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="risk-status"
      data-status={p.status}
    >
      {text}
    </p>
  );
}
