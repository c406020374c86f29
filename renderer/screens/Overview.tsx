// Overview of one scenario: the headline figures, the cliff edge and the decisions due.
import { useMemo } from 'react';
import { Card, ChartOrTable, Empty, Figure, ScenarioPicker, ScreenHeader } from '../components/common';
import { CliffEdgeChart, CliffEdgeLegend, CliffEdgeTable } from '../components/CliffEdge';
import { UpcomingDecisions } from '../components/Decisions';
import { count, fyLabel, money, percent, plural, stanceText } from '../logic/format';
import { cliffEdgeLayout } from '../logic/timeline';
import { useScenario } from '../store/hooks';
import { useStore } from '../store/store';
import './Overview.css';

export function Overview() {
  const scenarioId = useStore((s) => s.scenarioId);
  const setScenarioId = useStore((s) => s.setScenarioId);
  const { result } = useScenario(scenarioId);
  const layout = useMemo(() => (result ? cliffEdgeLayout(result) : null), [result]);

  return (
    <div className="screen" data-testid="screen-overview">
      <ScreenHeader title="Overview" lede={result ? `${result.name} · ${stanceText(result.stance)}` : undefined}>
        <ScenarioPicker value={scenarioId} onChange={setScenarioId} />
      </ScreenHeader>
      {!result || !layout ? (
        <Empty>Working out the results…</Empty>
      ) : (
        <>
          <Card>
            <div className="figures" data-testid="headline">
              <Figure
                label="Services closing"
                value={count(result.totals.closures)}
                tone={result.totals.closures ? 'bad' : 'good'}
                detail={
                  <>
                    {result.totals.avoidableClosures
                      ? `${count(result.totals.avoidableClosures)} avoidable by waiting`
                      : 'none avoidable by waiting'}
                    {result.totals.transitions ? ` · ${plural(result.totals.transitions, 'handover')}` : ''}
                  </>
                }
                testId="fig-closures"
              />
              <Figure
                label="People losing support"
                value={count(result.totals.usersLosingSupport)}
                tone={result.totals.usersLosingSupport ? 'bad' : 'good'}
                detail={
                  <>
                    {count(result.totals.usersLosingSupportAvoidably)} avoidably · {count(result.totals.usersMoved)} moved to other support
                  </>
                }
                testId="fig-people"
              />
              <Figure
                label={`At risk before confirmation`}
                value={money(result.totals.peakAtRisk)}
                tone={result.totals.peakAtRisk ? 'warn' : 'neutral'}
                detail={`largest in a year: spend ${result.underwriter} underwrites before the grant is confirmed`}
                testId="fig-at-risk"
              />
              <Figure
                label={`Drawn from ${result.underwriter}`}
                value={money(result.totals.drawn)}
                tone={result.totals.limitBreaches ? 'bad' : result.totals.drawn ? 'warn' : 'good'}
                detail={
                  result.totals.limitBreaches
                    ? `over the limit in ${plural(result.totals.limitBreaches, 'year')}`
                    : `within the limit of ${money(result.years[0]?.limit ?? 0)} a year`
                }
                testId="fig-drawn"
              />
              <Figure
                label="Grant lapsing unspent"
                value={money(result.totals.underspend)}
                tone={result.totals.underspend ? 'warn' : 'neutral'}
                detail="funding not spent by 31 March is lost"
                testId="fig-underspend"
              />
            </div>
            <div className="condition-row" data-testid="grant-condition">
              <span className="condition-title">Grant condition (commissioned share of spend)</span>
              <ul className="condition-list">
                {result.years.map((y) => (
                  <li key={y.fy} className={y.compliant ? 'met' : 'unmet'}>
                    <span className="condition-mark" aria-hidden="true">
                      {y.compliant ? '✓' : '✕'}
                    </span>
                    <span className="condition-fy">{fyLabel(y.fy)}</span>
                    <span className="condition-detail">
                      {y.compliant ? 'Met' : 'Not met'}: {y.commissionedShare === null ? 'no spend' : percent(y.commissionedShare)}
                      {y.requiredShare !== null ? ` (at least ${percent(y.requiredShare, 0)})` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          </Card>

          <Card
            title="The cliff edge: when we must decide, and when we will know"
            subtitle={
              layout.widestGap > 0
                ? `Some notice must be served up to ${plural(layout.widestGap, 'month')} before the year’s funding is known.`
                : 'Every notice deadline falls after the funding for its year is known.'
            }
          >
            <ChartOrTable
              label="Timeline of notice deadlines against when funding is known"
              testId="cliff-edge"
              chart={
                <>
                  <CliffEdgeLegend />
                  <CliffEdgeChart layout={layout} />
                </>
              }
              table={<CliffEdgeTable layout={layout} />}
            />
          </Card>

          <Card title="Upcoming decisions" subtitle="Notice deadlines ahead, what each puts at stake, and what this scenario does.">
            <UpcomingDecisions result={result} />
          </Card>
        </>
      )}
    </div>
  );
}
