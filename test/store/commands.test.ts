// User commands: each validated whole and stored in one transaction with its undo entry
// (reliability.md: one transaction per command; crash safety; undo); refused commands and a full disk leave the file as it was.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocumentError, PlanDocument, UNDO_LIMIT } from '../../electron/store/plan-document';
import type { PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { integrity, sha256, tempDir, withRaw, workedExample } from './helpers';

const rename = (name: string): PlanEdit => ({ label: `Rename to ${name}`, ops: [{ op: 'set', path: ['name'], value: name }] });

describe('a refused command changes nothing', () => {
  it.each<[string, PlanEdit, RegExp]>([
    [
      'a formula that reaches outside',
      { label: 'Cost', ops: [{ op: 'set', path: ['interventions', 0, 'annualCost'], value: '=cos.constructor' }] },
      /^interventions\[0\]\.annualCost$/,
    ],
    [
      'a negative amount',
      { label: 'Cost', ops: [{ op: 'set', path: ['fundingStreams', 0, 'allocations', 1, 'amount'], value: -1 }] },
      /^fundingStreams\[0\]\.allocations\[1\]\.amount$/,
    ],
    [
      'a duplicate id',
      { label: 'Add', ops: [{ op: 'insert', path: ['interventions'], index: 3, value: { ...workedExample().interventions[0] } }] },
      /^interventions\[3\]\.id$/,
    ],
    ['a field Headroom does not know', { label: 'Add', ops: [{ op: 'set', path: ['colour'], value: 'red' }] }, /^colour$/],
    [
      'a path that does not exist',
      { label: 'Cost', ops: [{ op: 'set', path: ['interventions', 9, 'annualCost'], value: 1 }] },
      /^\(edit\)$/,
    ],
    ['a malformed edit', { label: '', ops: [] } as unknown as PlanEdit, /^\(edit\)/],
  ])('%s: refused with problems, the file byte-identical', async (_name, edit, problemPath) => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, workedExample()).close();
    const hash = sha256(file);
    const doc = await PlanDocument.open(file);
    const before = doc.info();
    const result = doc.apply(edit);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.some((p) => problemPath.test(p.path))).toBe(true);
    expect(doc.info()).toEqual(before);
    expect(doc.plan()).toStrictEqual(workedExample());
    doc.close();
    expect(sha256(file)).toBe(hash);
  });

  it('an import with problems lists them all and changes nothing', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, workedExample()).close();
    const hash = sha256(file);
    const doc = await PlanDocument.open(file);
    const result = doc.replacePlan({ ...workedExample(), horizon: { start: 'April', months: 300 }, name: '' + 'x'.repeat(501) }, 'Import');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['horizon.months', 'horizon.start', 'name']);
    doc.close();
    expect(sha256(file)).toBe(hash);
  });
});

