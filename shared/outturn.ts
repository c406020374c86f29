// The forecast outturn report from a plan (plan-format.md §10): the scenario simulated with its
// actuals and as planned, then shared/outturn-figures.ts. The CLI's `outturn`, its workbook
// and PDF use this; the app builds the same figures from the results its worker sends.
import { simulate, type SimulationResult } from './engine';
import { formatProblem } from './format';
import type { FyYear } from './months';
import { outturnFrom, type OutturnReport } from './outturn-figures';
import type { Plan } from './plan';
import { resolveScenario } from './resolve';
import { validatePlan } from './validate';

export * from './outturn-figures';

/** A plan's figures as planned: the same plan without its actuals (the budget). */
export function withoutActuals(plan: Plan): Plan {
  const { actuals: _actuals, ...rest } = plan;
  void _actuals;
  return rest;
}

/** The scenario simulated with its actuals, and as planned (without them). */
export function outturnResults(plan: Plan, scenarioId: string): { result: SimulationResult; budget: SimulationResult } {
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(`the plan is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  const scenario = validation.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}" in the plan (it has: ${validation.scenarios.map((s) => s.id).join(', ')})`);
  const result = simulate(scenario);
  if (!validation.plan.actuals) return { result, budget: result };
  const asPlanned = withoutActuals(validation.plan);
  const resolved = resolveScenario(asPlanned, scenarioId);
  if (!resolved.scenario) throw new Error(resolved.problems.map(formatProblem).join('\n'));
  return { result, budget: simulate(resolved.scenario) };
}

export function outturnReport(plan: Plan, scenarioId: string, fy: FyYear): OutturnReport {
  const { result, budget } = outturnResults(plan, scenarioId);
  return outturnFrom(plan, result, budget, fy);
}
