// The comparison of section 8: scenarios side by side, differences from the first named,
// and an outcome row per intervention with the rows that differ first. The app, the CLI
// and the exports all render this one structure.
import type { InterventionResult, SimulationResult, YearResult } from './engine';
import type { MeasureKind } from './format';
import { formatFy, type FyYear } from './months';
import { outcomeAt, outcomeCode, sameOutcome, type OutcomeOrAbsent } from './words';

export type { MeasureKind } from './format';
export type { OutcomeAt, OutcomeOrAbsent } from './words';
// Comparison values are worded in shared/format.ts, with every other figure.
export { formatComparisonValue } from './format';

export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly kind: MeasureKind;
  /** One value per scenario; money in pence, shares as fractions, flags as 0/1. */
  readonly values: readonly (number | null)[];
  /** value − first scenario's value; null for the first scenario or when either is null. */
  readonly differences: readonly (number | null)[];
}

export interface ComparisonYear {
  readonly fy: FyYear;
  readonly label: string;
  readonly rows: readonly ComparisonRow[];
}

export interface OutcomeRow {
  readonly id: string;
  readonly name: string;
  /** One per scenario: what happens to it, and when (plan-format.md §8); null where it is not in that scenario's plan. */
  readonly outcomes: readonly OutcomeOrAbsent[];
  readonly differs: boolean;
}

export interface Comparison {
  /** The FY the headline rows are about, when one was given. */
  readonly headlineFy: FyYear | null;
  readonly scenarios: readonly { readonly id: string; readonly name: string; readonly stance: string }[];
  readonly totals: readonly ComparisonRow[];
  readonly years: readonly ComparisonYear[];
  readonly interventions: readonly OutcomeRow[];
}

/** "continues", "closes 2022-08", "transitions 2021-10", "ended". */
export function outcomeLabel(r: InterventionResult): string {
  return outcomeCode(outcomeAt(r));
}

function row(key: string, label: string, kind: MeasureKind, values: (number | null)[]): ComparisonRow {
  const first = values[0];
  const differences = values.map((v, i) => (i === 0 || v === null || first === null ? null : v - first));
  return { key, label, kind, values, differences };
}

const TOTALS: [keyof SimulationResult['totals'], string, MeasureKind][] = [
  ['funding', 'Funding', 'money'],
  ['spend', 'Spend', 'money'],
  ['partner', 'Paid by partners', 'money'],
  ['drawn', 'Drawn from underwriter', 'money'],
  ['underspend', 'Funding lapsing unspent', 'money'],
  ['peakAtRisk', 'Largest FY at risk before confirmation', 'money'],
  ['closures', 'Services closing', 'count'],
  ['avoidableClosures', 'Closures avoidable by waiting', 'count'],
  ['transitions', 'Services handed over', 'count'],
  ['usersLosingSupport', 'People losing support', 'count'],
  ['usersMoved', 'People moved to other support', 'count'],
  ['nonCompliantYears', 'FYs breaking the grant condition', 'count'],
];

/** The headline FY's at risk, named by its FY (the engine's `years[].atRisk`), before the largest FY's. */
function headlineRows(results: readonly SimulationResult[], fy: FyYear | null): ComparisonRow[] {
  if (fy === null || !results.some((r) => r.years.some((y) => y.fy === fy))) return [];
  const atRisk = results.map((r) => r.years.find((y) => y.fy === fy)?.atRisk ?? null);
  return [row('atRiskFy', `At risk before confirmation in ${formatFy(fy)}`, 'money', atRisk)];
}

