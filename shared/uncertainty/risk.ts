// Risk (plan-format.md §9): many draws of a scenario's uncertain variables, each simulated,
// summarised as the chance that each intervention closes or transitions and the spread of
// money drawn, people losing support and the largest FY exposure. Pure: the worker pool
// in electron/risk runs the same `runDraws` on slices of the draws.
//
// Draw k depends only on (seed, k) (see random.ts), so any split of 0..N into slices,
// merged in draw order, gives the same numbers.
import { simulate } from '../engine';
import { divRoundHalfEven, penceToPounds, type Pence } from '../money';
import type { Plan } from '../plan';
import { BASE_SCENARIO_ID, formatProblem, resolveScenario, type PlanProblem, type ResolvedScenario } from '../resolve';
import { sampleAll, type Uncertainty } from './distributions';
import { exactSum, nearestRank } from './stats';

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

function findScenarioOrThrow(plan: Plan, scenarioId: string) {
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
  run(fromDraw: number, toDraw: number): DrawBatch;
}

interface DrawOutcome {
  readonly flags: Uint8Array;
  readonly drawn: Pence;
  readonly usersLosingSupport: number;
  readonly atRisk: Pence;
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

/**
 * The plan must be valid (validatePlan). Each draw samples every uncertain variable of the
 * scenario with `sampleAll(list, seed, drawIndex)` and resolves the scenario with those
 * values as overrides; the plan is not validated again.
 */
export function createDrawRunner(plan: Plan, scenarioId: string, seed: number): DrawRunner {
  const scenario = findScenarioOrThrow(plan, scenarioId);
  if (!Number.isSafeInteger(seed)) throw new AnalysisArgumentError(`the seed must be a whole number, not ${seed}`);
  const uncertainty = scenario?.uncertainty ?? [];
  const ids = plan.interventions.map((i) => i.id);
  const n = ids.length;
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
    return { flags, drawn: result.totals.drawn, usersLosingSupport: result.totals.usersLosingSupport, atRisk: result.totals.peakAtRisk };
  };

  return {
    interventions: ids,
    uncertainty,
    run(fromDraw, toDraw) {
      if (!Number.isSafeInteger(fromDraw) || !Number.isSafeInteger(toDraw) || fromDraw < 0 || toDraw < fromDraw) {
        throw new AnalysisArgumentError(`draws ${fromDraw} to ${toDraw} are not a range of draws`);
      }
      const count = toDraw - fromDraw;
      const batch = {
        fromDraw,
        toDraw,
        interventions: n,
        outcomes: new Uint8Array(count * n),
        drawn: new Float64Array(count),
        usersLosingSupport: new Float64Array(count),
        atRisk: new Float64Array(count),
      };
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
      }
      return batch;
    },
  };
}

/** The draws fromDraw (inclusive) to toDraw (exclusive) of a scenario. */
export function runDraws(plan: Plan, scenarioId: string, seed: number, fromDraw: number, toDraw: number): DrawBatch {
  return createDrawRunner(plan, scenarioId, seed).run(fromDraw, toDraw);
}

export interface MoneySummary {
  /** Pounds, exact to the penny: the mean in pence rounded half-to-even, then / 100. */
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

export interface CountSummary {
  /** The exact mean, as the nearest double. */
  readonly mean: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** The JSON of `headroom risk` (plan-format.md §9). */
export interface RiskSummary {
  readonly draws: number;
  readonly seed: number;
  readonly interventions: readonly { readonly id: string; readonly pClose: number; readonly pTransition: number }[];
  readonly drawn: MoneySummary;
  readonly usersLosingSupport: CountSummary;
  readonly atRisk: MoneySummary;
}

/** Draws 0..draws-1 from batches in any order; each draw exactly once. */
export function mergeBatches(batches: readonly DrawBatch[], draws: number, interventions: number): DrawBatch {
  const sorted = [...batches].sort((a, b) => a.fromDraw - b.fromDraw);
  const merged = {
    fromDraw: 0,
    toDraw: draws,
    interventions,
    outcomes: new Uint8Array(draws * interventions),
    drawn: new Float64Array(draws),
    usersLosingSupport: new Float64Array(draws),
    atRisk: new Float64Array(draws),
  };
  let next = 0;
  for (const batch of sorted) {
    if (batch.fromDraw < next) throw new Error(`draw ${batch.fromDraw} is given twice`);
    if (batch.fromDraw > next) throw new Error(`draws ${next} to ${batch.fromDraw - 1} are missing`);
    if (batch.interventions !== interventions) throw new Error(`a batch has ${batch.interventions} interventions, not ${interventions}`);
    merged.outcomes.set(batch.outcomes, batch.fromDraw * interventions);
    merged.drawn.set(batch.drawn, batch.fromDraw);
    merged.usersLosingSupport.set(batch.usersLosingSupport, batch.fromDraw);
    merged.atRisk.set(batch.atRisk, batch.fromDraw);
    next = batch.toDraw;
  }
  if (next !== draws) throw new Error(`draws ${next} to ${draws - 1} are missing`);
  return merged;
}

/** Mean and nearest-rank percentiles of whole pence, in pounds exact to the penny. */
function moneySummary(pence: Float64Array): MoneySummary {
  // Whole pence add up exactly in a BigInt; the mean is rounded once, half-to-even, to a penny.
  let sum = 0n;
  for (const value of pence) sum += BigInt(value);
  const sorted = pence.slice().sort();
  return {
    mean: penceToPounds(Number(divRoundHalfEven(sum, BigInt(pence.length)))),
    p10: penceToPounds(nearestRank(sorted, 10)),
    p50: penceToPounds(nearestRank(sorted, 50)),
    p90: penceToPounds(nearestRank(sorted, 90)),
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

/**
 * The risk summary of draws 0..draws-1, given as batches in any order. Everything is
 * computed from the draws in draw order, so it is the same however they were split.
 */
export function summariseRisk(plan: Plan, scenarioId: string, draws: number, seed: number, perDraw: readonly DrawBatch[]): RiskSummary {
  findScenarioOrThrow(plan, scenarioId);
  if (!Number.isSafeInteger(draws) || draws < 1) throw new AnalysisArgumentError(`the number of draws must be a whole number 1 or more, not ${draws}`);
  const ids = plan.interventions.map((i) => i.id);
  const n = ids.length;
  const all = mergeBatches(perDraw, draws, n);
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
    drawn: moneySummary(all.drawn),
    usersLosingSupport: countSummary(all.usersLosingSupport),
    atRisk: moneySummary(all.atRisk),
  };
}
