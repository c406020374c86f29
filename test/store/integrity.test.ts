// Damage that quick_check misses: a flipped byte in an index page. The file is checked in
// full on open, refused with a message that says what is wrong and what can be done, and
// rebuilt on request, after a backup, to the same plan.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentError, PlanDocument, rebuildIndexes } from '../../electron/store/plan-document';
import { integrity, sha256, tempDir, withRaw, workedExample } from './helpers';

/** A document with some undo history, and one byte of its undo_log index changed. */
async function withDamagedIndex(): Promise<{ file: string; plan: unknown }> {
  const file = path.join(tempDir(), 'plan.headroom');
  const doc = PlanDocument.create(file, workedExample());
  for (let i = 0; i < 5; i++) doc.apply({ label: `Rename ${i}`, ops: [{ op: 'set', path: ['name'], value: `Plan ${i}` }] });
  const plan = doc.plan();
  doc.close();
  const { rootpage, pageSize } = withRaw(file, (db) => ({
    rootpage: (
      db.prepare("SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'undo_log'").get() as { rootpage: number }
    ).rootpage,
    pageSize: db.pragma('page_size', { simple: true }) as number,
  }));
  const bytes = fs.readFileSync(file);
  // The last cell of the index's root page holds an entry's key: make it another number.
  const at = (rootpage - 1) * pageSize + pageSize - 2;
  bytes[at] ^= 0x04;
  fs.writeFileSync(file, bytes);
  return { file, plan };
}

describe('damage in an index', () => {
  it('passes quick_check but not integrity_check, so the full check is what catches it', async () => {
    const { file } = await withDamagedIndex();
    expect(withRaw(file, (db) => db.pragma('quick_check', { simple: true }))).toBe('ok');
    expect(integrity(file)).not.toBe('ok');
  });

  it('is refused on open with a plain message, and the file is left as it was', async () => {
    const { file } = await withDamagedIndex();
    const hash = sha256(file);
    const opening = PlanDocument.open(file);
    await expect(opening).rejects.toBeInstanceOf(DocumentError);
    await expect(opening).rejects.toMatchObject({
      kind: 'damaged-index',
      message: expect.stringMatching(/has damaged indexes, but the plan in it is intact/),
    });
    expect(sha256(file)).toBe(hash);
  });

  it('is repaired by rebuilding the indexes, after a backup, to the same plan', async () => {
    const { file, plan } = await withDamagedIndex();
    const before = sha256(file);
    const backup = await rebuildIndexes(file);
    expect(sha256(backup)).not.toBe(''); // the copy is a readable file of its own
    expect(withRaw(backup, (db) => db.pragma('quick_check', { simple: true }))).toBe('ok');
    expect(integrity(file)).toBe('ok');
    const doc = await PlanDocument.open(file);
    expect(doc.plan()).toEqual(plan);
    expect(doc.undo().plan.name).toBe('Plan 3');
    doc.close();
    expect(before).not.toBe(sha256(file));
  });
});

describe('files other programs have changed', () => {
  it('refuses a computed (generated) column plainly, without running it', async () => {
    const file = path.join(tempDir(), 'computed.headroom');
    PlanDocument.create(file, workedExample()).close();
    withRaw(file, (db) => db.exec("ALTER TABLE plan ADD COLUMN evil TEXT GENERATED ALWAYS AS (json_extract(json, '$[')) VIRTUAL"));
    const hash = sha256(file);
    await expect(PlanDocument.open(file)).rejects.toMatchObject({
      kind: 'unsafe-content',
      message: expect.stringMatching(/computed columns/),
    });
    await expect(PlanDocument.open(file, { readOnly: true })).rejects.toMatchObject({ kind: 'unsafe-content' });
    expect(sha256(file)).toBe(hash);
  });

  it('reads a document left in WAL mode read-only, and turns it back into one file when opened to edit', async () => {
    const file = path.join(tempDir(), 'wal.headroom');
    PlanDocument.create(file, workedExample()).close();
    withRaw(file, (db) => db.pragma('journal_mode = WAL'));
    const reader = await PlanDocument.open(file, { readOnly: true });
    expect(reader.plan().name).toBe(workedExample().name);
    reader.close();
    const writer = await PlanDocument.open(file);
    writer.apply({ label: 'Rename', ops: [{ op: 'set', path: ['name'], value: 'After WAL' }] });
    writer.close();
    expect(withRaw(file, (db) => db.pragma('journal_mode', { simple: true }))).toBe('delete');
    expect(fs.readFileSync(file)[18]).toBe(1);
  });
});

describe('headroom repair', () => {
  it('rebuilds a damaged index from the command line, and says there is nothing to do for a sound file', async () => {
    const { runCli } = await import('../../electron/cli/main');
    const { file, plan } = await withDamagedIndex();
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    expect(await runCli(['repair', file], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/indexes rebuilt; the file as it was is kept at .*before-repair/);
    expect(await runCli(['repair', file], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/nothing to repair/);
    const doc = await PlanDocument.open(file);
    expect(doc.plan()).toEqual(plan);
    doc.close();
  });
});
