// The comparison of section 8: scenarios side by side, differences from the first named,
// and an outcome row per intervention with the rows that differ first. The app, the CLI
// and the exports all render this one structure.
import type { InterventionResult, SimulationResult } from './engine';
import type { MeasureKind } from './format';
import { formatFy, type FyYear } from './months';
import { outcomeAt, outcomeCode, sameOutcome, type OutcomeAt } from './words';

export type { MeasureKind } from './format';
export type { OutcomeAt } from './words';
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
  /** One per scenario: what happens to it, and when (plan-format.md §8). */
  readonly outcomes: readonly OutcomeAt[];
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
  if (fy === null || !results[0].years.some((y) => y.fy === fy)) return [];
  const atRisk = results.map((r) => r.years.find((y) => y.fy === fy)!.atRisk);
  return [row('atRiskFy', `At risk before confirmation in ${formatFy(fy)}`, 'money', atRisk)];
}

/** `headlineFy`: the FY the headlines are about (shared/cliff-edge.ts nextCliffEdgeFy); it gets a row of its own. */
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
  const years = results[0].years.map((first, yi) => {
    const at = (r: SimulationResult) => r.years[yi];
    return {
      fy: first.fy,
      label: formatFy(first.fy),
      rows: [
        row(
          'funding',
          'Funding',
          'money',
          results.map((r) => at(r).funding),
        ),
        row(
          'spend',
          'Spend',
          'money',
          results.map((r) => at(r).spend),
        ),
        row(
          'drawn',
          'Drawn from underwriter',
          'money',
          results.map((r) => at(r).drawn),
        ),
        row(
          'underspend',
          'Underspend',
          'money',
          results.map((r) => at(r).underspend),
        ),
        row(
          'atRisk',
          'At risk before confirmation',
          'money',
          results.map((r) => at(r).atRisk),
        ),
        row(
          'commissionedShare',
          'Commissioned share',
          'share',
          results.map((r) => at(r).commissionedShare),
        ),
        row(
          'compliant',
          'Grant condition met',
          'flag',
          results.map((r) => (at(r).compliant ? 1 : 0)),
        ),
        row(
          'limitBreached',
          'Underwriting limit breached',
          'flag',
          results.map((r) => (at(r).limitBreached ? 1 : 0)),
        ),
      ],
    };
  });
  const outcomeRows = results[0].interventions.map((first, ii) => {
    const outcomes = results.map((r) => outcomeAt(r.interventions[ii]));
    return { id: first.id, name: first.name, outcomes, differs: outcomes.some((o) => !sameOutcome(o, outcomes[0])) };
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
 * the output reads as it always has.
 */
export function comparisonJson(planName: string, comparison: Comparison) {
  return {
    plan: planName,
    ...comparison,
    interventions: comparison.interventions.map((row) => ({ ...row, outcomes: row.outcomes.map(outcomeCode) })),
  };
}

/** Column headers for the scenarios: their names, with the id added only where two share a name. */
export function scenarioColumnNames(scenarios: Comparison['scenarios']): string[] {
  return scenarios.map((s) => (scenarios.filter((o) => o.name === s.name).length > 1 ? `${s.name} (${s.id})` : s.name));
}
