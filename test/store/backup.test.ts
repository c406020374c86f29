// Save As and backups go through SQLite's backup API, never a file copy (reliability.md: backups).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import { integrity, largePlan, tempDir, workedExample } from './helpers';

const rename = (name: string) => ({ label: name, ops: [{ op: 'set' as const, path: ['name'], value: name }] });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Save As', () => {
  it('copies while changes are being stored; the copy passes integrity_check and has every change', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.headroom');
    const copy = path.join(dir, 'copy.headroom');
    const doc = PlanDocument.create(file, largePlan(500));
    let done = false;
    let during = 0;
    const saving = doc.saveAs(copy).finally(() => {
      done = true;
    });
    // Commands keep arriving between the backup's steps.
    while (!done) {
      await tick();
      if (done) break;
      during += 1;
      expect(doc.apply(rename(`During ${during}`)).ok).toBe(true);
    }
    const info = await saving;
    expect(during).toBeGreaterThan(0);
    expect(info).toMatchObject({ path: fs.realpathSync(copy), fileName: 'copy.headroom', readOnly: false });
    // The document now lives in the copy, with its history.
    expect(doc.plan().name).toBe(`During ${during}`);
    expect(doc.info().undoLabel).toBe(`During ${during}`);
    expect(doc.apply(rename('After')).ok).toBe(true);
    doc.close();

    expect(integrity(copy)).toBe('ok');
    expect(integrity(file)).toBe('ok');
    const original = await PlanDocument.open(file);
    expect(original.plan().name).toBe(`During ${during}`);
    original.close();
    const saved = await PlanDocument.open(copy);
    expect(saved.plan().name).toBe('After');
    expect(saved.undo().plan.name).toBe(`During ${during}`);
    saved.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['copy.headroom', 'plan.headroom']);
  });

  // A plan document holds its lock, so no other connection can write while Save As runs;
  // this shows what the backup API does when one can: it restarts, and the copy is sound.
  it('the backup API restarts when another connection writes meanwhile, and the copy is sound', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'raw.db');
    const setup = new Database(file);
    setup.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    const insert = setup.prepare('INSERT INTO t (body) VALUES (?)');
    setup.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run('x'.repeat(200));
    })();
    const writer = new Database(file);
    let done = false;
    let writes = 0;
    const backingUp = setup.backup(path.join(dir, 'copy.db'), { progress: () => 20 }).finally(() => {
      done = true;
    });
    // A few writes between steps (writing at every step would restart it for ever).
    while (!done) {
      await tick();
      if (!done && writes < 3) writer.prepare('INSERT INTO t (body) VALUES (?)').run(`write ${writes++}`);
    }
    await backingUp;
    setup.close();
    writer.close();
    expect(writes).toBe(3);
    expect(integrity(path.join(dir, 'copy.db'))).toBe('ok');
    const copy = new Database(path.join(dir, 'copy.db'), { readonly: true });
    expect(copy.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3003 });
    copy.close();
  });

  it('replaces an existing file but not one open here or elsewhere', async () => {
    const dir = tempDir();
    const doc = PlanDocument.create(path.join(dir, 'a.headroom'), workedExample());
    const other = PlanDocument.create(path.join(dir, 'b.headroom'), { ...workedExample(), name: 'B' });
    await expect(doc.saveAs(path.join(dir, 'b.headroom'))).rejects.toMatchObject({ kind: 'open-elsewhere' });
    other.close();
    fs.writeFileSync(path.join(dir, 'c.headroom'), 'old contents');
    await doc.saveAs(path.join(dir, 'c.headroom'));
    expect(doc.info().fileName).toBe('c.headroom');
    doc.close();
    expect(fs.readdirSync(dir).sort()).toEqual(['a.headroom', 'b.headroom', 'c.headroom']);
    const c = await PlanDocument.open(path.join(dir, 'c.headroom'));
    expect(c.plan()).toStrictEqual(workedExample());
    c.close();
  });

  it('says so when the folder is missing, and a closed document refuses everything', async () => {
    const dir = tempDir();
    expect(() => PlanDocument.create(path.join(dir, 'no', 'plan.headroom'), workedExample())).toThrow(
      expect.objectContaining({ kind: 'not-found', message: `The folder ${path.join(dir, 'no')} does not exist.` }),
    );
    const doc = PlanDocument.create(path.join(dir, 'plan.headroom'), workedExample());
    await expect(doc.saveAs(path.join(dir, 'no', 'copy.headroom'))).rejects.toMatchObject({ kind: 'not-found' });
    expect(doc.info().fileName).toBe('plan.headroom');
    doc.close();
    doc.close();
    expect(() => doc.plan()).toThrow(expect.objectContaining({ kind: 'closed' }));
    expect(() => doc.apply(rename('x'))).toThrow(expect.objectContaining({ kind: 'closed' }));
    await expect(doc.saveAs(path.join(dir, 'copy.headroom'))).rejects.toMatchObject({ kind: 'closed' });
    expect(fs.readdirSync(dir)).toEqual(['plan.headroom']);
  });
});
