// Every earlier schema upgrades to the current one with its data intact, after a backup;
// a failing step leaves the file exactly as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  checkMigrations,
  HEAD_VERSION,
  HEADROOM_APPLICATION_ID,
  migrate,
  MIGRATIONS,
  type Migration,
} from '../../electron/store/migrations';
import { PlanDocument } from '../../electron/store/plan-document';
import type { Plan } from '../../shared/plan';
import { buildOldFixture, largePlan, ROOT, richPlan, schemaOf, sha256, tempDir, withRaw } from './helpers';

/** What an older Headroom could hold: no uncertain variables (added in schema 3). */
function planWithoutUncertainty(): Plan {
  const plan = richPlan();
  return { ...plan, scenarios: plan.scenarios?.map(({ uncertainty: _dropped, ...rest }) => rest) };
}

/** A current document with the plan and two edits in its history (the second undone). */
async function headSource(dir: string): Promise<{ file: string; afterFirstEdit: Plan }> {
  const file = path.join(dir, 'source.headroom');
  const doc = PlanDocument.create(file, planWithoutUncertainty());
  const first = doc.apply({ label: 'Rename', ops: [{ op: 'set', path: ['name'], value: 'Renamed' }] });
  if (!first.ok) throw new Error('edit refused');
  doc.apply({ label: 'Notes', ops: [{ op: 'set', path: ['notes'], value: 'later' }] });
  doc.undo();
  const afterFirstEdit = doc.plan();
  doc.close();
  return { file, afterFirstEdit };
}

/** sha256 (first 16 hex digits) of the schema SQL after migrations 1..n. Append only. */
const PINNED_SCHEMAS = ['851a0b6c40e357fc', 'c3c93525ee6e4e8a', 'c7edba2cf65ee479', '20b321083595d5dd', 'f54893711a01c32b'];

const earlier = MIGRATIONS.filter((m) => m.version < HEAD_VERSION).map((m) => m.version);

describe('schema history', () => {
  it('runs 1, 2, 3, ... without gaps, and refuses one that does not', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: HEAD_VERSION }, (_, i) => i + 1));
    expect(HEAD_VERSION).toBeGreaterThanOrEqual(2);
    expect(() => checkMigrations([MIGRATIONS[0], MIGRATIONS[2]])).toThrow(/without gaps/);
  });

  // Released migrations are never edited: each version's schema is pinned here. A new
  // migration adds a line; changing an old line means an old file would be misread.
  it('has not changed any released schema', () => {
    const fingerprints = MIGRATIONS.map((_, i) => {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS.slice(0, i + 1));
      const sql = (db.prepare('SELECT sql FROM sqlite_schema ORDER BY rowid').all() as { sql: string | null }[])
        .map((r) => r.sql)
        .join('\n');
      db.close();
      return crypto.createHash('sha256').update(sql).digest('hex').slice(0, 16);
    });
    expect(fingerprints).toEqual(PINNED_SCHEMAS);
  });

  it("marks a new document with Headroom's application id and the current version", () => {
    const file = path.join(tempDir(), 'new.headroom');
    PlanDocument.create(file, richPlan()).close();
    const schema = schemaOf(file);
    expect(schema.applicationId).toBe(HEADROOM_APPLICATION_ID);
    expect(schema.userVersion).toBe(HEAD_VERSION);
  });
});

