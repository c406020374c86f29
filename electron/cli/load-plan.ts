// Reads a plan from a JSON file (or, through the store, a .headroom document) and
// validates it whole; problems become one InputError listing each with its place.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Plan } from '../../shared/plan';
import { formatProblem, type ResolvedScenario } from '../../shared/resolve';
import { validatePlan, validatePlanText } from '../../shared/validate';
import { InputError, InvalidPlanError } from './command';

const MAX_PLAN_BYTES = 50 * 1024 * 1024;

export interface LoadedPlan {
  readonly plan: Plan;
  readonly scenarios: readonly ResolvedScenario[];
}

/** Reads a .headroom document's plan; set by the store module so this file stays light. */
let readDocumentPlan: ((path: string) => unknown) | null = null;

export function setDocumentReader(reader: (path: string) => unknown) {
  readDocumentPlan = reader;
}

export function loadPlan(path: string): LoadedPlan {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
  if (size > MAX_PLAN_BYTES) throw new InputError(`${path} is larger than 50 MB; it is not a plan file`);
  let validation;
  if (extname(path).toLowerCase() === '.headroom') {
    if (!readDocumentPlan) throw new InputError(`${path}: .headroom documents cannot be read by this build`);
    validation = validatePlan(readDocumentPlan(path));
  } else {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
    }
    validation = validatePlanText(text);
  }
  if (!validation.ok) {
    throw new InvalidPlanError(path, validation.problems.map(formatProblem));
  }
  return { plan: validation.plan, scenarios: validation.scenarios };
}

/** The resolved scenarios named (in the order given), or base and every scenario. */
export function pickScenarios(loaded: LoadedPlan, ids: readonly string[] | undefined): ResolvedScenario[] {
  if (!ids || ids.length === 0) return [...loaded.scenarios];
  return ids.map((id) => {
    const found = loaded.scenarios.find((s) => s.id === id);
    if (!found) throw new InputError(`no scenario "${id}" in the plan (it has: ${loaded.scenarios.map((s) => s.id).join(', ')})`);
    return found;
  });
}
