// A plan compiled for resolving again and again: each scenario's parts are kept with what
// they were resolved from, so that an edit (a new plan) or a draw (new values of some
// variables) resolves only the parts whose inputs or variables changed. Every resolution
// equals resolveScenario's for the same plan, scenario and overrides.
//
// Plans given here are read, never changed, and must not be changed afterwards: unchanged
// parts are recognised as the same objects.
import type { Plan, Scenario } from '../plan';
import { BASE_SCENARIO_ID } from '../parse';
import { formatProblem, type PlanProblem, type ResolvedScenario } from '../resolve';
import { resolveParts, type ScenarioState } from './scenario';
import { sameJson, shareEntries } from './same-json';

export type ScenarioResolution = { scenario: ResolvedScenario; problems: [] } | { scenario: null; problems: PlanProblem[] };

const NO_OVERRIDES: Readonly<Record<string, number>> = Object.freeze({});

export class CompiledPlan {
  private readonly states: Map<string, ScenarioState>;

  private constructor(
    readonly plan: Plan,
    earlier: ReadonlyMap<string, ScenarioState>,
  ) {
    this.states = new Map(earlier);
  }

  static of(plan: Plan): CompiledPlan {
    return new CompiledPlan(plan, new Map());
  }

  /** Base first, then the plan's scenarios in file order. */
  scenarioIds(): string[] {
    return [BASE_SCENARIO_ID, ...(this.plan.scenarios ?? []).map((s) => s.id)];
  }

  /**
   * One scenario, with some variables set to values (a draw, a ladder row). Without
   * overrides the resolution is kept, and the next one starts from it.
   */
  resolve(scenarioId: string, overrides: Readonly<Record<string, number>> = NO_OVERRIDES): ScenarioResolution {
    const earlier = this.states.get(scenarioId) ?? null;
    const plain = Object.keys(overrides).length === 0;
    if (!plain && !earlier) this.resolve(scenarioId);
    const { scenario, problems, state } = resolveParts(this.plan, scenarioId, overrides, undefined, this.states.get(scenarioId) ?? null);
    if (plain && state) this.states.set(scenarioId, state);
    return scenario ? { scenario, problems: [] } : { scenario: null, problems };
  }

  /** Base and every scenario, each as resolveScenario gives it. */
  resolveEach(): ScenarioResolution[] {
    return this.scenarioIds().map((id) => this.resolve(id));
  }

  /** Base and every scenario resolved; throws, naming the problems, when any cannot be. */
  resolveAll(): ResolvedScenario[] {
    return this.resolveEach().map((r) => {
      if (r.scenario) return r.scenario;
      throw new Error(r.problems.map(formatProblem).join('\n'));
    });
  }

  /** The next version of the plan, reusing every part of this one that the edit left alone. */
  withEdit(next: Plan): CompiledPlan {
    return new CompiledPlan(sharedWith(next, this.plan), this.states);
  }
}

export function compilePlan(plan: Plan): CompiledPlan {
  return CompiledPlan.of(plan);
}

/** `next` with the parts equal to `earlier`'s taken from `earlier`: the same objects, so seen as unchanged at once. */
function sharedWith(next: Plan, earlier: Plan): Plan {
  if (next === earlier) return next;
  const shared: Plan = {
    ...next,
    fundingStreams: shareEntries(next.fundingStreams, earlier.fundingStreams, (s) => s.id),
    interventions: shareEntries(next.interventions, earlier.interventions, (i) => i.id),
  };
  if (next.scenarios) shared.scenarios = next.scenarios.map((s, index) => shareScenario(s, earlier.scenarios, index));
  if (next.actuals && earlier.actuals && sameJson(next.actuals, earlier.actuals)) shared.actuals = earlier.actuals;
  return shared;
}

function shareScenario(next: Scenario, earlier: readonly Scenario[] | undefined, index: number): Scenario {
  const old = earlier?.[index]?.id === next.id ? earlier[index] : earlier?.find((s) => s.id === next.id);
  if (!old) return next;
  if (sameJson(next, old)) return old;
  return next.changes ? { ...next, changes: shareEntries(next.changes, old.changes, () => null) } : next;
}
