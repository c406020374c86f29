// The briefing's key messages: one plain-English sentence per scenario from its result, then
// how each differs from the first. Pure functions of the engine's results (and of the plan,
// for which FY a scenario is about); electron/export/briefing.ts only lays them out.
import type { SimulationResult, YearResult } from './engine';
import { fyText, monthLong, moneyWhole, percent } from './format';
import { shareTenthsOfPercent, tenthsFixed } from './money';
import { parseFy, type FyYear } from './months';
import { isStreamChange } from './plan';
import type { ScenarioSet } from './scenario-set';
import { countOf, SCENARIO_LETTERS } from './words';

export interface KeyMessage {
  readonly scenarioId: string;
  readonly letter: string;
  readonly text: string;
}

/** A share as the briefing prints it, always to one decimal: 0.619 as "61.9%", 1 as "100.0%". */
export function shareText(share: number | null): string {
  if (share === null) return '–';
  return `${tenthsFixed(shareTenthsOfPercent(share))}%`;
}

/**
 * A difference of two shares in percentage points, to one decimal: -0.0773 as "-7.7 points",
 * 0.021 as "+2.1 points", none as "same". A share's difference is never a percentage.
 */
export function shareDifferenceText(change: number | null): string {
  if (change === null) return '–';
  const tenths = shareTenthsOfPercent(change);
  if (tenths === 0) return 'same';
  return `${tenths > 0 ? '+' : ''}${tenthsFixed(tenths)} points`;
}

/** "the underwriter", or "the underwriter (West Midlands Combined Authority)". */
export function underwriterText(result: SimulationResult): string {
  return result.underwriter === 'Underwriter' ? 'the underwriter' : `the underwriter (${result.underwriter})`;
}

export function yearOf(result: SimulationResult, fy: FyYear): YearResult {
  return result.years.find((y) => y.fy === fy)!;
}

/**
 * The FY a scenario is about: the first whose funding it changes (an allocation named in
 * its changes, or one whose amount or confirmation differs from base); failing that, the
 * FY of its first closure, then the FY most at risk.
 */
export function headlineFy(set: ScenarioSet, index: number): FyYear {
  const scenario = set.scenarios[index];
  const result = set.results[index];
  const named = new Set<FyYear>();
  const raw = set.plan.scenarios?.find((s) => s.id === scenario.id);
  for (const change of raw?.changes ?? []) if (isStreamChange(change)) named.add(parseFy(change.fy));
  for (const fy of scenario.fys) {
    if (named.has(fy)) return fy;
    for (const stream of scenario.streams) {
      const mine = stream.allocations.get(fy);
      const base = set.base.streams.find((s) => s.id === stream.id)?.allocations.get(fy);
      if (mine?.amount !== base?.amount || mine?.known !== base?.known) return fy;
    }
  }
  const closedFor = result.interventions.filter((r) => r.closedFor !== null).map((r) => r.closedFor!);
  if (closedFor.length > 0) return Math.min(...closedFor);
  let best = result.years[0];
  for (const y of result.years) if (y.atRisk > best.atRisk) best = y;
  return best.fy;
}

/** "at 75% of the planned Home Office funding", "with no Home Office funding", or "at the planned level". */
export function fundingClause(set: ScenarioSet, index: number, fy: FyYear): string {
  const scenario = set.scenarios[index];
  const changed: { funder: string; name: string; mine: number; base: number }[] = [];
  for (const stream of scenario.streams) {
    const mine = stream.allocations.get(fy)?.amount ?? 0;
    const base = set.base.streams.find((s) => s.id === stream.id)?.allocations.get(fy)?.amount ?? 0;
    if (mine !== base) changed.push({ funder: stream.funder.trim() || stream.name, name: stream.name, mine, base });
  }
  if (changed.length === 0) return scenario.id === set.base.id ? 'as planned' : 'at the planned level';
  // Streams are named by their funder, or by their own name when a funder has several that changed.
  const shared = new Set(changed.map((c) => c.funder).filter((f, i, all) => all.indexOf(f) !== i));
  const parts = changed.map((c) => {
    const label = shared.has(c.funder) ? c.name : c.funder;
    if (c.mine === 0) return `with no ${label} funding`;
    if (c.base === 0) return `with ${moneyWhole(c.mine)} of new ${label} funding`;
    // A display ratio of two pence amounts, never summed.
    return `at ${percent(c.mine / c.base, 1)} of the planned ${label} funding`;
  });
  return parts.join(' and ');
}

