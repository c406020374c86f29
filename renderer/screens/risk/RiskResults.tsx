// A completed run of the scenario: headline figures, the totals table with its CSV, the
// chances, the people histogram and the fan chart.
import type { Scenario } from '../../../shared/plan';
import { Card, ChartOrTable, Figure } from '../../components/common';
import { count, money } from '../../logic/format';
import { riskIsStale, riskResultFor } from '../../store/analysis-slice';
import { useScenario } from '../../store/hooks';
import { useStore } from '../../store/store';
import { ChanceChart, ChanceTable } from './ChanceChart';
import { downloadRiskCsv } from './downloads';
import { FAN_CAPTION, FanChart, FanTable } from './FanChart';
import { PeopleChart, PeopleTable } from './PeopleHistogram';
import { SummaryTable } from './SummaryTable';

export function RiskResults(props: { scenario: Scenario }) {
  const result = useStore((s) => riskResultFor(s, props.scenario.id));
  const stale = useStore((s) => riskIsStale(s, props.scenario.id));
  const { result: central } = useScenario(props.scenario.id);
  const underwriter = central?.underwriter ?? 'the underwriter';
  if (!result) return null;
  const s = result.summary;
  const download = () => downloadRiskCsv(result, props.scenario, underwriter);
  return (
    <div className="risk-results" data-testid="risk-results">
      {stale ? (
        <div className="banner info" role="status">
          The plan has changed since these draws were run. Run them again to bring the results up to date.
        </div>
      ) : null}
      <div className="figures" data-testid="risk-figures">
        <Figure
          label={`Drawn from ${underwriter}: median`}
          value={money(s.drawn.p50)}
          detail={`1 in 10 draws above ${money(s.drawn.p90)}`}
          tone={s.drawn.p50 > 0 ? 'warn' : 'good'}
        />
        <Figure
          label="People losing support: median"
          value={count(s.usersLosingSupport.p50)}
          detail={`1 in 10 draws above ${count(s.usersLosingSupport.p90)}`}
          tone={s.usersLosingSupport.p50 > 0 ? 'bad' : 'good'}
        />
        <Figure
          label="At risk in the largest FY: median"
          value={money(s.atRisk.p50)}
          detail={`1 in 10 draws above ${money(s.atRisk.p90)}`}
        />
      </div>
      <Card
        title="Totals across the draws"
        subtitle={`${count(s.draws)} draws, seed ${s.seed}. P10 and P90: one draw in ten is below, or above, the figure.`}
        actions={
          <button type="button" onClick={download} data-testid="risk-download">
            Download CSV
          </button>
        }
      >
        <SummaryTable view={result} underwriter={underwriter} />
      </Card>
      <div className="two-col">
        <Card title="Chance of each service closing or being handed over" subtitle="Share of draws; most likely to close first.">
          <ChartOrTable
            label="Chance of closing or handover for each service"
            chart={<ChanceChart view={result} />}
            table={<ChanceTable view={result} />}
            testId="risk-chances"
          />
        </Card>
        <Card title="People losing support" subtitle="Share of draws by how many people lose support.">
          <ChartOrTable
            label="Histogram of people losing support across the draws"
            chart={<PeopleChart view={result} />}
            table={<PeopleTable view={result} />}
            testId="risk-people"
          />
        </Card>
      </div>
      <Card title={`${underwriter}’s exposure by month`} subtitle={FAN_CAPTION}>
        <ChartOrTable
          label="Fan chart of the underwriter’s exposure by month: median and P10 to P90 band"
          chart={<FanChart view={result} />}
          table={<FanTable view={result} />}
          testId="risk-fan"
        />
      </Card>
    </div>
  );
}
