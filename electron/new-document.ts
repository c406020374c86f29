// A new document made from a plan (the guided start's answers, or a snapshot restored) and
// opened in place of the one the session has: in a place newPlanPath gives, never over a file.
import type { NewPlanResult } from '../shared/ipc';
import type { Plan } from '../shared/plan';
import type { DocumentSession } from './session';
import { PlanDocument } from './store/plan-document';

/**
 * Where a new plan's document goes: a path where no file is (the harness's data folder,
 * or the file main's save dialog chose), or null when the person chose none.
 */
export type NewPlanPath = (planName: string) => Promise<string | null> | string | null;

export const NO_NEW_PLAN_MESSAGE = 'New plans cannot be made here (no place to keep them)';

/** Makes a document holding `plan`, named after `name`, and opens it; the open one stays if anything fails. */
export async function openAsNewDocument(
  session: DocumentSession,
  newPlanPath: NewPlanPath | undefined,
  name: string,
  plan: Plan,
): Promise<NewPlanResult> {
  if (!newPlanPath) return { ok: false, cancelled: false, problems: [{ path: '(file)', message: NO_NEW_PLAN_MESSAGE }] };
  const file = await newPlanPath(name);
  if (!file) return { ok: false, cancelled: true, problems: [] };
  try {
    // create() refuses a path where a file already is: nothing is ever replaced.
    PlanDocument.create(file, plan).close();
    await session.open(file);
  } catch (error) {
    return { ok: false, cancelled: false, problems: [{ path: '(file)', message: (error as Error).message }] };
  }
  return { ok: true, snapshot: session.snapshot() };
}
