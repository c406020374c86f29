// The work of the analysis workers as plain functions (tested without a worker): slices of
// a risk run, ladder rows one value at a time, a break-even with the amounts it gives, and
// a scenario's tornado.
import { simulate } from '../../shared/engine';
import { formatFy } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import type { PlanProblem } from '../../shared/resolve';
import { breakeven, TargetNotMetError } from '../../shared/uncertainty/breakeven';
import { DrawError, type DrawBatch } from '../../shared/uncertainty/draws';
import { ladder, ladderThreshold, ladderValues, type LadderRow } from '../../shared/uncertainty/ladder';
import { checkVariable, createDrawRunner, resolveAt } from '../../shared/uncertainty/risk';
import { keepNewest, type Slice } from '../../shared/uncertainty/schedule';
import type { BreakevenTarget } from '../../shared/uncertainty/targets';
import { tornado, type Tornado } from '../../shared/uncertainty/tornado';
import { validatePlan } from '../../shared/validate';

/** One worker's work: the draws of a slice with their exposure by month, each simulated once. */
export function createSliceRunner(plan: Plan, scenarioId: string, seed: number): { run(slice: Slice): DrawBatch } {
  // Kept for the whole run, so the combination cache lasts across slices.
  const runner = createDrawRunner(plan, scenarioId, seed, { byMonth: true });
  return { run: (slice) => runner.run(slice.fromDraw, slice.toDraw) };
}

export type AnalysisRequest =
  /**
   * A run begins: its slices use the plan held under `key`, sent with it only to a worker
   * that does not hold it yet.
   */
  | {
      readonly kind: 'risk-setup';
      readonly run: number;
      readonly key: string;
      readonly plan?: unknown;
      readonly scenarioId: string;
      readonly seed: number;
    }
  | { readonly kind: 'risk-slice'; readonly run: number; readonly slice: Slice }
  | {
      readonly kind: 'ladder';
      readonly id: number;
      readonly plan: unknown;
      readonly scenarioId: string;
      readonly variable: string;
      readonly from: number;
      readonly to: number;
      readonly step: number;
    }
  | {
      readonly kind: 'breakeven';
      readonly id: number;
      readonly plan: unknown;
      readonly scenarioId: string;
      readonly variable: string;
      readonly target: BreakevenTarget;
      readonly lo: number;
      readonly hi: number;
    }
  | { readonly kind: 'tornado'; readonly id: number; readonly plan: unknown; readonly scenarioId: string };

/** Each answer names the run or question it answers (`run`, `id`), so a stale one can be ignored. */
export type AnalysisReply =
  | { readonly kind: 'risk-slice'; readonly run: number; readonly ok: true; readonly batch: DrawBatch }
  /** drawIndex: the draw that failed, or the slice's first when the slice could not run at all. */
  | { readonly kind: 'risk-slice'; readonly run: number; readonly ok: false; readonly drawIndex: number; readonly message: string }
  | { readonly kind: 'ladder-progress'; readonly id: number; readonly done: number; readonly total: number }
  | {
      readonly kind: 'ladder';
      readonly id: number;
      readonly ok: true;
      readonly rows: readonly LadderRow[];
      readonly threshold: number | null;
    }
  | { readonly kind: 'ladder'; readonly id: number; readonly ok: false; readonly message: string }
  | { readonly kind: 'breakeven'; readonly id: number; readonly answer: BreakevenAnswer }
  | { readonly kind: 'tornado'; readonly id: number; readonly answer: TornadoAnswer };

/** A scenario's tornado, or why there is none (no uncertain variables, a plan that does not validate). */
export type TornadoAnswer = { readonly ok: true; readonly tornado: Tornado } | { readonly ok: false; readonly message: string };

/** A stream allocation the variable changes, at the break-even value. */
export interface AffectedAmount {
  readonly stream: string;
  readonly streamName: string;
  readonly fy: string;
  /** Pence, from the scenario resolved at the break-even value. */
  readonly amount: number;
}

