// Reads a plan from a JSON file (or, through the store, a .headroom document) and
// validates it whole; problems become one InputError listing each with its place.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Plan } from '../../shared/plan';
import { formatProblem } from '../../shared/format';
import type { ResolvedScenario } from '../../shared/resolve';
import { validatePlan, validatePlanText } from '../../shared/validate';
import { InputError, InvalidPlanError } from './command';

const MAX_PLAN_BYTES = 50 * 1024 * 1024;

export interface LoadedPlan {
  readonly plan: Plan;
  readonly scenarios: readonly ResolvedScenario[];
}

function isDocumentPath(path: string): boolean {
  return extname(path).toLowerCase() === '.headroom';
}

/** A JSON plan or a .headroom document (read through the store, which never changes it). */
export async function loadPlanAsync(path: string): Promise<LoadedPlan> {
  if (!isDocumentPath(path)) return loadPlan(path);
  statOrExplain(path);
  const { loadPlanFromPath } = await import('../store/plan-io');
  let stored: unknown;
  try {
    stored = await loadPlanFromPath(path);
  } catch (error) {
    throw new InputError(`cannot open ${path}: ${(error as Error).message}`);
  }
  return validated(path, validatePlan(stored));
}

function statOrExplain(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
}

function validated(path: string, validation: ReturnType<typeof validatePlan>): LoadedPlan {
  if (!validation.ok) throw new InvalidPlanError(path, validation.problems.map(formatProblem));
  return { plan: validation.plan, scenarios: validation.scenarios };
}

/** A JSON plan file, validated whole. */
export function loadPlan(path: string): LoadedPlan {
  const size = statOrExplain(path);
  if (size > MAX_PLAN_BYTES) throw new InputError(`${path} is larger than 50 MB; it is not a plan file`);
  if (isDocumentPath(path)) throw new InputError(`${path} is a .headroom document; this command reads JSON plans`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return validated(path, validatePlanText(text));
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
