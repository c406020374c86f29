// The Overview's headline figures for one scenario, each with Base's beside it, and the
// at-risk figure for the headline FY (the engine's years[].atRisk), named by its FY.
import type { SimulationResult } from '../../../shared/engine';
import type { FyYear } from '../../../shared/months';
import { Figure } from '../../components/common';
import { count, fyLabel, money, plural } from '../../logic/format';

function Beside(props: { base: SimulationResult | null; self: SimulationResult; text: (r: SimulationResult) => string }) {
  if (!props.base || props.base.id === props.self.id) return null;
  return (
    <div className="figure-base" data-testid="figure-base">
      Base: {props.text(props.base)}
    </div>
  );
}

const atRiskIn = (r: SimulationResult, fy: FyYear) => r.years.find((y) => y.fy === fy)?.atRisk ?? 0;

export function Headline(props: { result: SimulationResult; base: SimulationResult | null; fy: FyYear }) {
  const { result, base, fy } = props;
  const t = result.totals;
  const largest = result.years.reduce((a, b) => (b.atRisk > a.atRisk ? b : a), result.years[0]);
  return (
    <div className="figures" data-testid="headline">
      <Figure
        label="Services closing"
        value={count(t.closures)}
        tone={t.closures ? 'bad' : 'good'}
        detail={
          <>
            {t.avoidableClosures ? `${count(t.avoidableClosures)} avoidable by waiting` : 'none avoidable by waiting'}
            {t.transitions ? ` · ${plural(t.transitions, 'handover')}` : ''}
            <Beside base={base} self={result} text={(r) => count(r.totals.closures)} />
          </>
        }
        testId="fig-closures"
      />
      <Figure
        label="People losing support"
        value={count(t.usersLosingSupport)}
        tone={t.usersLosingSupport ? 'bad' : 'good'}
        detail={
          <>
            {count(t.usersLosingSupportAvoidably)} avoidably · {count(t.usersMoved)} moved to other support
            <Beside base={base} self={result} text={(r) => count(r.totals.usersLosingSupport)} />
          </>
        }
        testId="fig-people"
      />
      <Figure
        label={`At risk before confirmation, ${fyLabel(fy)}`}
        value={money(atRiskIn(result, fy))}
        tone={atRiskIn(result, fy) ? 'warn' : 'neutral'}
        detail={
          <>
            spend {result.underwriter} underwrites before {fyLabel(fy)}’s grant is confirmed
            {largest && largest.fy !== fy ? ` · largest: ${money(largest.atRisk)} in ${fyLabel(largest.fy)}` : ''}
            <Beside base={base} self={result} text={(r) => money(atRiskIn(r, fy))} />
          </>
        }
        testId="fig-at-risk"
      />
      <Figure
        label={`Drawn from ${result.underwriter}`}
        value={money(t.drawn)}
        tone={t.limitBreaches ? 'bad' : t.drawn ? 'warn' : 'good'}
        detail={
          <>
            {t.limitBreaches
              ? `over the limit in ${plural(t.limitBreaches, 'year')}`
              : `within the limit of ${money(result.years[0]?.limit ?? 0)} a year`}
            <Beside base={base} self={result} text={(r) => money(r.totals.drawn)} />
          </>
        }
        testId="fig-drawn"
      />
      <Figure
        label="Grant lapsing unspent"
        value={money(t.underspend)}
        tone={t.underspend ? 'warn' : 'neutral'}
        detail={
          <>
            funding not spent by 31 March is lost
            <Beside base={base} self={result} text={(r) => money(r.totals.underspend)} />
          </>
        }
        testId="fig-underspend"
      />
    </div>
  );
}
