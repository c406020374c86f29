// The undo history is capped by size as well as by count: a large plan imported again and
// again keeps the newest steps within the cap, drops the oldest first, and says so.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import { largePlan, tempDir, withRaw, workedExample } from './helpers';

const undoBytes = (file: string) =>
  withRaw(
    file,
    (db) =>
      (
        db
          .prepare('SELECT coalesce(sum(length(CAST(forward_json AS BLOB)) + length(CAST(inverse_json AS BLOB))), 0) AS n FROM undo_log')
          .get() as { n: number }
      ).n,
  );

describe('undo history by size', () => {
  it('keeps the newest steps within the cap, oldest dropped first, and says so', () => {
    const file = path.join(tempDir(), 'big.headroom');
    const cap = 100_000;
    const doc = PlanDocument.create(file, workedExample(), { undoMaxBytes: cap });
    expect(doc.info().undoTrimmed).toBe(false);
    // Each import differs in its interventions, so each step holds them twice (edit and inverse).
    const perImport = 2 * JSON.stringify(largePlan(72)).length;
    for (let i = 0; i < 12; i++) {
      const result = doc.replacePlan({ ...largePlan(60 + i), name: `Import ${i}` }, `Import ${i}`);
      expect(result.ok).toBe(true);
    }
    expect(doc.info()).toMatchObject({ undoLabel: 'Import 11', undoTrimmed: true });
    doc.close();
    const kept = undoBytes(file);
    expect(kept).toBeLessThanOrEqual(cap + perImport);
    expect(kept).toBeGreaterThan(0);
    // The newest steps still undo, in order.
    return PlanDocument.open(file, { undoMaxBytes: cap }).then((reopened) => {
      expect(reopened.undo().plan.name).toBe('Import 10');
      expect(reopened.info()).toMatchObject({ undoLabel: 'Import 10', undoTrimmed: true });
      reopened.close();
    });
  });

  it('keeps a single step larger than the cap, so the last change can always be undone', () => {
    const file = path.join(tempDir(), 'one.headroom');
    const doc = PlanDocument.create(file, workedExample(), { undoMaxBytes: 10 });
    doc.replacePlan({ ...largePlan(20), name: 'Big' }, 'Import big');
    expect(doc.undo().plan.name).toBe(workedExample().name);
    doc.close();
  });
});
