// One writer per plan (reliability.md: single writer), and read-only files (reliability.md: read-only files).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canWrite, PlanDocument } from '../../electron/store/plan-document';
import { buildOldFixture, integrity, richPlan, schemaOf, sha256, tempDir, workedExample } from './helpers';
import { bundleDocProcess, runDocProcess, type Bundle } from './child';

const OPEN_ELSEWHERE = 'This plan is open in another window or program. Close it there first.';

let bundle: Bundle;
beforeAll(async () => {
  bundle = await bundleDocProcess();
});
afterAll(() => bundle?.dispose());

function newPlanFile(plan = workedExample()): string {
  const file = path.join(tempDir(), 'plan.headroom');
  PlanDocument.create(file, plan).close();
  return file;
}

describe('open elsewhere', () => {
  it('a second open in the same process is refused, however the path is spelt', async () => {
    const file = newPlanFile();
    const doc = await PlanDocument.open(file);
    await expect(PlanDocument.open(file)).rejects.toMatchObject({ kind: 'open-elsewhere', message: OPEN_ELSEWHERE });
    const dir = path.dirname(file);
    fs.symlinkSync(file, path.join(dir, 'link.headroom'));
    await expect(PlanDocument.open(path.join(dir, '.', 'link.headroom'))).rejects.toMatchObject({ kind: 'open-elsewhere' });
    expect(() => PlanDocument.create(file, workedExample())).toThrow(OPEN_ELSEWHERE);
    // The first document is unaffected, and once closed the plan opens again.
    expect(doc.apply({ label: 'Rename', ops: [{ op: 'set', path: ['name'], value: 'Still mine' }] }).ok).toBe(true);
    doc.close();
    const again = await PlanDocument.open(file);
    expect(again.plan().name).toBe('Still mine');
    again.close();
  });

  it('another process cannot open a plan this process has open', async () => {
    const file = newPlanFile();
    const doc = await PlanDocument.open(file);
    const other = runDocProcess(bundle.script, 'open', file);
    const line = await other.waitFor(/^\{/);
    expect(JSON.parse(line)).toEqual({ kind: 'open-elsewhere', message: OPEN_ELSEWHERE });
    await other.exited;
    doc.close();
    const after = runDocProcess(bundle.script, 'open', file);
    expect(JSON.parse(await after.waitFor(/^\{/))).toEqual({ ok: true });
    await after.exited;
  });

  it('this process cannot open a plan another process has open, nor write to it', async () => {
    const file = newPlanFile();
    const holder = runDocProcess(bundle.script, 'hold', file);
    await holder.waitFor(/^ready$/);
    await expect(PlanDocument.open(file)).rejects.toMatchObject({ kind: 'open-elsewhere', message: OPEN_ELSEWHERE });
    await expect(PlanDocument.open(file, { readOnly: true })).rejects.toMatchObject({ kind: 'open-elsewhere' });
    // A plain second connection cannot start a write either (reliability.md: single writer).
    const raw = new Database(file, { timeout: 0 });
    expect(() => raw.exec('BEGIN IMMEDIATE')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    raw.close();
    holder.child.stdin!.end();
    await holder.exited;
    const doc = await PlanDocument.open(file);
    expect(doc.plan()).toStrictEqual(workedExample());
    doc.close();
  });

  it('a second connection in the same process gets SQLITE_BUSY on BEGIN IMMEDIATE', async () => {
    const file = newPlanFile();
    const doc = await PlanDocument.open(file);
    const raw = new Database(file, { timeout: 0 });
    expect(() => raw.exec('BEGIN IMMEDIATE')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    raw.close();
    expect(doc.apply({ label: 'Rename', ops: [{ op: 'set', path: ['name'], value: 'After' }] }).ok).toBe(true);
    doc.close();
  });
});

const isRoot = process.getuid?.() === 0;

describe('read-only plans', () => {
  it('opens read-only and refuses every change with a clear message; the file is unchanged', async () => {
    const file = newPlanFile(richPlan());
    const hash = sha256(file);
    const doc = await PlanDocument.open(file, { readOnly: true });
    expect(doc.info().readOnly).toBe(true);
    expect(doc.plan()).toStrictEqual(richPlan());
    const refused = { kind: 'read-only', message: expect.stringMatching(/"plan.headroom" is read-only, so changes cannot be saved/) };
    expect(() => doc.apply({ label: 'Rename', ops: [{ op: 'set', path: ['name'], value: 'x' }] })).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => doc.replacePlan(workedExample(), 'Import')).toThrow(expect.objectContaining(refused));
    expect(() => doc.undo()).toThrow(expect.objectContaining(refused));
    expect(() => doc.redo()).toThrow(expect.objectContaining(refused));
    // Another process cannot write it while it is open here either.
    const bundleCheck = runDocProcess(bundle.script, 'open', file);
    expect(JSON.parse(await bundleCheck.waitFor(/^\{/))).toMatchObject({ kind: 'open-elsewhere' });
    await bundleCheck.exited;
    doc.close();
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['plan.headroom']);
  });

  it('Save As from a read-only plan gives a copy that can be changed', async () => {
    const file = newPlanFile();
    const doc = await PlanDocument.open(file, { readOnly: true });
    const copy = path.join(path.dirname(file), 'copy.headroom');
    const info = await doc.saveAs(copy);
    expect(info).toMatchObject({ fileName: 'copy.headroom', readOnly: false });
    expect(doc.apply({ label: 'Rename', ops: [{ op: 'set', path: ['name'], value: 'Mine now' }] }).ok).toBe(true);
    doc.close();
    expect(integrity(copy)).toBe('ok');
  });

  // chmod 444 is what a user does; as root (these tests' CI) it does not stop writes, and
  // canWrite says so, so the document is then writable: hence the readOnly option.
  it.each([
    ['a file with mode 444', (file: string) => fs.chmodSync(file, 0o444)],
    ['a file in a folder with mode 555', (file: string) => fs.chmodSync(path.dirname(file), 0o555)],
  ])('%s opens read-only unless this user can write it anyway (root)', async (_name, protect) => {
    const file = newPlanFile();
    expect(canWrite(file)).toBe(true);
    protect(file);
    const writable = canWrite(file);
    expect(writable).toBe(isRoot);
    const hash = sha256(file);
    const doc = await PlanDocument.open(file);
    expect(doc.info().readOnly).toBe(!writable);
    if (!writable) expect(() => doc.apply({ label: 'x', ops: [{ op: 'set', path: ['name'], value: 'x' }] })).toThrow(/read-only/);
    doc.close();
    expect(sha256(file)).toBe(hash);
  });

  it('an older read-only plan is shown upgraded, and neither changed nor backed up', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.headroom');
    const plan = { ...workedExample(), notes: 'from version 1' };
    PlanDocument.create(source, plan).close();
    const file = path.join(dir, 'old.headroom');
    buildOldFixture(source, file, 1);
    const hash = sha256(file);
    const doc = await PlanDocument.open(file, { readOnly: true });
    expect(doc.info().readOnly).toBe(true);
    expect(doc.plan()).toStrictEqual(plan);
    expect(() => doc.apply({ label: 'x', ops: [{ op: 'set', path: ['name'], value: 'x' }] })).toThrow(/read-only/);
    const copy = path.join(dir, 'upgraded.headroom');
    await doc.saveAs(copy);
    doc.close();
    expect(sha256(file)).toBe(hash);
    expect(fs.existsSync(`${file}.v1-backup`)).toBe(false);
    expect(schemaOf(copy).userVersion).toBe(schemaOf(source).userVersion);
  });
});
