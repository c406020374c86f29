// Plan variables as the Plan screen changes them: where a formula uses one, renaming one
// everywhere in one edit, deleting one no formula uses. These read formulas with mathjs, so
// main (or the harness) runs them for the page: the UI thread stays free of mathjs.
import type { EditOp, PlanEdit } from './edits';
import { formulaNames, isFormula, renameInFormula } from './formula';
import { newVariableNameProblem } from './names';
import { placeInWords } from './problem-words';
import { pathText } from './problem';
import type { Plan } from './plan';

type Json = unknown;
export type PlacePath = readonly (string | number)[];

export interface FormulaPlace {
  readonly path: PlacePath;
  readonly formula: string;
}

/**
 * Fields that hold words, never a formula: a name, a note or a provider that happens to start
 * with "=" is text (the resolver never evaluates it), so renames and deletes leave it alone.
 */
const TEXT_FIELDS = new Set([
  'format',
  'name',
  'notes',
  'id',
  'funder',
  'kind',
  'provider',
  'system',
  'category',
  'partner',
  'to',
  'by',
  'stance',
  'text',
  'ledgerCodes',
  'restrictedTo',
  'intervention',
  'stream',
  'variable',
  'dist',
  'fy',
  'from',
  'month',
  'asAt',
  'confirmedOn',
  'start',
]);

/** Every formula in the plan, with where it is (variables, amounts, scenario changes…). */
export function formulaPlaces(plan: Plan): FormulaPlace[] {
  const places: FormulaPlace[] = [];
  const walk = (value: Json, path: (string | number)[]) => {
    if (isFormula(value)) places.push({ path, formula: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) if (!isTextField(path, key)) walk(item, [...path, key]);
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

/** The record with `from` renamed `to` in place (the order of the others kept), formulas rewritten. */
function renamedRecord(record: Record<string, Json>, from: string, to: string): Record<string, Json> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, rewrite(value, from, to)]));
}

/** A key of a variables record is a variable's name, whatever it is called; elsewhere TEXT_FIELDS hold words. */
function isTextField(path: readonly (string | number)[], key: string): boolean {
  return path[path.length - 1] !== 'variables' && TEXT_FIELDS.has(key);
}

function rewrite(value: Json, from: string, to: string, path: readonly (string | number)[] = []): Json {
  if (isFormula(value)) return renameInFormula(value, from, to);
  if (Array.isArray(value)) return value.map((item, i) => rewrite(item, from, to, [...path, i]));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isTextField(path, k) ? v : rewrite(v, from, to, [...path, k])]));
  return value;
}

/**
 * Renames a plan variable everywhere, as one edit: its definition, the scenarios' own values
 * of it, what is uncertain about it and its correlations, and every formula that uses it (rewritten from the
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
    else if (isTextField([], key)) continue;
    else if (key === 'scenarios') {
      plan.scenarios!.forEach((scenario, si) => {
        const after: Record<string, Json> = rewrite(scenario, from, to) as Record<string, Json>;
        if (scenario.variables) after.variables = renamedRecord(scenario.variables, from, to);
        if (scenario.uncertainty)
          after.uncertainty = (after.uncertainty as { variable: string }[]).map((u) => (u.variable === from ? { ...u, variable: to } : u));
        if (scenario.correlations)
          after.correlations = scenario.correlations.map((c) => ({ ...c, between: c.between.map((name) => (name === from ? to : name)) }));
        setIfChanged(['scenarios', si], scenario, after);
      });
    } else if (Array.isArray(value)) value.forEach((item, i) => setIfChanged([key, i], item, rewrite(item, from, to)));
    else setIfChanged([key], value, rewrite(value, from, to));
  }
  return { edit: { label, ops } };
}

/** Deletes a plan variable, refused while a formula uses it (the places are named in words). */
export function deleteVariableEdit(plan: Plan, name: string): { edit: PlanEdit } | { problem: string } {
  if (!Object.hasOwn(plan.variables ?? {}, name)) return { problem: `there is no plan variable called ${JSON.stringify(name)}` };
  const uses = placesUsing(plan, name).map((p) => placeInWords(plan, pathText(p.path)) ?? pathText(p.path));
  if (uses.length) return { problem: `${name} is used by ${uses.join('; ')}: change those formulas first` };
  const rest = Object.fromEntries(Object.entries(plan.variables ?? {}).filter(([key]) => key !== name));
  return {
    edit: {
      label: `Plan: delete variable ${name}`,
      ops: [{ op: 'set', path: ['variables'], value: Object.keys(rest).length ? rest : undefined }],
    },
  };
}
