// Snapshots in a plan document: frozen copies of the plan's stored text and its results that
// no later edit, undo, redo or restart changes; unique names (case and spaces folded); deleted
// only by the exact name; ids never reused; a damaged one named, the plan unaffected.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { simulationJson } from '../../shared/result-json';
import { validatePlan } from '../../shared/validate';
import { crashEdit } from './fixtures/crash-edits';
import { integrity, largePlan, pinnedClock, tempDir, withRaw, workedExample } from './helpers';

/** The results a snapshot of `plan` should hold: every scenario, base first, as `--json` gives them. */
function resultsOf(plan: Plan): string {
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error('invalid plan');
  return JSON.stringify(simulationJson(plan.name, checked.scenarios.map(simulate)));
}

interface Taken {
  readonly id: number;
  readonly name: string;
  readonly revision: number;
  readonly planJson: string;
  readonly resultsJson: string;
}

function expectUnchanged(doc: PlanDocument, taken: readonly Taken[]): void {
  expect(doc.snapshots().map((s) => ({ id: s.id, name: s.name, revision: s.revision }))).toEqual(
    taken.map(({ id, name, revision }) => ({ id, name, revision })),
  );
  for (const t of taken) {
    expect(doc.snapshotPlanJson(t.id)).toBe(t.planJson);
    expect(doc.snapshotResultsJson(t.id)).toBe(t.resultsJson);
    expect(doc.snapshotPlan(t.id)).toStrictEqual(JSON.parse(t.planJson));
  }
}

describe('a snapshot is frozen', () => {
  it('random edits, undo, redo and restarts leave every snapshot byte-identical; taking one changes nothing else', async () => {
    const dir = tempDir();
    let run = 0;
    const seen = { snapshots: 0, restarts: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(5), fc.nat()), { minLength: 4, maxLength: 24 }), async (actions) => {
        const file = path.join(dir, `run-${run++}.headroom`);
        const now = pinnedClock();
        let doc = PlanDocument.create(file, workedExample(), { now });
        const taken: Taken[] = [];
        let edits = 0;
        for (const [kind, n] of actions) {
          if (kind <= 1) {
            edits += 1;
            expect(doc.apply(crashEdit(doc.plan(), 100 + edits)).ok).toBe(true);
          } else if (kind === 2) {
            doc.undo();
          } else if (kind === 3) {
            doc.redo();
          } else if (kind === 4) {
            const before = { plan: doc.plan(), info: doc.info(), history: doc.changeHistory() };
            const result = doc.takeSnapshot({ name: `Snapshot ${taken.length + 1}`, note: `n=${n}` });
            if (!result.ok) throw new Error(JSON.stringify(result.problems));
            expect(doc.plan()).toBe(before.plan);
            expect(doc.info()).toEqual(before.info);
            expect(doc.changeHistory()).toEqual(before.history);
            expect(result.snapshot.revision).toBe(before.info.revision);
            const planJson = doc.snapshotPlanJson(result.snapshot.id);
            expect(planJson).toBe(JSON.stringify(before.plan));
            expect(doc.snapshotResultsJson(result.snapshot.id)).toBe(resultsOf(before.plan));
            taken.push({ ...result.snapshot, planJson, resultsJson: resultsOf(before.plan) });
            seen.snapshots += 1;
          } else {
            doc.close();
            doc = await PlanDocument.open(file, { now });
            expectUnchanged(doc, taken);
            seen.restarts += 1;
          }
        }
        expectUnchanged(doc, taken);
        // Undo everything, redo everything, restart: still the same.
        while (doc.info().undoLabel !== null) doc.undo();
        expectUnchanged(doc, taken);
        while (doc.info().redoLabel !== null) doc.redo();
        doc.close();
        doc = await PlanDocument.open(file);
        expectUnchanged(doc, taken);
        doc.close();
      }),
      { seed: 20270203, numRuns: 15 },
    );
    // The runs did take snapshots and restart between them.
    expect(seen.snapshots).toBeGreaterThan(15);
    expect(seen.restarts).toBeGreaterThan(10);
  }, 120_000);

  it("holds the plan row's exact text, and the plan it gives is frozen", async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    const doc = PlanDocument.create(file, workedExample());
    doc.apply(crashEdit(doc.plan(), 1));
    doc.close();
    const row = withRaw(file, (db) => (db.prepare('SELECT json FROM plan').get() as { json: string }).json);
    const reopened = await PlanDocument.open(file);
    const result = reopened.takeSnapshot({ name: 'After edit 1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(reopened.snapshotPlanJson(result.snapshot.id)).toBe(row);
    const plan = reopened.snapshotPlan(result.snapshot.id);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.interventions[0])).toBe(true);
    reopened.close();
  });
});

