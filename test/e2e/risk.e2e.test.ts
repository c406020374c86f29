// The Risk screen driven in Chromium against the browser harness: uncertain variables
// edited on screen, draws run in Web Workers with progress and Cancel, results that the
// same seed reproduces on any number of workers, the ladder, break-even, and downloads.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { browserSuite, REPO } from './support';
import { HeadroomApp } from './pages/headroom-app';
import { BreakevenPanel, RiskScreen } from './pages/risk-screen';

const SHOTS = path.join(REPO, 'test-results/screens');
const CUT = 'cut-25-june';
const CUT_INDEX = 2; // its place in the demo plan's scenarios

let app: HeadroomApp | null = null;
const extraContexts: BrowserContext[] = [];
const suite = browserSuite('test-results/screens');

afterEach(async () => {
  await app?.close();
  app = null;
  for (const context of extraContexts.splice(0)) await context.close();
});

/** The app with navigator.hardwareConcurrency as given (the Risk screen's worker count). */
async function openWithCores(cores: number): Promise<HeadroomApp> {
  const context = await suite.chromium.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  extraContexts.push(context);
  await context.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
  const other = new HeadroomApp(context, await context.newPage(), suite.harness.harness);
  await other.page.goto(suite.harness.harness.url, { waitUntil: 'load' });
  await other.arriveOnOverview();
  return other;
}

/** The 2021/22 VRU grant becomes known `delay` months after June (plan-format.md §9: confirmDelay). */
async function linkDelay(a: HeadroomApp): Promise<void> {
  await a.callApi('applyEdit', {
    label: 'Confirmation of 2021/22 delayed by "delay" months after June',
    ops: [
      { op: 'set', path: ['scenarios', CUT_INDEX, 'variables', 'delay'], value: 0 },
      { op: 'set', path: ['scenarios', CUT_INDEX, 'changes', 0, 'confirmedOn'] },
      { op: 'set', path: ['scenarios', CUT_INDEX, 'changes', 0, 'confirmDelay'], value: '=2 + delay' },
    ],
  });
  await a.page.reload({ waitUntil: 'load' });
  await a.arriveOnOverview();
}

/** Runs the draws and returns the run's time from its status line ("… in 12.3 s (813 draws a second)"). */
async function runAndTime(risk: RiskScreen, draws: number, seed: number): Promise<{ seconds: number; perSecond: number; status: string }> {
  await risk.setRun(draws, seed);
  await risk.run();
  await risk.waitForResults();
  const status = await risk.status();
  const m = /in ([\d.]+) s \(([\d,]+) draws a second\)/.exec(status);
  return { seconds: Number(m?.[1]), perSecond: Number(m?.[2].replace(/,/g, '')), status };
}

