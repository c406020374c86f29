// The change history (the document's stored commands, shared/snapshots.ts HistoryEntry) as
// CSV through shared/csv.ts, and the history filtered to one service or one funding stream.
import { csvText, type CsvCell } from './csv';
import type { HistoryEntry } from './snapshots';

export const HISTORY_COLUMNS = ['Step', 'Time', 'Change', 'State', 'After snapshot', 'Services', 'Streams', 'Scenarios'] as const;

/** The Time cell of a command stored before the file kept times. */
export const BEFORE_TIMES = 'before times were kept';

/** One row per entry, in the order given: the time in UTC as stored, ids joined by spaces. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const ids = (list: readonly string[] | undefined) => (list ?? []).join(' ');
  const rows: CsvCell[][] = entries.map((e) => [
    e.position,
    e.storedAt ?? BEFORE_TIMES,
    e.label,
    e.undone ? 'undone' : '',
    e.afterSnapshot?.name ?? '',
    ids(e.subjects?.interventions),
    ids(e.subjects?.streams),
    ids(e.subjects?.scenarios),
  ]);
  return csvText([[...HISTORY_COLUMNS], ...rows]);
}

export interface HistoryFilter {
  /** A service's id: only the commands that touched it. */
  readonly intervention?: string;
  /** A funding stream's id: only the commands that touched it. */
  readonly stream?: string;
}

/**
 * The entries whose subjects include the service and the stream asked for (both, when both
 * are given). With any filter, entries whose subjects were not kept are left out: what they
 * touched is not known. No filter: every entry.
 */
export function filterHistory(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  const { intervention, stream } = filter;
  if (intervention === undefined && stream === undefined) return [...entries];
  return entries.filter(
    (e) =>
      e.subjects !== null &&
      (intervention === undefined || e.subjects.interventions.includes(intervention)) &&
      (stream === undefined || e.subjects.streams.includes(stream)),
  );
}
