// Snapshots in Chromium on the demo plan: "Budget as approved, February" is taken through the
// form, the live plan changes (the 25% cut's 2021/22 grant level), and the snapshot opened
// read-only shows the old figure under its banner with nothing editable; back on the live plan
// the new figure returns. Export JSON downloads the plan as it was; the list survives a reload;
// Delete asks first; Restore as new plan opens a new document holding it.
// Screenshots at 1280×800 and 1920×1080 in test-results/snapshots/.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileNameFor } from '../../shared/file-name';
import { momentText } from '../../shared/format';
import { HeadroomApp } from './pages/headroom-app';
import { RiskScreen } from './pages/risk-screen';
import { SnapshotsScreen } from './pages/snapshots-screen';
import { browserSuite, REPO } from './support';

const SHOTS = 'test-results/snapshots';
const suite = browserSuite(SHOTS);
let app: HeadroomApp;
const shot = (name: string) => path.join(REPO, SHOTS, `${name}.png`);

const NAME = 'Budget as approved, February';
const NOTE = 'As the Strategic Policing and Crime Board approved it on 3 February.';
const BEFORE = '£2,480,250 of £3,307,000';
const AFTER = '£2,645,600 of £3,307,000';

afterEach(async () => {
  await app?.close();
});

async function showCutLevel(): Promise<void> {
  await app.go('scenarios');
  await app.page.getByTestId('scenario-item-cut-25-june').click();
  await app.waitForResults();
}

