// The plan's scenarios to pick from, and the button that adds one.
import type { Plan } from '../../../shared/plan';
import { stanceShort } from '../../../shared/words';
import { plural } from '../../logic/format';
import { addScenarioEdit } from '../../logic/scenario-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export function ScenarioList(props: { plan: Plan; selected: string | null; onSelect: (id: string) => void }) {
  const readOnly = useReadOnly();
  const scenarios = props.plan.scenarios ?? [];
  return (
    <nav className="scenario-list" aria-label="Scenarios">
      <ul>
        {scenarios.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="scenario-item"
              aria-current={props.selected === s.id ? 'true' : undefined}
              onClick={() => props.onSelect(s.id)}
              data-testid={`scenario-item-${s.id}`}
            >
              <span className="scenario-name">{s.name}</span>
              <span className="scenario-meta">
                {stanceShort(s.stance)} · {plural((s.changes ?? []).length, 'change')}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="primary full"
        disabled={readOnly}
        data-testid="new-scenario"
        onClick={async () => {
          const { edit, id } = addScenarioEdit(props.plan);
          const result = await applyEdit(edit);
          if (result.ok) props.onSelect(id);
        }}
      >
        + New scenario
      </button>
    </nav>
  );
}
