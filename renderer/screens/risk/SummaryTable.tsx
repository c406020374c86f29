// Mean and percentiles of the money drawn, people losing support and the largest FY at
// risk, each FY's at risk (the largest kept as a row of its own); money is whole pence from the summary.
import { count, fyLabel, money } from '../../logic/format';
import type { RiskView } from '../../logic/risk-run';
import { DataTable, num } from '../../components/DataTable';

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
    ...s.atRiskByYear.map((y) => ({
      label: `At risk before confirmation, ${fyLabel(y.fy)}`,
      cells: [y.atRisk.mean, y.atRisk.p10, y.atRisk.p50, y.atRisk.p90].map((p) => money(p)),
      fy: y.fy,
    })),
    { label: 'At risk in the largest FY', cells: [s.atRisk.mean, s.atRisk.p10, s.atRisk.p50, s.atRisk.p90].map((p) => money(p)) },
  ];
  return (
    <div className="table-scroll">
      <DataTable
        testId="risk-summary-table"
        caption={`Totals across ${count(s.draws)} draws: mean and percentiles`}
        columns={['Measure', num('Mean'), num('P10'), num('Median (P50)'), num('P90')]}
      >
        {rows.map((r) => (
          <tr key={r.label} data-fy={'fy' in r ? fyLabel(r.fy as number) : undefined}>
            <th scope="row">{r.label}</th>
            {r.cells.map((c, i) => (
              <td key={i} className="num">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
