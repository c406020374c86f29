// What a risk run's draws come to (plan-format.md §9): the chance that each intervention
// closes or transitions, the spread of the money drawn, people losing support and the
// largest FY at risk, and the exposure by month for the fan chart. Money stays in whole
// pence here; riskSummaryJson turns it into the pounds of `headroom risk --json`.
// Everything is computed from the draws in draw order, so it is the same however they
// were split between workers.
import { divRoundHalfEven, penceToPounds, type Pence } from '../money';
import type { FyYear, MonthIndex } from '../months';
import type { Plan } from '../plan';
import { AnalysisArgumentError, CLOSES, findScenarioOrThrow, horizonFys, mergeBatches, TRANSITIONS, type DrawBatch } from './draws';
import { exactSum, nearestRank } from './stats';

export interface PenceSummary {
  /** The mean in pence, rounded half-to-even to a whole penny. */
  readonly mean: Pence;
  /** Nearest-rank percentiles: each is one draw's figure. */
  readonly p10: Pence;
  readonly p50: Pence;
  readonly p90: Pence;
}

export interface CountSummary {
  /** The exact mean, as the nearest double. */
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface InterventionChance {
  readonly id: string;
  readonly pClose: number;
  readonly pTransition: number;
}

export interface RiskSummary {
  readonly draws: number;
  readonly seed: number;
  /** In plan order. */
  readonly interventions: readonly InterventionChance[];
  readonly drawn: PenceSummary;
  readonly usersLosingSupport: CountSummary;
  /** The largest FY's at risk per draw. */
  readonly atRisk: PenceSummary;
  /** Each FY's at risk (the engine's years[].atRisk) over the draws, in FY order. */
  readonly atRiskByYear: readonly { readonly fy: FyYear; readonly atRisk: PenceSummary }[];
}

export interface FanPoint {
  readonly month: MonthIndex;
  /** Pence; nearest-rank percentiles over the draws. */
  readonly p10: Pence;
  readonly p50: Pence;
  readonly p90: Pence;
}

function checkDraws(draws: number): void {
  if (!Number.isSafeInteger(draws) || draws < 1)
    throw new AnalysisArgumentError(`the number of draws must be a whole number 1 or more, not ${draws}`);
}

function penceSummary(pence: Float64Array): PenceSummary {
  // Whole pence add up exactly in a BigInt; the mean is rounded once, half-to-even, to a penny.
  let sum = 0n;
  for (const value of pence) sum += BigInt(value);
  const sorted = pence.slice().sort();
  return {
    mean: Number(divRoundHalfEven(sum, BigInt(pence.length))),
    p10: nearestRank(sorted, 10),
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
  };
}

function countSummary(values: Float64Array): CountSummary {
  const sorted = values.slice().sort();
  return {
    mean: exactSum(Array.from(values)) / values.length,
    p10: nearestRank(sorted, 10),
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
  };
}

/** The summary of draws 0..all.toDraw-1 given as one batch in draw order (mergeBatches). */
export function summariseDraws(ids: readonly string[], seed: number, all: DrawBatch, fys: readonly FyYear[] = []): RiskSummary {
  const draws = all.toDraw;
  checkDraws(draws);
  const n = ids.length;
  const closes = new Array<number>(n).fill(0);
  const transitions = new Array<number>(n).fill(0);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < n; i++) {
      const flags = all.outcomes[d * n + i];
      if (flags & CLOSES) closes[i]++;
      if (flags & TRANSITIONS) transitions[i]++;
    }
  }
  return {
    draws,
    seed,
    interventions: ids.map((id, i) => ({ id, pClose: closes[i] / draws, pTransition: transitions[i] / draws })),
    drawn: penceSummary(all.drawn),
    usersLosingSupport: countSummary(all.usersLosingSupport),
    atRisk: penceSummary(all.atRisk),
    atRiskByYear: fys.slice(0, all.years).map((fy, y) => {
      const column = new Float64Array(draws);
      for (let d = 0; d < draws; d++) column[d] = all.atRiskByYear[d * all.years + y];
      return { fy, atRisk: penceSummary(column) };
    }),
  };
}

/** The risk summary of draws 0..draws-1, given as batches in any order (each draw exactly once). */
export function summariseRisk(plan: Plan, scenarioId: string, draws: number, seed: number, perDraw: readonly DrawBatch[]): RiskSummary {
  findScenarioOrThrow(plan, scenarioId);
  checkDraws(draws);
  return summariseDraws(
    plan.interventions.map((i) => i.id),
    seed,
    mergeBatches(perDraw, draws, plan.interventions.length),
    horizonFys(plan),
  );
}

/**
 * Per month, p10, p50 and p90 of the exposure over the draws of one batch in draw order
 * (mergeBatches) run with `byMonth`. Nearest rank, so every figure is one draw's figure.
 */
export function fanPercentiles(all: DrawBatch, horizonStart: MonthIndex): FanPoint[] {
  const draws = all.toDraw - all.fromDraw;
  checkDraws(draws);
  const { months, exposure } = all;
  const column = new Float64Array(draws);
  const points: FanPoint[] = [];
  for (let m = 0; m < months; m++) {
    for (let d = 0; d < draws; d++) column[d] = exposure[d * months + m];
    column.sort();
    points.push({ month: horizonStart + m, p10: nearestRank(column, 10), p50: nearestRank(column, 50), p90: nearestRank(column, 90) });
  }
  return points;
}

/** Pounds exact to the penny: whole pence / 100. */
export interface PoundsSummary {
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** The JSON of `headroom risk` (plan-format.md §9): money in pounds. */
export interface RiskSummaryJson {
  readonly draws: number;
  readonly seed: number;
  readonly interventions: readonly InterventionChance[];
  readonly drawn: PoundsSummary;
  readonly usersLosingSupport: CountSummary;
  readonly atRisk: PoundsSummary;
}

const inPounds = (s: PenceSummary): PoundsSummary => ({
  mean: penceToPounds(s.mean),
  p10: penceToPounds(s.p10),
  p50: penceToPounds(s.p50),
  p90: penceToPounds(s.p90),
});

/** The summary as `headroom risk --json` writes it; the only place its pence become pounds. */
export function riskSummaryJson(summary: RiskSummary): RiskSummaryJson {
  return {
    draws: summary.draws,
    seed: summary.seed,
    interventions: summary.interventions,
    drawn: inPounds(summary.drawn),
    usersLosingSupport: summary.usersLosingSupport,
    atRisk: inPounds(summary.atRisk),
  };
}
