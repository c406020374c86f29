// Mean and percentiles of the money drawn, people losing support and the largest FY at
// risk; money is whole pence from the summary.
import { count, money } from '../../logic/format';
import type { RiskView } from '../../logic/risk-run';

export function SummaryTable(props: { view: RiskView; underwriter: string }) {
  const s = props.view.summary;
  const rows = [
    { label: `Drawn from ${props.underwriter}`, cells: [s.drawn.mean, s.drawn.p10, s.drawn.p50, s.drawn.p90].map((p) => money(p)) },
    {
      label: 'People losing support',
      cells: [
        s.usersLosingSupport.mean.toFixed(1),
        ...[s.usersLosingSupport.p10, s.usersLosingSupport.p50, s.usersLosingSupport.p90].map(count),
      ],
    },
    { label: 'At risk in the largest FY', cells: [s.atRisk.mean, s.atRisk.p10, s.atRisk.p50, s.atRisk.p90].map((p) => money(p)) },
  ];
  return (
    <div className="table-scroll">
      <table className="data" data-testid="risk-summary-table">
        <caption className="visually-hidden">Totals across {count(s.draws)} draws: mean and percentiles</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="num">
              Mean
            </th>
            <th scope="col" className="num">
              P10
            </th>
            <th scope="col" className="num">
              Median (P50)
            </th>
            <th scope="col" className="num">
              P90
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              {r.cells.map((c, i) => (
                <td key={i} className="num">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
