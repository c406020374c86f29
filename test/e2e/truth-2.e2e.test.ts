// Screens that tell the truth at a glance, the rest (issue 12, points 5 and 7), on the demo
// plan in Chromium at 1280×800: the Ladder in plain words with the break-even a click away,
// priority 0 refused with its rule where it is typed, names not cut mid-word, and the taper
// table inside its column. Screenshots are kept in test-results/truth-2/.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSuite, REPO } from './support';
import { RiskScreen } from './pages/risk-screen';
import { TruthApp } from './pages/truth-pages';

const SHOTS = path.join(REPO, 'test-results/truth-2');
let app: TruthApp | null = null;
const suite = browserSuite('test-results/truth-2');

afterEach(async () => {
  await app?.close();
  app = null;
});

async function shot(name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await app!.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

const squash = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();

/** Elements whose text is clipped (wider inside than shown), with no tooltip giving it whole unless `strict`. */
function clipped(selector: string, strict = false): Promise<string[]> {
  return app!.page
    .locator(selector)
    .evaluateAll(
      (els, all) =>
        els.filter((el) => el.scrollWidth > el.clientWidth + 1 && (all || !el.getAttribute('title'))).map((el) => el.textContent ?? ''),
      strict,
    );
}

describe('the Ladder in plain words', () => {
  it('gives grantLevel as % of the planned grant, the sentence, lists of closing services and the break-even', async () => {
    app = await TruthApp.openSmall(suite.chromium.browser, suite.harness.harness);
    const risk = new RiskScreen(app.page);
    await risk.open();
    await risk.chooseScenario('cut-25-june');
    await risk.openLadder();
    await risk.runLadder('grantLevel', '0.5', '1', '0.05');
    const sentence = squash(await app.page.getByTestId('ladder-sentence').textContent());
    expect(sentence).toBe(
      'Below 95.2% of the planned grant services start closing: first Place-based pilot: Wolverhampton (at 95%), then 6 services (at 90%), then Sports diversionary impact programme (at 85%), then Mentors in Violence Prevention and Place-based pilot: Hillfields (at 80%), then 5 more by 50%.',
    );
    const chart = app.page.getByTestId('ladder-chart');
    await chart.locator('.recharts-cartesian-axis-tick').first().waitFor({ state: 'attached' });
    const chartText = squash(await chart.textContent());
    for (const words of ['grantLevel (% of the planned grant)', 'Services closing', 'Drawn from the underwriter', '90%'])
      expect(chartText).toContain(words);
    await chart.scrollIntoViewIfNeeded();
    await shot('ladder-chart');

    await app.page.getByTestId('ladder-results').getByRole('button', { name: 'Table' }).click();
    const table = app.page.getByTestId('ladder-table');
    const row90 = table.locator('tbody tr', { has: app.page.locator('th', { hasText: /^90%$/ }) });
    const names = await row90.locator('.closes-list li').allTextContents();
    expect(names).toContain('Place-based pilot: Three Estates, Kings Norton');
    expect(names).toHaveLength(7);
    await table.scrollIntoViewIfNeeded();
    await shot('ladder-table');

    await app.page.getByTestId('ladder-breakeven').click();
    expect(await app.page.getByTestId('breakeven-variable').inputValue()).toBe('grantLevel');
    expect(await app.page.getByTestId('breakeven-lo').inputValue()).toBe('0.5');
    expect(await app.page.getByTestId('breakeven-hi').inputValue()).toBe('1');
    await app.page.getByTestId('breakeven-run').click();
    await expect.poll(async () => squash(await app!.page.getByTestId('breakeven-answer').textContent())).toMatch(/%/);
    await app.page.getByTestId('breakeven-answer').scrollIntoViewIfNeeded();
    await shot('ladder-breakeven');
    expect(app.consoleErrors).toEqual([]);
  }, 240_000);
});

describe('small frictions, the rest', () => {
  it('refuses priority 0 with its rule where it is typed, and keeps the plan as it was', async () => {
    app = await TruthApp.openSmall(suite.chromium.browser, suite.harness.harness);
    await app.go('interventions');
    const before = await app.revision();
    await app.interventions.editCell('mvp', 'priority', '0');
    await expect.poll(() => app!.interventions.editorError().innerText()).toBe('Priority 0 is not allowed: 1 is funded first');
    await shot('priority-zero');
    await app.interventions.cancelEdit();
    expect(await app.revision()).toBe(before);
    expect((await app.callApi('getPlan')).plan.interventions.find((i) => i.id === 'mvp')!.priority).toBe(11);
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);

  it('cuts no stream name or cliff-edge label mid-word at 1280 px', async () => {
    app = await TruthApp.openSmall(suite.chromium.browser, suite.harness.harness);
    await app.page.locator('.tl-name', { hasText: 'Place-based pilot: Three Estates, Kings Norton' }).first().scrollIntoViewIfNeeded();
    await shot('overview-names');
    // Cliff-edge labels wrap at a word; the outcome column keeps a tooltip with the whole text.
    expect(await clipped('.tl-name', true)).toEqual([]);
    expect(await clipped('.tl-outcome')).toEqual([]);
    await app.go('funding');
    await shot('funding-names');
    // Each stream card's name field (the add-stream form has a "Stream name" field of its own).
    const streams = app.page.locator('.stream-head').getByLabel('Stream name');
    expect(await streams.evaluateAll((els) => els.map((el) => el.getAttribute('title')))).toEqual([
      'Serious Violence Fund: VRU grant',
      'Parenting peer support',
      'Covid-19 micro-charities fund',
    ]);
    await app.go('scenarios');
    await app.editScenario('cut-25-june');
    await shot('scenarios-names');
    expect(await clipped('.tl-name, .tl-outcome, th, td')).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);

  it('keeps the taper table inside its column', async () => {
    app = await TruthApp.openSmall(suite.chromium.browser, suite.harness.harness);
    await app.go('interventions');
    await app.interventions.cell('iris', 'name').click();
    const table = app.page.locator('table', { has: app.page.locator('caption', { hasText: 'Partner contributions' }) });
    await table.scrollIntoViewIfNeeded();
    await shot('taper-table');
    // It stays inside its own column, and overlaps no part of the next ("If it closes").
    const edges = await table.evaluate((el) => {
      const column = el.closest('section')!;
      const t = el.getBoundingClientRect();
      const n = column.nextElementSibling!.getBoundingClientRect();
      const overlaps = t.left < n.right && n.left < t.right && t.top < n.bottom && n.top < t.bottom;
      return { table: t.right, column: column.getBoundingClientRect().right, overlaps };
    });
    expect(edges.table).toBeLessThanOrEqual(edges.column + 0.5);
    expect(edges.overlaps).toBe(false);
    const partner = table.getByLabel('Partner', { exact: true }).first();
    expect(await partner.getAttribute('title')).toBe('Black Country and West Birmingham CCGs');
    // The months show whole: "2020-04", not "2020-0".
    const from = table.getByLabel('From month', { exact: true }).first();
    expect(await from.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});
