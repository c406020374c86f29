// Tornado (plan-format.md §9.1): each uncertain variable of a scenario moved alone from its
// 10th to its 90th percentile, every other at its median; the rows sorted by how far the
// money drawn swings, then the people losing support, then the variable's name.
import { compilePlan } from '../compiled/compile';
import { simulate } from '../engine';
import { penceToPounds } from '../money';
import type { Plan } from '../plan';
import { resultToJson, type ResultJson } from '../result-json';
import type { Uncertainty } from './distributions';
import { AnalysisArgumentError, findScenarioOrThrow } from './draws';
import { quantile } from './quantiles';
import { resolveAt } from './risk';

export const LOW_PERCENTILE = 0.1;
export const CENTRAL_PERCENTILE = 0.5;
export const HIGH_PERCENTILE = 0.9;

/** A scenario with no uncertain variables has no tornado. */
export class NoUncertaintyError extends AnalysisArgumentError {}

export interface TornadoRow {
  readonly variable: string;
  /** The 10th and 90th percentiles. */
  readonly low: number;
  readonly high: number;
  /** As in the simulate JSON: money in pounds. */
  readonly lowTotals: ResultJson['totals'];
  readonly highTotals: ResultJson['totals'];
  /** |drawn at high − drawn at low|, pounds, and the same for usersLosingSupport. */
  readonly drawnSwing: number;
  readonly usersLosingSupportSwing: number;
}

export interface Tornado {
  /** Every uncertain variable at its median, and the totals there. */
  readonly base: { readonly values: Readonly<Record<string, number>>; readonly totals: ResultJson['totals'] };
  readonly rows: readonly TornadoRow[];
}

/**
 * The value with at least a share v of the probability at or below it: for the continuous
 * distributions their quantile at v; for discrete and bernoulli the smallest value, in
 * numeric order, whose cumulative weight reaches v (nearest rank, as risk's p10 and p90).
 */
export function percentile(v: number, u: Uncertainty): number {
  switch (u.dist) {
    case 'uniform':
    case 'triangular':
    case 'normal':
      return quantile(v, u);
    case 'bernoulli':
      return u.p === 0 || v <= 1 - u.p ? 0 : 1;
    case 'discrete': {
      const weights = u.weights ?? u.values.map(() => 1);
      const order = u.values.map((_, i) => i).filter((i) => weights[i] > 0);
      order.sort((a, b) => u.values[a] - u.values[b]);
      const target = v * weights.reduce((sum, w) => sum + w, 0);
      let cumulative = 0;
      for (const i of order) {
        cumulative += weights[i];
        if (cumulative >= target) return u.values[i];
      }
      return u.values[order[order.length - 1]];
    }
  }
}

/** pence difference in pounds, exact: both sides are whole pence over 100. */
const poundsSwing = (a: number, b: number) => penceToPounds(Math.abs(Math.round(a * 100) - Math.round(b * 100)));

/** The tornado of a scenario. The plan must be valid (validatePlan). */
export function tornado(plan: Plan, scenarioId: string): Tornado {
  const scenario = findScenarioOrThrow(plan, scenarioId);
  const uncertainty = scenario?.uncertainty ?? [];
  if (uncertainty.length === 0) {
    throw new NoUncertaintyError(`scenario "${scenarioId}" has no uncertain variables, so there is nothing to move`);
  }
  const compiled = compilePlan(plan);
  const central = Object.fromEntries(uncertainty.map((u) => [u.variable, percentile(CENTRAL_PERCENTILE, u)]));
  const totalsAt = (values: Record<string, number>) => resultToJson(simulate(resolveAt(compiled, scenarioId, values))).totals;
  const rows = uncertainty.map((u) => {
    const low = percentile(LOW_PERCENTILE, u);
    const high = percentile(HIGH_PERCENTILE, u);
    const lowTotals = totalsAt({ ...central, [u.variable]: low });
    const highTotals = totalsAt({ ...central, [u.variable]: high });
    return {
      variable: u.variable,
      low,
      high,
      lowTotals,
      highTotals,
      drawnSwing: poundsSwing(highTotals.drawn, lowTotals.drawn),
      usersLosingSupportSwing: Math.abs(highTotals.usersLosingSupport - lowTotals.usersLosingSupport),
    };
  });
  rows.sort(
    (a, b) =>
      b.drawnSwing - a.drawnSwing ||
      b.usersLosingSupportSwing - a.usersLosingSupportSwing ||
      (a.variable < b.variable ? -1 : a.variable > b.variable ? 1 : 0),
  );
  return { base: { values: central, totals: totalsAt(central) }, rows };
}
