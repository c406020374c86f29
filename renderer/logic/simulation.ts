// The work the simulation worker does, as a plain function (tested without a worker):
// validate the plan, then simulate base and every scenario.
import { simulate, type SimulationResult } from '../../shared/engine';
import { withoutActuals } from '../../shared/outturn';
import { resolveScenario, type PlanProblem } from '../../shared/resolve';
import { uncertainVariableUses } from '../../shared/uncertainty/variable-use';
import { validatePlan } from '../../shared/validate';
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

/** Base first, then the plan's scenarios in file order. */
export function runSimulation(plan: unknown): SimOutcome {
  const validation = validatePlan(plan);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const checked = validation.plan;
  const planned = checked.actuals ? withoutActuals(checked) : null;
  // Only a scenario with uncertain variables is resolved again, to see which formulas use them.
  const uses = (id: string) =>
    checked.scenarios?.find((s) => s.id === id)?.uncertainty?.length ? uncertainVariableUses(checked, id) : null;
  return {
    ok: true,
    results: validation.scenarios.map(simulate),
    resolved: validation.scenarios.map((s) => resolvedView(s, uses(s.id))),
    budgets: planned
      ? validation.scenarios.map((s) => {
          const resolved = resolveScenario(planned, s.id);
          if (!resolved.scenario) throw new Error(`${s.name} could not be simulated without its actuals`);
          return simulate(resolved.scenario);
        })
      : null,
  };
}
