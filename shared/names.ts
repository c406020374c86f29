// What a plan may call a variable: the one rule, shared by plan variables, scenario variables
// and uncertain variables. Dependency-free, so the screens can check a name as it is typed.
import type { Plan } from './plan';

export const FORMULA_FUNCTIONS = ['min', 'max', 'round', 'floor', 'ceil', 'abs'] as const;

/** Names that a variable may not take: they mean something else in a formula. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'base',
  'fy',
  ...FORMULA_FUNCTIONS,
  'and',
  'or',
  'not',
  'xor',
  'mod',
  'to',
  'in',
  'true',
  'false',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  // Names objects already carry: never a variable, whatever holds the variables.
  '__proto__',
  'constructor',
  'prototype',
]);

export const VARIABLE_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The problem with a variable name, or null: letters, digits and "_", not a reserved word. */
export function variableNameProblem(name: string): string | null {
  if (RESERVED_NAMES.has(name)) return `${JSON.stringify(name)} is reserved in formulas and cannot be a variable name`;
  if (!VARIABLE_RE.test(name))
    return `${JSON.stringify(name)} cannot be a variable name (letters, digits and "_", not starting with a digit)`;
  return null;
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
