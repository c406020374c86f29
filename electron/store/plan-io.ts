// Plans in and out of documents: JSON import and export, and loading a plan from either
// kind of file (the CLI's simulate and compare take a .json plan or a .headroom document).
import fs from 'node:fs';
import path from 'node:path';
import type { EditResult } from '../../shared/ipc';
import { planJsonText } from '../../shared/json-text';
import type { Plan } from '../../shared/plan';
import { validatePlanText } from '../../shared/validate';
import { DocumentError, MESSAGES } from './document-error';
import { openDocumentAt, PlanDocument } from './plan-document';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new DocumentError('not-found', MESSAGES.notFound(file), [], { cause: error });
    if (code === 'EISDIR') throw new DocumentError('not-sqlite', MESSAGES.notAFile(path.basename(file)), [], { cause: error });
    throw error;
  }
}

/** The plan in JSON text, validated whole; every problem is listed in the error. */
function planFromJson(text: string, name: string): Plan {
  const checked = validatePlanText(text);
  if (!checked.ok) throw new DocumentError('invalid-plan', MESSAGES.invalidPlan(name, checked.problems), checked.problems);
  return checked.plan;
}

/**
 * A new document at `docPath` holding the plan of the JSON file at `jsonPath`. The plan is
 * validated whole first: on any problem nothing is written. Refuses a `docPath` that exists.
 * The caller closes the document.
 */
export function importJsonFile(jsonPath: string, docPath: string): PlanDocument {
  return PlanDocument.create(docPath, planFromJson(readText(jsonPath), path.basename(jsonPath)));
}

/** Replaces the plan of an open document with the plan in JSON text, as one undoable step. */
export function importJsonText(doc: PlanDocument, text: string, label = 'Import plan'): EditResult {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  return doc.replacePlan(input, label);
}

/**
 * The plan as a JSON file: two-space indents, keys in the plan format's order, a final
 * newline. Lossless: importing it gives the same plan.
 */
export function exportJsonText(doc: PlanDocument): string {
  return planJsonText(doc.plan());
}

function isSqliteFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false; // readText reports why
  }
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The validated plan in a `.json` plan file or a `.headroom` document (told apart by their
 * content, not their name). A document is opened read-only and never changed, even when it
 * was written by an older version. Throws a DocumentError that lists every problem.
 */
export async function loadPlanFromPath(file: string): Promise<Plan> {
  // Open here already: reading it with fs would drop this process's lock on it.
  const open = openDocumentAt(file);
  if (open) return open.plan();
  if (isSqliteFile(file)) {
    const doc = await PlanDocument.open(file, { readOnly: true });
    try {
      return doc.plan();
    } finally {
      doc.close();
    }
  }
  // A document that is not SQLite is damaged or another kind of file: say so, not "not valid JSON".
  if (path.extname(file).toLowerCase() === '.headroom' && fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    const name = path.basename(file);
    throw new DocumentError('not-sqlite', fs.statSync(file).size === 0 ? MESSAGES.empty(name) : MESSAGES.notSqlite(name));
  }
  return planFromJson(readText(file), path.basename(file));
}
