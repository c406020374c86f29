// Reads a plan from a JSON file (or, through the store, a .headroom document) and
// validates it whole; problems become one InputError listing each with its place.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
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

export function isDocumentPath(path: string): boolean {
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

/** The size of a regular file; anything else (a folder, a device, a pipe) is refused by name. */
export function statOrExplain(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`,
    );
  }
  if (stats.isDirectory()) throw new InputError(`${path} is a folder, not a plan file`);
  if (!stats.isFile()) throw new InputError(`${path} is not a regular file (a device or a pipe), so it was not read`);
  return stats.size;
}

/** At most `limit` bytes of a file, the limit applied while reading (a file may grow). */
function readBounded(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw new InputError(`${path} is larger than ${limit / (1024 * 1024)} MB; it is not a plan file`);
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** Plan text from a file's bytes: UTF-8 (a byte order mark allowed); UTF-16 is named, not misread. */
function planText(path: string, bytes: Buffer): string {
  if (bytes.length === 0) throw new InputError(`${path} is empty; it is not a plan file`);
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length > 1 && (bytes[0] === 0 || bytes[1] === 0));
  if (utf16) throw new InputError(`${path} is saved as UTF-16 text; save it as UTF-8 (a plan file is UTF-8 JSON)`);
  return bytes.toString('utf8');
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
  let bytes: Buffer;
  try {
    bytes = readBounded(path, MAX_PLAN_BYTES);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return validated(path, validatePlanText(planText(path, bytes)));
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
