// The change history: the undo log read as a record. Each command's time (the document's
// clock), whether it is undone, what it touched and the snapshot it came after; commands
// stored before schema 5 keep their labels and have no time; old files open with no snapshots.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import type { PlanEdit } from '../../shared/edits';
import type { HistoryEntry } from '../../shared/snapshots';
import { buildOldFixture, pinnedClock, ROOT, schemaOf, tempDir, workedExample } from './helpers';

const edits = {
  cost: { label: 'Service A: annual cost', ops: [{ op: 'set', path: ['interventions', 0, 'annualCost'], value: 61000 }] },
  allocation: { label: 'Core grant 2022/23', ops: [{ op: 'set', path: ['fundingStreams', 0, 'allocations', 1, 'amount'], value: 50000 }] },
  scenario: {
    label: 'Prudent: Service B ends',
    ops: [{ op: 'insert', path: ['scenarios', 0, 'changes'], index: 0, value: { intervention: 'b', end: '2022-09' } }],
  },
  rename: { label: 'Rename', ops: [{ op: 'set', path: ['name'], value: 'Renamed' }] },
  notes: { label: 'Notes', ops: [{ op: 'set', path: ['notes'], value: 'later' }] },
} satisfies Record<string, PlanEdit>;

const none = { interventions: [], streams: [], scenarios: [] };

function snap(doc: PlanDocument, name: string): { id: number; name: string } {
  const result = doc.takeSnapshot({ name });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { id: result.snapshot.id, name };
}

const brief = (history: HistoryEntry[]) => history.map((e) => ({ label: e.label, undone: e.undone, after: e.afterSnapshot?.name ?? null }));

describe('the change history', () => {
  it('gives each command its time, undone flag, the snapshot it came after and its subjects; a restart keeps them', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    const now = pinnedClock('2027-02-03T10:15:00.000Z');
    const doc = PlanDocument.create(file, workedExample(), { now });
    doc.apply(edits.cost); // 10:15, revision 1
    const s1 = snap(doc, 'S1'); // 10:16, froze revision 1
    doc.apply(edits.allocation); // 10:17
    doc.apply(edits.scenario); // 10:18, revision 3
    snap(doc, 'S2'); // 10:19, revision 3
    const s3 = snap(doc, 'S3'); // 10:20, revision 3 too: the later-taken one counts
    doc.apply(edits.rename); // 10:21, revision 4
    doc.undo(); // revision 5
    expect(brief(doc.changeHistory()).map((e) => e.undone)).toEqual([false, false, false, true]);
    const s4 = snap(doc, 'S4'); // 10:22, revision 5
    doc.redo(); // revision 6: the command keeps its time; applied again after S4, it comes after S4
    doc.apply(edits.notes); // 10:23, revision 7

    const expected: HistoryEntry[] = [
      {
        position: 1,
        label: edits.cost.label,
        storedAt: '2027-02-03T10:15:00.000Z',
        undone: false,
        afterSnapshot: null,
        subjects: { ...none, interventions: ['a'] },
      },
      {
        position: 2,
        label: edits.allocation.label,
        storedAt: '2027-02-03T10:17:00.000Z',
        undone: false,
        afterSnapshot: s1,
        subjects: { ...none, streams: ['core'] },
      },
      {
        position: 3,
        label: edits.scenario.label,
        storedAt: '2027-02-03T10:18:00.000Z',
        undone: false,
        afterSnapshot: s1,
        subjects: { interventions: ['b'], streams: [], scenarios: ['prudent'] },
      },
      { position: 4, label: 'Rename', storedAt: '2027-02-03T10:21:00.000Z', undone: false, afterSnapshot: s4, subjects: none },
      { position: 5, label: 'Notes', storedAt: '2027-02-03T10:23:00.000Z', undone: false, afterSnapshot: s4, subjects: none },
    ];
    expect(doc.changeHistory()).toEqual(expected);
    doc.undo();
    doc.undo();
    expect(brief(doc.changeHistory()).map((e) => e.undone)).toEqual([false, false, false, true, true]);
    doc.close();

    const reopened = await PlanDocument.open(file);
    expect(reopened.changeHistory().map((e) => e.storedAt)).toEqual(expected.map((e) => e.storedAt));
    expect(reopened.changeHistory().map((e) => e.subjects)).toEqual(expected.map((e) => e.subjects));
    // With S3 gone, nothing moves: the rename was last applied after S4.
    expect(reopened.deleteSnapshot(s3.id, 'S3')).toBe(true);
    expect(brief(reopened.changeHistory())).toEqual([
      { label: edits.cost.label, undone: false, after: null },
      { label: edits.allocation.label, undone: false, after: 'S1' },
      { label: edits.scenario.label, undone: false, after: 'S1' },
      { label: 'Rename', undone: true, after: 'S4' },
      { label: 'Notes', undone: true, after: 'S4' },
    ]);
    // A new command drops the redo tail, from the history too.
    reopened.apply(edits.notes);
    expect(brief(reopened.changeHistory()).map((e) => e.label)).toEqual([
      edits.cost.label,
      edits.allocation.label,
      edits.scenario.label,
      'Notes',
    ]);
    reopened.close();
  });

  it('a command undone before a snapshot and redone after it comes after that snapshot (it is in the live plan, not in the snapshot)', () => {
    const doc = PlanDocument.create(path.join(tempDir(), 'plan.headroom'), workedExample(), { now: pinnedClock() });
    doc.apply(edits.cost);
    doc.undo();
    const s1 = snap(doc, 'S1');
    expect(doc.snapshotPlan(s1.id).interventions[0].annualCost).not.toBe(61000);
    expect(brief(doc.changeHistory())).toEqual([{ label: edits.cost.label, undone: true, after: null }]);
    doc.redo();
    expect(brief(doc.changeHistory())).toEqual([{ label: edits.cost.label, undone: false, after: 'S1' }]);
    // Undone again, it stays after S1: that is where it was last applied.
    doc.undo();
    expect(brief(doc.changeHistory())).toEqual([{ label: edits.cost.label, undone: true, after: 'S1' }]);
    doc.close();
  });

  it('numbers the kept steps from 1 once older ones are trimmed, and still says the history was trimmed', () => {
    const doc = PlanDocument.create(path.join(tempDir(), 'plan.headroom'), workedExample(), { undoLimit: 3, now: pinnedClock() });
    for (let i = 1; i <= 5; i++) doc.apply({ label: `Rename ${i}`, ops: [{ op: 'set', path: ['name'], value: `Plan ${i}` }] });
    expect(doc.changeHistory().map((e) => [e.position, e.label])).toEqual([
      [1, 'Rename 3'],
      [2, 'Rename 4'],
      [3, 'Rename 5'],
    ]);
    expect(doc.info().undoTrimmed).toBe(true);
    doc.close();
  });
});

