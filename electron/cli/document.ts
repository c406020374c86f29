// .headroom documents as the snapshot commands use them: opened (read-only, or writable and
// refused when it cannot be), a snapshot found by name, a "SNAPSHOT NAME:SCENARIO" reference
// read, always closed again. The store is loaded only when a command needs it.
import type { Plan } from '../../shared/plan';
import { parseSnapshotRef, type SnapshotInfo } from '../../shared/snapshots';
import type { PlanDocument } from '../store/plan-document';
import { InputError, UsageError } from './command';
import { isDocumentPath, statOrExplain } from './load-plan';

/** Opens the document, runs `use` and closes it, whatever happens. */
export async function withDocument<T>(path: string, mode: 'read' | 'write', use: (doc: PlanDocument) => T | Promise<T>): Promise<T> {
  if (!isDocumentPath(path)) throw new UsageError(`${path} is not a .headroom document (snapshots and the history are kept in documents)`);
  statOrExplain(path);
  const { PlanDocument } = await import('../store/plan-document');
  let doc: PlanDocument;
  try {
    doc = await PlanDocument.open(path, { readOnly: mode === 'read' });
  } catch (error) {
    throw new InputError(`cannot open ${path}: ${(error as Error).message}${mode === 'write' ? ' (nothing was changed)' : ''}`);
  }
  try {
    if (mode === 'write' && doc.info().readOnly)
      throw new InputError(`${path} is read-only (the file or its folder cannot be written), so nothing was changed`);
    return await use(doc);
  } finally {
    doc.close();
  }
}

const quotedList = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** The snapshot of that name (spaces and case aside, as the store matches names), or a message naming those there are. */
export function findSnapshot(doc: PlanDocument, path: string, name: string): SnapshotInfo {
  const found = doc.snapshotNamed(name);
  if (found) return found;
  const names = doc.snapshots().map((s) => s.name);
  throw new InputError(`no snapshot "${name}" in ${path} (${names.length ? `it has: ${quotedList(names)}` : 'it has none'})`);
}

/** `--against "Budget as approved:base"` read, or a usage error saying what is wanted. */
export function snapshotRefOption(values: Record<string, unknown>, option: string): { snapshot: string; scenario: string } | undefined {
  const text = values[option];
  if (text === undefined) return undefined;
  const ref = typeof text === 'string' ? parseSnapshotRef(text) : null;
  if (!ref)
    throw new UsageError(`--${option} needs "SNAPSHOT NAME:SCENARIO" (a snapshot's name, a colon, a scenario id), not "${String(text)}"`);
  return ref;
}

export interface SnapshotPlan {
  readonly info: SnapshotInfo;
  readonly plan: Plan;
}

/** A snapshot's plan, checked whole (a damaged snapshot is refused by name). */
export function snapshotPlanOf(doc: PlanDocument, path: string, name: string): SnapshotPlan {
  const info = findSnapshot(doc, path, name);
  try {
    return { info, plan: doc.snapshotPlan(info.id) };
  } catch (error) {
    throw new InputError((error as Error).message);
  }
}

/** `--against` and `--budget` name a snapshot inside a document: a JSON plan has none. */
export function requireDocument(path: string, option: string): void {
  if (!isDocumentPath(path))
    throw new UsageError(`--${option} needs a .headroom document (snapshots are kept in documents); ${path} is a JSON plan`);
}
