// How the scenario's draws are picked (plan-format.md §9.1): random (the default) or Latin
// hypercube, one undoable edit each. The choice shows at once, while its edit is on its way to
// the store; a refused one goes back to what is stored.
import { useState } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import { Card } from '../../components/common';
import { SAMPLINGS, setSamplingEdit } from '../../logic/correlation-edits';
import type { Sampling } from '../../../shared/uncertainty/correlation';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export function SamplingChoice(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const readOnly = useReadOnly();
  const [choosing, setChoosing] = useState<Sampling | null>(null);
  const current = choosing ?? scenario.sampling ?? 'random';
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
              onChange={async () => {
                setChoosing(s.sampling);
                await applyEdit(setSamplingEdit(plan, scenario.id, s.sampling));
                setChoosing(null);
              }}
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