describe('documents from before snapshots', () => {
  it('a schema-4 document opens with no snapshots and its history intact, without times; new commands get them', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.headroom');
    const head = PlanDocument.create(source, workedExample());
    head.apply(edits.rename);
    head.apply(edits.notes);
    head.undo();
    head.close();
    const file = path.join(dir, 'v4.headroom');
    buildOldFixture(source, file, 4);
    expect(schemaOf(file).userVersion).toBe(4);

    const reader = await PlanDocument.open(file, { readOnly: true });
    expect(reader.snapshots()).toEqual([]);
    expect(reader.changeHistory().map((e) => e.label)).toEqual(['Rename', 'Notes']);
    reader.close();

    const doc = await PlanDocument.open(file, { now: pinnedClock('2027-05-01T09:00:00.000Z') });
    expect(doc.snapshots()).toEqual([]);
    expect(doc.changeHistory()).toEqual([
      { position: 1, label: 'Rename', storedAt: null, undone: false, afterSnapshot: null, subjects: null },
      { position: 2, label: 'Notes', storedAt: null, undone: true, afterSnapshot: null, subjects: null },
    ]);
    const taken = snap(doc, 'First');
    doc.apply(edits.cost);
    // A command with no revision recorded came after no snapshot.
    expect(doc.changeHistory()).toEqual([
      { position: 1, label: 'Rename', storedAt: null, undone: false, afterSnapshot: null, subjects: null },
      {
        position: 2,
        label: edits.cost.label,
        storedAt: '2027-05-01T09:01:00.000Z',
        undone: false,
        afterSnapshot: taken,
        subjects: { ...none, interventions: ['a'] },
      },
    ]);
    doc.close();
    expect(schemaOf(file).userVersion).toBe(5);
    expect(schemaOf(`${file}.v4-backup`).userVersion).toBe(4);
  });

  it('the released schema-3 file opens with no snapshots and its two commands, undone as they were', async () => {
    const file = path.join(tempDir(), 'released.headroom');
    fs.copyFileSync(path.join(ROOT, 'test/store/fixtures/released-v3.headroom'), file);
    const doc = await PlanDocument.open(file);
    expect(doc.snapshots()).toEqual([]);
    expect(doc.changeHistory()).toEqual([
      { position: 1, label: 'Rename', storedAt: null, undone: false, afterSnapshot: null, subjects: null },
      { position: 2, label: 'Notes', storedAt: null, undone: true, afterSnapshot: null, subjects: null },
    ]);
    doc.close();
    expect(schemaOf(file).userVersion).toBe(5);
  });
});