describe('disk full', () => {
  it('says "Disk full – last change not saved"; earlier data intact, no transaction left open', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, workedExample()).close();
    const pages = withRaw(file, (db) => db.pragma('page_count', { simple: true }) as number);
    const doc = await PlanDocument.open(file, { maxPageCount: pages + 2 });
    expect(doc.apply(rename('Before the disk filled')).ok).toBe(true);
    const before = { plan: doc.plan(), info: doc.info() };

    const many = Array.from({ length: 300 }, (_, i) => ({
      id: `bulk-${i}`,
      name: `Bulk ${i}`,
      category: 'central',
      annualCost: 1000,
      priority: 9,
      notes: 'n'.repeat(450),
    }));
    let error: unknown;
    try {
      doc.apply({ label: 'Add 300', ops: [{ op: 'set', path: ['interventions'], value: [...workedExample().interventions, ...many] }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DocumentError);
    expect(error).toMatchObject({ kind: 'disk-full', message: 'Disk full – last change not saved' });
    expect(doc.inTransaction).toBe(false);
    expect(doc.plan()).toStrictEqual(before.plan);
    expect(doc.info()).toEqual(before.info);
    // Smaller commands still fit, and undo still works.
    expect(doc.apply(rename('After')).ok).toBe(true);
    expect(doc.undo().plan.name).toBe('Before the disk filled');
    doc.close();

    const reopened = await PlanDocument.open(file);
    expect(reopened.plan()).toStrictEqual(before.plan);
    expect(reopened.info()).toMatchObject({ undoLabel: 'Rename to Before the disk filled', redoLabel: 'Rename to After' });
    reopened.close();
    expect(integrity(file)).toBe('ok');
  });
});

/**
 * Intents drawn by fast-check, turned into edits against the plan of the moment: valid
 * ones (rename, costs, add and remove interventions, notes, formulas, scenarios) and
 * invalid ones, which must be refused and leave no trace.
 */
type Intent = readonly [kind: number, a: number, b: number];
let serial = 0;

function editFor(plan: Plan, [kind, a, b]: Intent): { edit: PlanEdit; valid: boolean } {
  const items = plan.interventions;
  const at = (n: number) => n % Math.max(items.length, 1);
  serial += 1;
  switch (kind % 10) {
    case 0:
      return { edit: rename(`Plan ${a}`), valid: true };
    case 1:
      return items.length === 0
        ? { edit: rename(`Plan ${b}`), valid: true }
        : {
            edit: {
              label: 'Cost',
              ops: [{ op: 'set', path: ['interventions', at(a), 'annualCost'], value: (b % 100000) + (a % 100) / 100 }],
            },
            valid: true,
          };
    case 2:
      return {
        edit: {
          label: 'Add intervention',
          ops: [
            {
              op: 'insert',
              path: ['interventions'],
              index: a % (items.length + 1),
              value: {
                id: `p-${serial}`,
                name: `P ${serial}`,
                category: b % 2 ? 'central' : 'commissioned',
                annualCost: { '2021/22': b % 5000, '2022/23': `=${b % 5000} * 1.02` },
                priority: b % 4,
              },
            },
          ],
        },
        valid: true,
      };
    case 3:
      return items.length <= 1
        ? { edit: rename(`Plan ${a}`), valid: true }
        : { edit: { label: 'Remove', ops: [{ op: 'remove', path: ['interventions'], index: at(a) }] }, valid: true };
    case 4:
      return {
        edit: { label: 'Notes', ops: [{ op: 'set', path: ['notes'], ...(plan.notes === undefined ? { value: `note ${b}` } : {}) }] },
        valid: true,
      };
    case 5:
      return {
        edit: {
          label: 'Allocation',
          ops: [{ op: 'set', path: ['fundingStreams', 0, 'allocations', a % 2, 'amount'], value: `=${b % 1000} * 100` }],
        },
        valid: true,
      };
    case 6:
      return {
        edit: {
          label: 'Add scenario',
          ops: [
            {
              op: 'insert',
              path: ['scenarios'],
              index: 0,
              value: { id: `s-${serial}`, name: `S ${serial}`, stance: a % 2 ? 'prudent' : 'wait', variables: { level: (b % 10) / 10 } },
            },
          ],
        },
        valid: true,
      };
    case 7:
      return items.length === 0
        ? { edit: rename(''.padEnd(501, 'x')), valid: false }
        : { edit: { label: 'Bad cost', ops: [{ op: 'set', path: ['interventions', at(a), 'annualCost'], value: -1 - b }] }, valid: false };
    case 8:
      return {
        edit: {
          label: 'Bad formula',
          ops: [{ op: 'set', path: ['fundingStreams', 0, 'allocations', 0, 'amount'], value: '=cos.constructor' }],
        },
        valid: false,
      };
    default:
      return {
        edit: { label: 'No such place', ops: [{ op: 'set', path: ['interventions', items.length + a, 'name'], value: 'x' }] },
        valid: false,
      };
  }
}

describe('undo and redo', () => {
  it('random commands, then undo all gives the original plan and redo all the final one, across restarts', async () => {
    const dir = tempDir();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 14 }),
        fc.nat(14),
        async (intents, reopenAt) => {
          const file = path.join(dir, `run-${run++}.headroom`);
          const original = workedExample();
          let doc = PlanDocument.create(file, original);
          const states: Plan[] = [doc.plan()];
          for (const [i, intent] of intents.entries()) {
            if (i === reopenAt) {
              doc.close();
              doc = await PlanDocument.open(file);
            }
            const { edit, valid } = editFor(doc.plan(), intent);
            const revision = doc.info().revision;
            const result = doc.apply(edit);
            expect(result.ok).toBe(valid);
            if (result.ok) states.push(result.snapshot.plan);
            else expect(doc.info().revision).toBe(revision);
          }
          const final = doc.plan();
          doc.close();

          doc = await PlanDocument.open(file);
          expect(doc.plan()).toStrictEqual(final);
          for (let k = states.length - 1; k > 0; k--) {
            expect(doc.info().undoLabel).not.toBeNull();
            expect(doc.undo().plan).toStrictEqual(states[k - 1]);
            if (k === Math.ceil(states.length / 2)) {
              doc.close();
              doc = await PlanDocument.open(file);
            }
          }
          expect(doc.plan()).toStrictEqual(original);
          expect(doc.info().undoLabel).toBeNull();
          expect(doc.undo().plan).toStrictEqual(original); // nothing left: a no-op
          doc.close();

          doc = await PlanDocument.open(file);
          for (let k = 1; k < states.length; k++) expect(doc.redo().plan).toStrictEqual(states[k]);
          expect(doc.plan()).toStrictEqual(final);
          expect(doc.info().redoLabel).toBeNull();
          doc.close();
          fs.rmSync(file);
        },
      ),
      { seed: 20210401, numRuns: 20 },
    );
  }, 120_000);

  it('a new command after undo drops the redo tail', async () => {
    const doc = PlanDocument.create(path.join(tempDir(), 'plan.headroom'), workedExample());
    doc.apply(rename('One'));
    doc.apply(rename('Two'));
    doc.undo();
    expect(doc.info()).toMatchObject({ undoLabel: 'Rename to One', redoLabel: 'Rename to Two' });
    doc.apply(rename('Three'));
    expect(doc.info()).toMatchObject({ undoLabel: 'Rename to Three', redoLabel: null });
    expect(doc.redo().plan.name).toBe('Three');
    expect(doc.undo().plan.name).toBe('One');
    expect(doc.undo().plan.name).toBe(workedExample().name);
    doc.close();
  });

  it('an import is one undoable step', async () => {
    const doc = PlanDocument.create(path.join(tempDir(), 'plan.headroom'), workedExample());
    const other = { ...workedExample(), name: 'Imported', notes: 'new', scenarios: undefined };
    delete other.scenarios;
    const result = doc.replacePlan(other, 'Import plan');
    expect(result.ok).toBe(true);
    expect(doc.plan()).toStrictEqual(other);
    expect(doc.info().undoLabel).toBe('Import plan');
    expect(doc.undo().plan).toStrictEqual(workedExample());
    expect(doc.redo().plan).toStrictEqual(other);
    doc.close();
  });

  it('keeps the last steps up to the limit (default UNDO_LIMIT)', async () => {
    expect(UNDO_LIMIT).toBe(500);
    const limit = 20;
    const file = path.join(tempDir(), 'plan.headroom');
    const doc = PlanDocument.create(file, workedExample(), { undoLimit: limit });
    for (let i = 1; i <= limit + 5; i++) doc.apply(rename(`Name ${i}`));
    doc.close();
    expect(withRaw(file, (db) => db.prepare('SELECT count(*) AS n, min(position) AS first FROM undo_log').get())).toEqual({
      n: limit,
      first: 6,
    });
    const reopened = await PlanDocument.open(file, { undoLimit: limit });
    for (let i = 0; i < limit; i++) reopened.undo();
    expect(reopened.plan().name).toBe('Name 5');
    expect(reopened.info().undoLabel).toBeNull();
    expect(reopened.undo().plan.name).toBe('Name 5');
    reopened.close();
  });

  it('a damaged undo entry is refused without touching the plan', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    const doc = PlanDocument.create(file, workedExample());
    doc.apply(rename('Renamed'));
    doc.close();
    withRaw(file, (db) =>
      db
        .prepare(`UPDATE undo_log SET inverse_json = ? WHERE position = 1`)
        .run(JSON.stringify({ label: 'x', ops: [{ op: 'set', path: ['horizon', 'months'], value: 0 }] })),
    );
    const reopened = await PlanDocument.open(file);
    expect(() => reopened.undo()).toThrow(expect.objectContaining({ kind: 'corrupt', message: expect.stringContaining('undo history') }));
    expect(reopened.plan().name).toBe('Renamed');
    reopened.close();
  });
});