const YEAR_ROWS: [string, string, MeasureKind, (y: YearResult) => number | null][] = [
  ['funding', 'Funding', 'money', (y) => y.funding],
  ['spend', 'Spend', 'money', (y) => y.spend],
  ['drawn', 'Drawn from underwriter', 'money', (y) => y.drawn],
  ['underspend', 'Underspend', 'money', (y) => y.underspend],
  ['atRisk', 'At risk before confirmation', 'money', (y) => y.atRisk],
  ['commissionedShare', 'Commissioned share', 'share', (y) => y.commissionedShare],
  ['compliant', 'Grant condition met', 'flag', (y) => (y.compliant ? 1 : 0)],
  ['limitBreached', 'Underwriting limit breached', 'flag', (y) => (y.limitBreached ? 1 : 0)],
];

/** Every FY of any result, in FY order: results of one plan share theirs; a snapshot's horizon may differ. */
export function comparedFys(results: readonly SimulationResult[]): FyYear[] {
  return [...new Set(results.flatMap((r) => r.years.map((y) => y.fy)))].sort((a, b) => a - b);
}

/** Every intervention id of any result: the first result's order, then ids only in later results, in their order. */
export function comparedIds(results: readonly SimulationResult[]): string[] {
  return [...new Set(results.flatMap((r) => r.interventions.map((i) => i.id)))];
}

/** Each result's interventions by id, for lining services up across plans. */
export function interventionsById(results: readonly SimulationResult[]): ReadonlyMap<string, InterventionResult>[] {
  return results.map((r) => new Map(r.interventions.map((i) => [i.id, i])));
}

/**
 * `headlineFy`: the FY the headlines are about (shared/cliff-edge.ts nextCliffEdgeFy); it gets a
 * row of its own. Interventions are lined up by id and years by FY, so the results may come from
 * different plans (a snapshot's and today's): a service or FY missing from a result has a null
 * value there, and a null outcome ("not in plan").
 */
export function compare(results: readonly SimulationResult[], headlineFy: FyYear | null = null): Comparison {
  if (results.length === 0) throw new Error('compare needs at least one scenario');
  const totals = TOTALS.flatMap(([key, label, kind]) => [
    ...(key === 'peakAtRisk' ? headlineRows(results, headlineFy) : []),
    row(
      key,
      label,
      kind,
      results.map((r) => r.totals[key]),
    ),
  ]);
  const yearMaps = results.map((r) => new Map(r.years.map((y) => [y.fy, y])));
  const years = comparedFys(results).map((fy) => ({
    fy,
    label: formatFy(fy),
    rows: YEAR_ROWS.map(([key, label, kind, pick]) =>
      row(
        key,
        label,
        kind,
        yearMaps.map((m) => {
          const y = m.get(fy);
          return y ? pick(y) : null;
        }),
      ),
    ),
  }));
  const byId = interventionsById(results);
  const outcomeRows = comparedIds(results).map((id) => {
    const found = byId.map((m) => m.get(id) ?? null);
    const outcomes = found.map((r) => (r ? outcomeAt(r) : null));
    const name = found.find((r) => r !== null)!.name;
    return { id, name, outcomes, differs: outcomes.some((o) => !sameOutcome(o, outcomes[0])) };
  });
  const interventions = [...outcomeRows.filter((r) => r.differs), ...outcomeRows.filter((r) => !r.differs)];
  return {
    headlineFy,
    scenarios: results.map((r) => ({ id: r.id, name: r.name, stance: r.stance })),
    totals,
    years,
    interventions,
  };
}

/**
 * The comparison as the CLI's --json prints it: outcomes as "closes 2022-08" cells, so that
 * the output reads as it always has; null for a service not in that scenario's plan.
 */
export function comparisonJson(planName: string, comparison: Comparison) {
  return {
    plan: planName,
    ...comparison,
    interventions: comparison.interventions.map((row) => ({
      ...row,
      outcomes: row.outcomes.map((o) => (o === null ? null : outcomeCode(o))),
    })),
  };
}

/** Column headers for the scenarios: their names, with the id added only where two share a name. */
export function scenarioColumnNames(scenarios: Comparison['scenarios']): string[] {
  return scenarios.map((s) => (scenarios.filter((o) => o.name === s.name).length > 1 ? `${s.name} (${s.id})` : s.name));
}