describe('the Risk screen', () => {
  it('edits uncertain variables, runs 10,000 draws with progress, cancels a second run, and the same seed gives the same numbers on 1 or all workers', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await linkDelay(app);
    const risk = new RiskScreen(app.page);
    // Workers started from here on: the screen's, started when it opens and kept.
    const started: unknown[] = [];
    app.page.on('worker', (worker) => started.push(worker));
    await risk.open();
    await risk.chooseScenario(CUT);

    // A triangular grant level around the scenario's 75%, up to the full grant.
    await risk.addUncertain('grantLevel', 'triangular');
    await app.waitForResults();
    expect(await risk.param('grantLevel', 'mode').inputValue()).toBe('0.75');
    await risk.setParam('grantLevel', 'min', '0.6');
    await app.waitForResults();
    await risk.setParam('grantLevel', 'max', '1');
    await app.waitForResults();

    // A mode above max is refused with the validator's message at the field; nothing is stored.
    const revision = await app.revision();
    await risk.setParam('grantLevel', 'mode', '2');
    await app.waitForResults();
    await expect.poll(() => risk.paramError('grantLevel', 'mode')).toContain('2 is above max 1');
    expect(await app.revision()).toBe(revision);
    await risk.param('grantLevel', 'mode').press('Escape');
    expect(await risk.param('grantLevel', 'mode').inputValue()).toBe('0.75');

    // A discrete delay to the confirmation: 0 to 3 months after June, shorter more likely.
    await risk.addUncertain('delay', 'discrete');
    await app.waitForResults();
    await risk.setParam('delay', 'values', '0, 1, 2, 3');
    await app.waitForResults();
    await risk.setParam('delay', 'weights', '4, 3, 2, 1');
    await app.waitForResults();
    const stored = (await app.callApi('getPlan')).plan.scenarios![CUT_INDEX].uncertainty;
    expect(stored).toEqual([
      { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.75, max: 1 },
      { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
    ]);

    // 10,000 draws: the progress bar moves, the workers run, and the results appear. The
    // workers are those the screen started when it opened (its risk workers and one for
    // ladders and break-evens): a run starts none.
    const idleWorkers = app.page.workers().length;
    await risk.setRun(10_000, 1);
    await risk.run();
    await expect.poll(() => risk.progress(), { timeout: 60_000 }).toBeGreaterThan(0);
    const early = (await risk.progress()) ?? 0;
    expect(app.page.workers().length).toBe(idleWorkers);
    await expect.poll(() => risk.progress(), { timeout: 120_000 }).toBeGreaterThan(early + 10);
    await risk.waitForResults();
    const tenThousand = await risk.status();
    expect(tenThousand).toMatch(/^10,000 draws on \d workers? in/);
    const riskWorkers = Number(/on (\d) workers?/.exec(tenThousand)?.[1]);
    expect(started).toHaveLength(riskWorkers + 1);
    const first = await risk.summaryTable();
    expect(first).toContain('Drawn from OPCC');
    await app.page.waitForTimeout(300);
    await app.screenshot(path.join(SHOTS, 'risk-results-light.png'));

    // Run again and cancel part-way: the run stops at once, the screen says so, the
    // previous results stay, and the workers are kept.
    await risk.run();
    await expect.poll(() => risk.progress(), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
    await risk.cancel();
    expect(await risk.statusKind()).toBe('cancelled');
    expect(await risk.status()).toMatch(/^Cancelled after [\d,]+ of 10,000 draws\. The results below are from the previous run\.$/);
    expect(app.page.workers().length).toBe(idleWorkers);
    expect(await risk.progressBar().count()).toBe(0);
    expect(await risk.summaryTable()).toBe(first);
    await app.page.waitForTimeout(500);
    expect(await risk.statusKind()).toBe('cancelled');

    // The same seed on all workers and on one worker: identical numbers.
    const all = await runAndTime(risk, 2000, 7);
    const allText = await risk.resultText();
    const allWorkers = Number(/on (\d) workers?/.exec(all.status)?.[1]);
    expect(started).toHaveLength(riskWorkers + 1);
    const single = await openWithCores(1);
    const riskOne = new RiskScreen(single.page);
    await riskOne.open();
    await riskOne.chooseScenario(CUT);
    const one = await runAndTime(riskOne, 2000, 7);
    expect(one.status).toContain('on 1 worker in');
    expect(await riskOne.resultText()).toBe(allText);
    const timings = {
      draws10000: { seconds: Number(/in ([\d.]+) s/.exec(tenThousand)?.[1]), status: tenThousand },
      draws2000AllWorkers: { workers: allWorkers, ...all },
      draws2000OneWorker: { workers: 1, ...one },
    };
    console.log(`risk timings: ${JSON.stringify(timings)}`);
    fs.writeFileSync(path.join(REPO, 'test-results/risk-timings.json'), JSON.stringify(timings, null, 2));
    expect(app.consoleErrors).toEqual([]);
    expect(single.consoleErrors).toEqual([]);
  }, 600_000);

  it('says the break-even grant level for the 25% cut in plain words, and says so plainly when the range cannot reach it', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.go('scenarios');
    await app.page.getByTestId(`scenario-item-${CUT}`).click();
    const breakeven = new BreakevenPanel(app.page);
    const found = await breakeven.find({ target: 'no-closures', lo: '0', hi: '1' });
    expect(found).toMatch(
      /^The smallest grant level that keeps every service open is [\d.]+% \(Serious Violence Fund: VRU grant £[\d,]+ in 2021\/22 and £[\d,]+ in 2022\/23\)\.$/,
    );
    await app.page
      .getByTestId('breakeven-answer')
      .locator('xpath=ancestor::section[1]')
      .screenshot({ path: path.join(SHOTS, 'risk-breakeven.png') });
    const notMet = await breakeven.find({ target: 'no-closures', lo: '0', hi: '0.5' });
    expect(notMet).toMatch(
      /^No grant level in this range keeps every service open: even at 50%, the top of the range, \d+ services still close \(/,
    );
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);

  it('runs a ladder, downloads both CSVs, and has no serious accessibility problems, light or dark', async () => {
    const axeSource = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.callApi('applyEdit', {
      label: 'Grant level uncertain',
      ops: [
        {
          op: 'set',
          path: ['scenarios', CUT_INDEX, 'uncertainty'],
          value: [{ variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.75, max: 1 }],
        },
      ],
    });
    await app.page.reload({ waitUntil: 'load' });
    await app.arriveOnOverview();
    const risk = new RiskScreen(app.page);
    await risk.open();
    await risk.chooseScenario(CUT);
    await runAndTime(risk, 500, 3);

    const summary = await risk.download('risk-download');
    expect(summary.name).toMatch(new RegExp(`-risk-${CUT}\\.csv$`));
    const summaryText = fs.readFileSync(summary.path!, 'utf8');
    expect(summaryText.split('\r\n')[0]).toBe('Section,Item,Mean,P10,P50,P90,Probability of closing,Probability of transitioning');
    expect(summaryText.split('\r\n')[1]).toBe(`Run,"25% cut, confirmed in June (${CUT}); 500 draws; seed 3",,,,,,`);

    const found: string[] = [];
    const scan = async (where: string) => {
      for (const v of await app!.axe(axeSource)) found.push(`${where}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
    };
    await scan('light draws');

    await risk.openLadder();
    await risk.runLadder('grantLevel', '0.5', '1', '0.05');
    const rows = await risk.ladderRows();
    expect(rows).toHaveLength(11);
    // A grant level reads as % of the planned grant.
    expect(rows[0]).toMatch(/^50% /);
    expect(rows[10]).toMatch(/^100% .* None$/);
    await app.page.getByTestId('ladder-results').getByRole('button', { name: 'Show as chart' }).click();
    await app.page.waitForTimeout(300);
    await app.screenshot(path.join(SHOTS, 'risk-ladder-light.png'));
    await scan('light ladder');
    const ladder = await risk.download('ladder-download');
    expect(fs.readFileSync(ladder.path!, 'utf8').split('\r\n')[0]).toBe(
      'grantLevel,Spend (£),Drawn (£),Closures,Avoidable closures,People losing support,Services that close',
    );

    await app.page.emulateMedia({ colorScheme: 'dark' });
    await app.page.getByTestId('risk-tab-draws').click();
    await app.page.waitForTimeout(300);
    await app.screenshot(path.join(SHOTS, 'risk-results-dark.png'));
    await scan('dark draws');
    expect(found).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  }, 300_000);
});