describe('snapshots', () => {
  it('are taken, opened read-only, exported, kept over a reload, deleted when confirmed and restored as a new plan', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.page.setViewportSize({ width: 1280, height: 800 });
    const snapshots = new SnapshotsScreen(app.page);
    const exportedBefore = await app.callApi('exportPlanJson');

    // The form says what is wrong at the Name field, and takes the snapshot with its note.
    await snapshots.open();
    expect(await snapshots.page.getByTestId('snapshots-empty').innerText()).toContain('No snapshots yet');
    await snapshots.take('   ');
    await expect.poll(() => snapshots.nameProblem()).toBe('a snapshot needs a name');
    expect(await snapshots.nameField().evaluate((el) => el === document.activeElement)).toBe(true);
    await snapshots.take(NAME, NOTE);
    await snapshots.item(NAME).waitFor();
    const [info] = await app.callApi('listSnapshots');
    expect(info).toMatchObject({ name: NAME, note: NOTE });
    const item = await snapshots.item(NAME).innerText();
    expect(item).toContain(NOTE);
    expect(item).toContain(`Taken ${momentText(info.takenAt)}`);
    expect(item).toContain('25% cut, confirmed in June');
    // The same name again is refused at the field.
    await snapshots.take(NAME.toLowerCase());
    await expect.poll(() => snapshots.nameProblem()).toContain(NAME);
    expect(await snapshots.items().count()).toBe(1);
    await snapshots.nameField().fill('');
    await app.screenshot(shot('01-snapshots-1280'));

    // The live plan changes after the snapshot.
    await showCutLevel();
    expect(await app.scenarios.amount('ho-core', '2021/22')).toBe(BEFORE);
    await app.scenarios.setLevel('ho-core', '2021/22', 80);
    await app.waitForResults();
    expect(await app.scenarios.amount('ho-core', '2021/22')).toBe(AFTER);

    // Opened read-only: the banner, the old figure, nothing to change and nothing to undo.
    await snapshots.open();
    await snapshots.button(NAME, 'Open (read-only)').click();
    await snapshots.banner().waitFor();
    expect((await snapshots.banner().innerText()).replace(/\s+/g, ' ')).toContain(
      `Snapshot "${NAME}", taken ${momentText(info.takenAt, 'sentence')} — read-only`,
    );
    expect(await snapshots.item(NAME).innerText()).toContain('Open now');
    expect(await snapshots.screen().getByRole('button', { name: 'Take snapshot' }).isDisabled()).toBe(true);
    await showCutLevel();
    expect(await app.scenarios.amount('ho-core', '2021/22')).toBe(BEFORE);
    expect(await app.scenarios.levelField('ho-core', '2021/22').isDisabled()).toBe(true);
    expect(await app.undoButton().isDisabled()).toBe(true);
    expect(await app.page.getByTestId('save-state').innerText()).toBe('Read-only');
    expect(await snapshots.banner().isVisible()).toBe(true);
    // The API refuses a change too, naming the snapshot.
    const refused = await app.callApi('applyEdit', { label: 'Rename plan', ops: [{ op: 'set', path: ['name'], value: 'No' }] });
    expect(refused).toEqual({
      ok: false,
      problems: [{ path: '(snapshot)', message: `Snapshot "${NAME}" is read-only: go back to the live plan to change it` }],
    });
    await app.screenshot(shot('02-banner-1280'));
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.screenshot(shot('03-banner-1920'));
    await app.page.setViewportSize({ width: 1280, height: 800 });

    // Export JSON downloads the plan as it was when the snapshot was taken.
    const exported = await snapshots.download(snapshots.banner().getByRole('button', { name: 'Export JSON' }));
    expect(exported.name).toBe(fileNameFor(`${info.planName} - ${NAME}`, '.json'));
    expect(exported.text).toBe(exportedBefore);
    expect(JSON.parse(exported.text)).toEqual(JSON.parse(exportedBefore));

    // Back to the live plan: the new figure, undo again.
    await snapshots.banner().getByRole('button', { name: 'Back to the live plan' }).click();
    await snapshots.banner().waitFor({ state: 'detached' });
    await app.waitForResults();
    expect(await app.scenarios.amount('ho-core', '2021/22')).toBe(AFTER);
    expect(await app.scenarios.levelField('ho-core', '2021/22').isDisabled()).toBe(false);
    expect(await app.undoButton().isDisabled()).toBe(false);

    // A second snapshot; the list survives a reload, newest first.
    await snapshots.open();
    await snapshots.take('Draft for March');
    await snapshots.item('Draft for March').waitFor();
    await app.page.reload({ waitUntil: 'load' });
    await snapshots.screen().waitFor();
    await snapshots.item(NAME).waitFor();
    await app.waitForResults();
    expect(await snapshots.names()).toEqual(['Draft for March', NAME]);
    await app.screenshot(shot('04-snapshots-two-1280'));
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.screenshot(shot('05-snapshots-1920'));
    await app.page.setViewportSize({ width: 1280, height: 800 });

    // Delete asks first, naming it: Keep it (or Escape) keeps it; Delete snapshot removes it.
    await snapshots.button('Draft for March', 'Delete…').click();
    await snapshots.deleteDialog().waitFor();
    const question = await snapshots.deleteDialog().innerText();
    expect(question).toContain('Delete the snapshot "Draft for March"?');
    expect(question).toContain('cannot be undone');
    await app.screenshot(shot('06-delete-question'));
    await app.page.keyboard.press('Escape');
    await snapshots.deleteDialog().getByRole('heading').waitFor({ state: 'detached' });
    expect(await snapshots.items().count()).toBe(2);
    await snapshots.button('Draft for March', 'Delete…').click();
    await snapshots.deleteDialog().getByRole('button', { name: 'Delete snapshot' }).click();
    await expect.poll(() => snapshots.names()).toEqual([NAME]);
    expect((await app.callApi('listSnapshots')).map((s) => s.name)).toEqual([NAME]);

    // Restore as new plan: a new document holding the snapshot's plan opens in place of this one.
    await snapshots.button(NAME, 'Restore as new plan').click();
    const restoredFile = fileNameFor(`${info.planName} - ${NAME}`, '.headroom');
    await app.page.waitForFunction((file) => document.querySelector('.doc-file')?.textContent === file, restoredFile);
    await app.page.locator('main [data-testid^="screen-"]').first().waitFor();
    const restored = await app.callApi('getPlan');
    expect(restored.info).toMatchObject({ fileName: restoredFile, viewing: null, undoLabel: null });
    expect(restored.plan).toEqual(JSON.parse(exportedBefore));
    await showCutLevel();
    expect(await app.scenarios.amount('ho-core', '2021/22')).toBe(BEFORE);
    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  }, 180_000);

  it('show none of the live plan’s risk results while a snapshot is open, and keep them for the way back', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    const risk = new RiskScreen(app.page);
    const snapshots = new SnapshotsScreen(app.page);
    await snapshots.open();
    await snapshots.take(NAME);
    await snapshots.item(NAME).waitFor();

    await risk.open();
    await risk.chooseScenario('cut-25-june');
    await risk.addUncertain('grantLevel', 'triangular');
    await risk.setRun(200, 1);
    await risk.run();
    await risk.waitForResults();
    const liveSummary = await risk.summaryTable();

    await snapshots.open();
    await snapshots.button(NAME, 'Open (read-only)').click();
    await snapshots.banner().waitFor();
    await risk.open();
    await app.waitForResults();
    expect(await app.page.getByTestId('risk-results').count()).toBe(0);
    // Nothing looked at in the snapshot is kept as the document's view: it is still the live
    // plan's last (the Snapshots screen, where Open was pressed) with the live risk run.
    const kept = await app.callApi('getViewState');
    expect(kept?.screen).toBe('snapshots');
    expect(Object.keys(kept?.risk ?? {})).toEqual(['cut-25-june']);

    await snapshots.banner().getByRole('button', { name: 'Back to the live plan' }).click();
    await snapshots.banner().waitFor({ state: 'detached' });
    await app.page.getByTestId('risk-results').waitFor();
    expect(await risk.summaryTable()).toBe(liveSummary);
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});
