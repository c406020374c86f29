// Actuals by month for one FY: a row per service, an editable cell per actual month (what the
// finance system shows; blank is nothing booked), then actual to date, the forecast for the
// rest of the year and the outturn, all from the engine's result.
import { useMemo } from 'react';
import type { SimulationResult } from '../../../shared/engine';
import { formatMoney } from '../../../shared/money';
import { fyEnd, fyStart, monthName, type FyYear, type MonthIndex } from '../../../shared/months';
import { DataTable, num } from '../../components/DataTable';
import { InlineField } from '../../components/InlineField';
import { actualKey, actualsIndex, readActual, setActualEdit } from '../../logic/actuals-edits';
import { money } from '../../logic/format';
import { usePlan } from '../../store/hooks';

export function ActualsGrid(props: { fy: FyYear; result: SimulationResult }) {
  const plan = usePlan()!;
  const { result, fy } = props;
  const index = useMemo(() => actualsIndex(plan), [plan]);
  const f = result.years.findIndex((y) => y.fy === fy);
  if (!plan.actuals || result.asAt === null) {
    return (
      <p className="muted">
        No actuals are recorded yet. Set “Actuals to” to the last month the finance system has closed, then type each service’s spend, or
        import an extract from the finance system.
      </p>
    );
  }
  const first = Math.max(fyStart(fy), result.horizonStart);
  const last = Math.min(fyEnd(fy), result.asAt);
  const months: MonthIndex[] = [];
  for (let m = first; m <= last; m++) months.push(m);
  if (months.length === 0)
    return <p className="muted">No month of this year is an actual month yet (actuals run to {monthName(result.asAt)}).</p>;
  return (
    <div className="table-scroll actuals-grid" data-testid="actuals-grid">
      <DataTable
        caption="Actual spend by service and month"
        className="data compact"
        columns={[
          'Service',
          ...months.map((m) => num(monthName(m, true))),
          num('Actual to date'),
          num('Forecast for the rest'),
          num('Outturn'),
        ]}
      >
        {result.interventions.map((r) => (
          <tr key={r.id}>
            <th scope="row">{r.name}</th>
            {months.map((m) => {
              const pence = index.get(actualKey(r.id, m)) ?? null;
              return (
                <td key={m} className="num actual-cell">
                  <InlineField
                    label={`${r.name}: actual for ${monthName(m)}`}
                    hideLabel
                    quiet
                    size="narrow"
                    align="right"
                    value={pence === null ? '' : formatMoney(pence)}
                    display={pence === null ? '' : money(pence)}
                    placeholder="–"
                    path={null}
                    read={readActual}
                    edit={(value) => setActualEdit(plan, r.id, m, value as number | null)}
                    testId={`actual-${r.id}-${m}`}
                  />
                </td>
              );
            })}
            <td className="num">{money(r.actualByFy[f])}</td>
            <td className="num muted">{money(r.planCost[f] - r.actualByFy[f])}</td>
            <td className="num">{money(r.planCost[f])}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
