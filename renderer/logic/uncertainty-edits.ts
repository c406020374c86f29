// Builders for a scenario's uncertain variables (plan-format.md §9): each turns one command on
// the Risk screen into a PlanEdit on `scenarios[i].uncertainty`. The store validates it; a
// refused edit leaves the plan as it was and its message at the field.
import type { PlanEdit } from '../../shared/edits';
import type { Plan, Scenario } from '../../shared/plan';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { scenarioVariables } from '../../shared/uncertainty/draws';
import type { VariablePlace } from '../../shared/uncertainty/variable-use';
import { correlationsRenamedOps, correlationsWithoutOps } from './correlation-edits';
import { fundingVariables, scenarioIndex, setConfirmDelayEdit, setGrantLevelVariableEdit, setPartnerShareEdit } from './scenario-edits';
import { readNumber, type Read } from './values';

export type Dist = Uncertainty['dist'];
export const DISTS: readonly { readonly dist: Dist; readonly label: string }[] = [
  { dist: 'triangular', label: 'Triangular (min, most likely, max)' },
  { dist: 'uniform', label: 'Uniform (min to max)' },
  { dist: 'normal', label: 'Normal (mean, spread)' },
  { dist: 'discrete', label: 'Listed values' },
  { dist: 'bernoulli', label: 'Yes or no (1 with probability p)' },
];

/** The numeric fields of each distribution, in the order they are shown. */
export const PARAMS: Readonly<
  Record<Dist, readonly { readonly key: string; readonly label: string; readonly optional?: boolean; readonly list?: boolean }[]>
> = {
  triangular: [
    { key: 'min', label: 'Min' },
    { key: 'mode', label: 'Most likely' },
    { key: 'max', label: 'Max' },
  ],
  uniform: [
    { key: 'min', label: 'Min' },
    { key: 'max', label: 'Max' },
  ],
  normal: [
    { key: 'mean', label: 'Mean' },
    { key: 'sd', label: 'SD' },
    { key: 'min', label: 'Min', optional: true },
    { key: 'max', label: 'Max', optional: true },
  ],
  discrete: [
    { key: 'values', label: 'Values', list: true },
    { key: 'weights', label: 'Weights', optional: true, list: true },
  ],
  bernoulli: [{ key: 'p', label: 'p' }],
};

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function scenarioAt(plan: Plan, id: string): { scenario: Scenario; index: number } {
  const index = scenarioIndex(plan, id);
  return { scenario: plan.scenarios![index], index };
}

/** The value a variable has in the scenario when it is not drawn (a number, else 0). */
export function currentValue(plan: Plan, scenario: Scenario, variable: string): number {
  const own = scenario.variables?.[variable] ?? plan.variables?.[variable];
  return typeof own === 'number' ? own : 0;
}

/** A first guess for a new or re-typed entry, around the variable's current value. */
export function defaultEntry(variable: string, dist: Dist, current: number): Uncertainty {
  const c = round4(current);
  switch (dist) {
    case 'triangular':
      return c === 0 ? { variable, dist, min: 0, mode: 0, max: 1 } : { variable, dist, min: round4(c * 0.8), mode: c, max: c };
    case 'uniform':
      return c === 0 ? { variable, dist, min: 0, max: 1 } : { variable, dist, min: round4(c * 0.8), max: c };
    case 'normal':
      return { variable, dist, mean: c, sd: c === 0 ? 1 : round4(Math.abs(c) * 0.1) };
    case 'discrete':
      return { variable, dist, values: [c] };
    case 'bernoulli':
      return { variable, dist, p: 0.5 };
  }
}

/** Variables the scenario can draw: the plan's and its own, the uncertain ones first. */
export function variableChoices(plan: Plan, scenarioId: string): string[] {
  return scenarioVariables(plan, scenarioId);
}

/** The variable a ladder or break-even offers first: a funding level (grantLevel), else the first there is. */
export function firstVariable(plan: Plan, choices: readonly string[]): string {
  const levels = new Set(fundingVariables(plan));
  return choices.find((v) => levels.has(v)) ?? choices[0] ?? '';
}

