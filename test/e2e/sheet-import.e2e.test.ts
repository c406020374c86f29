// Import spreadsheet in Chromium: an .xlsx of services and funding dropped on the window is
// recognised as a plan spreadsheet, previewed (sheets, columns, a row per service), imported
// as one edit and undone; a file with a bad cell shows it at its sheet, row and column and
// imports nothing; a file of unclear kind asks. Screenshots at 1280×800 in test-results/sheet/.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { badCellWorkbook, servicesWorkbook } from '../fixtures/sheets';
import { HeadroomApp } from './pages/headroom-app';
import { SheetImportDialogPage } from './pages/sheet-import';
import { browserSuite, REPO } from './support';

const SHOTS = 'test-results/sheet';
const suite = browserSuite(SHOTS);
let app: HeadroomApp;
const shot = (name: string) => path.join(REPO, SHOTS, `${name}.png`);

afterEach(async () => {
  await app?.close();
});

async function open(width = 1280, height = 800): Promise<HeadroomApp> {
  const opened = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
  await opened.page.setViewportSize({ width, height });
  return opened;
}

const NEW_SERVICES = ['Youth outreach', 'Custody navigators', 'Schools programme', 'Data analyst', 'Family support'];

describe('Import spreadsheet', () => {
  it('imports a dropped workbook of services and funding as one edit, and undoes it', async () => {
    app = await open();
    const before = await app.callApi('getPlan');
    const dialog = new SheetImportDialogPage(app.page);
    await dialog.drop('costs.xlsx', await servicesWorkbook());

    const text = await dialog.read();
    expect(text).toContain('Import spreadsheet “costs.xlsx”');
    expect(text).toContain('5 services and 2 funding streams ready to add. Nothing in the plan is replaced.');
    expect(text).toContain('Sheet “Costs”: services, header in row 1, 6 rows read.');
    expect(text).toContain('ignored: Comments (H)');
    expect(text).toContain("Sheet 'Costs', row 7 ('Total') was taken as a total and skipped");
    const rows = await dialog.services();
    expect(rows.map((r) => r[1])).toEqual(NEW_SERVICES);
    expect(rows[0].slice(0, 4)).toEqual(['Costs 2', 'Youth outreach', 'youth-outreach', 'Commissioned']);
    expect(rows[3]).toContain('£41,250.50');
    await expect.poll(() => app.page.getByTestId('sheet-import-streams').locator('tbody tr').count()).toBe(2);
    await app.page.screenshot({ path: shot('01-preview') });
    // The columns a new user can use, from the field tables.
    await app.page.getByTestId('sheet-import-columns').locator('summary').click();
    expect(await app.page.getByTestId('sheet-import-columns').innerText()).toContain('People supported');
    await app.page.screenshot({ path: shot('02-columns-help') });
    const axe = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
    expect(await app.axe(axe)).toEqual([]);
    // No sideways scroll inside the dialog at 1280×800.
    expect(await dialog.dialog().evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);

    await dialog.confirm();
    await app.page.getByTestId('screen-interventions').waitFor();
    await app.waitForResults();
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const grid = await app.interventions.grid().innerText();
    for (const name of NEW_SERVICES) expect(grid).toContain(name);
    await expect
      .poll(() => app.undoButton().getAttribute('title'))
      .toBe('Undo: Import spreadsheet “costs.xlsx”: 5 services, 2 streams (Ctrl+Z)');
    const after = (await app.callApi('getPlan')).plan;
    expect(after.interventions.length).toBe(before.plan.interventions.length + 5);
    expect(after.fundingStreams.map((s) => s.id).slice(-2)).toEqual(['core-grant', 'partner-match']);
    await app.page.screenshot({ path: shot('03-imported'), fullPage: true });

    await app.undoByKeyboard();
    await expect.poll(async () => (await app.callApi('getPlan')).plan).toEqual(before.plan);
    expect(await app.interventions.grid().innerText()).not.toContain('Youth outreach');
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a bad cell at its sheet, row and column and imports nothing', async () => {
    app = await open();
    const revision = await app.revision();
    const dialog = new SheetImportDialogPage(app.page);
    await dialog.drop('costs.xlsx', await badCellWorkbook());
    const text = await dialog.read();
    expect(text).toContain('Not imported: 1 problem in the file. Nothing was added; the plan is unchanged.');
    expect(await dialog.problems()).toEqual([['Costs', '4', 'C', "'three' is not a number of months (a whole number, 0 or more)"]]);
    await expect.poll(() => dialog.importButton().isDisabled()).toBe(true);
    await app.page.screenshot({ path: shot('04-bad-cell') });
    await dialog.cancelByKeyboard();
    expect(await app.revision()).toBe(revision);
  });

  it('is reached from the File menu and imported by keyboard, at 1920×1080', async () => {
    app = await open(1920, 1080);
    const dialog = new SheetImportDialogPage(app.page);
    await dialog.chooseFromMenu('costs.xlsx', await servicesWorkbook());
    await dialog.read();
    expect(await app.page.locator('details.menu[open]').count()).toBe(0);
    await app.page.screenshot({ path: shot('05-preview-1920') });
    // Tab reaches Import without leaving the dialog; Enter presses it.
    expect(await dialog.tabToImport()).toBe(true);
    await app.page.keyboard.press('Enter');
    await dialog.dialog().waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await app.callApi('getPlan')).info.undoLabel)
      .toBe('Import spreadsheet “costs.xlsx”: 5 services, 2 streams');
  });

  it('asks what a dropped file is when its headers say neither, and opens the import chosen', async () => {
    app = await open();
    const dialog = new SheetImportDialogPage(app.page);
    await dialog.drop('notes.csv', Buffer.from('Colour,Size\nred,2\n'), 'text/csv');
    await dialog.choice().waitFor();
    expect(await app.page.getByTestId('drop-choice-reason').innerText()).toContain('No sheet has the headers of either');
    await app.page.screenshot({ path: shot('06-choice') });
    await app.page.getByTestId('drop-choice-plan').click();
    const text = await dialog.read();
    expect(text).toContain('no sheet has the headers Headroom needs');
    await dialog.cancelByKeyboard();
  });
});
