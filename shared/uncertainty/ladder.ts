// Ladder (plan-format.md §9): the scenario simulated at each value of one variable, a row per
// value with the totals and the interventions that close. "Planning for future funding
// at a range of levels" as one table.
import { compilePlan } from '../compiled/compile';
import { simulateSummary } from '../engine';
import { breakeven } from './breakeven';
import { numberToDecimalText } from '../money';
import type { Plan } from '../plan';
import { totalsToJson, type ResultJson } from '../result-json';
import { AnalysisArgumentError, AnalysisError } from './draws';
import { checkVariable, resolveAt } from './risk';

export const MAX_LADDER_ROWS = 10_000;

export interface LadderRow {
  readonly value: number;
  /** As in the simulate JSON: money in pounds. */
  readonly totals: ResultJson['totals'];
  /** Ids of the interventions that close, in plan order. */
  readonly closes: readonly string[];
}

export interface Ladder {
  readonly rows: readonly LadderRow[];
}

function decimals(value: number): number {
  const text = numberToDecimalText(value);
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * The values from, from + step, ... up to `to` (inclusive when it is reached). Each is
 * computed as from + i × step in whole units of the finest decimal among the three, so
 * 0.1 steps give 0.3, not 0.30000000000000004, and no error accumulates.
 */
export function ladderValues(from: number, to: number, step: number): number[] {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
    ['step', step],
  ] as const) {
    if (!Number.isFinite(value)) throw new AnalysisArgumentError(`${name} must be a number, not ${value}`);
  }
  if (!(step > 0)) throw new AnalysisArgumentError(`the step must be above 0, not ${step}`);
  if (from > to) throw new AnalysisArgumentError(`from (${from}) is above to (${to})`);
  const places = Math.max(decimals(from), decimals(to), decimals(step));
  const scale = 10 ** places;
  const [a, b, d] = [from, to, step].map((v) => Math.round(v * scale));
  const exact = places <= 15 && [a, b, d].every((v) => Number.isSafeInteger(v)) && d > 0;
  // Counted before any row is simulated, so a slip of the step fails at once.
  const count = exact ? Math.floor((b - a) / d) + 1 : Math.floor((to - from) / step) + 1;
  if (count > MAX_LADDER_ROWS) {
    throw new AnalysisArgumentError(`from ${from} to ${to} in steps of ${step} is ${count} rows; the most is ${MAX_LADDER_ROWS}`);
  }
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    // An integer over a power of ten is the double nearest that decimal.
    values.push(exact ? (a + i * d) / scale : from + i * step);
  }
  return values;
}

/**
 * Simulates the scenario with `variable` set to each ladder value (the other uncertain
 * variables at their central values). The plan must be valid (validatePlan).
 */
export function ladder(plan: Plan, scenarioId: string, variable: string, from: number, to: number, step: number): Ladder {
  checkVariable(plan, scenarioId, variable);
  // Compiled once: each row resolves again only what the variable reaches.
  const compiled = compilePlan(plan);
  const rows = ladderValues(from, to, step).map((value) => {
    const summary = simulateSummary(resolveAt(compiled, scenarioId, { [variable]: value }));
    return { value, totals: totalsToJson(summary.totals), closes: summary.closes };
  });
  return { rows };
}

/**
 * Where services start closing, finer than the ladder's step: between the highest value at
 * which any closes and the ladder value above it (none closing), the break-even for "no
 * closures" (breakeven.ts). Null when nothing closes, or services close even at the top.
 */
export function ladderThreshold(plan: Plan, scenarioId: string, variable: string, rows: readonly LadderRow[]): number | null {
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const first = sorted.findIndex((r) => r.closes.length > 0);
  if (first <= 0) return null;
  try {
    return breakeven(plan, scenarioId, variable, 'no-closures', sorted[first].value, sorted[first - 1].value).value;
  } catch (error) {
    // A ladder that is not monotone between the two values keeps its own step.
    if (error instanceof AnalysisError) return null;
    throw error;
  }
}
