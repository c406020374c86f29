// A snapshot keeps its plan and the figures that plan gave when it was taken: every scenario,
// base first, as the CLI's `simulate --json` prints them. Screens and comparisons show a
// snapshot by simulating its frozen plan again; these say whether that still gives the figures
// frozen with it (a later version of Headroom whose rules changed would not), so that a
// difference is said, never shown as if it were what was approved.
import { simulate } from './engine';
import type { Plan } from './plan';
import { simulationJson } from './result-json';
import { validatePlan } from './validate';

/** Every scenario of `plan` (base first) simulated, as JSON text: what a snapshot freezes. */
export function frozenResultsJson(plan: Plan): string {
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error('the plan held in the document does not validate');
  return JSON.stringify(simulationJson(checked.plan.name, checked.scenarios.map(simulate)));
}

/** Whether the frozen plan, simulated now, gives exactly the figures stored with it. */
export function figuresAsFrozen(plan: Plan, storedResultsJson: string): boolean {
  let stored: unknown;
  try {
    stored = JSON.parse(storedResultsJson);
  } catch {
    return false;
  }
  return JSON.stringify(stored) === frozenResultsJson(plan);
}
