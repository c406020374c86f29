// The journey a treasurer makes with a document: the demo plan's "25% cut, confirmed in June"
// snapshotted as approved, its grant level then cut further, and the live scenario compared
// against the snapshot's. The services whose outcome changed come first, they are exactly the
// services whose engine outcome differs, and the comparison is the same after a restart.
import path from 'node:path';
import { expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import { simulate } from '../../shared/engine';
import { compareWithSnapshot } from '../../shared/snapshot-compare';
import { validatePlan } from '../../shared/validate';
import { outcomeAt, sameOutcome } from '../../shared/words';
import type { Plan } from '../../shared/plan';
import { demoPlan } from '../fixtures';
import { pinnedClock, tempDir } from './helpers';

const SCENARIO = 'cut-25-june';

function outcomesOf(plan: Plan) {
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error('invalid plan');
  const result = simulate(checked.scenarios.find((s) => s.id === SCENARIO)!);
  return new Map(result.interventions.map((r) => [r.id, outcomeAt(r)]));
}

it('compares "25% cut, confirmed in June" against a snapshot taken before its grant level changed: the changed closures first', async () => {
  const file = path.join(tempDir(), 'plan.headroom');
  const doc = PlanDocument.create(file, demoPlan(), { now: pinnedClock() });
  const taken = doc.takeSnapshot({ name: 'Budget as approved, February', note: 'As the board approved it' });
  if (!taken.ok) throw new Error('snapshot refused');
  const index = doc.plan().scenarios!.findIndex((s) => s.id === SCENARIO);
  const edited = doc.apply({
    label: '25% cut, confirmed in June: grant level 75% → 50%',
    ops: [{ op: 'set', path: ['scenarios', index, 'variables', 'grantLevel'], value: 0.5 }],
  });
  expect(edited.ok).toBe(true);

  const compared = (d: PlanDocument) =>
    compareWithSnapshot(d.plan(), SCENARIO, { name: taken.snapshot.name, plan: d.snapshotPlan(taken.snapshot.id) }, SCENARIO);
  const sc = compared(doc);

  // The engine's own outcomes, plan by plan: the services that changed are the rows that differ.
  const before = outcomesOf(doc.snapshotPlan(taken.snapshot.id));
  const after = outcomesOf(doc.plan());
  const changed = [...after.keys()].filter((id) => !sameOutcome(before.get(id)!, after.get(id)!));
  expect(changed.length).toBeGreaterThan(0);
  const rows = sc.comparison.interventions;
  expect(rows.slice(0, changed.length).map((r) => r.id)).toEqual(expect.arrayContaining(changed));
  expect(rows.slice(0, changed.length).every((r) => r.differs)).toBe(true);
  expect(rows.slice(changed.length).some((r) => r.differs)).toBe(false);
  // Deeper cut, more closures: at least one changed row closes now and did not then.
  expect(rows.some((r) => r.outcomes[1]?.outcome === 'closes' && r.outcomes[0]?.outcome !== 'closes')).toBe(true);
  const closures = sc.comparison.totals.find((r) => r.key === 'closures')!;
  expect(closures.differences[1]).toBeGreaterThan(0);

  // What changed, in words: the 2021/22 and 2022/23 allocations at 50% instead of 75% of £3,307,000.
  expect(sc.changes.map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringContaining('£2,480,250 → £1,653,500')]));
  expect(sc.columns).toEqual(['Budget as approved, February: 25% cut, confirmed in June', 'Now: 25% cut, confirmed in June']);

  // The change history puts the cut after the snapshot, with its time.
  const history = doc.changeHistory();
  expect(history.at(-1)).toMatchObject({ label: '25% cut, confirmed in June: grant level 75% → 50%', undone: false });
  expect(history.at(-1)!.afterSnapshot).toEqual({ id: taken.snapshot.id, name: 'Budget as approved, February' });
  expect(history.at(-1)!.storedAt).toMatch(/^2027-02-03T10:\d\d:00\.000Z$/);
  expect(history.at(-1)!.subjects?.scenarios).toEqual([SCENARIO]);

  // After a restart the snapshot, and so the comparison, are the same.
  doc.close();
  const reopened = await PlanDocument.open(file);
  try {
    expect(compared(reopened)).toEqual(sc);
  } finally {
    reopened.close();
  }
});