describe.each(earlier)('a file of schema version %i', (version) => {
  it('upgrades to the current schema with its plan and history intact, after a backup', async () => {
    const dir = tempDir();
    const { file: source, afterFirstEdit } = await headSource(dir);
    const file = path.join(dir, `v${version}.headroom`);
    buildOldFixture(source, file, version);
    expect(schemaOf(file).userVersion).toBe(version);
    const oldHash = sha256(file);

    const doc = await PlanDocument.open(file);
    expect(doc.plan()).toStrictEqual(afterFirstEdit);
    const info = doc.info();
    if (version >= 2) {
      // The undo history (schema 2) came along: one step to undo, one to redo.
      expect(info).toMatchObject({ undoLabel: 'Rename', redoLabel: 'Notes' });
      expect(doc.undo().plan).toStrictEqual(planWithoutUncertainty());
    } else {
      expect(info).toMatchObject({ undoLabel: null, redoLabel: null, revision: 0 });
    }
    // Uncertain variables (schema 3) are held.
    const withUncertainty = doc.replacePlan(richPlan(), 'Import');
    expect(withUncertainty.ok).toBe(true);
    doc.close();

    // Same schema as a document created by this version.
    const fresh = path.join(dir, 'fresh.headroom');
    PlanDocument.create(fresh, richPlan()).close();
    expect(schemaOf(file)).toEqual(schemaOf(fresh));

    // The backup, written through SQLite before the upgrade, is the old file's content.
    const backup = `${file}.v${version}-backup`;
    expect(fs.existsSync(backup)).toBe(true);
    expect(schemaOf(backup).userVersion).toBe(version);
    expect(withRaw(backup, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    const backupName =
      version >= 4
        ? (JSON.parse(withRaw(backup, (db) => (db.prepare('SELECT json FROM plan').get() as { json: string }).json)) as Plan).name
        : (withRaw(backup, (db) => db.prepare('SELECT name FROM plan_meta').get()) as { name: string }).name;
    expect(backupName).toBe(afterFirstEdit.name);
    expect(sha256(backup)).not.toBe(''); // a real file
    expect(oldHash).not.toBe(sha256(file)); // and the original was upgraded in place
  });

  it('is left exactly as it was when the last upgrade step fails, with the backup in place', async () => {
    const dir = tempDir();
    const { file: source } = await headSource(dir);
    const file = path.join(dir, `v${version}.headroom`);
    buildOldFixture(source, file, version);
    const before = { hash: sha256(file), schema: schemaOf(file) };

    const last = MIGRATIONS[MIGRATIONS.length - 1];
    const failing: Migration[] = [
      ...MIGRATIONS.slice(0, -1),
      {
        ...last,
        up: (db) => {
          last.up(db);
          throw new Error('injected failure');
        },
      },
    ];
    await expect(PlanDocument.open(file, { migrations: failing })).rejects.toMatchObject({
      kind: 'migration-failed',
      message: expect.stringContaining('could not be upgraded'),
    });
    expect(schemaOf(file)).toEqual(before.schema);
    expect(sha256(file)).toBe(before.hash);
    expect(fs.existsSync(`${file}.v${version}-backup`)).toBe(true);

    // Nothing is held open: the real migrations then upgrade it.
    const doc = await PlanDocument.open(file);
    expect(schemaOf(`${file}.v${version}-backup-2`).userVersion).toBe(version);
    doc.close();
  });
});

describe('schema 4: the nine plan tables into one JSON row', () => {
  // Written by the released schema-3 store itself, not by legacy-v3.ts's writer that the other fixtures use.
  it('opens a file the released schema-3 store wrote: the same plan, its history, its tables gone', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'released.headroom');
    fs.copyFileSync(path.join(ROOT, 'test/store/fixtures/released-v3.headroom'), file);
    expect(schemaOf(file).userVersion).toBe(3);
    const doc = await PlanDocument.open(file);
    expect(doc.plan()).toStrictEqual({ ...richPlan(), name: 'Renamed' });
    expect(doc.info()).toMatchObject({ undoLabel: 'Rename', redoLabel: 'Notes' });
    expect(doc.redo().plan).toStrictEqual({ ...richPlan(), name: 'Renamed', notes: 'later' });
    expect(doc.undo().plan).toStrictEqual({ ...richPlan(), name: 'Renamed' });
    expect(doc.undo().plan).toStrictEqual(richPlan());
    doc.close();
    const tables = withRaw(file, (db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all());
    expect(tables).toEqual([
      { name: 'document_state' },
      { name: 'plan' },
      { name: 'snapshots' },
      { name: 'sqlite_sequence' },
      { name: 'undo_log' },
    ]);
    expect(withRaw(file, (db) => db.pragma('freelist_count', { simple: true }))).toBe(0);
    expect(schemaOf(`${file}.v3-backup`).userVersion).toBe(3);
  });

  it('a plan of 500 interventions comes across identical', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.headroom');
    PlanDocument.create(source, largePlan(500)).close();
    const file = path.join(dir, 'v3.headroom');
    buildOldFixture(source, file, 3);
    const doc = await PlanDocument.open(file);
    expect(doc.plan()).toStrictEqual(largePlan(500));
    doc.close();
  });

  it('refuses pence the program cannot hold exactly, and leaves the file as it was', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.headroom');
    PlanDocument.create(source, richPlan()).close();
    const file = path.join(dir, 'v3.headroom');
    buildOldFixture(source, file, 3);
    withRaw(file, (db) =>
      db.prepare("UPDATE allocations SET amount_pence = 9007199254740993 WHERE position = 0 AND stream_id = 'ring'").run(),
    );
    const hash = sha256(file);
    await expect(PlanDocument.open(file)).rejects.toMatchObject({ kind: 'corrupt' });
    expect(sha256(file)).toBe(hash);
  });
});
