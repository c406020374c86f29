// The snapshot methods over a real session and store in a temp folder, called through
// dispatch() as main and the harness call them: take, list, open read-only (every change
// refused, every export of the frozen plan), close, export, restore as a new document, delete.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { dispatch, PayloadError, type ApiMethod, type Handlers, type PlanEdit } from '../../shared/ipc';
import { planJsonText } from '../../shared/json-text';
import { createHandlers, fileNameFor } from '../../electron/handlers';
import { freePlanFile } from '../../electron/new-plan';
import { DEMO_FILE_NAME, openInitialDocument, type DocumentSession } from '../../electron/session';
import { ViewStateFile } from '../../electron/view-state-file';

let dataDir: string;
let session: DocumentSession;
let handlers: Handlers;
let viewStates: ViewStateFile;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-snapshots-'));
  session = await openInitialDocument(dataDir);
  viewStates = new ViewStateFile(path.join(dataDir, 'view-state.json'));
  handlers = createHandlers(session, 'browser', undefined, viewStates, (name) => freePlanFile(dataDir, name));
});

afterEach(() => {
  session.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const call = <K extends ApiMethod>(method: K, ...args: unknown[]) => dispatch(handlers, method, args);
const NAME = 'Budget as approved, February';
const READ_ONLY = {
  ok: false,
  problems: [{ path: '(snapshot)', message: `Snapshot "${NAME}" is read-only: go back to the live plan to change it` }],
};
const rename = (name: string): PlanEdit => ({ label: 'Rename plan', ops: [{ op: 'set', path: ['name'], value: name }] });

/** The demo plan as exportPlanJson wrote it before the snapshot was taken. */
let exportedBefore = '';

/** Takes the snapshot of the demo plan, then renames the live plan: the two now differ. */
async function takeThenChange(): Promise<number> {
  exportedBefore = await call('exportPlanJson');
  const taken = await call('takeSnapshot', { name: NAME, note: 'As the board approved it' });
  if (!taken.ok) throw new Error(JSON.stringify(taken.problems));
  await call('applyEdit', rename('After the snapshot'));
  return taken.snapshot.id;
}

describe('taking and listing snapshots', () => {
  it('takes a snapshot of the live plan and lists it, oldest first', async () => {
    expect(await call('listSnapshots')).toEqual([]);
    const taken = await call('takeSnapshot', { name: `  ${NAME} `, note: 'As the board approved it' });
    if (!taken.ok) throw new Error(JSON.stringify(taken.problems));
    expect(taken.snapshot).toMatchObject({ name: NAME, note: 'As the board approved it', planName: demoPlan.name });
    expect(taken.snapshot.scenarios[0].id).toBe('base');
    expect(taken.snapshot.scenarios.map((s) => s.id).slice(1)).toEqual(demoPlan.scenarios.map((s) => s.id));
    const second = await call('takeSnapshot', { name: 'Draft for March' });
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    expect(second.snapshots.map((s) => s.name)).toEqual([NAME, 'Draft for March']);
    expect(await call('listSnapshots')).toEqual(second.snapshots);
  });

  it('refuses a name already taken, and a payload with no name', async () => {
    await call('takeSnapshot', { name: NAME });
    const again = await call('takeSnapshot', { name: NAME.toUpperCase() });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems[0].message).toContain(NAME);
    await expect(call('takeSnapshot', { name: '   ' })).rejects.toThrow(PayloadError);
    await expect(call('takeSnapshot', { name: 'x', extra: 1 })).rejects.toThrow(PayloadError);
    expect((await call('listSnapshots')).length).toBe(1);
  });
});

describe('a snapshot open read-only', () => {
  it('shows the frozen plan, read-only, with nothing to undo; closing shows the live plan again', async () => {
    const id = await takeThenChange();
    const live = await call('getPlan');
    expect(live.info.viewing).toBeNull();
    const shown = await call('openSnapshot', { id });
    expect(shown.plan).toEqual(demoPlan);
    expect(shown.info).toMatchObject({ readOnly: true, undoLabel: null, redoLabel: null, viewing: { id, name: NAME } });
    // Simulated now, the frozen plan gives exactly the figures frozen with it (the banner says nothing more).
    expect(shown.info.viewing?.figuresAsFrozen).toBe(true);
    expect(await call('getPlan')).toEqual(shown);
    const back = await call('closeSnapshot');
    expect(back).toEqual(live);
    expect(back.info.undoLabel).toBe('Rename plan');
  });

  it('refuses every change, and undo and redo change nothing', async () => {
    const id = await takeThenChange();
    const liveBefore = session.document.snapshot();
    const shown = await call('openSnapshot', { id });
    expect(await call('applyEdit', rename('Changed in a snapshot'))).toEqual(READ_ONLY);
    expect(await call('importPlanJson', JSON.stringify(demoPlan))).toEqual(READ_ONLY);
    expect(await call('renameVariable', { from: 'grantLevel', to: 'level' })).toEqual(READ_ONLY);
    expect(await call('deleteVariable', { name: 'grantLevel' })).toEqual(READ_ONLY);
    expect(await call('takeSnapshot', { name: 'Of a snapshot' })).toEqual(READ_ONLY);
    expect(await call('undo')).toEqual(shown);
    expect(await call('redo')).toEqual(shown);
    const csv = { fileName: 'ledger.csv', base64: Buffer.from('Cost centre,Month,Amount\n').toString('base64') };
    expect(await call('previewActualsImport', csv)).toEqual({
      ok: false,
      errors: [READ_ONLY.problems[0].message],
      unmatched: [],
      header: null,
    });
    const sheet = await call('previewSheetImport', { fileName: 'costs.csv', base64: csv.base64 });
    expect(sheet).toMatchObject({ ok: false, file: 'costs.csv', problems: [{ message: READ_ONLY.problems[0].message }] });
    // The live document is as it was: same revision, same plan, same undo step.
    expect(session.document.snapshot()).toEqual(liveBefore);
    expect((await call('listSnapshots')).length).toBe(1);
  });

  it('exports the frozen plan: JSON, comparison and briefing, each filed under "<plan> - <snapshot>"', async () => {
    const id = await takeThenChange();
    await call('openSnapshot', { id });
    expect(await call('exportPlanJson')).toBe(exportedBefore);
    expect(JSON.parse(exportedBefore)).toEqual(demoPlan);
    const csv = await call('exportComparison', { format: 'csv', scenarioIds: ['base'] });
    expect(csv.fileName).toBe(fileNameFor(`${demoPlan.name} - ${NAME}`, ' comparison.csv'));
    expect(Buffer.from(csv.base64, 'base64').toString('utf8')).not.toContain('After the snapshot');
    const html = await call('exportBriefing', { scenarioIds: ['base'], format: 'html' });
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toContain(demoPlan.name);
    const outturn = await call('exportOutturn', { scenarioId: 'base', fy: '2021/22', format: 'html' });
    expect(outturn.fileName).toBe(fileNameFor(`${demoPlan.name} - ${NAME}`, ' outturn 2021-22.html'));
    const report = Buffer.from(outturn.base64, 'base64').toString('utf8');
    expect(report).toContain(demoPlan.name);
    expect(report).not.toContain('After the snapshot');
    expect(html.fileName).toBe(fileNameFor(`${demoPlan.name} - ${NAME}`, ' briefing.html'));
    await call('closeSnapshot');
    expect(JSON.parse(await call('exportPlanJson')).name).toBe('After the snapshot');
    // Back on the live plan, exports carry its own name again.
    const live = await call('exportComparison', { format: 'csv', scenarioIds: ['base'] });
    expect(live.fileName).toBe(fileNameFor('After the snapshot', ' comparison.csv'));
  });

  it('keeps no view state while a snapshot is open', async () => {
    const id = await takeThenChange();
    const state = { screen: 'funding', scenarioId: 'base', compareIds: [], headlineFy: null, riskScenarioId: null, risk: {} } as const;
    await call('setViewState', state);
    await call('openSnapshot', { id });
    await call('setViewState', { ...state, screen: 'risk' });
    expect((await call('getViewState'))?.screen).toBe('funding');
    await call('closeSnapshot');
    await call('setViewState', { ...state, screen: 'snapshots' });
    expect((await call('getViewState'))?.screen).toBe('snapshots');
  });

  it('says so for a snapshot the document does not have, and stays on the live plan', async () => {
    await expect(call('openSnapshot', { id: 99 })).rejects.toThrow('This plan has no snapshot number 99 (it may have been deleted)');
    await expect(call('openSnapshot', { id: 0 })).rejects.toThrow(PayloadError);
    expect((await call('getPlan')).info.viewing).toBeNull();
  });

  it('is closed when another document is opened in the session', async () => {
    const id = await takeThenChange();
    await call('openSnapshot', { id });
    const other = path.join(dataDir, 'Other.headroom');
    fs.copyFileSync(path.join(dataDir, DEMO_FILE_NAME), other);
    await session.open(other);
    const shown = await call('getPlan');
    expect(shown.info).toMatchObject({ fileName: 'Other.headroom', readOnly: false, viewing: null });
  });
});

describe('exporting, restoring and deleting a snapshot', () => {
  it('exports its plan as plan JSON named "<plan> - <snapshot>.json"', async () => {
    const id = await takeThenChange();
    const file = await call('exportSnapshotJson', { id });
    // "West Midlands VRU 2021 22 cliff edge - Budget as approved, February.json": safe on any OS.
    expect(file.fileName).toBe(fileNameFor(`${demoPlan.name} - ${NAME}`, '.json'));
    expect(file.fileName).not.toMatch(/[/\\:]/);
    expect(file.mimeType).toBe('application/json');
    // Exactly the text exportPlanJson wrote for the plan when the snapshot was taken.
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text).toBe(exportedBefore);
    expect(text).toBe(planJsonText(session.document.snapshotPlan(id)));
  });

  it('restores it as a new document, opened in place of this one, never over a file', async () => {
    const id = await takeThenChange();
    await call('openSnapshot', { id });
    const demoBytes = fs.readFileSync(path.join(dataDir, DEMO_FILE_NAME));
    const restored = await call('restoreSnapshot', { id });
    if (!restored.ok) throw new Error(JSON.stringify(restored));
    expect(restored.snapshot.info).toMatchObject({
      fileName: fileNameFor(`${demoPlan.name} - ${NAME}`, '.headroom'),
      undoLabel: null,
      viewing: null,
    });
    expect(restored.snapshot.plan).toEqual(demoPlan);
    expect(await call('listSnapshots')).toEqual([]);
    // The document it came from is untouched; it still has its snapshot and its change.
    expect(fs.readFileSync(path.join(dataDir, DEMO_FILE_NAME))).toEqual(demoBytes);
    await session.open(path.join(dataDir, DEMO_FILE_NAME));
    expect(session.document.plan().name).toBe('After the snapshot');
    const again = await call('restoreSnapshot', { id });
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(again.snapshot.info.fileName).toBe(fileNameFor(`${demoPlan.name} - ${NAME}`, ' 2.headroom'));
  });

  it('restores nothing where no file can be made', async () => {
    const id = await takeThenChange();
    handlers = createHandlers(session, 'electron', undefined, undefined, () => null);
    expect(await call('restoreSnapshot', { id })).toEqual({ ok: false, cancelled: true, problems: [] });
    expect(session.document.info().fileName).toBe(DEMO_FILE_NAME);
  });

  it('deletes only with its name, and deleting the one open goes back to the live plan', async () => {
    const id = await takeThenChange();
    const kept = await call('takeSnapshot', { name: 'Draft for March' });
    await call('openSnapshot', { id });
    await expect(call('deleteSnapshot', { id, name: 'Budget' })).rejects.toThrow(/was not deleted/);
    expect((await call('getPlan')).info.viewing?.id).toBe(id);
    const left = await call('deleteSnapshot', { id, name: NAME });
    expect(left.map((s) => s.name)).toEqual(['Draft for March']);
    expect(kept.ok).toBe(true);
    const live = await call('getPlan');
    expect(live.info.viewing).toBeNull();
    expect(live.plan.name).toBe('After the snapshot');
    await expect(call('deleteSnapshot', { id, name: NAME })).rejects.toThrow(`no snapshot number ${id}`);
    await expect(call('exportSnapshotJson', { id })).rejects.toThrow(`no snapshot number ${id}`);
  });
});
