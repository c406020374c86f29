// Actuals through the year, in Chromium (plan-format.md §10): the demo plan with actuals to
// September 2021 says so in the title bar, the Outturn screen gives each service's budget,
// actual, forecast and variance and what lapses, an actual typed into the month grid moves
// them, and undo puts it back. Screenshots at 1280×800 in test-results/actuals/.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMonth } from '../../shared/months';
import { demoWithActuals } from '../fixtures';
import { HeadroomApp } from './pages/headroom-app';
import { ImportActualsDialogPage, OutturnScreen } from './pages/outturn-screen';
import { browserSuite, REPO } from './support';

const SHOTS = 'test-results/actuals';
const suite = browserSuite(SHOTS);
let app: HeadroomApp;

afterEach(async () => {
  await app?.close();
});

async function openWithActuals(): Promise<HeadroomApp> {
  const opened = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
  await opened.page.setViewportSize({ width: 1280, height: 800 });
  const imported = await opened.callApi('importPlanJson', JSON.stringify(demoWithActuals()));
  expect(imported.ok).toBe(true);
  await opened.page.reload({ waitUntil: 'load' });
  await opened.page.getByTestId('screen-overview').waitFor();
  await opened.waitForResults();
  return opened;
}

const shot = (name: string) => path.join(REPO, SHOTS, `${name}.png`);

describe('the plan through the year', () => {
  it('shows the actuals month on every screen and the outturn of 2021/22, edits an actual and undoes it', async () => {
    app = await openWithActuals();
    await expect.poll(() => app.page.getByTestId('actuals-as-at-badge').innerText()).toBe('Actuals to September 2021');
    await app.page.screenshot({ path: shot('01-overview') });

    const outturn = new OutturnScreen(app.page);
    await outturn.open();
    await app.waitForResults();
    await outturn.chooseScenario('base');
    await outturn.chooseFy('2021/22');
    // IRIS: six months at the plan's 40% (£8,000) is a £48,000 budget; it spent 3 × £8,000 + 3 × £8,600.
    expect((await outturn.row('iris')).slice(0, 7)).toEqual([
      'IRIS (GP domestic abuse training) Handed over from Oct 2021',
      '£48,000',
      '£49,800',
      '£0',
      '£49,800',
      '£1,800 (Overspend of £1,800.00)',
      '+3.8%',
    ]);
    expect(await outturn.lapseSentence()).toBe("£181,299.50 of 2021/22's grant will lapse unless committed by 31 March 2022.");
    await app.page.screenshot({ path: shot('02-outturn'), fullPage: true });

    // The same report as a workbook, from the screen: numbers in cells, the sheets of the CLI's --xlsx.
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('outturn-export-xlsx').click()]);
    const saved = path.join(REPO, SHOTS, download.suggestedFilename());
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe('West Midlands VRU 2021 22 cliff edge outturn 2021-22.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Outturn', 'By system', 'By category', 'Funding']);
    const irisRow = book
      .getWorksheet('Outturn')!
      .getRows(1, 80)!
      .find((r) => r.values.toString().includes('IRIS (GP domestic abuse training)'))!;
    expect((irisRow.values as unknown[]).filter((v) => typeof v === 'number')).toEqual(expect.arrayContaining([48000, 49800, 1800]));

    // Mentors in Violence Prevention spent £9,000 in September, not £7,500: £1,500 over budget.
    await outturn.typeActual('mvp', parseMonth('2021-09'), '9,000');
    await app.waitForResults();
    await expect
      .poll(async () => (await outturn.row('mvp')).slice(1, 6))
      .toEqual(['£90,000', '£46,500', '£45,000', '£91,500', '£1,500 (Overspend of £1,500.00)']);
    expect(await outturn.lapseSentence()).toBe("£179,799.50 of 2021/22's grant will lapse unless committed by 31 March 2022.");
    await expect
      .poll(() => app.undoButton().getAttribute('title'))
      .toContain('Mentors in Violence Prevention: actual for September 2021 £9,000.00');
    await app.page.screenshot({ path: shot('03-edited'), fullPage: true });

    await app.undoByKeyboard();
    await expect
      .poll(async () => (await outturn.row('mvp')).slice(1, 6))
      .toEqual(['£90,000', '£45,000', '£45,000', '£90,000', '£0 (On budget)']);
    expect(app.consoleErrors).toEqual([]);
  });

  it('draws actual months apart from forecast months in the monthly chart and its table', async () => {
    app = await openWithActuals();
    await app.go('results');
    await expect.poll(() => app.page.locator('.chart-legend').first().innerText()).toContain('Actual spend (to Sep 2021)');
    await app.page.screenshot({ path: shot('04-results'), fullPage: true });
  });

  it('imports a finance extract dropped on the window, maps its codes, shows the variance, and undoes it', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.page.setViewportSize({ width: 1280, height: 800 });
    const extract = readFileSync(path.join(REPO, 'test/fixtures/extracts/messy-extract.csv'), 'utf8');
    const dialog = new ImportActualsDialogPage(app.page);
    await dialog.drop('messy-extract.csv', extract);

    // The demo plan has no ledger codes: every code is unmatched, and nothing is changed yet.
    await app.page.getByTestId('actuals-unmatched').waitFor();
    expect(await dialog.text()).toContain("row 9, column B: the code 'prj-iris' is not a ledger code or id of any intervention");
    await app.page.screenshot({ path: shot('05-import-unmatched') });
    await dialog.map('CC1002', 'Community navigators');
    await dialog.map('CC1009', 'IRIS (GP domestic abuse training)');
    await dialog.map('prj-iris', 'IRIS (GP domestic abuse training)');
    await dialog.map('cc1000', 'VRU central team');
    await dialog.retry();
    const preview = await dialog.text();
    expect(preview).toContain('actuals to October 2021 (before: none yet)');
    expect(preview).toContain('Replaces every service’s actuals for Sep 2021, Oct 2021.');
    expect(preview).toContain('Count April 2020 to August 2021 as spent as planned');
    await app.page.screenshot({ path: shot('06-import-preview') });
    await dialog.confirm();

    await app.page.getByTestId('screen-outturn').waitFor();
    await app.waitForResults();
    await expect.poll(() => app.page.getByTestId('actuals-as-at-badge').innerText()).toBe('Actuals to October 2021');
    // IRIS: £199.99 in September; £3,000 less a £500 reversal in October.
    expect(await app.page.getByTestId(`actual-iris-${parseMonth('2021-09')}`).inputValue()).toBe('£200');
    expect(await app.page.getByTestId(`actual-iris-${parseMonth('2021-10')}`).inputValue()).toBe('£2,500');
    expect(await app.page.getByTestId(`actual-central-team-${parseMonth('2021-10')}`).inputValue()).toBe('£8,000');
    const screen = new OutturnScreen(app.page);
    await screen.chooseScenario('base');
    expect(await screen.figure('outturn-variance')).toContain('Underspend of');
    await app.page.screenshot({ path: shot('07-imported'), fullPage: true });

    await expect
      .poll(() => app.undoButton().getAttribute('title'))
      .toContain('Import actuals from messy-extract.csv (actuals to October 2021)');
    await app.undoByKeyboard();
    await expect.poll(() => app.page.getByTestId('actuals-as-at-badge').count()).toBe(0);
    expect(await app.page.getByTestId('screen-outturn').innerText()).toContain('No actuals yet');
    expect(app.consoleErrors).toEqual([]);
  });
});
