// When a partner takes over the whole cost of each intervention with a partner, in the
// plan and in this scenario.
import { formatMonth, parseMonth } from '../../../shared/months';
import type { Plan, Scenario } from '../../../shared/plan';
import { Empty } from '../../components/common';
import { outcomePhrase } from '../../../shared/words';
import { handoverOf, setHandoverEdit } from '../../logic/scenario-edits';
import { useReadOnly } from '../../store/hooks';
import { HandoverChoice } from './HandoverChoice';
import { store } from './store-edit';

export function Handovers(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const readOnly = useReadOnly();
  const items = plan.interventions.filter((i) => (i.partnerShares ?? []).length > 0 || handoverOf(plan, scenario, i.id).fromScenario);
  const start = parseMonth(plan.horizon.start);
  const months = Array.from({ length: plan.horizon.months }, (_, k) => formatMonth(start + k));
  if (items.length === 0) return <Empty>No intervention has a partner contribution in this plan.</Empty>;
  return (
    <table className="data">
      <caption className="visually-hidden">Handover of each intervention with a partner</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          <th scope="col">In the plan</th>
          <th scope="col">In this scenario</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const h = handoverOf(plan, scenario, item.id);
          const mode = !h.fromScenario ? 'plan' : h.month ? 'from' : 'off';
          return (
            <tr key={item.id}>
              <th scope="row">
                {item.name}
                <div className="muted small">{h.partner ?? ''}</div>
              </th>
              <td>
                {h.planMonth
                  ? outcomePhrase({ outcome: 'transitions', month: parseMonth(h.planMonth) }, false)
                  : 'Partner pays part; no handover'}
              </td>
              <td>
                <HandoverChoice
                  label={`Handover of ${item.name}`}
                  mode={mode}
                  month={h.month ?? h.planMonth ?? months[Math.min(months.length - 1, 18)]}
                  months={months}
                  disabled={readOnly}
                  onChange={(next) => void store(setHandoverEdit(plan, scenario.id, item.id, next))}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
