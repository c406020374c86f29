// A plan validated whole or an Error that says why, and one of its scenarios or an Error
// naming the scenarios it has: the messages the exports, the outturn report and the
// comparison against a snapshot give, each naming which plan it means.
import type { Plan } from './plan';
import { formatProblem } from './problem';
import type { ResolvedScenario } from './resolve';
import { validatePlan } from './validate';

/** `where` names the plan in messages: "the plan", `snapshot "Budget as approved"`. */
export function validPlan(plan: Plan, where: string): { readonly plan: Plan; readonly scenarios: readonly ResolvedScenario[] } {
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(`${where} is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  return validation;
}

/** `no scenario "x" in snapshot "Budget as approved" (it has: base, cut25)`. */
export function scenarioOf(scenarios: readonly ResolvedScenario[], id: string, where: string): ResolvedScenario {
  const found = scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario "${id}" in ${where} (it has: ${scenarios.map((s) => s.id).join(', ')})`);
  return found;
}
