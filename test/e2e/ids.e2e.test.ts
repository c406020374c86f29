// Ids in the app (shared/rename-id.ts, renderer/components/IdField.tsx), on the demo plan at
// 1280×800: a referenced intervention's id renamed everywhere in one undoable edit, with the
// figures unchanged and the exported JSON using the new id; new things' ids follow their names.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSuite, REPO } from './support';
import { IdsApp } from './pages/ids-pages';

const SHOTS = path.join(REPO, 'test-results/ids');
const suite = browserSuite('test-results/ids');
let app: IdsApp;

afterEach(async () => {
  await app?.close();
});

const SCENARIO = 'cut-25-june';
const FROM = 'parenting-peer-support';
const TO = 'parenting-support';

/** Everything Results states in numbers for the scenario, and Compare's totals for it beside Base. */
async function figures(a: IdsApp): Promise<{ results: string; compare: string }> {
  await a.go('results');
  await a.results.chooseScenario(SCENARIO);
  await a.waitForResults();
  const results = await a.results.numbers();
  await a.go('compare');
  await a.compare.choose(['base', SCENARIO]);
  await a.waitForResults();
  const compare = (await a.page.getByTestId('compare-totals').innerText()).replace(/\s+/g, ' ');
  return { results, compare };
}

describe('renaming an id that is referred to', () => {
  it('lists the places, asks, renames everywhere in one undoable edit, and the figures stay the same', async () => {
    app = await IdsApp.openAt(suite.chromium.browser, suite.harness.harness);
    // A second place that refers to the service: its priority in the 25% cut (4, still after its tie by id).
    await app.go('scenarios');
    await app.page.getByTestId(`scenario-item-${SCENARIO}`).click();
    await app.setScenarioPriority('Parenting peer support', 4);
    const before = await figures(app);

    await app.go('interventions');
    await app.selectIntervention(FROM);
    expect(await app.interventionId.value()).toBe(FROM);
    expect(await app.interventionId.note()).toBe('Used in 2 places: renamed everywhere with it');
    expect(await app.interventionId.places()).toEqual([
      'Parenting peer support: ring-fence',
      'Scenario “25% cut, confirmed in June”: change 2',
    ]);
    await app.shot(path.join(SHOTS, 'intervention-id-used-in.png'), app.page.getByTestId('intervention-detail'));

    // Refused where typed, with the rule in words; nothing is stored.
    const revision = await app.revision();
    await app.interventionId.type('Parenting support');
    await expect.poll(() => app.interventionId.error().innerText()).toContain('is not an id (lower-case letters, digits and "-"');
    await app.interventionId.type('custody-reachable');
    await expect
      .poll(() => app.interventionId.error().innerText())
      .toBe('"custody-reachable" is already the id of another intervention (“Reachable moments in custody”)');
    expect(await app.interventionId.input().getAttribute('aria-invalid')).toBe('true');
    await app.shot(path.join(SHOTS, 'intervention-id-refused.png'), app.page.getByTestId('intervention-detail'));
    expect(await app.revision()).toBe(revision);

    // Escape in the question keeps the id; Enter on "Rename everywhere" renames.
    await app.interventionId.type(TO);
    await app.renameDialog.dialog().waitFor();
    expect(await app.renameDialog.title()).toBe('Rename everywhere (2 places)?');
    await app.shot(path.join(SHOTS, 'rename-everywhere.png'));
    await app.renameDialog.cancelByKeyboard();
    expect(await app.interventionId.value()).toBe(FROM);
    expect(await app.revision()).toBe(revision);
    await app.interventionId.type(TO);
    await app.renameDialog.dialog().waitFor();
    expect(await app.renameDialog.places()).toEqual([
      'Parenting peer support: ring-fence',
      'Scenario “25% cut, confirmed in June”: change 2',
    ]);
    await app.renameDialog.confirmByKeyboard();
    await app.waitForResults();
    await expect.poll(() => app.interventionId.value()).toBe(TO);
    expect(await app.revision()).toBe(revision + 1);
    expect(await app.undoLabel()).toBe(`Undo: Rename ${FROM} → ${TO} (2 places) (Ctrl+Z)`);
    // The selection followed the id: the same service's detail is still open, its field focused.
    expect(await app.page.locator('#intervention-detail h2').first().innerText()).toBe('Parenting peer support');
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('intervention-id');

    const exported = await app.exportPlan();
    const json = JSON.stringify(exported);
    expect(json).not.toContain(`"${FROM}"`);
    expect(exported.interventions.map((i) => i.id)).toContain(TO);
    expect(exported.fundingStreams.find((s) => s.id === 'yjb-parenting')!.restrictedTo).toEqual([TO]);
    expect(exported.scenarios!.find((s) => s.id === SCENARIO)!.changes![1]).toEqual({ intervention: TO, priority: 4 });

    expect(await figures(app)).toEqual(before);

    // Undo from the detail panel: the plan and the selection go back to the old id.
    await app.go('interventions');
    await app.selectIntervention(TO);
    await app.undoButton().click();
    await app.waitForResults();
    const undone = (await app.callApi('getPlan')).plan;
    expect(undone.interventions.map((i) => i.id)).toContain(FROM);
    expect(JSON.stringify(undone)).not.toContain(`"${TO}"`);
    await expect.poll(() => app.interventionId.value()).toBe(FROM);
    expect(await app.page.locator('#intervention-detail h2').first().innerText()).toBe('Parenting peer support');
    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  });
});

