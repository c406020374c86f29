// The History screen's rows (commands newest first, a marker where each snapshot was taken),
// its filters' choices, and which snapshot scenario Compare and Outturn pair with a live one.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import type { HistoryEntry, SnapshotInfo } from '../../shared/snapshots';
import { historyRows, subjectChoices } from '../../renderer/screens/history/history-rows';
import { chooseSnapshot, pairedScenarioId } from '../../renderer/screens/compare/snapshot-choice';
import { standingBudget } from '../../renderer/screens/outturn/budget-ref';
import { momentText, storedAtText } from '../../shared/format';
import demo from '../../shared/demo/wmvru-plan.json';

const snapshot = (id: number, name: string, scenarios = ['base', 'cut']): SnapshotInfo => ({
  id,
  name,
  note: '',
  takenAt: '2027-02-03T10:15:00.000Z',
  revision: id * 10,
  planName: 'Plan',
  scenarios: scenarios.map((s) => ({ id: s, name: s === 'base' ? 'Base' : s.toUpperCase() })),
});

const entry = (position: number, after: SnapshotInfo | null, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  position,
  label: `Change ${position}`,
  storedAt: '2026-12-02T09:14:00.000Z',
  undone: false,
  afterSnapshot: after ? { id: after.id, name: after.name } : null,
  subjects: { interventions: [], streams: [], scenarios: [] },
  ...extra,
});

const describeRows = (rows: ReturnType<typeof historyRows>) =>
  rows.map((r) => (r.kind === 'change' ? r.entry.label : `snapshot ${r.snapshot.name}`));

describe('historyRows', () => {
  it('puts each snapshot just before the first command after it, newest first', () => {
    const a = snapshot(1, 'A');
    const b = snapshot(2, 'B');
    const c = snapshot(4, 'C');
    const rows = historyRows([entry(1, null), entry(2, a), entry(3, a), entry(4, b)], [a, b, c]);
    expect(describeRows(rows)).toEqual(['snapshot C', 'Change 4', 'snapshot B', 'Change 3', 'Change 2', 'snapshot A', 'Change 1']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('places snapshots taken one after another, and before the oldest kept command', () => {
    const a = snapshot(1, 'A');
    const b = snapshot(2, 'B');
    expect(describeRows(historyRows([entry(7, b)], [a, b]))).toEqual(['Change 7', 'snapshot B', 'snapshot A']);
    expect(describeRows(historyRows([], [a]))).toEqual(['snapshot A']);
    expect(historyRows([], [])).toEqual([]);
  });
});

describe('subjectChoices', () => {
  it("offers the plan's services and streams by name, then ids only the history still names", () => {
    const plan = demo as unknown as Plan;
    const gone = entry(1, null, { subjects: { interventions: ['old-service', plan.interventions[0].id], streams: [], scenarios: [] } });
    const { services, streams } = subjectChoices(plan, [gone, entry(2, null, { subjects: null })]);
    expect(services.slice(0, plan.interventions.length).map((s) => s.id)).toEqual(plan.interventions.map((i) => i.id));
    expect(services.at(-1)).toEqual({ id: 'old-service', name: 'old-service (no longer in the plan)' });
    expect(services).toHaveLength(plan.interventions.length + 1);
    expect(streams.map((s) => s.name)).toEqual(plan.fundingStreams.map((s) => s.name));
  });
});

describe('the snapshot scenario paired with a live one', () => {
  const a = snapshot(1, 'A', ['base', 'cut']);
  const b = snapshot(3, 'B', ['base']);

  it('is the same scenario when the snapshot has it, else its first', () => {
    expect(pairedScenarioId(a, 'cut')).toBe('cut');
    expect(pairedScenarioId(b, 'cut')).toBe('base');
  });

  it('is the newest snapshot unless one is picked; a scenario picked stands only for its pair', () => {
    expect(chooseSnapshot([], null, 'base', null)).toBeNull();
    expect(chooseSnapshot([a, b], null, 'cut', null)).toEqual({ snapshot: b, snapshotScenarioId: 'base' });
    expect(chooseSnapshot([a, b], 1, 'cut', null)).toEqual({ snapshot: a, snapshotScenarioId: 'cut' });
    const picked = { snapshotId: 1, liveScenarioId: 'cut', scenarioId: 'base' };
    expect(chooseSnapshot([a, b], 1, 'cut', picked)?.snapshotScenarioId).toBe('base');
    expect(chooseSnapshot([a, b], 1, 'base', { ...picked, scenarioId: 'cut' })?.snapshotScenarioId).toBe('base');
    // A deleted snapshot falls back to the newest.
    expect(chooseSnapshot([a], 3, 'cut', null)?.snapshot).toBe(a);
  });

  it('keeps an outturn budget only while its snapshot and scenario exist', () => {
    expect(standingBudget({ snapshotId: 1, snapshotScenarioId: 'cut' }, [a, b])).toEqual({
      ref: { snapshotId: 1, snapshotScenarioId: 'cut' },
      snapshot: a,
    });
    expect(standingBudget({ snapshotId: 3, snapshotScenarioId: 'cut' }, [a, b])).toEqual({ ref: null, snapshot: null });
    expect(standingBudget({ snapshotId: 9, snapshotScenarioId: 'base' }, [a, b])).toEqual({ ref: null, snapshot: null });
    expect(standingBudget(null, [a])).toEqual({ ref: null, snapshot: null });
  });
});

describe('times in words', () => {
  it('reads a stored moment as a date and a 24-hour time in the local calendar', () => {
    const local = new Date(2026, 11, 2, 9, 4);
    expect(momentText(local.toISOString())).toBe('2 December 2026, 09:04');
    expect(storedAtText(null)).toBe('before times were kept');
    expect(storedAtText(local.toISOString())).toBe('2 December 2026, 09:04');
  });
});
