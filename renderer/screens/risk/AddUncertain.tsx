// Adds an uncertain variable to the scenario: one of its variables or a new name, with a
// distribution centred on the variable's current value.
import { useId, useState } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import { FieldError } from '../../components/common';
import { addUncertaintyEdit, currentValue, defaultEntry, DISTS, variableChoices, type Dist } from '../../logic/uncertainty-edits';
import { applyEdit } from '../../store/actions';
import { useFieldProblems, useReadOnly } from '../../store/hooks';

const OTHER = '__other__';

export function AddUncertain(props: { plan: Plan; scenario: Scenario; si: number }) {
  const { plan, scenario, si } = props;
  const readOnly = useReadOnly();
  const taken = new Set((scenario.uncertainty ?? []).map((u) => u.variable));
  const choices = variableChoices(plan, scenario.id).filter((v) => !taken.has(v));
  const [variable, setVariable] = useState<string>('');
  const [otherName, setOtherName] = useState('');
  const [dist, setDist] = useState<Dist>('triangular');
  const [localError, setLocalError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const chosen = variable || choices[0] || OTHER;
  const problems = useFieldProblems(tried ? ['scenarios', si, 'uncertainty'] : null);
  const ids = { variable: useId(), name: useId(), dist: useId(), error: useId() };
  const messages = localError ? [localError] : problems.map((p) => p.message);
  return (
    <div className="add-uncertain" data-testid="add-uncertain">
      <div className="field">
        <label htmlFor={ids.variable}>Variable</label>
        <select
          id={ids.variable}
          value={chosen}
          onChange={(e) => setVariable(e.target.value)}
          disabled={readOnly}
          data-testid="add-uncertain-variable"
        >
          {choices.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
          <option value={OTHER}>A new variable…</option>
        </select>
      </div>
      {chosen === OTHER ? (
        <div className="field">
          <label htmlFor={ids.name}>Name</label>
          <input
            id={ids.name}
            value={otherName}
            onChange={(e) => setOtherName(e.target.value)}
            placeholder="e.g. delay"
            aria-invalid={messages.length > 0 || undefined}
            aria-describedby={messages.length > 0 ? ids.error : undefined}
            data-testid="add-uncertain-name"
          />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={ids.dist}>Distribution</label>
        <select
          id={ids.dist}
          value={dist}
          onChange={(e) => setDist(e.target.value as Dist)}
          disabled={readOnly}
          data-testid="add-uncertain-dist"
        >
          {DISTS.map((d) => (
            <option key={d.dist} value={d.dist}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        disabled={readOnly}
        data-testid="add-uncertain-button"
        onClick={async () => {
          const name = chosen === OTHER ? otherName.trim() : chosen;
          if (!name) {
            setLocalError('Give the variable a name');
            return;
          }
          setLocalError(null);
          setTried(true);
          const result = await applyEdit(
            addUncertaintyEdit(plan, scenario.id, defaultEntry(name, dist, currentValue(plan, scenario, name))),
          );
          if (result.ok) {
            setVariable('');
            setOtherName('');
            setTried(false);
          }
        }}
      >
        + Add
      </button>
      <FieldError id={ids.error} messages={messages} />
    </div>
  );
}
