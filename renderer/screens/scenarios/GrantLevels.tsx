// The scenario's funding level and confirmation date for each stream and FY.
import { useShallow } from 'zustand/react/shallow';
import type { Plan, Scenario } from '../../../shared/plan';
import { fyLabel } from '../../logic/format';
import { useStore } from '../../store/store';
import { LevelCell } from './LevelCell';

export function GrantLevels(props: { plan: Plan; scenario: Scenario }) {
  const { plan, scenario } = props;
  const fys = useStore(useShallow((s) => (s.order.length ? s.byScenario[s.order[0]].resolved.fys : [])));
  const streams = plan.fundingStreams.filter((s) => s.allocations.length > 0);
  return (
    <div className="table-scroll">
      <table className="data levels">
        <caption className="visually-hidden">Funding level and confirmation date per stream and financial year</caption>
        <thead>
          <tr>
            <th scope="col">Funding stream</th>
            {fys.map((fy) => (
              <th key={fy} scope="col">
                {fyLabel(fy)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {streams.map((stream) => (
            <tr key={stream.id}>
              <th scope="row">
                <div className="stream-name">{stream.name}</div>
                <div className="muted small">
                  {stream.funder}
                  {stream.restrictedTo ? ' · ring-fenced' : ''}
                </div>
              </th>
              {fys.map((fyYear) => (
                <LevelCell key={fyYear} plan={plan} scenario={scenario} stream={stream} fyYear={fyYear} fy={fyLabel(fyYear)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
