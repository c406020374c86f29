// What a resolved part depends on: the names its formulas use, and through the variables'
// own formulas every variable they reach. A part whose names reach no variable whose
// definition changed resolves to the same values, so it is reused.
import { formulaNames } from '../formula';
import { isFormula } from '../parse';
import type { Defined, VariableDefs } from './evaluator';

/** Each variable's definition as written: a number or a formula. */
export type Definitions = ReadonlyMap<string, number | string>;

export function definitionsOf(variables: VariableDefs): Definitions {
  const defs = new Map<string, number | string>();
  for (const [name, def] of variables) defs.set(name, def.value);
  return defs;
}

/** Every name used by a formula anywhere in the values (a field, a per-FY map, a list of shares). */
export function namesIn(...values: readonly unknown[]): string[] {
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (isFormula(value)) for (const name of formulaNames(value)) names.add(name);
    } else if (Array.isArray(value)) {
      for (const entry of value) walk(entry);
    } else if (value !== null && typeof value === 'object') {
      for (const entry of Object.values(value)) walk(entry);
    }
  };
  for (const value of values) walk(value);
  return [...names];
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * The names whose value may differ between two sets of definitions: those defined
 * differently (or only in one), and every variable whose formula reaches one of them under
 * the earlier definitions. A name outside the set evaluates as it did.
 */
export function affectedNames(before: Definitions, after: Definitions): ReadonlySet<string> {
  const changed = new Set<string>();
  for (const [name, value] of after) if (before.get(name) !== value) changed.add(name);
  for (const name of before.keys()) if (!after.has(name)) changed.add(name);
  if (changed.size === 0) return NOTHING;
  // Backwards along the formulas: from each changed name to the variables that use it.
  const usedBy = new Map<string, string[]>();
  for (const [name, value] of before) {
    if (typeof value !== 'string') continue;
    for (const inner of formulaNames(value)) {
      const list = usedBy.get(inner);
      if (list) list.push(name);
      else usedBy.set(inner, [name]);
    }
  }
  const affected = new Set(changed);
  const queue = [...changed];
  while (queue.length > 0) {
    for (const user of usedBy.get(queue.pop()!) ?? []) {
      if (affected.has(user)) continue;
      affected.add(user);
      queue.push(user);
    }
  }
  return affected;
}

/** Whether any of the names is among those affected. */
export function touches(names: readonly string[], affected: ReadonlySet<string>): boolean {
  if (affected.size === 0) return false;
  for (const name of names) if (affected.has(name)) return true;
  return false;
}

/** Whether a formula anywhere in the values uses one of the names affected. */
function valueReaches(value: unknown, affected: ReadonlySet<string>): boolean {
  if (typeof value === 'string') return isFormula(value) && touches(formulaNames(value), affected);
  if (Array.isArray(value)) return value.some((entry) => valueReaches(entry, affected));
  if (value !== null && typeof value === 'object') return Object.values(value).some((entry) => valueReaches(entry, affected));
  return false;
}

/** Whether a definition, or any it replaced (its `base`), uses one of the names affected. */
export function reaches(def: Defined<unknown> | null, affected: ReadonlySet<string>): boolean {
  for (let d = def; d; d = d.replaced) if (valueReaches(d.value, affected)) return true;
  return false;
}
