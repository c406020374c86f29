// import and export between JSON plans and .headroom documents (the desktop app's files).
import { existsSync } from 'node:fs';
import { formatProblem } from '../../../shared/format';
import { planJsonText } from '../../../shared/json-text';
import { writeFileAtomic } from '../../atomic-file';
import { checkOutput } from '../output-file';
import { type Command, InputError, InvalidPlanError, requireCount, UsageError } from '../command';
import { snapshotPlanOf, withDocument } from '../document';
import { replacePlan } from './replace-plan';

async function store() {
  const [io, errors] = await Promise.all([import('../../store/plan-io'), import('../../store/document-error')]);
  return { ...io, DocumentError: errors.DocumentError };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'make a .headroom document from a JSON plan, or replace its plan as one undoable step',
  usage: 'headroom import PLAN.json DOC.headroom [--replace]',
  options: { replace: { type: 'boolean' } },
  async run(positionals, values, io) {
    requireCount(positionals, 2, 2, 'the JSON plan and the .headroom document to create');
    const [json, doc] = positionals;
    if (!doc.toLowerCase().endsWith('.headroom')) throw new UsageError(`${doc} should end in .headroom`);
    if (values.replace) return replacePlan(json, doc, io);
    if (existsSync(doc))
      throw new InputError(`${doc} already exists; choose a new name, or give --replace to replace its plan (nothing was changed)`);
    const { importJsonFile, DocumentError } = await store();
    try {
      const created = importJsonFile(json, doc);
      const plan = created.plan();
      created.close();
      io.out(
        `${doc}: created from ${json} ("${plan.name}", ${plan.interventions.length} interventions, ${(plan.scenarios ?? []).length} scenarios)`,
      );
      return 0;
    } catch (error) {
      if (error instanceof DocumentError && error.problems.length) throw new InvalidPlanError(json, error.problems.map(formatProblem));
      throw new InputError((error as Error).message);
    }
  },
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the JSON plan of a .headroom document (to a file, or standard output)',
  usage: 'headroom export DOC.headroom [PLAN.json] [--snapshot NAME] [--force]',
  options: { force: { type: 'boolean' }, snapshot: { type: 'string' } },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 2, 'the .headroom document');
    const [doc, out] = positionals;
    if (out) checkOutput(out, 'json', values.force === true);
    const snapshot = values.snapshot as string | undefined;
    if (snapshot !== undefined && snapshot.trim() === '') throw new UsageError('--snapshot needs the name of a snapshot');
    let text: string;
    let from = doc;
    if (snapshot !== undefined) {
      const frozen = await withDocument(doc, 'read', (document) => snapshotPlanOf(document, doc, snapshot));
      text = planJsonText(frozen.plan);
      from = `snapshot "${frozen.info.name}" of ${doc}`;
    } else {
      const { loadPlanFromPath } = await store();
      try {
        text = planJsonText(await loadPlanFromPath(doc));
      } catch (error) {
        throw new InputError(`cannot export ${doc}: ${(error as Error).message}`);
      }
    }
    if (!out) {
      io.out(text.trimEnd());
      return 0;
    }
    writeFileAtomic(out, text);
    io.err(`${out}: written from ${from}`);
    return 0;
  },
};

export const repairCommand: Command = {
  name: 'repair',
  summary: 'rebuild the damaged indexes of a .headroom document (a copy is kept first)',
  usage: 'headroom repair DOC.headroom',
  options: {},
  async run(positionals, _values, io) {
    requireCount(positionals, 1, 1, 'the .headroom document');
    const [doc] = positionals;
    const { PlanDocument, rebuildIndexes } = await import('../../store/plan-document');
    try {
      (await PlanDocument.open(doc, { readOnly: true })).close();
      io.out(`${doc}: nothing to repair (its indexes and its plan are sound)`);
      return 0;
    } catch (error) {
      if ((error as { kind?: string }).kind !== 'damaged-index') throw new InputError((error as Error).message);
    }
    try {
      const backup = await rebuildIndexes(doc);
      (await PlanDocument.open(doc, { readOnly: true })).close();
      io.out(`${doc}: indexes rebuilt; the file as it was is kept at ${backup}`);
      return 0;
    } catch (error) {
      throw new InputError(`cannot repair ${doc}: ${(error as Error).message}`);
    }
  },
};
