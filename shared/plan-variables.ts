// Plan variables as the Plan screen edits them: where a formula uses one, renaming one
// everywhere in one edit, and the per-FY assumption table (pay award 3% in the first FY,
// 2.5% in the next…) written as, and read back from, a formula in `fy` (0 = the first FY).
import type { EditOp, PlanEdit } from './edits';
import { constantText, formulaNames, formulaTree, isFormula, renameInFormula } from './formula';
import { variableNameProblem } from './names';
import type { Plan } from './plan';

type Json = unknown;
export type PlacePath = readonly (string | number)[];

export interface FormulaPlace {
  readonly path: PlacePath;
  readonly formula: string;
}

/** Every formula in the plan, with where it is (variables, amounts, scenario changes…). */
export function formulaPlaces(plan: Plan): FormulaPlace[] {
  const places: FormulaPlace[] = [];
  const walk = (value: Json, path: (string | number)[]) => {
    if (isFormula(value)) places.push({ path, formula: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(plan, []);
  return places;
}

/** The formulas that use a variable (its own definition left out). */
export function placesUsing(plan: Plan, name: string): FormulaPlace[] {
  return formulaPlaces(plan).filter(
    (place) => formulaNames(place.formula).includes(name) && !(place.path[0] === 'variables' && place.path[1] === name),
  );
}

/** Why a plan variable cannot be called `name` (taken, reserved, not a name), or null. */
export function newVariableNameProblem(plan: Plan, name: string, except?: string): string | null {
  const problem = variableNameProblem(name);
  if (problem) return problem;
  if (name !== except && Object.hasOwn(plan.variables ?? {}, name)) return `there is already a variable called ${JSON.stringify(name)}`;
  for (const scenario of plan.scenarios ?? []) {
    const own = Object.hasOwn(scenario.variables ?? {}, name) || (scenario.uncertainty ?? []).some((u) => u.variable === name);
    if (name !== except && own) return `${JSON.stringify(name)} is already a variable of scenario “${scenario.name}”`;
  }
  return null;
}

/** The record with `from` renamed `to` in place (the order of the others kept), formulas rewritten. */
function renamedRecord(record: Record<string, Json>, from: string, to: string): Record<string, Json> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, rewrite(value, from, to)]));
}

function rewrite(value: Json, from: string, to: string): Json {
  if (isFormula(value)) return renameInFormula(value, from, to);
  if (Array.isArray(value)) return value.map((item) => rewrite(item, from, to));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, from, to)]));
  return value;
}

/**
 * Renames a plan variable everywhere, as one edit: its definition, the scenarios' own values
 * of it, what is uncertain about it, and every formula that uses it (rewritten from the
 * parsed formula). A name that is taken or not allowed is refused with the reason.
 */
export function renameVariableEdit(plan: Plan, from: string, to: string): { edit: PlanEdit } | { problem: string } {
  if (!Object.hasOwn(plan.variables ?? {}, from)) return { problem: `there is no plan variable called ${JSON.stringify(from)}` };
  const problem = to === from ? null : newVariableNameProblem(plan, to);
  if (problem) return { problem };
  const label = `Plan: rename variable ${from} → ${to}`;
  if (to === from) return { edit: { label, ops: [] } };
  const ops: EditOp[] = [];
  const setIfChanged = (path: (string | number)[], before: Json, after: Json) => {
    if (JSON.stringify(before) !== JSON.stringify(after)) ops.push({ op: 'set', path, value: after });
  };
  const record = plan as unknown as Record<string, Json>;
  for (const [key, value] of Object.entries(record)) {
    if (key === 'variables') setIfChanged([key], value, renamedRecord(value as Record<string, Json>, from, to));
    else if (key === 'scenarios') {
      plan.scenarios!.forEach((scenario, si) => {
        const after: Record<string, Json> = rewrite(scenario, from, to) as Record<string, Json>;
        if (scenario.variables) after.variables = renamedRecord(scenario.variables, from, to);
        if (scenario.uncertainty)
          after.uncertainty = (after.uncertainty as { variable: string }[]).map((u) => (u.variable === from ? { ...u, variable: to } : u));
        setIfChanged(['scenarios', si], scenario, after);
      });
    } else if (Array.isArray(value)) value.forEach((item, i) => setIfChanged([key, i], item, rewrite(item, from, to)));
    else setIfChanged([key], value, rewrite(value, from, to));
  }
  return { edit: { label, ops } };
}

// ---------------------------------------------------------------- the per-FY table

/**
 * The formula for a value per FY ("0.03", "0.025", "0.02" → `=fy == 0 ? 0.03 : (fy == 1 ? 0.025 : 0.02)`):
 * the last value holds for every later FY. Values are decimal text, written as given.
 */
export function byYearFormula(values: readonly string[]): string {
  if (values.length === 0) throw new Error('a table by year needs at least one value');
  let text = values[values.length - 1];
  for (let i = values.length - 2; i >= 0; i--) text = `fy == ${i} ? ${values[i]} : ${i === values.length - 2 ? text : `(${text})`}`;
  return `=${text}`;
}

/**
 * The values per FY (as many as `years`) of a formula written as a table by year (as
 * byYearFormula writes it: `fy == 0 ? a : (fy == 1 ? b : c)`), or null for any other formula,
 * which is then shown and edited as a formula.
 */
export function readByYear(formula: string, years: number): string[] | null {
  const root = formulaTree(formula);
  if (!root || years < 1) return null;
  const values: string[] = [];
  let node = root as Json as Record<string, any>;
  while (node.type === 'ParenthesisNode') node = node.content;
  while (node.type === 'ConditionalNode') {
    let condition = node.condition;
    while (condition.type === 'ParenthesisNode') condition = condition.content;
    const [left, right] = condition.args ?? [];
    const isFy = condition.type === 'OperatorNode' && condition.fn === 'equal' && left?.type === 'SymbolNode' && left.name === 'fy';
    const value = constantText(node.trueExpr);
    if (!isFy || constantText(right) !== String(values.length) || value === null) return null;
    values.push(value);
    node = node.falseExpr;
    while (node.type === 'ParenthesisNode') node = node.content;
  }
  const rest = constantText(node as never);
  // A table needs a row per branch: one with more branches than FYs is a formula.
  if (rest === null || values.length === 0 || values.length > years - 1) return null;
  while (values.length < years) values.push(rest);
  return values;
}
