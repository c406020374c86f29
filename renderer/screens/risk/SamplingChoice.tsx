// How the scenario's draws are picked (plan-format.md §9.1): random (the default) or Latin
// hypercube, one undoable edit each.
import type { Plan, Scenario } from '../../../shared/plan';
import { Card } from '../../components/common';
import { SAMPLINGS, setSamplingEdit } from '../../logic/correlation-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export function SamplingChoice(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const readOnly = useReadOnly();
  const current = scenario.sampling ?? 'random';
  return (
    <Card title="Sampling">
      <fieldset className="sampling-choice" data-testid="sampling-choice">
        <legend className="visually-hidden">Sampling of the draws</legend>
        {SAMPLINGS.map((s) => (
          <label key={s.sampling} className="sampling-option">
            <input
              type="radio"
              name={`sampling-${scenario.id}`}
              value={s.sampling}
              checked={current === s.sampling}
              disabled={readOnly}
              onChange={() => void applyEdit(setSamplingEdit(plan, scenario.id, s.sampling))}
              data-testid={`sampling-${s.sampling}`}
            />
            <span>
              <strong>{s.label}</strong>
              {s.sampling === 'random' ? ' (default)' : ''}: {s.words}
            </span>
          </label>
        ))}
      </fieldset>
    </Card>
  );
}
