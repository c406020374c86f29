// Results of one scenario: month by month, year by year, and service by service.
import { Card, ChartOrTable, Empty, ScenarioPicker, ScreenHeader } from '../components/common';
import { MonthChart, MonthTable } from '../components/MonthChart';
import { OutcomeTable, OutcomeTimeline } from '../components/OutcomeTimeline';
import { DataTable, num } from '../components/DataTable';
import { count, fyLabel, money, percent, plural, stanceText } from '../logic/format';
import { knownWords } from '../../shared/words';
import { useScenario } from '../store/hooks';
import { useStore } from '../store/store';
import type { SimulationResult } from '../../shared/engine';
import './Results.css';

function YearTable(props: { result: SimulationResult }) {
  const { result } = props;
  const t = result.totals;
  return (
    <DataTable
      testId="fy-table"
      caption="Funding, spend and exposure by financial year"
      columns={[
        'Financial year',
        num('Funding'),
        num('Plan spend'),
        num('Paid by partners'),
        num('At risk before known'),
        num(`Drawn from ${result.underwriter}`),
        num('Lapsing unspent'),
        'Grant condition',
      ]}
      foot={
        <>
          <tr>
            <th scope="row">Whole horizon</th>
            <td className="num">{money(t.funding)}</td>
            <td className="num">{money(t.spend)}</td>
            <td className="num">{money(t.partner)}</td>
            <td className="num">{money(t.atRisk)}</td>
            <td className="num">{money(t.drawn)}</td>
            <td className="num">{money(t.underspend)}</td>
            <td>{t.nonCompliantYears ? `Not met in ${plural(t.nonCompliantYears, 'year')}` : 'Met every year'}</td>
          </tr>
        </>
      }
    >
      {result.years.map((y) => (
        <tr key={y.fy}>
          <th scope="row">
            {fyLabel(y.fy)}
            <div className="muted small">{knownWords(y)}</div>
          </th>
          <td className="num">{money(y.funding)}</td>
          <td className="num">{money(y.spend)}</td>
          <td className="num">{money(y.partner)}</td>
          <td className="num">{money(y.atRisk)}</td>
          <td className={`num${y.limitBreached ? ' bad' : ''}`}>
            {money(y.drawn)}
            {y.limitBreached ? <span className="flag"> over limit</span> : null}
          </td>
          <td className="num">{money(y.underspend)}</td>
          <td className={y.compliant ? 'good' : 'bad'}>
            {y.compliant ? 'Met' : 'Not met'}
            <span className="muted small">
              {' '}
              {y.commissionedShare === null ? 'no spend' : `${percent(y.commissionedShare)} commissioned`}
            </span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function Results() {
  const scenarioId = useStore((s) => s.scenarioId);
  const setScenarioId = useStore((s) => s.setScenarioId);
  const { result } = useScenario(scenarioId);
  return (
    <div className="screen" data-testid="screen-results">
      <ScreenHeader title="Results" lede={result ? `${result.name} · ${stanceText(result.stance)}` : undefined}>
        <ScenarioPicker value={scenarioId} onChange={setScenarioId} />
      </ScreenHeader>
      {!result ? (
        <Empty>Working out the results…</Empty>
      ) : (
        <>
          <p className="summary-line" data-testid="results-summary">
            <strong>{plural(result.totals.closures, 'service')}</strong> close, <strong>{count(result.totals.usersLosingSupport)}</strong>{' '}
            people lose support, <strong>{money(result.totals.drawn)}</strong> is drawn from {result.underwriter} and{' '}
            <strong>{money(result.totals.underspend)}</strong> of funding lapses unspent.
          </p>
          <Card
            title="Funding and spend by month"
            subtitle="Each year’s funding is spread evenly over its months; bars above the line lean on reserves or the underwriter."
          >
            <ChartOrTable
              label="Monthly funding against spend"
              chart={<MonthChart result={result} />}
              table={<MonthTable result={result} />}
              testId="results-chart"
            />
          </Card>
          <Card title="By financial year">
            <div className="table-scroll">
              <YearTable result={result} />
            </div>
          </Card>
          <Card title="What happens to each service" subtitle="Diamonds mark the notice deadline of services that close.">
            <ChartOrTable
              label="Outcome of each service over time"
              chart={<OutcomeTimeline result={result} />}
              table={<OutcomeTable result={result} />}
              testId="outcomes"
            />
          </Card>
        </>
      )}
    </div>
  );
}
