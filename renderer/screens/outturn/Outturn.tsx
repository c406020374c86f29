// The forecast outturn of an FY (plan-format.md §10): what each service has spent to date,
// what it is forecast to spend, and how that compares with the budget the plan was made
// with; what lapses unspent at 31 March; and the month grid where actuals are kept. Every
// figure comes from shared/outturn-figures.ts over the worker's results.
import { useId, useMemo, useState } from 'react';
import { parseMonth, type FyYear } from '../../../shared/months';
import {
  actualsToWords,
  defaultOutturnFy,
  lapseSentence,
  outturnFrom,
  varianceWords,
  type OutturnGroup,
  type OutturnReport,
} from '../../../shared/outturn-figures';
import { readMonth } from '../../../shared/parse';
import { Card, Empty, Figure, ScenarioPicker, ScreenHeader } from '../../components/common';
import { DataTable, num } from '../../components/DataTable';
import { InlineField } from '../../components/InlineField';
import { setAsAtEdit, setCommentaryEdit, startActualsEdit } from '../../logic/actuals-edits';
import { fyLabel, money, monthLong, outcomeCell, percent } from '../../logic/format';
import { exportOutturn } from '../../store/actions';
import { useOutturnResults, usePlan } from '../../store/hooks';
import { useStore } from '../../store/store';
import { ActualsGrid } from './ActualsGrid';
import { ImportActualsButton } from './ImportActuals';
import './outturn.css';

const signedPercent = (share: number | null) => (share === null ? '–' : `${share > 0 ? '+' : ''}${percent(share, 1)}`);

function varianceClass(variance: number): string {
  return variance > 0 ? 'num bad' : variance < 0 ? 'num good' : 'num';
}

function GroupTable(props: { caption: string; groups: readonly OutturnGroup[]; testId: string }) {
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

function ServiceTable(props: { report: OutturnReport }) {
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
            {plan.actuals ? (
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

function AsAtControl() {
  const plan = usePlan()!;
  const asAt = plan.actuals ? parseMonth(plan.actuals.asAt) : null;
  return (
    <InlineField
      label="Actuals to"
      size="medium"
      value={plan.actuals?.asAt ?? ''}
      display={asAt === null ? '' : monthLong(asAt)}
      placeholder="e.g. September 2021"
      path={['actuals', 'asAt']}
      read={readMonth}
      edit={(value) => (plan.actuals ? setAsAtEdit(plan, parseMonth(String(value))) : startActualsEdit(plan, parseMonth(String(value))))}
      testId="actuals-as-at"
    />
  );
}

function ExportOutturn(props: { scenarioId: string; fy: string }) {
  const [state, setState] = useState<string | null>(null);
  const run = async (format: 'xlsx' | 'pdf') => {
    setState('Preparing…');
    try {
      setState(`Saved ${await exportOutturn(format, props.scenarioId, props.fy)}`);
    } catch (error) {
      setState(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run('xlsx')} data-testid="outturn-export-xlsx">
        Excel
      </button>
      <button type="button" onClick={() => void run('pdf')} data-testid="outturn-export-pdf">
        PDF
      </button>
      <span className="muted small" role="status" aria-live="polite">
        {state}
      </span>
    </>
  );
}

export function Outturn() {
  const plan = usePlan();
  const scenarioId = useStore((s) => s.scenarioId);
  const setScenarioId = useStore((s) => s.setScenarioId);
  const results = useOutturnResults(scenarioId);
  const [chosenFy, setChosenFy] = useState<FyYear | null>(null);
  const fyId = useId();
  // A chosen FY the horizon no longer has falls back to the default, so the picker stays.
  const chosen = chosenFy !== null && results?.result.years.some((y) => y.fy === chosenFy) ? chosenFy : null;
  const fy = chosen ?? (plan ? defaultOutturnFy(plan) : null);
  const report = useMemo(
    () =>
      plan && results && fy !== null && results.result.years.some((y) => y.fy === fy)
        ? outturnFrom(plan, results.result, results.budget, fy)
        : null,
    [plan, results, fy],
  );
  if (!plan || !results || !report) return <Empty>Simulating…</Empty>;
  const asAtWords = actualsToWords(report.asAt);
  return (
    <div className="screen" data-testid="screen-outturn">
      <ScreenHeader title="Outturn" lede={`${results.result.name} · ${asAtWords ?? 'No actuals yet: every month is a forecast'}`}>
        <ScenarioPicker value={scenarioId} onChange={setScenarioId} />
        <div className="field inline">
          <label htmlFor={fyId}>Financial year</label>
          <select id={fyId} value={report.fy} onChange={(e) => setChosenFy(Number(e.target.value))} data-testid="outturn-fy">
            {results.result.years.map((y) => (
              <option key={y.fy} value={y.fy}>
                {fyLabel(y.fy)}
              </option>
            ))}
          </select>
        </div>
      </ScreenHeader>

      <Card
        title={`Forecast outturn, ${fyLabel(report.fy)}`}
        actions={
          <>
            <ImportActualsButton />
            <ExportOutturn scenarioId={scenarioId} fy={fyLabel(report.fy)} />
          </>
        }
        subtitle={
          report.asAt === null
            ? 'Budget is the plan as made; with no actuals recorded, the outturn is the plan.'
            : `${asAtWords}: ${report.actualMonths} of the year’s months are actual, the rest forecast from the plan. Budget is the plan as made, without actuals.`
        }
      >
        <p className="outturn-headline" data-testid="lapse-sentence">
          {lapseSentence(report)}
        </p>
        <div className="figures">
          <Figure label="Budget" value={money(report.totals.budget)} testId="outturn-budget" />
          <Figure label="Actual to date" value={money(report.totals.actual)} testId="outturn-actual" />
          <Figure label="Forecast for the rest" value={money(report.totals.forecast)} />
          <Figure label="Outturn" value={money(report.totals.outturn)} />
          <Figure
            label="Variance from budget"
            value={money(report.totals.variance)}
            detail={varianceWords(report.totals.variance)}
            tone={report.totals.variance > 0 ? 'bad' : report.totals.variance < 0 ? 'good' : 'neutral'}
            testId="outturn-variance"
          />
        </div>
        <p className="muted small">
          Funding {money(report.funding)} · drawn from {report.underwriter} {money(report.drawn)} (at budget {money(report.budgetDrawn)}) ·
          grant condition {report.compliant ? 'met' : 'not met'}
          {report.commissionedShare === null ? '' : ` (${percent(report.commissionedShare)} commissioned)`}
        </p>
        <div className="table-scroll">
          <ServiceTable report={report} />
        </div>
      </Card>

      <div className="grid-2">
        <Card title="By system">
          <GroupTable caption="System" groups={report.bySystem} testId="outturn-by-system" />
        </Card>
        <Card title="By category">
          <GroupTable caption="Category" groups={report.byCategory} testId="outturn-by-category" />
        </Card>
      </div>

      <Card
        title={`Actuals by month, ${fyLabel(report.fy)}`}
        subtitle="Type what the finance system shows for each service and month; a negative amount is a refund or a correction. Months after the last actual month are forecast from the plan."
        actions={<AsAtControl />}
      >
        <ActualsGrid fy={report.fy} result={results.result} />
      </Card>
    </div>
  );
}