describe('names, notes and what a snapshot tells', () => {
  it('describes itself: name, note, time from the clock, revision, plan name and scenarios base first', () => {
    const doc = PlanDocument.create(path.join(tempDir(), 'plan.headroom'), workedExample(), { now: pinnedClock() });
    doc.apply(crashEdit(doc.plan(), 1));
    const result = doc.takeSnapshot({ name: '  Budget as approved  ' });
    expect(result).toEqual({
      ok: true,
      snapshot: {
        id: 1,
        name: 'Budget as approved',
        note: '',
        // The edit read the clock first.
        takenAt: '2027-02-03T10:16:00.000Z',
        revision: 1,
        planName: 'edit 1',
        scenarios: [
          { id: 'base', name: 'Base' },
          { id: 'prudent', name: 'Serve notice unless confirmed' },
        ],
      },
    });
    expect(doc.snapshotInfo(1)).toEqual(result.ok && result.snapshot);
    expect(doc.snapshotNamed('BUDGET  as approved')).toEqual(result.ok && result.snapshot);
    expect(doc.snapshotInfo(2)).toBeUndefined();
    expect(doc.snapshotNamed('Budget')).toBeUndefined();
    doc.close();
  });

  it('refuses a name already used, case and spaces aside, saying when that one was taken', () => {
    const doc = PlanDocument.create(path.join(tempDir(), 'plan.headroom'), workedExample(), { now: pinnedClock() });
    expect(doc.takeSnapshot({ name: 'Q2 forecast', note: 'as sent' }).ok).toBe(true);
    for (const name of ['q2 forecast ', 'Q2  FORECAST', '\tq2 Forecast']) {
      expect(doc.takeSnapshot({ name })).toEqual({
        ok: false,
        problems: [{ path: 'snapshot.name', message: 'A snapshot named "Q2 forecast" already exists (taken 3 Feb 2027)' }],
      });
    }
    expect(doc.snapshots()).toHaveLength(1);
    expect(doc.takeSnapshot({ name: 'Q2 forecast (revised)' }).ok).toBe(true);
    doc.close();
  });

  it('refuses a missing or too long name and a too long note, at snapshot.name / snapshot.note', () => {
    const doc = PlanDocument.create(path.join(tempDir(), 'plan.headroom'), workedExample());
    const problems = (input: unknown) => {
      const result = doc.takeSnapshot(input as { name: string });
      return result.ok ? [] : result.problems;
    };
    expect(problems({ name: '   ' })).toEqual([{ path: 'snapshot.name', message: 'a snapshot needs a name' }]);
    expect(problems({ name: 'x'.repeat(121) })).toEqual([{ path: 'snapshot.name', message: 'a snapshot name is at most 120 characters' }]);
    expect(problems({ name: 'ok', note: 'n'.repeat(2001) })).toEqual([
      { path: 'snapshot.note', message: 'a snapshot note is at most 2,000 characters' },
    ]);
    expect(problems({ name: 'ok', colour: 'red' }).map((p) => p.path)).toEqual(['snapshot.colour']);
    expect(doc.snapshots()).toEqual([]);
    doc.close();
  });
});

