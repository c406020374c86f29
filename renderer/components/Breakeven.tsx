// Break-even in the scenario editor: the smallest value of a variable at which a target
// holds, worked out in a worker (questions-client.ts) and said in plain words.
import { useId, useState } from 'react';
import type { Plan, Scenario } from '../../shared/plan';
import { BREAKEVEN_TARGETS, type BreakevenTarget } from '../../shared/uncertainty/targets';
import type { BreakevenAnswer } from '../logic/analysis';
import { breakevenSentence, BREAKEVEN_TARGET_LABELS } from '../logic/breakeven-words';
import { fundingVariables } from '../logic/scenario-edits';
import { firstVariable, variableChoices } from '../logic/uncertainty-edits';
import { readNumber } from '../logic/values';
import { findBreakeven } from '../store/questions-client';
import { useScenario } from '../store/hooks';
import { Card, FieldError, NumberField } from './common';
import { VariableField } from './VariableField';
import './Breakeven.css';

/** `initial`: the variable and range to open on, as when the Ladder opens the break-even for its run. */
export function Breakeven(props: { plan: Plan; scenario: Scenario; initial?: { variable: string; lo: string; hi: string } }) {
  const { plan, scenario, initial } = props;
  const choices = variableChoices(plan, scenario.id);
  const levels = new Set(fundingVariables(plan));
  const fallback = firstVariable(plan, choices);
  const [variable, setVariable] = useState(initial?.variable ?? fallback);
  const [target, setTarget] = useState<BreakevenTarget>('no-closures');
  const [lo, setLo] = useState(initial?.lo ?? '0');
  const [hi, setHi] = useState(initial?.hi ?? '1');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ answer: BreakevenAnswer; variable: string; target: BreakevenTarget; isLevel: boolean } | null>(
    null,
  );
  const { result } = useScenario(scenario.id);
  const ids = { variable: useId(), target: useId(), lo: useId(), hi: useId(), error: useId() };
  const current = choices.includes(variable) ? variable : fallback;
  if (choices.length === 0) return null;

  async function run() {
    const [low, high] = [readNumber(lo), readNumber(hi)];
    if (low === null || high === null) return setError('The range must be two numbers');
    if (low > high) return setError('The bottom of the range must not be above the top');
    setError(null);
    setBusy(true);
    const found = await findBreakeven({ scenarioId: scenario.id, variable: current, target, lo: low, hi: high });
    setBusy(false);
    if (found) setAnswer({ answer: found, variable: current, target, isLevel: levels.has(current) });
  }

  const underwriter = result?.underwriter ?? 'the underwriter';
  return (
    <Card title="Break-even" subtitle="The smallest value of a variable at which a target holds, found by bisection over the range.">
      <div className="run-row">
        <VariableField id={ids.variable} choices={choices} value={current} onChange={setVariable} testId="breakeven-variable" />
        <div className="field">
          <label htmlFor={ids.target}>Target</label>
          <select
            id={ids.target}
            value={target}
            onChange={(e) => setTarget(e.target.value as BreakevenTarget)}
            data-testid="breakeven-target"
          >
            {BREAKEVEN_TARGETS.map((t) => (
              <option key={t} value={t}>
                {BREAKEVEN_TARGET_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <NumberField id={ids.lo} label="From" value={lo} onChange={setLo} errorId={error ? ids.error : undefined} testId="breakeven-lo" />
        <NumberField id={ids.hi} label="To" value={hi} onChange={setHi} errorId={error ? ids.error : undefined} testId="breakeven-hi" />
        <div className="button-row run-buttons">
          <button type="button" className="primary" disabled={busy} onClick={() => void run()} data-testid="breakeven-run">
            {busy ? 'Working…' : 'Find break-even'}
          </button>
        </div>
      </div>
      <FieldError id={ids.error} messages={error ? [error] : []} />
      <p className="breakeven-answer" role="status" aria-live="polite" data-testid="breakeven-answer">
        {answer ? breakevenSentence({ ...answer, underwriter }) : ''}
      </p>
    </Card>
  );
}
