// Each intervention's priority in this scenario (1 is funded first); empty keeps the plan's.
import type { Plan, Scenario } from '../../../shared/plan';
import { InlineField } from '../../components/InlineField';
import { interventionChangePath, priorityOf, setPriorityEdit } from '../../logic/scenario-edits';
import { readPriority } from '../../logic/values';
import { useReadOnly } from '../../store/hooks';
import { store } from './store-edit';

export function Priorities(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const readOnly = useReadOnly();
  return (
    <table className="data compact">
      <caption className="visually-hidden">Priority of each intervention (1 is funded first)</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          <th scope="col" className="num">
            In the plan
          </th>
          <th scope="col" className="num">
            In this scenario
          </th>
          <th scope="col">
            <span className="visually-hidden">Reset</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {plan.interventions.map((item) => {
          const p = priorityOf(plan, scenario, item.id);
          const path = interventionChangePath(plan, scenario.id, item.id);
          return (
            <tr key={item.id}>
              <th scope="row">{item.name}</th>
              <td className="num">{item.priority}</td>
              <td className="num">
                <InlineField
                  label={`Priority of ${item.name} in this scenario`}
                  hideLabel
                  size="narrow"
                  align="right"
                  value={p.fromScenario ? String(p.value) : ''}
                  placeholder={String(item.priority)}
                  path={path ? [...path, 'priority'] : null}
                  read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readPriority(t))}
                  edit={(v) => setPriorityEdit(plan, scenario.id, item.id, v as number | undefined)}
                />
              </td>
              <td>
                {p.fromScenario ? (
                  <button
                    type="button"
                    className="link-button small"
                    disabled={readOnly}
                    onClick={() => void store(setPriorityEdit(plan, scenario.id, item.id, undefined))}
                  >
                    Use the plan’s
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
