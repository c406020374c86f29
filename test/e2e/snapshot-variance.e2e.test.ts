// Variance against a snapshot, in Chromium on the demo plan: the budget as approved is kept as
// a snapshot, a grant level changes on the Scenarios screen, then Compare shows the plan now
// against the snapshot (the services whose outcome changed first, the allocation's change in
// words), History shows the change after the snapshot with its time, both export (the
// workbook read back with exceljs, the CSV parsed), and the outturn against the snapshot's
// budget says where its budget comes from. Screenshots in test-results/snapshot-variance/.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../electron/export/briefing';
import { readCsv } from '../fixtures/read-csv';
import { HeadroomApp } from './pages/headroom-app';
import { AgainstSnapshotSection, HistoryScreen, takeSnapshot } from './pages/history-screen';
import { sidewaysScroll } from './pages/layout-checks';
import { OutturnScreen } from './pages/outturn-screen';
import { browserSuite, REPO } from './support';

const KEPT = 'test-results/snapshot-variance';
const suite = browserSuite(KEPT);
const SNAPSHOT = 'Budget as approved, February';
const CUT = 'cut-25-june';
const CUT_NAME = '25% cut, confirmed in June';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
let app: HeadroomApp;

afterEach(async () => {
  await app?.close();
});

const kept = (name: string) => path.join(REPO, KEPT, name);

async function download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([button.page().waitForEvent('download'), button.click()]);
  const bytes = fs.readFileSync((await file.path())!);
  fs.writeFileSync(kept(file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), bytes };
}

/** Screenshots of the page at each size, after checking nothing sticks out sideways. */
async function shots(a: HeadroomApp, name: string, target?: Locator): Promise<void> {
  for (const size of SIZES) {
    await a.page.setViewportSize(size);
    await a.waitForResults();
    expect(await sidewaysScroll(a.page)).toEqual([]);
    if (target) {
      // The window scrolled to the section's top, and the whole section.
      await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await a.page.screenshot({ path: kept(`${name}-${size.width}x${size.height}.png`) });
      await target.screenshot({ path: kept(`${name}-whole-${size.width}x${size.height}.png`) });
    } else await a.screenshot(kept(`${name}-${size.width}x${size.height}.png`));
  }
  await a.page.setViewportSize(SIZES[0]);
}

