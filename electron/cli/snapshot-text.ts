// What `snapshots`, `history` and `compare --against` print for a person: times in UTC as
// "3 Feb 2027 10:15 UTC" (the same moment wherever the terminal is), one row per snapshot or
// stored command, the input changes one a line.
import { BEFORE_TIMES } from '../../shared/history-csv';
import type { InputChange } from '../../shared/snapshot-compare';
import { NO_INPUT_CHANGES } from '../../shared/snapshot-compare-csv';
import type { HistoryEntry, SnapshotInfo } from '../../shared/snapshots';
import { renderTable } from './tables';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** "3 Feb 2027 10:15 UTC" from an ISO 8601 time; text that is not a time is given back as it is. */
export function utcMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())} UTC`;
}

/** Free text (a note) on one line of a table. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

export function snapshotsText(document: string, snapshots: readonly SnapshotInfo[]): string {
  if (snapshots.length === 0) return `${document} has no snapshots yet (take one with: headroom snapshot ${document} --name NAME)`;
  const table = renderTable(
    [{ title: 'Name' }, { title: 'Taken' }, { title: 'Scenarios' }, { title: 'Note' }],
    snapshots.map((s) => [s.name, utcMoment(s.takenAt), s.scenarios.map((x) => x.id).join(', '), oneLine(s.note)]),
  );
  return `${document}: ${snapshots.length} snapshot${snapshots.length === 1 ? '' : 's'}, oldest first\n\n${table}`;
}

export function historyText(document: string, entries: readonly HistoryEntry[], filtered: string | null): string {
  if (entries.length === 0) return filtered ? `${document}: no stored change touched ${filtered}` : `${document}: no changes stored yet`;
  const table = renderTable(
    [{ title: 'Step', align: 'right' }, { title: 'Time' }, { title: 'Change' }, { title: 'State' }, { title: 'After snapshot' }],
    entries.map((e) => [
      String(e.position),
      e.storedAt === null ? BEFORE_TIMES : utcMoment(e.storedAt),
      oneLine(e.label),
      e.undone ? 'undone' : '',
      e.afterSnapshot?.name ?? '',
    ]),
  );
  const what = `${entries.length} stored change${entries.length === 1 ? '' : 's'}${filtered ? ` touching ${filtered}` : ''}`;
  return `${document}: ${what}, oldest first\n\n${table}`;
}

/** "What changed since "NAME":" and one line per change (or the line that says there were none). */
export function changesText(snapshot: string, changes: readonly InputChange[]): string {
  const lines = changes.length ? changes.map((c) => `  ${c.text}`) : [`  ${NO_INPUT_CHANGES}`];
  return [`What changed since "${snapshot}":`, ...lines].join('\n');
}
