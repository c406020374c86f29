// The briefing's annex "Changes to the plan": the commands stored in the document, oldest
// first, each with when it was stored and the snapshot it came after, so that a reader can
// see what moved since the version they approved. Undone commands are not part of the plan
// and are left out. Labels are the person's own words and are escaped.
import { momentText, storedAtText } from '../../shared/format';
import type { HistoryEntry, SnapshotInfo } from '../../shared/snapshots';
import { esc } from './html';

export interface HistoryAnnexInput {
  readonly entries: readonly HistoryEntry[];
  /** Only the changes stored after this snapshot was taken; null for every change kept. */
  readonly since: SnapshotInfo | null;
  /** Older steps were dropped from the file's history (DocumentInfo.undoTrimmed). */
  readonly trimmed: boolean;
}

/** The commands the annex lists: those in the plan now, after `since` when one is given. */
export function annexEntries(entries: readonly HistoryEntry[], since: SnapshotInfo | null): HistoryEntry[] {
  return entries.filter((e) => !e.undone && (since === null || (e.afterSnapshot !== null && e.afterSnapshot.id >= since.id)));
}

function leadIn(input: HistoryAnnexInput, shown: number): string {
  const scope = input.since
    ? `Each change stored after the snapshot “${esc(input.since.name)}” was taken (${esc(momentText(input.since.takenAt))}), oldest first.`
    : 'Each change kept in the plan’s history, oldest first.';
  const undone = ' Changes that were undone are not listed: they are not part of the plan.';
  const trimmed = input.trimmed && input.since === null ? ' The oldest changes were dropped from the file to keep it small.' : '';
  const none = shown === 0 ? ` <strong>${input.since ? 'Nothing has changed since then.' : 'No changes are recorded.'}</strong>` : '';
  return `<p class="note lead-in">${scope}${undone}${trimmed}${none}</p>`;
}

/** The annex as a section of the briefing, starting on a new page. */
export function historyAnnexHtml(input: HistoryAnnexInput): string {
  const rows = annexEntries(input.entries, input.since);
  const body = rows
    .map(
      (e) =>
        `<tr><td class="when">${esc(storedAtText(e.storedAt))}</td><td>${esc(e.label)}</td><td>${esc(e.afterSnapshot?.name ?? '—')}</td></tr>`,
    )
    .join('');
  const table = rows.length
    ? `<table class="outcomes changes"><thead><tr><th>When</th><th>Change</th><th>After snapshot</th></tr></thead><tbody>${body}</tbody></table>`
    : '';
  return `<section class="new-page annex" data-annex="history">
  <h2>Changes to the plan</h2>
  ${leadIn(input, rows.length)}
  ${table}
</section>`;
}
