// Field paths: an edit addresses a field by segments (['interventions', 3, 'annualCost']);
// the validator names problems by text ('interventions[3].annualCost'). A field shows the
// problems whose path is its own or lies inside it.
import { pathText, type PlanProblem } from '../../shared/problem';

export type PathSegment = string | number;

/** The validator's spelling of a path (one function, in shared/problem.ts). */
export { pathText };

/** True when `problemPath` is `fieldPath` itself or a place inside it. */
export function pathWithin(problemPath: string, fieldPath: string): boolean {
  if (problemPath === fieldPath) return true;
  if (!problemPath.startsWith(fieldPath)) return false;
  const next = problemPath[fieldPath.length];
  return next === '.' || next === '[';
}

/** The problems that belong to a field, by its path. */
export function problemsAt(problems: readonly PlanProblem[], field: readonly PathSegment[] | string): PlanProblem[] {
  const text = typeof field === 'string' ? field : pathText(field);
  return problems.filter((p) => pathWithin(p.path, text));
}

/** The problems that no field on screen claims, to show in a general message. */
export function unclaimedProblems(problems: readonly PlanProblem[], fields: readonly string[]): PlanProblem[] {
  return problems.filter((p) => !fields.some((f) => pathWithin(p.path, f)));
}
