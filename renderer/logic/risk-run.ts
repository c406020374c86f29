// A risk run's results for the Risk screen, as plain functions: the draws that came back
// from the workers (each slice run in the worker by shared/uncertainty/risk.ts's one draw
// runner, shared out by shared/uncertainty/schedule.ts) put in draw order and summarised,
// with the rows the charts draw. Runs on the main thread, so nothing here imports mathjs. Draw k depends only on (seed, k), so any number of workers gives the
// same numbers.
import { monthName, parseMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { findScenarioOrThrow, horizonFys, mergeBatches, type DrawBatch } from '../../shared/uncertainty/draws';
import { fanPercentiles, summariseDraws, type FanPoint, type RiskSummary } from '../../shared/uncertainty/risk-summary';
import { count } from './format';
import { readNumber } from './values';

export const DEFAULT_DRAWS = 2000;
export const MAX_DRAWS = 100_000;
/** Web workers a run starts at most. */
export const MAX_WORKERS = 4;

/** Draws or a seed as typed: a whole number from min to max, or the message saying so. */
export function readWhole(text: string, min: number, max: number, what: string): { value: number | null; message: string | null } {
  const n = readNumber(text);
  if (n === null || !Number.isSafeInteger(n) || n < min || n > max) {
    return { value: null, message: `${what} must be a whole number from ${count(min)} to ${count(max)}` };
  }
  return { value: n, message: null };
}

export interface InterventionRisk {
  readonly id: string;
  readonly name: string;
  readonly pClose: number;
  readonly pTransition: number;
}

export interface HistogramBin {
  /** Inclusive whole numbers of people. */
  readonly from: number;
  readonly to: number;
  readonly label: string;
  readonly draws: number;
  readonly share: number;
}

/** Everything the Risk screen shows about one completed run. */
export interface RiskView {
  readonly scenarioId: string;
  readonly draws: number;
  readonly seed: number;
  readonly summary: RiskSummary;
  /** Most likely to close first; then most likely to transition; then plan order. */
  readonly interventions: readonly InterventionRisk[];
  readonly people: readonly HistogramBin[];
  readonly fan: readonly FanPoint[];
}

/** The smallest of 1, 2, 5 × 10^k that is at least `rough`. */
function niceWidth(rough: number): number {
  for (let power = 1; ; power *= 10) for (const m of [1, 2, 5]) if (m * power >= rough) return m * power;
}

/**
 * Counts of draws by people losing support, in bars of equal whole-number width (1, 2, 5,
 * 10, 20, 50…) so the axis reads evenly: one bar per number of people when the range is
 * narrow, at most about `maxBins` bars otherwise. Empty bars inside the range are kept.
 */
export function histogram(values: ArrayLike<number>, maxBins = 20): HistogramBin[] {
  const n = values.length;
  if (n === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  const width = niceWidth((max - min + 1) / maxBins);
  const first = Math.floor(min / width) * width;
  const bins = Math.floor((max - first) / width) + 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) counts[Math.floor((values[i] - first) / width)]++;
  return counts.map((draws, k) => {
    const from = first + k * width;
    const to = from + width - 1;
    return { from, to, label: width === 1 ? String(from) : `${from}–${to}`, draws, share: draws / n };
  });
}

/** The run's results from its slices, in any order: each draw exactly once. */
export function assembleRisk(plan: Plan, scenarioId: string, draws: number, seed: number, batches: readonly DrawBatch[]): RiskView {
  findScenarioOrThrow(plan, scenarioId);
  const all = mergeBatches(batches, draws, plan.interventions.length);
  const summary = summariseDraws(
    plan.interventions.map((i) => i.id),
    seed,
    all,
    horizonFys(plan),
  );
  const names = new Map(plan.interventions.map((i) => [i.id, i.name]));
  const order = new Map(plan.interventions.map((i, k) => [i.id, k]));
  const interventions = summary.interventions
    .map((r) => ({ id: r.id, name: names.get(r.id) ?? r.id, pClose: r.pClose, pTransition: r.pTransition }))
    .sort((a, b) => b.pClose - a.pClose || b.pTransition - a.pTransition || order.get(a.id)! - order.get(b.id)!);
  return {
    scenarioId,
    draws,
    seed,
    summary,
    interventions,
    people: histogram(all.usersLosingSupport),
    fan: fanPercentiles(all, parseMonth(plan.horizon.start)),
  };
}

// ---- rows for the charts (pounds on the axes; text is formatted from pence) ----

export interface FanRow {
  readonly label: string;
  /** [p10, p90] in pounds, for the band. */
  readonly band: readonly [number, number];
  readonly median: number;
  readonly point: FanPoint;
}

export function fanRows(fan: readonly FanPoint[]): FanRow[] {
  return fan.map((p) => ({ label: monthName(p.month, true), band: [p.p10 / 100, p.p90 / 100] as const, median: p.p50 / 100, point: p }));
}

export interface LadderChartRow {
  readonly value: number;
  readonly closures: number;
  readonly people: number;
  /** Pounds. */
  readonly drawn: number;
}

export function ladderChartRows(
  rows: readonly { value: number; totals: { closures: number; usersLosingSupport: number; drawn: number } }[],
): LadderChartRow[] {
  return rows.map((r) => ({ value: r.value, closures: r.totals.closures, people: r.totals.usersLosingSupport, drawn: r.totals.drawn }));
}
