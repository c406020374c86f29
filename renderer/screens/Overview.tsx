// Overview of one scenario: the headline figures, the cliff edge and the decisions due.
import { useMemo } from 'react';
import { Card, ChartOrTable, Empty, ScenarioPicker, ScreenHeader } from '../components/common';
import { FyPicker } from '../components/FyPicker';
import { CliffEdgeChart, CliffEdgeLegend, CliffEdgeTable } from '../components/CliffEdge';
import { UpcomingDecisions } from '../components/Decisions';
import { fyLabel, percent, plural, stanceText } from '../logic/format';
import { cliffEdgeLayout } from '../logic/timeline';
import { useHeadlineFy, useScenario } from '../store/hooks';
import { Headline } from './overview/Headline';
import { useStore } from '../store/store';
import './Overview.css';

export function Overview() {
  const scenarioId = useStore((s) => s.scenarioId);
  const setScenarioId = useStore((s) => s.setScenarioId);
  const { result } = useScenario(scenarioId);
  const { result: base } = useScenario('base');
  const fy = useHeadlineFy();
  const layout = useMemo(() => (result ? cliffEdgeLayout(result) : null), [result]);

  return (
    <div className="screen" data-testid="screen-overview">
      <ScreenHeader title="Overview" lede={result ? `${result.name} · ${stanceText(result.stance)}` : undefined}>
        <ScenarioPicker value={scenarioId} onChange={setScenarioId} />
        <FyPicker />
      </ScreenHeader>
      {!result || !layout ? (
        <Empty>Working out the results…</Empty>
      ) : (
        <>
          <Card>
            <Headline result={result} base={base} fy={fy ?? result.years[0].fy} />
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
