// A problem the validator found, named by its place in the plan file. Dependency-free, so
// screens that only show problems do not bring the formula engine (mathjs) with them.

export interface PlanProblem {
  readonly path: string;
  readonly message: string;
  /** The scenario under which the problem shows, when it is not the plan itself. */
  readonly scenario?: string;
}

/** `interventions[3].annualCost: unknown name "fte"`, as the CLI and the app show it. */
export function formatProblem(problem: PlanProblem): string {
  return `${problem.path}: ${problem.message}${problem.scenario ? ` (scenario "${problem.scenario}")` : ''}`;
}

/** A place in the file as the validator spells it: `fundingStreams[0].allocations[1].amount`, `annualCost["2021/22"]`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(plan)';
}
