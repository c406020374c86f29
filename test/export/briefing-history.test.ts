// The briefing's annex "Changes to the plan": which commands it lists (those in the plan now,
// after the snapshot chosen) and that the person's own words are escaped.
import { describe, expect, it } from 'vitest';
import { annexEntries, historyAnnexHtml } from '../../electron/export/briefing-history';
import type { HistoryEntry, SnapshotInfo } from '../../shared/snapshots';

const snap = (id: number, name: string): SnapshotInfo => ({
  id,
  name,
  note: '',
  takenAt: '2027-02-03T10:15:00.000Z',
  revision: id,
  planName: 'Plan',
  scenarios: [{ id: 'base', name: 'Base' }],
});
const a = snap(1, 'Budget <approved>');
const b = snap(2, 'Q2 forecast');

const entry = (
  position: number,
  after: SnapshotInfo | null,
  undone = false,
  storedAt: string | null = '2027-03-01T12:00:00.000Z',
): HistoryEntry => ({
  position,
  label: `Change ${position} <b>`,
  storedAt,
  undone,
  afterSnapshot: after ? { id: after.id, name: after.name } : null,
  subjects: null,
});

const entries = [entry(1, null, false, null), entry(2, a), entry(3, b), entry(4, b, true)];

describe('annexEntries', () => {
  it('lists every change in the plan now, or those after a snapshot (and after any later one)', () => {
    expect(annexEntries(entries, null).map((e) => e.position)).toEqual([1, 2, 3]);
    expect(annexEntries(entries, a).map((e) => e.position)).toEqual([2, 3]);
    expect(annexEntries(entries, b).map((e) => e.position)).toEqual([3]);
  });
});

describe('historyAnnexHtml', () => {
  it('is a new page with a table of when, change and after snapshot, every label escaped', () => {
    const html = historyAnnexHtml({ entries, since: a, trimmed: false });
    expect(html).toContain('class="new-page annex"');
    expect(html).toContain('<h2>Changes to the plan</h2>');
    expect(html).toContain('<th>When</th><th>Change</th><th>After snapshot</th>');
    expect(html).toContain('Change 2 &lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).toContain('“Budget &lt;approved&gt;”');
    expect(html).not.toContain('Change 1 ');
    expect(html.match(/<tr>/g)).toHaveLength(3);
  });

  it('says when nothing has changed since the snapshot, and when old steps were dropped', () => {
    const none = historyAnnexHtml({ entries: [entry(1, null)], since: b, trimmed: true });
    expect(none).toContain('Nothing has changed since then.');
    expect(none).not.toContain('<table');
    const all = historyAnnexHtml({ entries, since: null, trimmed: true });
    expect(all).toContain('The oldest changes were dropped');
    expect(all).toContain('before times were kept');
  });
});