describe('ids of new things', () => {
  it('follow the name until set by hand or referred to; set by hand they apply at once', async () => {
    app = await IdsApp.openAt(suite.chromium.browser, suite.harness.harness);
    await app.go('interventions');
    await app.page.getByRole('button', { name: '+ Add intervention' }).click();
    await app.waitForResults();
    // The new intervention is selected (its row and the detail panel), not the row active before.
    await expect.poll(() => app.interventionId.value()).toBe('new-intervention');
    expect(await app.interventions.grid().locator('tbody tr[aria-selected="true"]').getAttribute('data-id')).toBe('new-intervention');
    await app.selectIntervention('new-intervention');
    await expect.poll(() => app.interventionId.value()).toBe('new-intervention');
    expect(await app.interventionId.note()).toBe('Not used elsewhere yet: it follows the name until you change it.');
    await app.interventions.editCell('new-intervention', 'name', 'Youth outreach');
    await app.waitForResults();
    await expect.poll(() => app.interventionId.value()).toBe('youth-outreach');
    expect(await app.interventions.grid().locator('tbody tr[data-id="youth-outreach"]').count()).toBe(1);
    expect(await app.undoLabel()).toBe('Undo: New intervention: name (Ctrl+Z)');
    await app.shot(path.join(SHOTS, 'new-intervention-id-follows.png'), app.page.getByTestId('intervention-detail'));
    expect(await app.sidewaysScroll()).toBe(false);
    // Set by hand (nothing refers to it, so no question), it no longer follows the name.
    await app.interventionId.type('outreach');
    await app.waitForResults();
    await expect.poll(() => app.interventionId.value()).toBe('outreach');
    expect(await app.renameDialog.dialog().count()).toBe(0);
    expect(await app.interventionId.note()).toBe('Not used elsewhere in the plan.');
    await app.interventions.editCell('outreach', 'name', 'Youth outreach (north)');
    await app.waitForResults();
    expect(await app.interventionId.value()).toBe('outreach');

    // A funding stream: named by keyboard, its id follows and the focus stays on its name.
    await app.go('funding');
    // Added as "New fund" (its id derived from that name), then renamed.
    await app.page.getByRole('button', { name: '+ Add funding stream' }).click();
    await app.page.getByTestId('add-stream-name').fill('New fund');
    await app.page.getByTestId('add-stream-funder').fill('Lottery');
    await app.page.getByTestId('add-stream-save').click();
    await app.waitForResults();
    const name = app.page.getByTestId('stream-name-new-fund');
    await name.fill('Youth fund');
    // The id follows the name as it is saved, which remounts the field: Enter goes to the focus, which stays.
    await app.page.keyboard.press('Enter');
    await app.waitForResults();
    await expect.poll(() => app.streamId('youth-fund').value()).toBe('youth-fund');
    await expect.poll(() => app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stream-name-youth-fund');
    await app.shot(path.join(SHOTS, 'funding-stream-id.png'), app.streamId('youth-fund').input());
    expect(await app.sidewaysScroll()).toBe(false);
    // The stream's card fits at 1280: the id field is in view.
    const box = (await app.streamId('youth-fund').input().boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);

    // A referenced stream's id: the Home Office grant is in six scenario changes.
    expect(await app.streamId('ho-core').note()).toBe('Used in 6 places: renamed everywhere with it');

    // A scenario: named, its id follows; set by hand, it applies at once and stays selected.
    await app.go('scenarios');
    await app.page.getByTestId('new-scenario').click();
    await expect.poll(() => app.scenarioId.value()).toBe('new-scenario');
    await app.scenarios.rename('Deeper cut');
    await app.waitForResults();
    await expect.poll(() => app.scenarioId.value()).toBe('deeper-cut');
    expect(await app.page.getByTestId('scenario-item-deeper-cut').getAttribute('aria-current')).toBe('true');
    await app.scenarioId.type('cut-deep');
    await app.waitForResults();
    await expect.poll(() => app.scenarioId.value()).toBe('cut-deep');
    expect(await app.page.getByTestId('scenario-item-cut-deep').getAttribute('aria-current')).toBe('true');
    await app.scenarioId.type('base');
    await expect.poll(() => app.scenarioId.error().innerText()).toBe('"base" is the plan itself and cannot name a scenario');
    await app.shot(path.join(SHOTS, 'scenario-id.png'));
    // The levels table further down is wider than 1280 (it was before the id field): the field itself fits.
    const field = (await app.scenarioId.input().boundingBox())!;
    expect(field.x + field.width).toBeLessThanOrEqual(1280);
    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  });
});

describe('the id field on a large screen', () => {
  it('fits beside the detail panel at 1920×1080', async () => {
    app = await IdsApp.openAt(suite.chromium.browser, suite.harness.harness, { width: 1920, height: 1080 });
    await app.go('interventions');
    await app.selectIntervention(FROM);
    expect(await app.interventionId.places()).toEqual(['Parenting peer support: ring-fence']);
    await app.shot(path.join(SHOTS, 'intervention-id-1920.png'), app.page.getByTestId('intervention-detail'));
    expect(await app.sidewaysScroll()).toBe(false);
  });
});
