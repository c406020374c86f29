// The History screen's rows, newest first: each stored command, with a marker where each
// snapshot was taken. A command knows the latest snapshot taken before it (afterSnapshot), so
// a snapshot's marker goes just before the first command that came after it; snapshots taken
// after the last command stand at the top. Pure, for the screen and its tests.
import type { Plan } from '../../../shared/plan';
import type { HistoryEntry, SnapshotInfo } from '../../../shared/snapshots';

export type HistoryRow =
  | { readonly kind: 'change'; readonly key: string; readonly entry: HistoryEntry }
  | { readonly kind: 'snapshot'; readonly key: string; readonly snapshot: SnapshotInfo };

/** `entries` and `snapshots` oldest first (as main sends them); the rows come newest first. */
export function historyRows(entries: readonly HistoryEntry[], snapshots: readonly SnapshotInfo[]): HistoryRow[] {
  const taken = [...snapshots].sort((a, b) => a.id - b.id);
  const rows: HistoryRow[] = [];
  let next = 0;
  const markUpTo = (id: number) => {
    for (; next < taken.length && taken[next].id <= id; next++)
      rows.push({ kind: 'snapshot', key: `s${taken[next].id}`, snapshot: taken[next] });
  };
  for (const entry of entries) {
    if (entry.afterSnapshot) markUpTo(entry.afterSnapshot.id);
    rows.push({ kind: 'change', key: `c${entry.position}`, entry });
  }
  markUpTo(Infinity);
  return rows.reverse();
}

export interface SubjectChoice {
  readonly id: string;
  readonly name: string;
}

/** The plan's services or streams by name, then ids only the history still names (since removed), as they are. */
function choices(inPlan: readonly { id: string; name: string }[], named: Iterable<string>): SubjectChoice[] {
  const known = new Set(inPlan.map((x) => x.id));
  const gone = [...new Set(named)].filter((id) => !known.has(id)).sort();
  return [...inPlan.map((x) => ({ id: x.id, name: x.name })), ...gone.map((id) => ({ id, name: `${id} (no longer in the plan)` }))];
}

/** What the History screen's filters offer: every service and every stream a command touched or the plan has. */
export function subjectChoices(plan: Plan, entries: readonly HistoryEntry[]): { services: SubjectChoice[]; streams: SubjectChoice[] } {
  return {
    services: choices(
      plan.interventions,
      entries.flatMap((e) => e.subjects?.interventions ?? []),
    ),
    streams: choices(
      plan.fundingStreams,
      entries.flatMap((e) => e.subjects?.streams ?? []),
    ),
  };
}
