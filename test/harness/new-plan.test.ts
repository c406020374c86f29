// createPlan over a real session: a new document next to the open one, opened in its place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, PayloadError, type ApiMethod, type Handlers } from '../../shared/ipc';
import type { NewPlanAnswers } from '../../shared/new-plan';
import { createHandlers, NO_NEW_PLAN_MESSAGE } from '../../electron/handlers';
import { freePlanFile } from '../../electron/new-plan';
import { DEMO_FILE_NAME, openInitialDocument, type DocumentSession } from '../../electron/session';

let dataDir: string;
let session: DocumentSession;
let handlers: Handlers;

const answers: NewPlanAnswers = {
  name: 'Our unit',
  startFy: '2025/26',
  years: 3,
  underwriter: 'OPCC treasurer',
  limit: 250000,
  stream: { name: 'Home Office grant', funder: 'Home Office', kind: 'grant', amounts: { '2025/26': 1000000 } },
};

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-new-plan-'));
  session = await openInitialDocument(dataDir);
  handlers = createHandlers(session, 'browser', undefined, undefined, (name) => freePlanFile(dataDir, name));
});

afterEach(() => {
  session.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = <K extends ApiMethod>(method: K, ...args: unknown[]) => dispatch(handlers, method, args);

describe('createPlan', () => {
  it('creates a new document named after the plan and opens it, with no undo history', async () => {
    await call('applyEdit', { label: 'Rename plan', ops: [{ op: 'set', path: ['name'], value: 'Demo, edited' }] });
    const result = await call('createPlan', answers);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.snapshot.info.fileName).toBe('Our unit.headroom');
    expect(result.snapshot.info.undoLabel).toBeNull();
    expect(result.snapshot.plan.underwriting).toEqual({ by: 'OPCC treasurer', limit: 250000 });
    expect((await call('getPlan')).plan.name).toBe('Our unit');
    // The document it replaced is kept as it was.
    expect(fs.existsSync(path.join(dataDir, DEMO_FILE_NAME))).toBe(true);
  });

  it('never replaces a file: a second plan of the same name gets "Name 2"', async () => {
    await call('createPlan', answers);
    const before = fs.readFileSync(path.join(dataDir, 'Our unit.headroom'));
    const second = await call('createPlan', { ...answers, limit: 1 });
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(second.snapshot.info.fileName).toBe('Our unit 2.headroom');
    expect(fs.readFileSync(path.join(dataDir, 'Our unit.headroom'))).toEqual(before);
  });

  it('refuses answers that make no plan, and keeps the open document', async () => {
    const result = await call('createPlan', { ...answers, stream: { ...answers.stream!, amounts: { '2031/32': 5 } } });
    expect(result).toEqual({
      ok: false,
      cancelled: false,
      problems: [{ path: 'stream.amounts.2031/32', message: '2031/32 is outside the plan’s horizon' }],
    });
    expect((await call('getPlan')).info.fileName).toBe(DEMO_FILE_NAME);
    await expect(call('createPlan', { ...answers, extra: 1 })).rejects.toThrow(PayloadError);
  });

  it('makes nothing when no file is chosen, or when there is no place for one', async () => {
    handlers = createHandlers(session, 'electron', undefined, undefined, () => null);
    expect(await call('createPlan', answers)).toEqual({ ok: false, cancelled: true, problems: [] });
    handlers = createHandlers(session, 'electron');
    expect(await call('createPlan', answers)).toEqual({
      ok: false,
      cancelled: false,
      problems: [{ path: '(file)', message: NO_NEW_PLAN_MESSAGE }],
    });
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.headroom'))).toEqual([DEMO_FILE_NAME]);
  });

  it('says why when the chosen file is already there, and replaces nothing', async () => {
    const taken = path.join(dataDir, DEMO_FILE_NAME);
    const before = fs.readFileSync(taken);
    handlers = createHandlers(session, 'electron', undefined, undefined, () => taken);
    const result = await call('createPlan', answers);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].path).toBe('(file)');
    expect(fs.readFileSync(taken)).toEqual(before);
    expect((await call('getPlan')).plan.name).not.toBe('Our unit');
  });
});

describe('renameVariable and deleteVariable', () => {
  it('rename a plan variable in every formula in one edit, and refuse to delete one in use', async () => {
    const before = (await call('getPlan')).plan;
    expect(Object.keys(before.variables ?? {})).toContain('grantLevel');
    const renamed = await call('renameVariable', { from: 'grantLevel', to: 'level' });
    if (!renamed.ok) throw new Error(JSON.stringify(renamed.problems));
    expect(renamed.snapshot.info.undoLabel).toBe('Plan: rename variable grantLevel → level');
    expect(JSON.stringify(renamed.snapshot.plan)).not.toMatch(/\bgrantLevel\b/);
    const refused = await call('deleteVariable', { name: 'level' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0].message).toMatch(/^level is used by .*: change those formulas first$/);
    expect(await call('renameVariable', { from: 'level', to: 'fy' })).toEqual({
      ok: false,
      problems: [{ path: 'variables.level', message: '"fy" is reserved in formulas and cannot be a variable name' }],
    });
    expect((await call('undo')).plan).toEqual(before);
  });
});
