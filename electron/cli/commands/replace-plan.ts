// import --replace: a JSON plan over an existing document's plan, stored as ONE undoable
// command (the same as the app's File > Import), the document's snapshots and history kept.
// The plan is validated whole first: with any problem the document is not touched.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { formatProblem } from '../../../shared/format';
import { planChanges } from '../../../shared/plan-changes';
import { InputError, InvalidPlanError, type Io } from '../command';
import { withDocument } from '../document';
import { loadPlan } from '../load-plan';
import { readPlanJson } from './exports';

export async function replacePlan(json: string, doc: string, io: Io): Promise<number> {
  if (!existsSync(doc)) throw new InputError(`${doc} does not exist, so it has no plan to replace; leave out --replace to create it`);
  loadPlan(json);
  const input = readPlanJson(json);
  const label = `Import plan from ${basename(json)}`;
  return withDocument(doc, 'write', (document) => {
    const before = document.plan();
    const revision = document.info().revision;
    let result;
    try {
      result = document.replacePlan(input, label);
    } catch (error) {
      throw new InputError(`${doc}: ${(error as Error).message}`);
    }
    if (!result.ok) throw new InvalidPlanError(json, result.problems.map(formatProblem));
    if (document.info().revision === revision) {
      io.out(`${doc}: already the same plan as ${json}; nothing was stored`);
      return 0;
    }
    const changes = planChanges(before, document.plan());
    const counted = changes.length
      ? `${changes.length} change${changes.length === 1 ? '' : 's'} stored as one step`
      : 'stored as one step (what differs is text the figures do not use, such as notes)';
    io.out(`${doc}: replaced the plan from ${json}: ${counted}; undo it in the app`);
    for (const change of changes) io.out(`  ${change.text}`);
    return 0;
  });
}
