// Risk (plan-format.md §9): many draws of a scenario's uncertain variables, each resolved
// and simulated once. This is the one draw runner: per draw it keeps everything the CLI
// and the Risk screen show (each intervention's outcome, the money drawn, people losing
// support, the largest FY at risk and, when asked, the exposure by month for the fan
// chart). risk-summary.ts summarises the draws; schedule.ts shares them out to workers.
//
// Draw k depends only on (seed, k) (see random.ts), so any split of 0..N into slices,
// merged in draw order, gives the same numbers.
import { simulate } from '../engine';
import type { Pence } from '../money';
import { parseMonth, type MonthIndex } from '../months';
import type { Plan } from '../plan';
import { BASE_SCENARIO_ID, formatProblem, resolveScenario, type PlanProblem, type ResolvedScenario } from '../resolve';
import { sampleAll, type Uncertainty } from './distributions';
import { writeExposure } from './exposure';
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

export function checkVariable(plan: Plan, scenarioId: string, variable: string): void {
  findScenarioOrThrow(plan, scenarioId);
  const names = scenarioVariables(plan, scenarioId);
  if (names.includes(variable)) return;
  const where = scenarioId === BASE_SCENARIO_ID ? 'the plan' : `scenario "${scenarioId}"`;
  throw new AnalysisArgumentError(
    `no variable "${variable}" in ${where} (${names.length ? `it has: ${names.join(', ')}` : 'it has none'})`,
  );
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

const valuesText = (values: Readonly<Record<string, number>>) =>
  Object.entries(values)
    .map(([name, value]) => `${name} = ${value}`)
    .join(', ');

const problemsText = (problems: readonly PlanProblem[]) => problems.map(formatProblem).join('; ');

/** The scenario resolved with some variables set; a failing formula names the value and its place. */
export function resolveAt(plan: Plan, scenarioId: string, values: Readonly<Record<string, number>>): ResolvedScenario {
  const { scenario, problems } = resolveScenario(plan, scenarioId, values);
  if (scenario) return scenario;
  throw new AnalysisError(`at ${valuesText(values)}: ${problemsText(problems)}`);
}

/** Runs draws of one scenario, reusing what it can between slices. */
export interface DrawRunner {
  readonly interventions: readonly string[];
  readonly uncertainty: readonly Uncertainty[];
  readonly horizonStart: MonthIndex;
  /** Months of exposure per draw in each batch: the horizon's, or 0 when not asked for. */
  readonly months: number;
  run(fromDraw: number, toDraw: number): DrawBatch;
}

export interface DrawRunnerOptions {
  /** Keep each draw's exposure by month (the fan chart); the command line does without. */
  readonly byMonth?: boolean;
}

interface DrawOutcome {
  readonly flags: Uint8Array;
  readonly drawn: Pence;
  readonly usersLosingSupport: number;
  readonly atRisk: Pence;
  readonly exposure: Float64Array;
}

const CACHE_LIMIT = 4096;

/** Only variables with a few possible values repeat exactly from draw to draw. */
function hasFewValues(u: Uncertainty): boolean {
  switch (u.dist) {
    case 'discrete':
    case 'bernoulli':
      return true;
    case 'normal':
      return u.sd === 0;
    default:
      return u.min === u.max;
  }
}

/** An empty batch of `count` draws from fromDraw. */
function newBatch(fromDraw: number, count: number, interventions: number, months: number): DrawBatch {
  return {
    fromDraw,
    toDraw: fromDraw + count,
    interventions,
    outcomes: new Uint8Array(count * interventions),
    drawn: new Float64Array(count),
    usersLosingSupport: new Float64Array(count),
    atRisk: new Float64Array(count),
    months,
    exposure: new Float64Array(count * months),
  };
}

/**
 * The plan must be valid (validatePlan). Each draw samples every uncertain variable of the
 * scenario with `sampleAll(list, seed, drawIndex)`, resolves the scenario with those
 * values as overrides and simulates it, once; the plan is not validated again.
 */
export function createDrawRunner(plan: Plan, scenarioId: string, seed: number, options: DrawRunnerOptions = {}): DrawRunner {
  const scenario = findScenarioOrThrow(plan, scenarioId);
  if (!Number.isSafeInteger(seed)) throw new AnalysisArgumentError(`the seed must be a whole number, not ${seed}`);
  const uncertainty = scenario?.uncertainty ?? [];
  const ids = plan.interventions.map((i) => i.id);
  const n = ids.length;
  const months = options.byMonth ? plan.horizon.months : 0;
  // When every uncertain variable has a few values (handover yes/no, a delay of 0-3 months)
  // most draws repeat an earlier one: simulate each combination once. A cache hit gives
  // exactly what simulating again would, so results do not depend on how draws are split.
  const cache = uncertainty.every(hasFewValues) ? new Map<string, DrawOutcome>() : null;

  const simulateDraw = (drawIndex: number, values: Record<string, number>): DrawOutcome => {
    const { scenario: resolved, problems } = resolveScenario(plan, scenarioId, values);
    if (!resolved) {
      throw new DrawError(
        drawIndex,
        `draw ${drawIndex} (seed ${seed}${uncertainty.length ? `; ${valuesText(values)}` : ''}): ${problemsText(problems)}`,
      );
    }
    const result = simulate(resolved);
    const flags = new Uint8Array(n);
    result.interventions.forEach((r, i) => {
      flags[i] = r.outcome === 'closes' ? CLOSES : r.outcome === 'transitions' ? TRANSITIONS : 0;
    });
    const exposure = new Float64Array(months);
    if (months > 0) writeExposure(result, exposure, 0);
    return { flags, drawn: result.totals.drawn, usersLosingSupport: result.totals.usersLosingSupport, atRisk: result.totals.peakAtRisk, exposure };
  };

  return {
    interventions: ids,
    uncertainty,
    horizonStart: parseMonth(plan.horizon.start),
    months,
    run(fromDraw, toDraw) {
      if (!Number.isSafeInteger(fromDraw) || !Number.isSafeInteger(toDraw) || fromDraw < 0 || toDraw < fromDraw) {
        throw new AnalysisArgumentError(`draws ${fromDraw} to ${toDraw} are not a range of draws`);
      }
      const count = toDraw - fromDraw;
      const batch = newBatch(fromDraw, count, n, months);
      for (let k = 0; k < count; k++) {
        const drawIndex = fromDraw + k;
        const values = sampleAll(uncertainty, seed, drawIndex);
        let outcome: DrawOutcome | undefined;
        const key = cache ? uncertainty.map((u) => values[u.variable]).join(',') : '';
        if (cache) outcome = cache.get(key);
        if (!outcome) {
          outcome = simulateDraw(drawIndex, values);
          if (cache && cache.size < CACHE_LIMIT) cache.set(key, outcome);
        }
        batch.outcomes.set(outcome.flags, k * n);
        batch.drawn[k] = outcome.drawn;
        batch.usersLosingSupport[k] = outcome.usersLosingSupport;
        batch.atRisk[k] = outcome.atRisk;
        batch.exposure.set(outcome.exposure, k * months);
      }
      return batch;
    },
  };
}

/** The draws fromDraw (inclusive) to toDraw (exclusive) of a scenario. */
export function runDraws(plan: Plan, scenarioId: string, seed: number, fromDraw: number, toDraw: number, options: DrawRunnerOptions = {}): DrawBatch {
  return createDrawRunner(plan, scenarioId, seed, options).run(fromDraw, toDraw);
}

/** Draws 0..draws-1 from batches in any order; each draw exactly once. */
export function mergeBatches(batches: readonly DrawBatch[], draws: number, interventions: number): DrawBatch {
  const sorted = inDrawOrder(batches, draws);
  const months = sorted[0]?.months ?? 0;
  const merged = newBatch(0, draws, interventions, months);
  for (const batch of sorted) {
    if (batch.interventions !== interventions) throw new Error(`a batch has ${batch.interventions} interventions, not ${interventions}`);
    if (batch.months !== months) throw new Error(`a batch has ${batch.months} months, not ${months}`);
    merged.outcomes.set(batch.outcomes, batch.fromDraw * interventions);
    merged.drawn.set(batch.drawn, batch.fromDraw);
    merged.usersLosingSupport.set(batch.usersLosingSupport, batch.fromDraw);
    merged.atRisk.set(batch.atRisk, batch.fromDraw);
    merged.exposure.set(batch.exposure, batch.fromDraw * months);
  }
  return merged;
}

/** The typed arrays of a batch, to hand to another thread without copying. */
export function batchBuffers(batch: DrawBatch): ArrayBuffer[] {
  return [batch.outcomes, batch.drawn, batch.usersLosingSupport, batch.atRisk, batch.exposure].map((a) => a.buffer as ArrayBuffer);
}
