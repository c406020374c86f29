// The outturn report's tables: each service (with its commentary, typed in place) and the
// totals by system and by category. Every figure is the report's (shared/outturn-figures.ts).
import { varianceWords, type OutturnGroup, type OutturnReport } from '../../../shared/outturn-figures';
import { DataTable, num } from '../../components/DataTable';
import { InlineField } from '../../components/InlineField';
import { setCommentaryEdit } from '../../logic/actuals-edits';
import { fyLabel, money, outcomeCell, percent } from '../../logic/format';
import { usePlan } from '../../store/hooks';

const signedPercent = (share: number | null) => (share === null ? '–' : `${share > 0 ? '+' : ''}${percent(share, 1)}`);

export function varianceClass(variance: number): string {
  return variance > 0 ? 'num bad' : variance < 0 ? 'num good' : 'num';
}

export function GroupTable(props: { caption: string; groups: readonly OutturnGroup[]; testId: string }) {
  return (
    <DataTable
      caption={props.caption}
      testId={props.testId}
      columns={[props.caption, num('Budget'), num('Actual to date'), num('Forecast'), num('Outturn'), num('Variance')]}
    >
      {props.groups.map((g) => (
        <tr key={g.label}>
          <th scope="row">{g.label}</th>
          <td className="num">{money(g.budget)}</td>
          <td className="num">{money(g.actual)}</td>
          <td className="num">{money(g.forecast)}</td>
          <td className="num">{money(g.outturn)}</td>
          <td className={varianceClass(g.variance)}>{money(g.variance)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function ServiceTable(props: { report: OutturnReport }) {
  const plan = usePlan()!;
  const { report } = props;
  const fy = fyLabel(report.fy);
  const t = report.totals;
  return (
    <DataTable
      testId="outturn-table"
      caption={`Forecast outturn by service, ${fy}`}
      columns={['Service', num('Budget'), num('Actual to date'), num('Forecast'), num('Outturn'), num('Variance'), num('%'), 'Commentary']}
      foot={
        <tr>
          <th scope="row">Total</th>
          <td className="num">{money(t.budget)}</td>
          <td className="num">{money(t.actual)}</td>
          <td className="num">{money(t.forecast)}</td>
          <td className="num">{money(t.outturn)}</td>
          <td className={varianceClass(t.variance)}>{money(t.variance)}</td>
          <td className="num">{signedPercent(t.varianceShare)}</td>
          <td>{varianceWords(t.variance)}</td>
        </tr>
      }
    >
      {report.lines.map((line) => (
        <tr key={line.id} data-testid={`outturn-row-${line.id}`}>
          <th scope="row">
            {line.name}
            <div className="muted small">{outcomeCell(line.outcome)}</div>
          </th>
          <td className="num">{money(line.budget)}</td>
          <td className="num">{money(line.actual)}</td>
          <td className="num">{money(line.forecast)}</td>
          <td className="num">{money(line.outturn)}</td>
          <td className={varianceClass(line.variance)} title={varianceWords(line.variance)}>
            {money(line.variance)}
            <span className="visually-hidden"> ({varianceWords(line.variance)})</span>
          </td>
          <td className="num">{signedPercent(line.varianceShare)}</td>
          <td className="commentary">
            {/* A service only the snapshot budget had is not in the plan: it has no commentary here. */}
            {plan.actuals && plan.interventions.some((i) => i.id === line.id) ? (
              <InlineField
                label={`Commentary: ${line.name}, ${fy}`}
                hideLabel
                quiet
                size="wide"
                value={line.commentary ?? ''}
                placeholder="Add a note"
                path={null}
                read={(text) => ({ ok: true, value: text })}
                edit={(value) => setCommentaryEdit(plan, line.id, fy, String(value))}
              />
            ) : (
              <span className="muted">–</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
