// The change history as CSV and filtered to a service or a stream (shared/history-csv.ts).
import { describe, expect, it } from 'vitest';
import { filterHistory, historyCsv } from '../../shared/history-csv';
import type { HistoryEntry } from '../../shared/snapshots';

const entry = (position: number, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  position,
  label: `Change ${position}`,
  storedAt: `2027-02-0${position}T10:15:00.000Z`,
  undone: false,
  afterSnapshot: null,
  subjects: { interventions: [], streams: [], scenarios: [] },
  ...extra,
});

const HISTORY: HistoryEntry[] = [
  entry(1, {
    label: 'Youth outreach: annual cost £330,000 → £345,000',
    subjects: { interventions: ['youth'], streams: [], scenarios: [] },
  }),
  entry(2, { label: 'Old change', storedAt: null, subjects: null }),
  entry(3, {
    label: '=HYPERLINK("x")',
    afterSnapshot: { id: 4, name: 'Budget as approved, February' },
    subjects: { interventions: ['youth', 'mentoring'], streams: ['ho-core'], scenarios: ['cut'] },
  }),
  entry(4, { undone: true, subjects: { interventions: [], streams: ['ho-core'], scenarios: [] } }),
];

describe('historyCsv', () => {
  it('writes a row per entry with its time as stored, state, snapshot and subjects, escaped', () => {
    expect(historyCsv(HISTORY).split('\r\n')).toEqual([
      'Step,Time,Change,State,After snapshot,Services,Streams,Scenarios',
      '1,2027-02-01T10:15:00.000Z,"Youth outreach: annual cost £330,000 → £345,000",,,youth,,',
      '2,before times were kept,Old change,,,,,',
      `3,2027-02-03T10:15:00.000Z,"'=HYPERLINK(""x"")",,"Budget as approved, February",youth mentoring,ho-core,cut`,
      '4,2027-02-04T10:15:00.000Z,Change 4,undone,,,ho-core,',
      '',
    ]);
  });

  it('is the header alone for no entries', () => {
    expect(historyCsv([])).toBe('Step,Time,Change,State,After snapshot,Services,Streams,Scenarios\r\n');
  });
});

describe('filterHistory', () => {
  const positions = (list: HistoryEntry[]) => list.map((e) => e.position);

  it('keeps the entries that touched the service or the stream, leaving out those whose subjects were not kept', () => {
    expect(positions(filterHistory(HISTORY, { intervention: 'youth' }))).toEqual([1, 3]);
    expect(positions(filterHistory(HISTORY, { stream: 'ho-core' }))).toEqual([3, 4]);
    expect(positions(filterHistory(HISTORY, { intervention: 'youth', stream: 'ho-core' }))).toEqual([3]);
    expect(positions(filterHistory(HISTORY, { intervention: 'nobody' }))).toEqual([]);
  });

  it('keeps every entry, in order, without a filter', () => {
    expect(positions(filterHistory(HISTORY, {}))).toEqual([1, 2, 3, 4]);
  });
});
