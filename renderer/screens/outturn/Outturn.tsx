// The forecast outturn of an FY (plan-format.md §10): what each service has spent to date,
// what it is forecast to spend, and how that compares with the budget: the plan as made
// (the same scenario without actuals) or a scenario of a snapshot; what lapses unspent at
// 31 March; and the month grid where actuals are kept. Every figure comes from
// shared/outturn-figures.ts: over the worker's results, or from main for a snapshot's budget.
import { useId, useMemo, useState } from 'react';
import { parseMonth, type FyYear } from '../../../shared/months';
import {
  actualsToWords,
  budgetSourceLine,
  defaultOutturnFy,
  lapseSentence,
  outturnFrom,
  varianceWords,
} from '../../../shared/outturn-figures';
import { readMonth } from '../../../shared/parse';
import { Card, Empty, Figure, ScenarioPicker, ScreenHeader } from '../../components/common';
import { InlineField } from '../../components/InlineField';
import { setAsAtEdit, startActualsEdit } from '../../logic/actuals-edits';
import { fyLabel, money, monthLong, percent } from '../../logic/format';
import { exportOutturn } from '../../store/actions';
import { useOutturnResults, usePlan } from '../../store/hooks';
import { useHistory } from '../../store/main-answer';
import { useStore } from '../../store/store';
import { ActualsGrid } from './ActualsGrid';
import { BudgetPicker, standingBudget, useSnapshotOutturn, type BudgetRef } from './BudgetChoice';
import { ImportActualsButton } from './ImportActuals';
import { GroupTable, ServiceTable } from './OutturnTables';
import './outturn.css';

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

function ExportOutturn(props: { scenarioId: string; fy: string; budget: BudgetRef }) {
  const [state, setState] = useState<string | null>(null);
  const run = async (format: 'xlsx' | 'pdf') => {
    setState('Preparing…');
    try {
      setState(`Saved ${await exportOutturn(format, props.scenarioId, props.fy, props.budget ?? undefined)}`);
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
  const [chosenBudget, setBudget] = useState<BudgetRef>(null);
  const snapshots = useHistory().value?.snapshots ?? [];
  const budget = standingBudget(chosenBudget, snapshots);
  const fyId = useId();
  // A chosen FY the horizon no longer has falls back to the default, so the picker stays.
  const chosen = chosenFy !== null && results?.result.years.some((y) => y.fy === chosenFy) ? chosenFy : null;
  const fy = chosen ?? (plan ? defaultOutturnFy(plan) : null);
  const inHorizon = fy !== null && !!results?.result.years.some((y) => y.fy === fy);
  const asPlanned = useMemo(
    () => (plan && results && fy !== null && inHorizon ? outturnFrom(plan, results.result, results.budget, fy) : null),
    [plan, results, fy, inHorizon],
  );
  const againstSnapshot = useSnapshotOutturn(scenarioId, inHorizon ? fy : null, budget.ref);
  const report = budget.ref ? againstSnapshot.value : asPlanned;
  if (!plan || !results || (!report && !againstSnapshot.error)) return <Empty>Simulating…</Empty>;
  if (!report) {
    return (
      <div className="banner error" role="alert" data-testid="outturn-budget-error">
        The outturn against “{budget.snapshot?.name}” could not be worked out: {againstSnapshot.error}
        <button type="button" className="link-button" onClick={() => setBudget(null)}>
          Back to the plan as made
        </button>
      </div>
    );
  }
  const asAtWords = actualsToWords(report.asAt);
  return (
    <div className="screen" data-testid="screen-outturn">
      <ScreenHeader title="Outturn" lede={`${results.result.name} · ${asAtWords ?? 'No actuals yet: every month is a forecast'}`}>
        <ScenarioPicker value={scenarioId} onChange={setScenarioId} />
        <BudgetPicker value={budget.ref} snapshots={snapshots} onChange={setBudget} />
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
        title={`Forecast outturn, ${fyLabel(report.fy)}${budget.snapshot ? `: variance against ${budget.snapshot.name}` : ''}`}
        actions={
          <>
            <ImportActualsButton />
            <ExportOutturn scenarioId={scenarioId} fy={fyLabel(report.fy)} budget={budget.ref} />
          </>
        }
        subtitle={
          <>
            {report.asAt === null
              ? 'With no actuals recorded, the outturn is the plan.'
              : `${asAtWords}: ${report.actualMonths} of the year’s months are actual, the rest forecast from the plan.`}{' '}
            <span data-testid="outturn-budget-source">{budgetSourceLine(report)}.</span>
          </>
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
