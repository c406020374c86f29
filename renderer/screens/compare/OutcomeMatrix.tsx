// What happens to each service in each compared scenario; rows that differ first.
import type { Comparison } from '../../../shared/compare';
import { outcomeCell } from '../../logic/format';

export function OutcomeMatrix(props: { comparison: Comparison }) {
  const { comparison } = props;
  return (
    <table className="data matrix" data-testid="outcome-matrix">
      <caption className="visually-hidden">Outcome of each intervention in each scenario; rows that differ come first</caption>
      <thead>
        <tr>
          <th scope="col">Intervention</th>
          {comparison.scenarios.map((s) => (
            <th key={s.id} scope="col">
              {s.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {comparison.interventions.map((row) => (
          <tr key={row.id} className={row.differs ? 'differs' : undefined}>
            <th scope="row">
              {row.name}
              {row.differs ? <span className="pill warn small">differs</span> : null}
            </th>
            {row.outcomes.map((o, i) => (
              <td key={i} className={`outcome-cell outcome-${o?.outcome ?? 'absent'}`}>
                {outcomeCell(o)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
