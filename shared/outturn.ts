// The forecast outturn report from a plan (plan-format.md §10): the scenario simulated with its
// actuals and as planned, or against a snapshot's scenario as it was, then
// shared/outturn-figures.ts. The CLI's `outturn`, its workbook and PDF use this; the app builds
// the same figures from the results its worker sends.
import { simulate, type SimulationResult } from './engine';
import { formatProblem, fyText } from './format';
import type { FyYear } from './months';
import { outturnFrom, outturnWithBudget, type OutturnReport } from './outturn-figures';
import type { Plan } from './plan';
import { resolveScenario } from './resolve';
import { scenarioOf, validPlan } from './valid-plan';

export * from './outturn-figures';

/** A plan's figures as planned: the same plan without its actuals (the budget). */
export function withoutActuals(plan: Plan): Plan {
  const { actuals: _actuals, ...rest } = plan;
  void _actuals;
  return rest;
}

/** The scenario simulated with its actuals, and as planned (without them). */
export function outturnResults(plan: Plan, scenarioId: string): { result: SimulationResult; budget: SimulationResult } {
  const validation = validPlan(plan, 'the plan');
  const result = simulate(scenarioOf(validation.scenarios, scenarioId, 'the plan'));
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

/**
 * The report with a snapshot's scenario as the budget, as it was when taken (simulated with
 * whatever actuals the snapshot held: a forecast snapshot budgets its forecast outturn then).
 * `label` names it ("Budget as approved, February: Base"); an FY outside the snapshot's horizon
 * is budgeted £0 and the label says so.
 */
export function outturnAgainst(
  plan: Plan,
  scenarioId: string,
  fy: FyYear,
  budget: { readonly label: string; readonly plan: Plan; readonly scenarioId: string },
): OutturnReport {
  const live = validPlan(plan, 'the plan');
  const result = simulate(scenarioOf(live.scenarios, scenarioId, 'the plan'));
  const where = `the budget's plan "${budget.plan.name}"`;
  const then = validPlan(budget.plan, where);
  const planned = simulate(scenarioOf(then.scenarios, budget.scenarioId, where));
  const inside = planned.years.some((y) => y.fy === fy);
  const source = inside ? budget.label : `${budget.label} (${fyText(fy)} is outside this snapshot's horizon: budget £0)`;
  return outturnWithBudget(live.plan, result, planned, fy, source);
}
