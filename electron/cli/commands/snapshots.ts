// snapshot, snapshots and history: named, frozen versions of a .headroom document's plan and
// the record of its stored commands (plan-format.md §7). `compare --against` is in
// compare-against.ts; `outturn --budget`, `export --snapshot` and `import --replace` are with
// their commands.
import { historyCsv, filterHistory } from '../../../shared/history-csv';
import { jsonText } from '../../../shared/json-text';
import { type Command, InputError, requireCount, UsageError } from '../command';
import { withDocument } from '../document';
import { historyText, snapshotsText } from '../snapshot-text';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: "freeze a .headroom document's plan and results under a name (never changed afterwards)",
  usage: 'headroom snapshot DOC.headroom --name NAME [--note TEXT]',
  options: { name: { type: 'string' }, note: { type: 'string' } },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 1, 'the .headroom document');
    const [doc] = positionals;
    if (values.name === undefined) throw new UsageError('--name is required (what the snapshot is called, unique in the document)');
    const input = { name: values.name as string, ...(values.note === undefined ? {} : { note: values.note as string }) };
    return withDocument(doc, 'write', (document) => {
      let taken;
      try {
        taken = document.takeSnapshot(input);
      } catch (error) {
        throw new InputError(`${doc}: ${(error as Error).message} (no snapshot was taken)`);
      }
      if (!taken.ok) throw new InputError(`${doc}: ${taken.problems.map((p) => p.message).join('; ')} (nothing was changed)`);
      io.out(`${doc}: snapshot "${taken.snapshot.name}" taken (${plural(taken.snapshot.scenarios.length, 'scenario')})`);
      return 0;
    });
  },
};

export const snapshotsCommand: Command = {
  name: 'snapshots',
  summary: "list a .headroom document's snapshots: name, when taken, scenarios, note",
  usage: 'headroom snapshots DOC.headroom [--json]',
  options: { json: { type: 'boolean' } },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 1, 'the .headroom document');
    const [doc] = positionals;
    return withDocument(doc, 'read', (document) => {
      const list = document.snapshots();
      if (values.json) io.out(jsonText({ document: document.info().fileName, snapshots: list }));
      else io.out(snapshotsText(doc, list));
      return 0;
    });
  },
};

function idOption(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs an id`);
  return value.trim();
}

export const historyCommand: Command = {
  name: 'history',
  summary: "list a .headroom document's stored changes: when, what, undone, after which snapshot",
  usage: 'headroom history DOC.headroom [--service ID] [--stream ID] [--csv]',
  options: { service: { type: 'string' }, stream: { type: 'string' }, csv: { type: 'boolean' } },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 1, 'the .headroom document');
    const [doc] = positionals;
    const intervention = idOption(values, 'service');
    const stream = idOption(values, 'stream');
    return withDocument(doc, 'read', (document) => {
      const entries = filterHistory(document.changeHistory(), { intervention, stream });
      if (values.csv) {
        io.out(historyCsv(entries).trimEnd());
        return 0;
      }
      const about = [intervention && `service "${intervention}"`, stream && `funding stream "${stream}"`].filter(Boolean).join(' and ');
      io.out(historyText(doc, entries, about || null));
      return 0;
    });
  },
};
