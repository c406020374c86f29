// The scenarios an export is about: the plan validated whole, the named scenarios resolved
// and simulated, and their comparison (plan-format.md §8). The workbook, the CSV and the
// briefing are all made from one of these.
import { headlineFyOf } from './cliff-edge';
import { compare, type Comparison } from './compare';
import type { FyYear } from './months';
import { simulate, type SimulationResult } from './engine';
import { formatProblem } from './format';
import type { Plan } from './plan';
import type { ResolvedScenario } from './resolve';
import { validatePlan } from './validate';

export interface ScenarioSet {
  readonly plan: Plan;
  readonly base: ResolvedScenario;
  readonly scenarios: readonly ResolvedScenario[];
  readonly results: readonly SimulationResult[];
  readonly comparison: Comparison;
  /** The FY headlines are about: the plan's next cliff edge (shared/cliff-edge.ts). */
  readonly headlineFy: FyYear | null;
}

export function simulateScenarios(plan: Plan, scenarioIds: readonly string[]): ScenarioSet {
  if (scenarioIds.length === 0) throw new Error('name at least one scenario to export');
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(`the plan is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  const scenarios = scenarioIds.map((id) => {
    const found = validation.scenarios.find((s) => s.id === id);
    if (!found) throw new Error(`no scenario "${id}" in the plan (it has: ${validation.scenarios.map((s) => s.id).join(', ')})`);
    return found;
  });
  const all = new Map(validation.scenarios.map((s) => [s.id, s]));
  const simulated = new Map(scenarios.map((s) => [s.id, simulate(s)]));
  const results = scenarios.map((s) => simulated.get(s.id)!);
  // The headline FY is the plan's next cliff edge, over every scenario (base first), as on screen.
  const everyResult = [...all.values()].map((s) => simulated.get(s.id) ?? simulate(s));
  const fy = headlineFyOf(validation.plan, everyResult);
  return { plan: validation.plan, base: validation.scenarios[0], scenarios, results, comparison: compare(results, fy), headlineFy: fy };
}