describe('deleting', () => {
  it('needs the exact name; a deleted id is never given again, even after a restart', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    const doc = PlanDocument.create(file, workedExample());
    const first = doc.takeSnapshot({ name: 'Q2 forecast' });
    const second = doc.takeSnapshot({ name: 'Q3 forecast' });
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(() => doc.deleteSnapshot(first.snapshot.id, 'q2 forecast')).toThrow(
      expect.objectContaining({ kind: 'not-confirmed', message: expect.stringContaining('"Q2 forecast" was not deleted') }),
    );
    expect(doc.snapshots().map((s) => s.name)).toEqual(['Q2 forecast', 'Q3 forecast']);
    expect(doc.deleteSnapshot(first.snapshot.id, 'Q2 forecast')).toBe(true);
    expect(doc.deleteSnapshot(first.snapshot.id, 'Q2 forecast')).toBe(false);
    expect(() => doc.snapshotPlanJson(first.snapshot.id)).toThrow(expect.objectContaining({ kind: 'no-snapshot' }));
    expect(() => doc.snapshotPlan(first.snapshot.id)).toThrow(expect.objectContaining({ kind: 'no-snapshot' }));
    // The name is free again; the id is not.
    const again = doc.takeSnapshot({ name: 'Q2 forecast' });
    expect(again.ok && again.snapshot.id).toBe(3);
    expect(doc.deleteSnapshot(3, 'Q2 forecast')).toBe(true);
    doc.close();
    const reopened = await PlanDocument.open(file);
    const later = reopened.takeSnapshot({ name: 'Later' });
    expect(later.ok && later.snapshot.id).toBe(4);
    expect(reopened.snapshots().map((s) => s.id)).toEqual([2, 4]);
    reopened.close();
  });
});

describe('read-only, full and damaged', () => {
  it('a full disk refuses the snapshot with the plain message and leaves no trace', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, largePlan(200)).close();
    const pages = withRaw(file, (db) => db.pragma('page_count', { simple: true }) as number);
    const doc = await PlanDocument.open(file, { maxPageCount: pages + 2 });
    const before = doc.info();
    expect(() => doc.takeSnapshot({ name: 'Too big' })).toThrow(
      expect.objectContaining({ kind: 'disk-full', message: 'Disk full – last change not saved' }),
    );
    expect(doc.inTransaction).toBe(false);
    expect(doc.snapshots()).toEqual([]);
    expect(doc.info()).toEqual(before);
    doc.close();
    expect(integrity(file)).toBe('ok');
    // With room, the same name is free to take.
    const roomy = await PlanDocument.open(file);
    expect(roomy.takeSnapshot({ name: 'Too big' }).ok).toBe(true);
    roomy.close();
  });

  it('a read-only document lists and opens snapshots but refuses to take or delete one', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    const doc = PlanDocument.create(file, workedExample());
    const taken = doc.takeSnapshot({ name: 'Kept' });
    doc.close();
    if (!taken.ok) throw new Error('refused');
    const reader = await PlanDocument.open(file, { readOnly: true });
    expect(reader.snapshots()).toEqual([taken.snapshot]);
    expect(reader.snapshotPlan(taken.snapshot.id)).toStrictEqual(workedExample());
    expect(() => reader.takeSnapshot({ name: 'Another' })).toThrow(expect.objectContaining({ kind: 'read-only' }));
    expect(() => reader.deleteSnapshot(taken.snapshot.id, 'Kept')).toThrow(expect.objectContaining({ kind: 'read-only' }));
    reader.close();
  });

  it('a damaged snapshot is named when opened; it still lists, and the plan and the other snapshots open', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    const doc = PlanDocument.create(file, workedExample());
    doc.takeSnapshot({ name: 'Broken' });
    doc.takeSnapshot({ name: 'Sound' });
    doc.close();
    withRaw(file, (db) => db.prepare('UPDATE snapshots SET plan_json = \'{"format":"other"}\' WHERE name = \'Broken\'').run());
    const reopened = await PlanDocument.open(file);
    expect(reopened.plan()).toStrictEqual(workedExample());
    expect(reopened.snapshots().map((s) => s.name)).toEqual(['Broken', 'Sound']);
    expect(() => reopened.snapshotPlan(1)).toThrow(
      expect.objectContaining({ kind: 'corrupt', message: expect.stringMatching(/^Snapshot "Broken" in "plan.headroom" is damaged/) }),
    );
    expect(reopened.snapshotPlan(2)).toStrictEqual(workedExample());
    expect(() => reopened.snapshotResultsJson(9)).toThrow(
      expect.objectContaining({ kind: 'no-snapshot', message: '"plan.headroom" has no snapshot number 9 (it may have been deleted).' }),
    );
    reopened.close();
  });
});
