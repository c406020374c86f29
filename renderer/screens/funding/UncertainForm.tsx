// An uncertain confirmation: the delay variable, its expected months (the plan's value, used
// wherever nothing is drawn) and, for the scenarios picked, the months a risk draw picks
// from with their weights (a listed-values draw, as on the Risk screen). Saved as one edit.
import { useId, useState } from 'react';
import { readMonthOffset } from '../../../shared/parse';
import { problemInWords } from '../../../shared/problem-words';
import type { Plan } from '../../../shared/plan';
import { FieldError } from '../../components/common';
import { setUncertainConfirmationEdit, uncertainConfirmationOf, uncertainVariableProblem } from '../../logic/stream-edits';
import { readNumberList } from '../../logic/uncertainty-edits';
import { applyEdit } from '../../store/actions';
import { useStore } from '../../store/store';

type FieldKey = 'variable' | 'expected' | 'months' | 'weights' | 'scenarios';

/** "1, 2, 4" as whole months after April. */
function readMonthList(text: string): { ok: true; value: number[] } | { ok: false; message: string } {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0) return { ok: false, message: 'List the months a draw can pick, e.g. 1, 2, 4' };
  const values: number[] = [];
  for (const part of parts) {
    const read = readMonthOffset(part);
    if (!read.ok) return read;
    values.push(read.value);
  }
  return { ok: true, value: values };
}

export function UncertainForm(props: { plan: Plan; si: number; fy: string; onDone: () => void }) {
  const { plan, si, fy } = props;
  const stream = plan.fundingStreams[si];
  const inView = useStore((s) => s.scenarioId);
  const [start] = useState(() => uncertainConfirmationOf(plan, si, fy, inView));
  const [variable, setVariable] = useState(start.variable);
  const [expected, setExpected] = useState(String(start.expected));
  const [months, setMonths] = useState(start.months.join(', '));
  const [weights, setWeights] = useState(start.weights?.join(', ') ?? '');
  const [picked, setPicked] = useState<readonly string[]>(start.scenarioIds);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [refused, setRefused] = useState<readonly string[]>([]);
  const id = useId();
  const key = `${stream.id}-${fy}`;
  const scenarios = plan.scenarios ?? [];
  const fieldId = (k: FieldKey) => `${id}-${k}`;
  const invalid = (k: FieldKey) => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `${id}-errors` } : {});

  async function save() {
    const found: Partial<Record<FieldKey, string>> = {};
    const name = variable.trim();
    const nameProblem = uncertainVariableProblem(plan, si, fy, name);
    if (nameProblem) found.variable = nameProblem;
    // A formula the variable already has (a by-year table) is kept unless another value is typed.
    const exp: ReturnType<typeof readMonthOffset> | { ok: true; value: string } =
      typeof start.expected === 'string' && expected.trim() === start.expected
        ? { ok: true, value: start.expected }
        : readMonthOffset(expected);
    if (!exp.ok) found.expected = `Expected months: ${exp.message}`;
    const list = readMonthList(months);
    if (!list.ok) found.months = `Months: ${list.message}`;
    const w = readNumberList(weights, true);
    if (!w.ok) found.weights = `Weights: ${w.message}`;
    else if (w.value && list.ok && w.value.length !== list.value.length)
      found.weights = `Weights: give one per month (${list.value.length}), or none for equal chances`;
    if (picked.length === 0) found.scenarios = 'Pick at least one scenario whose risk runs draw the delay';
    setErrors(found);
    setRefused([]);
    if (Object.keys(found).length || !exp.ok || !list.ok || !w.ok) return;
    const result = await applyEdit(
      setUncertainConfirmationEdit(plan, si, fy, {
        variable: name,
        expected: exp.value,
        months: list.value,
        weights: w.value,
        scenarioIds: picked,
      }),
    );
    if (result.ok) props.onDone();
    else setRefused(result.problems.map((p) => problemInWords(plan, p)));
  }

  const messages = [...Object.values(errors), ...refused];
  return (
    <form
      className="uncertain-form"
      aria-label={`${stream.name} ${fy}: uncertain confirmation`}
      data-testid={`uncertain-form-${key}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onDone();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="hint">
        The delay is a variable: Base and the other scenarios use its expected months; the scenarios picked draw it from the months listed
        (equal chances unless weights are given) in their risk runs.
      </p>
      <div className="uncertain-fields">
        <div className="field">
          <label htmlFor={fieldId('variable')}>Variable</label>
          <input
            id={fieldId('variable')}
            value={variable}
            onChange={(e) => setVariable(e.target.value)}
            {...invalid('variable')}
            data-testid={`uncertain-variable-${key}`}
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId('expected')}>Expected months after April</label>
          <input
            id={fieldId('expected')}
            className="num narrow-input"
            value={expected}
            onChange={(e) => setExpected(e.target.value)}
            {...invalid('expected')}
            data-testid={`uncertain-expected-${key}`}
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId('months')}>Months a draw picks from</label>
          <input
            id={fieldId('months')}
            value={months}
            placeholder="1, 2, 4"
            onChange={(e) => setMonths(e.target.value)}
            {...invalid('months')}
            data-testid={`uncertain-months-${key}`}
          />
        </div>
        <div className="field">
          <label htmlFor={fieldId('weights')}>Weights (optional)</label>
          <input
            id={fieldId('weights')}
            value={weights}
            placeholder="equal"
            onChange={(e) => setWeights(e.target.value)}
            {...invalid('weights')}
            data-testid={`uncertain-weights-${key}`}
          />
        </div>
      </div>
      <fieldset className="uncertain-scenarios" {...(errors.scenarios ? { 'aria-describedby': `${id}-errors` } : {})}>
        <legend>Drawn in the risk runs of</legend>
        {scenarios.length === 0 ? <p className="muted small">The plan has no scenarios yet: add one on the Scenarios screen.</p> : null}
        {scenarios.map((s) => (
          <label key={s.id} className="check plain">
            <input
              type="checkbox"
              checked={picked.includes(s.id)}
              onChange={(e) => setPicked(e.target.checked ? [...picked, s.id] : picked.filter((x) => x !== s.id))}
              data-testid={`uncertain-scenario-${key}-${s.id}`}
            />
            {s.name}
          </label>
        ))}
      </fieldset>
      <FieldError id={`${id}-errors`} messages={messages} />
      <div className="button-row">
        <button type="submit" className="primary" data-testid={`uncertain-save-${key}`}>
          Save uncertain confirmation
        </button>
        <button type="button" onClick={props.onDone} data-testid={`uncertain-cancel-${key}`}>
          Cancel
        </button>
      </div>
    </form>
  );
}
