// The services and funding streams a change of plan variables reaches: those with a formula
// that uses one of the variables, directly or through other variables. A grant level set as a
// scenario's `grantLevel` changes no stream in the file, yet it is the Home Office grant that
// it moves: the change history files it under that stream too (shared/edit-subjects.ts).
import { formulaNames } from './formula';
import type { Plan } from './plan';

/** Every formula (text starting "=") anywhere inside `value`. */
function formulasIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trimStart().startsWith('=')) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) formulasIn(item, out);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) formulasIn(item, out);
  }
  return out;
}

const usesAny = (value: unknown, names: ReadonlySet<string>) => formulasIn(value).some((f) => formulaNames(f).some((n) => names.has(n)));

/** The variables whose values are formulas, over the plan's and every scenario's. */
function variableFormulas(plan: Plan): [string, unknown][] {
  const all: [string, unknown][] = Object.entries(plan.variables ?? {});
  for (const scenario of plan.scenarios ?? []) all.push(...Object.entries(scenario.variables ?? {}));
  return all;
}

/** `changed` and every variable whose formula uses one of them, followed to a fixed point. */
function closure(plan: Plan, changed: Iterable<string>): Set<string> {
  const names = new Set(changed);
  const formulas = variableFormulas(plan);
  for (let grew = true; grew;) {
    grew = false;
    for (const [name, value] of formulas) {
      if (!names.has(name) && usesAny(value, names)) {
        names.add(name);
        grew = true;
      }
    }
  }
  return names;
}

/** The ids of the services and streams whose formulas (or scenario changes' formulas) use a changed variable. */
export function variableReach(plan: Plan, changed: Iterable<string>): { interventions: string[]; streams: string[] } {
  const names = closure(plan, changed);
  const interventions = new Set<string>();
  const streams = new Set<string>();
  if (names.size === 0) return { interventions: [], streams: [] };
  for (const stream of plan.fundingStreams) if (usesAny(stream, names)) streams.add(stream.id);
  for (const item of plan.interventions) if (usesAny(item, names)) interventions.add(item.id);
  for (const scenario of plan.scenarios ?? []) {
    for (const change of scenario.changes ?? []) {
      if (!usesAny(change, names)) continue;
      if ('stream' in change && typeof change.stream === 'string') streams.add(change.stream);
      if ('intervention' in change && typeof change.intervention === 'string') interventions.add(change.intervention);
    }
  }
  return { interventions: [...interventions], streams: [...streams] };
}
