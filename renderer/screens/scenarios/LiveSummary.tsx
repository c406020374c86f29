// The scenario's headline result, updated as its sliders move (a draft shows as "preview").
// The figures stay in view (sticky) while the levels below are edited; the chart scrolls
// away with the page, so the sticky part stays short enough not to hide what is edited.
import { useStickyHeight } from '../../components/sticky';
import { ChartOrTable, Figure } from '../../components/common';
import { MonthChart, MonthTable } from '../../components/MonthChart';
import { count, fyLabel, money } from '../../logic/format';
import { useHeadlineFy, useIsDraft, useScenario } from '../../store/hooks';

export function LiveSummary(props: { scenarioId: string }) {
  const { result } = useScenario(props.scenarioId);
  const draft = useIsDraft();
  const fy = useHeadlineFy();
  const sticky = useStickyHeight('--sticky-panel');
  if (!result) return null;
  const t = result.totals;
  return (
    <>
      <div className="live-summary" aria-live="polite" data-testid="live-summary" ref={sticky}>
        <div className="live-title">Result of this scenario {draft ? <span className="pill small">preview</span> : null}</div>
        <div className="figures compact">
          <Figure label="Services closing" value={count(t.closures)} tone={t.closures ? 'bad' : 'good'} testId="live-closures" />
          <Figure
            label="People losing support"
            value={count(t.usersLosingSupport)}
            tone={t.usersLosingSupport ? 'bad' : 'good'}
            testId="live-people"
          />
          <Figure
            label={`Drawn from ${result.underwriter}`}
            value={money(t.drawn)}
            tone={t.limitBreaches ? 'bad' : t.drawn ? 'warn' : 'good'}
            testId="live-drawn"
          />
          <Figure
            label={fy === null ? 'At risk before confirmation' : `At risk before confirmation, ${fyLabel(fy)}`}
            value={money(result.years.find((y) => y.fy === fy)?.atRisk ?? 0)}
            tone="neutral"
            testId="live-at-risk"
          />
          <Figure label="Lapsing unspent" value={money(t.underspend)} tone="neutral" />
        </div>
      </div>
      <details className="live-chart" open data-testid="scenario-chart">
        <summary>Funding and spend by month</summary>
        <ChartOrTable
          label="Monthly funding against spend in this scenario"
          chart={<MonthChart result={result} height={170} compact />}
          table={<MonthTable result={result} />}
        />
      </details>
    </>
  );
}
