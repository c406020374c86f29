// A risk run as plain functions, so the worker pool's arithmetic is tested without workers:
// the draws cut into slices, a queue that hands them to whichever worker is free, the work
// one worker does on a slice, and the results put back in draw order and summarised.
// Draw k depends only on (seed, k), so any number of workers gives the same numbers.
import { monthName, parseMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { createFanRunner, fanPercentiles, type FanBatch, type FanPoint } from '../../shared/uncertainty/monthly-fan';
import { createDrawRunner, mergeBatches, summariseRisk, type DrawBatch, type RiskSummary } from '../../shared/uncertainty/risk';

export const DEFAULT_DRAWS = 2000;
export const MAX_DRAWS = 100_000;
export const MAX_WORKERS = 4;

export interface Slice {
  readonly fromDraw: number;
  readonly toDraw: number;
}

/** What one worker returns for a slice. */
export interface SliceResult {
  readonly batch: DrawBatch;
  readonly fan: FanBatch;
}

/** Workers to start: what the machine offers, at most 4, never more than there are slices. */
export function workerCount(hardwareConcurrency: number | undefined, slices: number): number {
  const offered = Number.isInteger(hardwareConcurrency) && hardwareConcurrency! > 0 ? hardwareConcurrency! : 1;
  return Math.max(1, Math.min(MAX_WORKERS, offered, slices));
}

/**
 * Slices of at most `size` draws, in order. Small slices keep the progress bar moving and
 * let a fast worker take more of them; the default is about a sixteenth of each worker's
 * share, between 5 and 50 draws.
 */
export function sliceDraws(draws: number, workers: number, size?: number): Slice[] {
  const sliceSize = size ?? Math.min(50, Math.max(5, Math.ceil(draws / (workers * 16))));
  const slices: Slice[] = [];
  for (let from = 0; from < draws; from += sliceSize) slices.push({ fromDraw: from, toDraw: Math.min(draws, from + sliceSize) });
  return slices;
}

/** Hands out slices in draw order to whichever worker asks, and counts what came back. */
export class SliceQueue {
  private next = 0;
  private readonly results: SliceResult[] = [];
  done = 0;

  constructor(
    readonly slices: readonly Slice[],
    readonly draws: number,
  ) {}

  take(): Slice | null {
    return this.next < this.slices.length ? this.slices[this.next++] : null;
  }

  complete(result: SliceResult): void {
    this.results.push(result);
    this.done += result.batch.toDraw - result.batch.fromDraw;
  }

  get finished(): boolean {
    return this.done === this.draws;
  }

  /** Results in the order they came back (assemble sorts them). */
  get completed(): readonly SliceResult[] {
    return this.results;
  }
}

/** One worker's work: the risk draws (risk.ts's runDraws) and the monthly exposure of a slice. */
export function createSliceRunner(plan: Plan, scenarioId: string, seed: number): { run(slice: Slice): SliceResult } {
  // Kept for the whole run, so the combination caches of both runners last across slices.
  const draws = createDrawRunner(plan, scenarioId, seed);
  const fan = createFanRunner(plan, scenarioId, seed);
  return { run: (slice) => ({ batch: draws.run(slice.fromDraw, slice.toDraw), fan: fan.run(slice.fromDraw, slice.toDraw) }) };
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
export function assembleRisk(plan: Plan, scenarioId: string, draws: number, seed: number, results: readonly SliceResult[]): RiskView {
  const batches = results.map((r) => r.batch);
  const summary = summariseRisk(plan, scenarioId, draws, seed, batches);
  const names = new Map(plan.interventions.map((i) => [i.id, i.name]));
  const order = new Map(plan.interventions.map((i, k) => [i.id, k]));
  const interventions = summary.interventions
    .map((r) => ({ id: r.id, name: names.get(r.id) ?? r.id, pClose: r.pClose, pTransition: r.pTransition }))
    .sort((a, b) => b.pClose - a.pClose || b.pTransition - a.pTransition || order.get(a.id)! - order.get(b.id)!);
  const all = mergeBatches(batches, draws, plan.interventions.length);
  return {
    scenarioId,
    draws,
    seed,
    summary,
    interventions,
    people: histogram(all.usersLosingSupport),
    fan: fanPercentiles(results.map((r) => r.fan), draws, parseMonth(plan.horizon.start)),
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

export function ladderChartRows(rows: readonly { value: number; totals: { closures: number; usersLosingSupport: number; drawn: number } }[]): LadderChartRow[] {
  return rows.map((r) => ({ value: r.value, closures: r.totals.closures, people: r.totals.usersLosingSupport, drawn: r.totals.drawn }));
}