export function addUncertaintyEdit(plan: Plan, id: string, entry: Uncertainty): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const label = `"${scenario.name}": ${entry.variable} uncertain`;
  if (!scenario.uncertainty) return { label, ops: [{ op: 'set', path: ['scenarios', index, 'uncertainty'], value: [entry] }] };
  return { label, ops: [{ op: 'insert', path: ['scenarios', index, 'uncertainty'], index: scenario.uncertainty.length, value: entry }] };
}

export function removeUncertaintyEdit(plan: Plan, id: string, k: number): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const entry = scenario.uncertainty?.[k];
  if (!entry) return { label: 'Remove uncertain variable', ops: [] };
  const label = `"${scenario.name}": ${entry.variable} no longer uncertain`;
  // Its correlations go with it, in the same edit: a correlation names uncertain variables only.
  const correlations = correlationsWithoutOps(scenario, index, entry.variable);
  // The last entry takes the list away, so the file reads as it did before.
  if (scenario.uncertainty!.length === 1)
    return { label, ops: [{ op: 'set', path: ['scenarios', index, 'uncertainty'] }, ...correlations] };
  return { label, ops: [{ op: 'remove', path: ['scenarios', index, 'uncertainty'], index: k }, ...correlations] };
}

/** Replaces entry k whole (a new distribution, or a renamed variable, whose correlations follow the name). */
export function replaceUncertaintyEdit(plan: Plan, id: string, k: number, entry: Uncertainty): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const before = scenario.uncertainty?.[k]?.variable;
  return {
    label: `"${scenario.name}": ${entry.variable} ${entry.dist}`,
    ops: [
      { op: 'set', path: ['scenarios', index, 'uncertainty', k], value: entry },
      ...(before === undefined ? [] : correlationsRenamedOps(scenario, index, before, entry.variable)),
    ],
  };
}

/** Sets (or, with undefined, takes away) one parameter of entry k. */
export function setUncertaintyParamEdit(
  plan: Plan,
  id: string,
  k: number,
  key: string,
  value: number | number[] | string | undefined,
): PlanEdit {
  const { scenario, index } = scenarioAt(plan, id);
  const entry = scenario.uncertainty?.[k] as Record<string, unknown> | undefined;
  const label = `"${scenario.name}": ${String(entry?.variable ?? 'variable')} ${key} ${value === undefined ? 'cleared' : `= ${Array.isArray(value) ? value.join(', ') : value}`}`;
  if (!entry) return { label, ops: [] };
  if (value === undefined && !(key in entry)) return { label, ops: [] };
  if (JSON.stringify(entry[key]) === JSON.stringify(value)) return { label, ops: [] };
  return { label, ops: [{ op: 'set', path: ['scenarios', index, 'uncertainty', k, key], value }] };
}

/** Puts an uncertain variable to use at a place the Risk screen offers (shared/uncertainty/variable-use.ts). */
export function placeVariableEdit(plan: Plan, id: string, variable: string, place: VariablePlace): PlanEdit {
  const { scenario } = scenarioAt(plan, id);
  const edit =
    place.kind === 'grant-level'
      ? setGrantLevelVariableEdit(plan, id, place.stream, place.fy, variable)
      : place.kind === 'confirm-delay'
        ? setConfirmDelayEdit(plan, id, place.stream, place.fy, `=${variable}`)
        : setPartnerShareEdit(plan, id, place.intervention, place.from, `=${variable}`);
  return { ...edit, label: `"${scenario.name}": ${variable} as ${place.words}` };
}

/** "0, 1, 2, 3" as numbers; empty is undefined where the field may be left out. */
export function readNumberList(text: string, optional: boolean): Read<number[] | undefined> {
  const t = text.trim();
  if (t === '') return optional ? { ok: true, value: undefined } : { ok: false, message: 'must list at least one value' };
  const parts = t.split(/[,;\s]+/).filter(Boolean);
  const values: number[] = [];
  for (const part of parts) {
    const n = readNumber(part);
    if (n === null) return { ok: false, message: `"${part}" is not a number` };
    values.push(n);
  }
  return { ok: true, value: values };
}

/** A number parameter; empty only where the field may be left out. */
export function readParam(text: string, optional: boolean): Read<number | undefined> {
  const t = text.trim();
  if (t === '') return optional ? { ok: true, value: undefined } : { ok: false, message: 'is required' };
  const n = readNumber(t, { percent: true });
  return n === null ? { ok: false, message: `"${t}" is not a number` } : { ok: true, value: n };
}

export function paramText(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
