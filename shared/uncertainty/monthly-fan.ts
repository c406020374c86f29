// The underwriter's exposure month by month across a risk run's draws, for a fan chart
// (p10–p90 band and median). Draw k samples exactly as risk.ts does (sampleAll with
// (seed, k), then resolveScenario with those values as overrides, then simulate), so the
// fan describes the same draws as the risk summary, however they are split.
//
// Exposure at the end of month m of FY f (pence), the figure a treasurer means by "what
// the underwriter stands behind this month":
//   - while f's funding is not yet known (m is an at-risk month): all the plan has spent in
//     f so far, April (or the horizon's first month) to m. Nothing is confirmed, so the
//     underwriter guarantees all of it; its peak in f is the FY `atRisk` of the result.
//   - once f's funding is known: the spend in f so far that f's funding so far (each
//     month's share of the year's allocations) does not cover, or 0 when funding is ahead.
//     At the FY's end this is the year's overspend, what is drawn when no stream is
//     ring-fenced (ring-fenced pools are not separated here).
// It starts again at 0 with each FY, as funding lapses at the FY's end.
import { simulate, type SimulationResult } from '../engine';
import { fyOfMonth, type MonthIndex } from '../months';
import type { Pence } from '../money';
import type { Plan } from '../plan';
import { resolveAt, AnalysisArgumentError } from './risk';
import { sampleAll, type Uncertainty } from './distributions';
import { nearestRank } from './stats';

/** Exposure at each month's end of one simulated scenario, in pence, in horizon order. */
export function exposureByMonth(result: SimulationResult): Pence[] {
  const out: Pence[] = [];
  let fy: number | null = null;
  let spend = 0;
  let funding = 0;
  for (const m of result.months) {
    const monthFy = fyOfMonth(m.month);
    if (monthFy !== fy) {
      fy = monthFy;
      spend = 0;
      funding = 0;
    }
    spend += m.spend;
    funding += m.funding;
    out.push(m.atRisk ? spend : Math.max(0, spend - funding));
  }
  return out;
}

/** Exposure per draw and month for draws fromDraw (inclusive) to toDraw (exclusive). */
export interface FanBatch {
  readonly fromDraw: number;
  readonly toDraw: number;
  /** Months of the horizon. */
  readonly months: number;
  /** Pence, at (draw - fromDraw) * months + month. */
  readonly exposure: Float64Array;
}

export interface FanRunner {
  readonly horizonStart: MonthIndex;
  readonly months: number;
  run(fromDraw: number, toDraw: number): FanBatch;
}

function hasFewValues(u: Uncertainty): boolean {
  if (u.dist === 'discrete' || u.dist === 'bernoulli') return true;
  if (u.dist === 'normal') return u.sd === 0;
  return u.min === u.max;
}

const CACHE_LIMIT = 4096;

/**
 * Runs draws of one scenario's monthly exposure. The plan must be valid (validatePlan).
 * When every uncertain variable has a few values, each combination is simulated once.
 */
export function createFanRunner(plan: Plan, scenarioId: string, seed: number): FanRunner {
  if (!Number.isSafeInteger(seed)) throw new AnalysisArgumentError(`the seed must be a whole number, not ${seed}`);
  const scenario = plan.scenarios?.find((s) => s.id === scenarioId);
  if (!scenario && scenarioId !== 'base') throw new AnalysisArgumentError(`no scenario "${scenarioId}" in the plan`);
  const uncertainty = scenario?.uncertainty ?? [];
  const central = simulate(resolveAt(plan, scenarioId, {}));
  const months = central.horizonMonths;
  const cache = uncertainty.every(hasFewValues) ? new Map<string, Pence[]>() : null;
  return {
    horizonStart: central.horizonStart,
    months,
    run(fromDraw, toDraw) {
      if (!Number.isSafeInteger(fromDraw) || !Number.isSafeInteger(toDraw) || fromDraw < 0 || toDraw < fromDraw) {
        throw new AnalysisArgumentError(`draws ${fromDraw} to ${toDraw} are not a range of draws`);
      }
      const exposure = new Float64Array((toDraw - fromDraw) * months);
      for (let d = fromDraw; d < toDraw; d++) {
        const values = sampleAll(uncertainty, seed, d);
        const key = cache ? uncertainty.map((u) => values[u.variable]).join(',') : '';
        let row = cache?.get(key);
        if (!row) {
          row = exposureByMonth(simulate(resolveAt(plan, scenarioId, values)));
          if (cache && cache.size < CACHE_LIMIT) cache.set(key, row);
        }
        exposure.set(row, (d - fromDraw) * months);
      }
      return { fromDraw, toDraw, months, exposure };
    },
  };
}

/** Monthly exposure of draws fromDraw..toDraw-1 of a scenario. */
export function runMonthlyExposure(plan: Plan, scenarioId: string, seed: number, fromDraw: number, toDraw: number): FanBatch {
  return createFanRunner(plan, scenarioId, seed).run(fromDraw, toDraw);
}

export interface FanPoint {
  readonly month: MonthIndex;
  /** Pence; nearest-rank percentiles over the draws. */
  readonly p10: Pence;
  readonly p50: Pence;
  readonly p90: Pence;
}

/**
 * Per month, p10, p50 and p90 of the exposure over draws 0..draws-1, given as batches in
 * any order (each draw exactly once). Nearest rank, so every figure is one draw's figure.
 */
export function fanPercentiles(batches: readonly FanBatch[], draws: number, horizonStart: MonthIndex): FanPoint[] {
  if (!Number.isSafeInteger(draws) || draws < 1) throw new AnalysisArgumentError(`the number of draws must be a whole number 1 or more, not ${draws}`);
  const sorted = [...batches].sort((a, b) => a.fromDraw - b.fromDraw);
  const months = sorted[0]?.months ?? 0;
  let next = 0;
  for (const b of sorted) {
    if (b.fromDraw !== next) throw new Error(b.fromDraw < next ? `draw ${b.fromDraw} is given twice` : `draws ${next} to ${b.fromDraw - 1} are missing`);
    if (b.months !== months) throw new Error(`a batch has ${b.months} months, not ${months}`);
    next = b.toDraw;
  }
  if (next !== draws) throw new Error(`draws ${next} to ${draws - 1} are missing`);
  const column = new Float64Array(draws);
  const points: FanPoint[] = [];
  for (let m = 0; m < months; m++) {
    for (const b of sorted) for (let d = b.fromDraw; d < b.toDraw; d++) column[d] = b.exposure[(d - b.fromDraw) * months + m];
    const ordered = column.slice().sort();
    points.push({ month: horizonStart + m, p10: nearestRank(ordered, 10), p50: nearestRank(ordered, 50), p90: nearestRank(ordered, 90) });
  }
  return points;
}