export type BreakevenAnswer =
  | { readonly status: 'found'; readonly value: number; readonly atBottom: boolean; readonly amounts: readonly AffectedAmount[] }
  /** The target fails at hi: what stands in its way there. */
  | {
      readonly status: 'not-met';
      readonly hi: number;
      readonly closures: readonly string[];
      readonly drawn: number;
      readonly nonCompliantYears: number;
    }
  | { readonly status: 'error'; readonly message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function problemsText(problems: readonly PlanProblem[]): string {
  return problems
    .slice(0, 3)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
}

/** The plan as the engine reads it; it throws with the validator's first problems. */
export function validPlan(input: unknown): Plan {
  const validation = validatePlan(input);
  if (!validation.ok) throw new Error(`the plan does not validate: ${problemsText(validation.problems)}`);
  return validation.plan;
}

/**
 * A risk worker, kept from run to run: it holds the last few plans it was sent (validated
 * once) and a slice runner for each (plan, scenario, seed), so a run of a plan it has seen
 * costs no set-up and keeps the runner's combination cache.
 */
export function createRiskWorker(): (request: Extract<AnalysisRequest, { kind: 'risk-setup' | 'risk-slice' }>) => AnalysisReply | null {
  const plans = new Map<string, Plan | string>();
  const runners = new Map<string, ReturnType<typeof createSliceRunner>>();
  let runner: ReturnType<typeof createSliceRunner> | null = null;
  let setupError: string | null = null;
  const setUp = (request: Extract<AnalysisRequest, { kind: 'risk-setup' }>) => {
    if (request.plan !== undefined) {
      let plan: Plan | string;
      try {
        plan = validPlan(request.plan);
      } catch (error) {
        plan = message(error);
      }
      keepNewest(plans, request.key, plan);
      for (const key of runners.keys()) if (key.startsWith(`${request.key}\n`)) runners.delete(key);
    }
    const plan = plans.get(request.key);
    if (plan === undefined) throw new Error(`the risk worker does not hold plan ${request.key}`);
    if (typeof plan === 'string') throw new Error(plan);
    const key = `${request.key}\n${request.scenarioId}\n${request.seed}`;
    let kept = runners.get(key);
    if (!kept) {
      kept = createSliceRunner(plan, request.scenarioId, request.seed);
      keepNewest(runners, key, kept);
    }
    return kept;
  };
  return (request) => {
    if (request.kind === 'risk-setup') {
      try {
        runner = setUp(request);
        setupError = null;
      } catch (error) {
        runner = null;
        setupError = message(error);
      }
      return null;
    }
    const { slice, run } = request;
    if (!runner) return { kind: 'risk-slice', run, ok: false, drawIndex: slice.fromDraw, message: setupError ?? 'the run was not set up' };
    try {
      return { kind: 'risk-slice', run, ok: true, batch: runner.run(slice) };
    } catch (error) {
      if (error instanceof DrawError) return { kind: 'risk-slice', run, ok: false, drawIndex: error.drawIndex, message: error.message };
      return {
        kind: 'risk-slice',
        run,
        ok: false,
        drawIndex: slice.fromDraw,
        message: `draws ${slice.fromDraw}–${slice.toDraw - 1}: ${message(error)}`,
      };
    }
  };
}

/** Ladder rows one value at a time (each as `ladder` gives it), reporting progress. */
export function runLadder(
  request: Extract<AnalysisRequest, { kind: 'ladder' }>,
  progress: (done: number, total: number) => void,
): AnalysisReply {
  try {
    const plan = validPlan(request.plan);
    checkVariable(plan, request.scenarioId, request.variable);
    const values = ladderValues(request.from, request.to, request.step);
    const rows: LadderRow[] = [];
    values.forEach((value, i) => {
      rows.push(ladder(plan, request.scenarioId, request.variable, value, value, 1).rows[0]);
      progress(i + 1, values.length);
    });
    // Where closing starts, to the break-even's precision, for the sentence above the chart.
    return { kind: 'ladder', id: request.id, ok: true, rows, threshold: ladderThreshold(plan, request.scenarioId, request.variable, rows) };
  } catch (error) {
    return { kind: 'ladder', id: request.id, ok: false, message: message(error) };
  }
}

/**
 * The allocations whose amount depends on the variable: those that differ between the
 * scenario resolved at `value` and at another value of the range. Amounts are read from the
 * resolution at `value`.
 */
export function affectedAmounts(plan: Plan, scenarioId: string, variable: string, value: number, lo: number, hi: number): AffectedAmount[] {
  const other = value !== hi ? hi : value !== lo ? lo : value + 1;
  const at = resolveAt(plan, scenarioId, { [variable]: value });
  const elsewhere = resolveAt(plan, scenarioId, { [variable]: other });
  const out: AffectedAmount[] = [];
  for (const stream of at.streams) {
    const compare = elsewhere.streams.find((s) => s.id === stream.id);
    for (const [fy, allocation] of [...stream.allocations].sort((a, b) => a[0] - b[0])) {
      if (compare?.allocations.get(fy)?.amount !== allocation.amount) {
        out.push({ stream: stream.id, streamName: stream.name, fy: formatFy(fy), amount: allocation.amount });
      }
    }
  }
  return out;
}

export function runBreakeven(request: Extract<AnalysisRequest, { kind: 'breakeven' }>): BreakevenAnswer {
  let plan: Plan;
  try {
    plan = validPlan(request.plan);
  } catch (error) {
    return { status: 'error', message: message(error) };
  }
  const { scenarioId, variable, target, lo, hi } = request;
  try {
    const found = breakeven(plan, scenarioId, variable, target, lo, hi);
    return {
      status: 'found',
      value: found.value,
      atBottom: found.value === lo,
      amounts: affectedAmounts(plan, scenarioId, variable, found.value, lo, hi),
    };
  } catch (error) {
    if (error instanceof TargetNotMetError) {
      const result = simulate(resolveAt(plan, scenarioId, { [variable]: hi }));
      return {
        status: 'not-met',
        hi,
        closures: result.interventions.filter((r) => r.outcome === 'closes').map((r) => r.name),
        drawn: result.totals.drawn,
        nonCompliantYears: result.totals.nonCompliantYears,
      };
    }
    return { status: 'error', message: message(error) };
  }
}

export function runTornado(request: Extract<AnalysisRequest, { kind: 'tornado' }>): TornadoAnswer {
  try {
    return { ok: true, tornado: tornado(validPlan(request.plan), request.scenarioId) };
  } catch (error) {
    return { ok: false, message: message(error) };
  }
}
