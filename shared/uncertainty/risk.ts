// Risk (plan-format.md §9): many draws of a scenario's uncertain variables, each resolved
// and simulated once. This is the one draw runner: per draw it keeps everything the CLI
// and the Risk screen show (each intervention's outcome, the money drawn, people losing
// support, the largest FY at risk and, when asked, the exposure by month for the fan
// chart). risk-summary.ts summarises the draws; schedule.ts shares them out to workers.
//
// Draw k depends only on (seed, k) (see random.ts), so any split of 0..N into slices,
// merged in draw order, gives the same numbers.
import { OUTCOME_CODE, simulateSummary } from '../engine';
import type { Pence } from '../money';
import { parseMonth, type MonthIndex } from '../months';
import type { Plan } from '../plan';
import { CompiledPlan } from '../compiled/compile';
import { BASE_SCENARIO_ID, formatProblem, type PlanProblem, type ResolvedScenario } from '../resolve';
import { sampleAll, type Uncertainty } from './distributions';
import {
  AnalysisArgumentError,
  AnalysisError,
  CLOSES,
  DrawError,
  findScenarioOrThrow,
  horizonFys,
  newBatch,
  scenarioVariables,
  TRANSITIONS,
  type DrawBatch,
} from './draws';
import { writeExposure } from './exposure';

export function checkVariable(plan: Plan, scenarioId: string, variable: string): void {
  findScenarioOrThrow(plan, scenarioId);
  const names = scenarioVariables(plan, scenarioId);
  if (names.includes(variable)) return;
  const where = scenarioId === BASE_SCENARIO_ID ? 'the plan' : `scenario "${scenarioId}"`;
  throw new AnalysisArgumentError(
    `no variable "${variable}" in ${where} (${names.length ? `it has: ${names.join(', ')}` : 'it has none'})`,
  );
}

const valuesText = (values: Readonly<Record<string, number>>) =>
  Object.entries(values)
    .map(([name, value]) => `${name} = ${value}`)
    .join(', ');

const problemsText = (problems: readonly PlanProblem[]) => problems.map(formatProblem).join('; ');

/**
 * The scenario resolved with some variables set; a failing formula names the value and its
 * place. A compiled plan, kept across calls, resolves again only what the values reach.
 */
export function resolveAt(plan: Plan | CompiledPlan, scenarioId: string, values: Readonly<Record<string, number>>): ResolvedScenario {
  const compiled = plan instanceof CompiledPlan ? plan : CompiledPlan.of(plan);
  const { scenario, problems } = compiled.resolve(scenarioId, values);
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
  readonly atRiskByYear: Float64Array;
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

/** The scenario of a run of draws; throws when it or the seed is not one a run can use. */
export function checkDrawRun(plan: Plan, scenarioId: string, seed: number) {
  const scenario = findScenarioOrThrow(plan, scenarioId);
  if (!Number.isSafeInteger(seed)) throw new AnalysisArgumentError(`the seed must be a whole number, not ${seed}`);
  return scenario;
}

/**
 * The plan must be valid (validatePlan). Each draw samples every uncertain variable of the
 * scenario with `sampleAll(list, seed, drawIndex)`, resolves the scenario with those
 * values as overrides and simulates it, once; the plan is not validated again. The plan is
 * compiled once per runner: a draw resolves again only the fields its sampled values reach.
 */
export function createDrawRunner(plan: Plan, scenarioId: string, seed: number, options: DrawRunnerOptions = {}): DrawRunner {
  const scenario = checkDrawRun(plan, scenarioId, seed);
  const uncertainty = scenario?.uncertainty ?? [];
  const ids = plan.interventions.map((i) => i.id);
  const n = ids.length;
  const months = options.byMonth ? plan.horizon.months : 0;
  const years = horizonFys(plan).length;
  // When every uncertain variable has a few values (handover yes/no, a delay of 0-3 months)
  // most draws repeat an earlier one: simulate each combination once. A cache hit gives
  // exactly what simulating again would, so results do not depend on how draws are split.
  const cache = uncertainty.every(hasFewValues) ? new Map<string, DrawOutcome>() : null;
  const compiled = CompiledPlan.of(plan);

  const simulateDraw = (drawIndex: number, values: Record<string, number>): DrawOutcome => {
    const { scenario: resolved, problems } = compiled.resolve(scenarioId, values);
    if (!resolved) {
      throw new DrawError(
        drawIndex,
        `draw ${drawIndex} (seed ${seed}${uncertainty.length ? `; ${valuesText(values)}` : ''}): ${problemsText(problems)}`,
      );
    }
    const summary = simulateSummary(resolved, { byMonth: months > 0 });
    const flags = new Uint8Array(n);
    summary.outcomes.forEach((outcome, i) => {
      flags[i] = outcome === OUTCOME_CODE.closes ? CLOSES : outcome === OUTCOME_CODE.transitions ? TRANSITIONS : 0;
    });
    const exposure = new Float64Array(months);
    if (months > 0) writeExposure(resolved.horizonStart, summary.byMonth!, exposure, 0);
    return {
      flags,
      drawn: summary.totals.drawn,
      usersLosingSupport: summary.totals.usersLosingSupport,
      atRisk: summary.totals.peakAtRisk,
      atRiskByYear: summary.atRiskByYear,
      exposure,
    };
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
      const batch = newBatch(fromDraw, count, n, months, years);
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
        batch.atRiskByYear.set(outcome.atRiskByYear, k * years);
        batch.exposure.set(outcome.exposure, k * months);
      }
      return batch;
    },
  };
}

/** The draws fromDraw (inclusive) to toDraw (exclusive) of a scenario. */
export function runDraws(
  plan: Plan,
  scenarioId: string,
  seed: number,
  fromDraw: number,
  toDraw: number,
  options: DrawRunnerOptions = {},
): DrawBatch {
  return createDrawRunner(plan, scenarioId, seed, options).run(fromDraw, toDraw);
}