/** The message for one scenario: its headline FY's confirmation, closures, people and exposure. */
export function scenarioMessage(set: ScenarioSet, index: number): string {
  const result = set.results[index];
  const fy = headlineFy(set, index);
  const year = yearOf(result, fy);
  const t = result.totals;
  const clauses: string[] = [];
  if (t.closures === 0) clauses.push('no service closes');
  else {
    clauses.push(countOf(t.closures, 'service closes', 'services close'));
    if (t.usersLosingSupport === 0) {
      clauses.push('no one loses support');
    } else {
      clauses.push(`${t.usersLosingSupport} ${t.usersLosingSupport === 1 ? 'person loses' : 'people lose'} support`);
      const a = t.usersLosingSupportAvoidably;
      clauses.push(
        a === 0
          ? 'none of them avoidably'
          : a === t.usersLosingSupport
            ? a === 1
              ? 'avoidably'
              : 'all of them avoidably'
            : `${a} of them avoidably`,
      );
    }
  }
  clauses.push(
    year.atRisk > 0
      ? `${underwriterText(result)} is exposed to ${moneyWhole(year.atRisk)} until confirmation`
      : 'nothing is spent before confirmation',
  );
  const last = clauses.pop()!;
  // The year's known month is the engine's (plan-format.md §3.2): a confirmation delay beats a date.
  let text = `If ${fyText(fy)} is confirmed in ${monthLong(year.known)} ${fundingClause(set, index, fy)}, ${clauses.join(', ')}${clauses.length ? ', and ' : ''}${last}.`;
  text +=
    t.drawn > 0
      ? ` Over the plan, ${moneyWhole(t.drawn)} is drawn from the underwriter, ${t.limitBreaches > 0 ? `beyond its limit in ${countOf(t.limitBreaches, 'year', 'years')}` : 'within its limit'}`
      : ' Nothing is drawn from the underwriter';
  text += t.underspend > 0 ? `; ${moneyWhole(t.underspend)} of funding lapses unspent.` : '.';
  if (t.avoidableClosures > 0) {
    text += ` Serving notice before the funding is known closes ${countOf(t.avoidableClosures, 'service', 'services')} that waiting would have kept.`;
  }
  if (t.nonCompliantYears > 0) text += ` The grant condition is broken in ${countOf(t.nonCompliantYears, 'year', 'years')}.`;
  return text;
}

/** How scenario `index` differs from the first: closures, people without support, money drawn. */
export function differenceMessage(set: ScenarioSet, index: number): string {
  const L = SCENARIO_LETTERS;
  const diff = (key: string) => set.comparison.totals.find((r) => r.key === key)!.differences[index] ?? 0;
  const closures = diff('closures');
  const people = diff('usersLosingSupport');
  const drawn = diff('drawn');
  const more = (n: number) => (n > 0 ? 'more' : 'fewer');
  const parts = [
    closures === 0
      ? 'closes as many services'
      : `closes ${countOf(Math.abs(closures), `${more(closures)} service`, `${more(closures)} services`)}`,
    people === 0
      ? 'leaves as many people without support'
      : `leaves ${Math.abs(people)} ${more(people)} ${Math.abs(people) === 1 ? 'person' : 'people'} without support`,
    drawn === 0
      ? 'draws the same from the underwriter'
      : `draws ${moneyWhole(Math.abs(drawn))} ${drawn > 0 ? 'more' : 'less'} from the underwriter`,
  ];
  return `Compared with ${L[0]}, ${L[index]} ${parts[0]}, ${parts[1]}, and ${parts[2]}.`;
}

/** One plain-English message per scenario, from its result; then how each differs from the first. */
export function keyMessages(set: ScenarioSet): KeyMessage[] {
  const messages: KeyMessage[] = set.results.map((result, i) => ({
    scenarioId: result.id,
    letter: SCENARIO_LETTERS[i],
    text: scenarioMessage(set, i),
  }));
  for (let i = 1; i < set.results.length; i++) {
    messages.push({ scenarioId: set.results[i].id, letter: SCENARIO_LETTERS[i], text: differenceMessage(set, i) });
  }
  return messages;
}
