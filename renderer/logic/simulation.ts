// The work the simulation worker does, as a plain function (tested without a worker):
// validate the plan, then simulate base and every scenario. The worker keeps one simulator
// for its life: each plan it is sent is validated and resolved against the one before, so an
// edit resolves only the fields it reaches.
import { PlanValidator } from '../../shared/compiled/validator';
import { simulate, type SimulationResult } from '../../shared/engine';
import type { PlanProblem, ResolvedScenario } from '../../shared/resolve';
import { uncertainVariableUses } from '../../shared/uncertainty/variable-use';
import { resolvedView, type ResolvedView } from './resolved';

export interface SimRequest {
  /** Grows with every request; a response answers the request with its seq. */
  readonly seq: number;
  readonly plan: unknown;
  /** A draft is the stored plan with an edit not yet stored (a slider being dragged). */
  readonly draft: boolean;
  /** The stored revision the plan (or the draft's base) comes from. */
  readonly revision: number;
}

export type SimOutcome =
  | {
      readonly ok: true;
      readonly results: readonly SimulationResult[];
      readonly resolved: readonly ResolvedView[];
      /** With actuals: each scenario as planned, without them (the budget of plan-format.md §10); else null. */
      readonly budgets: readonly SimulationResult[] | null;
    }
  | { readonly ok: false; readonly problems: readonly PlanProblem[] };

export type SimResponse = SimOutcome & {
  readonly seq: number;
  readonly draft: boolean;
  readonly revision: number;
  /** Time spent in the worker, in milliseconds. */
  readonly ms: number;
};

/** Simulates plan after plan, each against the one before: base first, then the plan's scenarios in file order. */
export function createSimulator(): (plan: unknown) => SimOutcome {
  const validator = new PlanValidator();
  // The compiled plan gives back the very same resolved scenario when an edit does not reach
  // it (a slider on one scenario leaves the others alone), and simulate is a pure function
  // of it: each such scenario's results are the ones already worked out.
  const simulated = new WeakMap<ResolvedScenario, SimulationResult>();
  const planned = new WeakMap<ResolvedScenario, SimulationResult>();
  const once = (memo: WeakMap<ResolvedScenario, SimulationResult>, s: ResolvedScenario, run: () => SimulationResult) => {
    let result = memo.get(s);
    if (!result) memo.set(s, (result = run()));
    return result;
  };
  return (plan) => {
    const { validation } = validator.validate(plan);
    if (!validation.ok) return { ok: false, problems: validation.problems };
    const checked = validation.plan;
    // Only a scenario with uncertain variables is resolved again, to see which formulas use them.
    const uses = (id: string) =>
      checked.scenarios?.find((s) => s.id === id)?.uncertainty?.length ? uncertainVariableUses(checked, id) : null;
    return {
      ok: true,
      results: validation.scenarios.map((s) => once(simulated, s, () => simulate(s))),
      resolved: validation.scenarios.map((s) => resolvedView(s, uses(s.id))),
      // Actuals are read by nothing else the resolver does, and only add to the cost it
      // checks: without them each scenario resolves the same, with no actuals.
      budgets: checked.actuals ? validation.scenarios.map((s) => once(planned, s, () => simulate({ ...s, actuals: null }))) : null,
    };
  };
}

/** One plan simulated on its own: base first, then the plan's scenarios in file order. */
export function runSimulation(plan: unknown): SimOutcome {
  return createSimulator()(plan);
}
