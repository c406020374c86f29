// Validation of a plan (plan-format.md §2, §5 and §6): the structure by the zod schema, then
// cross-references, then every formula of every scenario. A plan that breaks any rule is
// rejected whole, with every problem listed by its place in the file.
import { actualsProblems } from './actuals';
import { duplicateKeys } from './json-keys';
import { pathText } from './problem';
import { parseFy } from './months';
import { friendlyError, PlanSchema, type Plan } from './plan';
import { CompiledPlan } from './compiled/compile';
import { correlationProblems } from './uncertainty/correlation';
import { BASE_SCENARIO_ID, type PlanProblem, type ResolvedScenario } from './resolve';

export type Validation =
  | { readonly ok: true; readonly plan: Plan; readonly scenarios: readonly ResolvedScenario[] }
  | { readonly ok: false; readonly problems: readonly PlanProblem[] };

export function structuralProblems(input: unknown): PlanProblem[] {
  const parsed = PlanSchema.safeParse(input, { error: friendlyError });
  if (parsed.success) return [];
  const problems: PlanProblem[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ path: pathText([...issue.path, key]), message: 'is not a field Headroom knows' });
    } else {
      problems.push({ path: pathText(issue.path), message: issue.message });
    }
  }
  return problems;
}

function duplicates(values: readonly string[]): Set<number> {
  const seen = new Map<string, number>();
  const repeated = new Set<number>();
  values.forEach((value, index) => {
    if (seen.has(value)) repeated.add(index);
    else seen.set(value, index);
  });
  return repeated;
}

export function crossReferenceProblems(plan: Plan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const interventionIds = new Set(plan.interventions.map((i) => i.id));

  for (const index of duplicates(plan.fundingStreams.map((s) => s.id))) {
    add(`fundingStreams[${index}].id`, `"${plan.fundingStreams[index].id}" is used by another funding stream`);
  }
  for (const index of duplicates(plan.interventions.map((i) => i.id))) {
    add(`interventions[${index}].id`, `"${plan.interventions[index].id}" is used by another intervention`);
  }
  plan.fundingStreams.forEach((stream, si) => {
    for (const ai of duplicates(stream.allocations.map((a) => String(parseFy(a.fy))))) {
      add(`fundingStreams[${si}].allocations[${ai}].fy`, `${stream.allocations[ai].fy} has another allocation in this stream`);
    }
    stream.restrictedTo?.forEach((id, ri) => {
      if (!interventionIds.has(id)) add(`fundingStreams[${si}].restrictedTo[${ri}]`, `no intervention "${id}"`);
    });
  });
  plan.interventions.forEach((item, ii) => {
    if (typeof item.annualCost === 'object') {
      const labels = Object.keys(item.annualCost);
      for (const index of duplicates(labels.map((label) => String(parseFy(label))))) {
        add(`interventions[${ii}].annualCost["${labels[index]}"]`, 'repeats an FY');
      }
    }
  });
  const scenarios = plan.scenarios ?? [];
  scenarios.forEach((scenario, si) => {
    if (scenario.id === BASE_SCENARIO_ID) add(`scenarios[${si}].id`, '"base" is the plan itself and cannot name a scenario');
    const variables = (scenario.uncertainty ?? []).map((u) => u.variable);
    for (const ui of duplicates(variables))
      add(`scenarios[${si}].uncertainty[${ui}].variable`, `"${variables[ui]}" is already uncertain in this scenario`);
    for (const problem of correlationProblems(scenario.uncertainty ?? [], scenario.correlations ?? []))
      add(pathText(['scenarios', si, ...problem.path]), problem.message);
  });
  for (const index of duplicates(scenarios.map((s) => s.id))) {
    add(`scenarios[${index}].id`, `"${scenarios[index].id}" is used by another scenario`);
  }
  problems.push(...actualsProblems(plan));
  return problems;
}

/** Validates an untrusted value as a plan, resolving base and every scenario. */
export function validatePlan(input: unknown): Validation {
  return validateCompiled(input, CompiledPlan.of).validation;
}

/**
 * validatePlan, resolving through a compiled plan made by `compile` (a new one, or the next
 * version of an earlier one): the same validation, and the compiled plan when it is valid.
 */
export function validateCompiled(
  input: unknown,
  compile: (plan: Plan) => CompiledPlan,
  /** The plan as PlanSchema parses `input`, when the caller has already shown that it does. */
  parsed?: Plan,
): { validation: Validation; compiled: CompiledPlan | null } {
  if (!parsed) {
    const structural = structuralProblems(input);
    if (structural.length > 0) return { validation: { ok: false, problems: structural }, compiled: null };
  }
  const plan = parsed ?? PlanSchema.parse(input);
  const crossed = crossReferenceProblems(plan);
  if (crossed.length > 0) return { validation: { ok: false, problems: crossed }, compiled: null };

  const compiled = compile(plan);
  const problems: PlanProblem[] = [];
  const resolved: ResolvedScenario[] = [];
  const planLevel = new Set<string>();
  for (const id of [BASE_SCENARIO_ID, ...(plan.scenarios ?? []).map((s) => s.id)]) {
    const result = compiled.resolve(id);
    if (result.scenario) resolved.push(result.scenario);
    for (const problem of result.problems) {
      // A problem of the plan itself shows once, not again under every scenario.
      const key = `${problem.path}\u0000${problem.message}`;
      if (id === BASE_SCENARIO_ID) planLevel.add(key);
      else if (planLevel.has(key)) continue;
      problems.push(problem);
    }
  }
  if (problems.length > 0) return { validation: { ok: false, problems }, compiled: null };
  return { validation: { ok: true, plan: compiled.plan, scenarios: resolved }, compiled };
}

/** Parses JSON text and validates it; a syntax error is reported with its position. */
export function validatePlanText(text: string): Validation {
  // A UTF-8 byte order mark (as Windows editors save) is not part of the plan.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  const repeated = duplicateKeys(body);
  if (repeated.length > 0) {
    return {
      ok: false,
      problems: repeated.map(({ path, key }) => ({ path, message: `"${key}" is given twice in the same object; say it once` })),
    };
  }
  return validatePlan(input);
}
