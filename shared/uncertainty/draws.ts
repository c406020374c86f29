// A risk run's draws as data (plan-format.md §9): the batch a slice of draws comes back as,
// merging batches in draw order, the variables a scenario may vary, and the errors an
// analysis raises. Free of the resolver and the engine (and so of mathjs), so the renderer's
// main thread can read the draws its workers send; risk.ts runs them.
import { fyOfMonth, parseMonth, type FyYear } from '../months';
import { BASE_SCENARIO_ID } from '../parse';
import type { Plan } from '../plan';
import { inDrawOrder } from './schedule';

/** A request the plan cannot answer as asked: an unknown scenario or variable, an empty range. */
export class AnalysisArgumentError extends Error {}

/** The plan cannot be analysed at some value: its formulas fail there, or a target is never met. */
export class AnalysisError extends Error {}

/** A draw whose sampled values make a formula fail, e.g. a share drawn outside 0..1. */
export class DrawError extends AnalysisError {
  constructor(
    readonly drawIndex: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bits of `DrawBatch.outcomes`. */
export const CLOSES = 1;
export const TRANSITIONS = 2;

/**
 * The draws fromDraw (inclusive) to toDraw (exclusive). Typed arrays, so a worker can
 * hand them over without copying.
 */
export interface DrawBatch {
  readonly fromDraw: number;
  readonly toDraw: number;
  /** Interventions per draw, in plan order. */
  readonly interventions: number;
  /** CLOSES | TRANSITIONS per draw and intervention, at (draw - fromDraw) * interventions + i. */
  readonly outcomes: Uint8Array;
  /** totals.drawn per draw, in pence. */
  readonly drawn: Float64Array;
  readonly usersLosingSupport: Float64Array;
  /** The largest FY atRisk per draw, in pence. */
  readonly atRisk: Float64Array;
  /** FYs of the horizon: each draw's atRisk per FY (the engine's years[].atRisk) at (draw - fromDraw) * years + y. */
  readonly years: number;
  readonly atRiskByYear: Float64Array;
  /** Months of exposure per draw: the horizon's when the run was asked for them, else 0. */
  readonly months: number;
  /** The underwriter's exposure at each month's end (exposure.ts), pence, at (draw - fromDraw) * months + month. */
  readonly exposure: Float64Array;
}

/** The variables a ladder or break-even may vary, and a draw samples: plan, scenario and uncertain ones. */
export function scenarioVariables(plan: Plan, scenarioId: string): string[] {
  const scenario = findScenario(plan, scenarioId);
  const names = new Set([
    ...Object.keys(plan.variables ?? {}),
    ...Object.keys(scenario?.variables ?? {}),
    ...(scenario?.uncertainty ?? []).map((u) => u.variable),
  ]);
  return [...names];
}

function findScenario(plan: Plan, scenarioId: string) {
  return plan.scenarios?.find((s) => s.id === scenarioId) ?? null;
}

export function findScenarioOrThrow(plan: Plan, scenarioId: string) {
  const scenario = findScenario(plan, scenarioId);
  if (!scenario && scenarioId !== BASE_SCENARIO_ID) {
    const ids = [BASE_SCENARIO_ID, ...(plan.scenarios ?? []).map((s) => s.id)];
    throw new AnalysisArgumentError(`no scenario "${scenarioId}" in the plan (it has: ${ids.join(', ')})`);
  }
  return scenario;
}

/** The FYs of the plan's horizon, in order (the engine's `years[].fy`), for per-FY figures of draws. */
export function horizonFys(plan: Plan): FyYear[] {
  const start = parseMonth(plan.horizon.start);
  const first = fyOfMonth(start);
  const last = fyOfMonth(start + plan.horizon.months - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** An empty batch of `count` draws from fromDraw. */
export function newBatch(fromDraw: number, count: number, interventions: number, months: number, years = 0): DrawBatch {
  return {
    fromDraw,
    toDraw: fromDraw + count,
    interventions,
    outcomes: new Uint8Array(count * interventions),
    drawn: new Float64Array(count),
    usersLosingSupport: new Float64Array(count),
    atRisk: new Float64Array(count),
    years,
    atRiskByYear: new Float64Array(count * years),
    months,
    exposure: new Float64Array(count * months),
  };
}

/** Draws 0..draws-1 from batches in any order; each draw exactly once. */
export function mergeBatches(batches: readonly DrawBatch[], draws: number, interventions: number): DrawBatch {
  const sorted = inDrawOrder(batches, draws);
  const months = sorted[0]?.months ?? 0;
  const years = sorted[0]?.years ?? 0;
  const merged = newBatch(0, draws, interventions, months, years);
  for (const batch of sorted) {
    if (batch.interventions !== interventions) throw new Error(`a batch has ${batch.interventions} interventions, not ${interventions}`);
    if (batch.months !== months) throw new Error(`a batch has ${batch.months} months, not ${months}`);
    merged.outcomes.set(batch.outcomes, batch.fromDraw * interventions);
    merged.drawn.set(batch.drawn, batch.fromDraw);
    merged.usersLosingSupport.set(batch.usersLosingSupport, batch.fromDraw);
    if (batch.years !== years) throw new Error(`a batch has ${batch.years} FYs, not ${years}`);
    merged.atRisk.set(batch.atRisk, batch.fromDraw);
    merged.atRiskByYear.set(batch.atRiskByYear, batch.fromDraw * years);
    merged.exposure.set(batch.exposure, batch.fromDraw * months);
  }
  return merged;
}

/** The typed arrays of a batch, to hand to another thread without copying. */
export function batchBuffers(batch: DrawBatch): ArrayBuffer[] {
  return [batch.outcomes, batch.drawn, batch.usersLosingSupport, batch.atRisk, batch.atRiskByYear, batch.exposure].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