describe('variance against a snapshot', () => {
  it('compares the plan now with the budget as approved, lists the change, exports both and budgets the outturn from it', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.page.setViewportSize(SIZES[0]);
    await takeSnapshot(app.page, SNAPSHOT, 'As approved by the board on 3 February');

    // The grant level of "25% cut, confirmed in June" goes from 75% to 50% for 2021/22.
    await app.go('scenarios');
    await app.page.getByTestId(`scenario-item-${CUT}`).click();
    await app.scenarios.setLevel('ho-core', '2021/22', 50);
    await app.waitForResults();
    const { entries } = await app.callApi('getHistory');
    const change = entries.at(-1)!;
    expect(change.label).toContain(CUT_NAME);
    expect(change.afterSnapshot?.name).toBe(SNAPSHOT);

    // Compare, against the snapshot: the snapshot's own "25% cut" is paired with today's.
    await app.go('compare');
    const against = new AgainstSnapshotSection(app.page);
    await against.chooseLive(CUT);
    expect(await against.snapshotScenario()).toBe(CUT);
    const headers = await against.headers();
    expect(headers.slice(1).map((h) => h.replace(/differences are from this one/, '').trim())).toEqual([
      `${SNAPSHOT}: ${CUT_NAME}`,
      `Now: ${CUT_NAME}`,
    ]);
    const [closuresThen, closuresNow] = (await against.total('closures')).map(Number);
    expect(closuresNow).toBeGreaterThan(closuresThen);
    // The services whose outcome changed come first, each named as differing.
    const rows = await against.matrixRows();
    const differs = rows.map((r) => r[0].includes('differs'));
    const changed = differs.lastIndexOf(true) + 1;
    expect(changed).toBeGreaterThanOrEqual(closuresNow - closuresThen);
    expect(differs.slice(0, changed).every(Boolean)).toBe(true);
    expect(differs.slice(changed).some(Boolean)).toBe(false);
    for (const row of rows.slice(0, changed)) expect(row[1]).not.toBe(row[2]);
    expect(rows.slice(0, changed).some((r) => /^Closes/.test(r[2]))).toBe(true);
    // The allocation's change, in words.
    const changes = await against.changes();
    expect(changes.some((c) => c.startsWith('Serious Violence Fund: VRU grant 2021/22') && c.includes('→'))).toBe(true);
    await shots(app, 'compare-against', against.section());

    // The briefing, with the changes since the snapshot as its annex.
    await app.page.getByTestId('briefing-history-annex').check();
    expect(await app.page.getByTestId('briefing-annex-since').inputValue()).toBe(String(change.afterSnapshot!.id));
    await app.page.evaluate(() => window.scrollTo(0, 0));
    await app.page.screenshot({ path: kept('compare-top-1280x800.png') });
    const briefing = (await download(app.page.getByTestId('export-briefing-html'))).bytes.toString('utf8');
    const annex = briefing.slice(briefing.indexOf('<h2>Changes to the plan</h2>'));
    expect(annex.length).toBeLessThan(briefing.length);
    expect(annex).toContain(escapeHtml(change.label));

    const xlsx = await download(against.exportButton('xlsx'));
    expect(xlsx.name).toBe(`West Midlands VRU 2021 22 cliff edge comparison with ${SNAPSHOT}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheetTexts = (name: RegExp) => {
      const texts: string[] = [];
      book.worksheets.find((w) => name.test(w.name))?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
      return texts;
    };
    for (const c of changes) expect(sheetTexts(/change/i)).toContain(c);
    expect(sheetTexts(/summary/i)).toContain(`${SNAPSHOT}: ${CUT_NAME}`);

    // History: the change, newest, with its time, then the snapshot's marker.
    const history = new HistoryScreen(app.page);
    await history.open();
    const listed = await history.rows();
    expect(listed[0][1]).toBe(change.label);
    expect(listed[0][0]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);
    expect(listed[1][1]).toBe(`Snapshot “${SNAPSHOT}” taken`);
    expect(listed).toHaveLength(entries.length + 1);
    // Another level tried and undone: the list follows the edit and the undo, the undone step marked.
    await app.go('scenarios');
    await app.scenarios.setLevel('ho-core', '2021/22', 40);
    await app.waitForResults();
    await history.open();
    await expect.poll(async () => (await history.rows()).length).toBe(listed.length + 1);
    const tried = (await history.rows())[0];
    await app.undoByKeyboard();
    await expect.poll(async () => (await history.rows())[0]).toEqual([...tried, 'undone']);
    expect((await history.rows()).slice(1)).toEqual(listed);
    // Filtered by the grant's stream, only the commands that touched it stay (with the markers).
    await history.filterByStream('Serious Violence Fund: VRU grant');
    const now = (await app.callApi('getHistory')).entries;
    const touched = now.filter((e) => e.subjects?.streams.includes('ho-core')).map((e) => e.label);
    // The level is the scenario's grantLevel, which the grant's allocations use: filed under the stream.
    expect(touched).toContain(change.label);
    const filtered = (await history.rows()).map((r) => r[1]).filter((t) => !t.startsWith('Snapshot “'));
    expect(filtered).toEqual(touched.reverse());
    await history.filterByStream('All streams');
    expect((await history.rows()).slice(1)).toEqual(listed);
    await shots(app, 'history');

    const csv = await download(history.exportButton());
    expect(csv.name).toBe('West Midlands VRU 2021 22 cliff edge history.csv');
    const [head, ...body] = readCsv(csv.bytes.toString('utf8')).filter((r) => r.some((c) => c !== ''));
    const row = body.find((r) => r[head.indexOf('Change')] === change.label)!;
    expect(row[head.indexOf('After snapshot')]).toBe(SNAPSHOT);
    expect(row[head.indexOf('Time')]).toBe(change.storedAt);

    // Outturn: the snapshot's "25% cut" as the budget of today's.
    const outturn = new OutturnScreen(app.page);
    await outturn.open();
    await outturn.chooseScenario(CUT);
    await outturn.chooseFy('2021/22');
    const asPlanned = await outturn.figure('outturn-budget');
    await app.page.getByTestId('outturn-budget-choice').selectOption({ label: `${SNAPSHOT}: ${CUT_NAME}` });
    await expect.poll(() => app.page.getByTestId('outturn-budget-source').innerText()).toBe(`Budget: ${SNAPSHOT}: ${CUT_NAME}.`);
    await expect
      .poll(() => app.page.getByRole('heading', { level: 2 }).first().innerText())
      .toBe(`Forecast outturn, 2021/22: variance against ${SNAPSHOT}`);
    expect(await outturn.figure('outturn-budget')).not.toBe(asPlanned);
    await app.screenshot(kept('outturn-against-1280x800.png'));
    const report = await app.callApi('outturnAgainstSnapshot', {
      scenarioId: CUT,
      fy: '2021/22',
      snapshotId: change.afterSnapshot!.id,
      snapshotScenarioId: CUT,
    });
    expect(report.totals.variance).not.toBe(0);
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load((await download(app.page.getByTestId('outturn-export-xlsx'))).bytes as unknown as ArrayBuffer);
    const outturnTexts: string[] = [];
    book2.getWorksheet('Outturn')!.eachRow((r) => r.eachCell((cell) => outturnTexts.push(String(cell.value))));
    expect(outturnTexts.some((t) => t.includes(`${SNAPSHOT}: ${CUT_NAME}`))).toBe(true);

    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  });
});
