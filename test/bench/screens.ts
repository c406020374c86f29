// Part 4: screens in Chromium (the browser harness).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startHarness } from '../../electron/harness/server';
import { stat, type Stat } from './measure';
import { quick, root } from './options';

const CHROMIUM = process.env.HEADROOM_CHROMIUM ?? '/usr/bin/chromium';

export interface ScreensResult {
  readonly plan: string;
  readonly renderer: string;
  readonly edit: string;
  readonly editToChart: Stat;
  readonly firstLoad: number;
}

/**
 * Waits until no simulation or save is on its way and the scenario chart shows a result other
 * than `before` (its data-result: scenario, total spend, total drawn); returns that result.
 */
async function chartSettled(page: Page, before: string): Promise<string> {
  const handle = await page.waitForFunction(
    (previous) => {
      const chart = document.querySelector('[data-testid="scenario-chart"] [data-testid="month-chart"]');
      const busy = document.querySelector('.sim-state.busy');
      const saving = document.querySelector('[data-testid="save-state"]')?.textContent === 'Saving…';
      const shown = chart?.getAttribute('data-result') ?? null;
      return shown !== null && !busy && !saving && shown !== previous ? shown : false;
    },
    before,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as string;
}

export async function benchScreens(): Promise<ScreensResult | { skipped: string }> {
  const fresh = process.env.HEADROOM_BENCH_RENDERER;
  const rendererDir = fresh ?? path.join(root, 'out/renderer');
  const missing = [path.join(root, 'electron/harness/server.ts'), path.join(rendererDir, 'index.html')].filter((f) => !fs.existsSync(f));
  if (missing.length) return { skipped: `screens: harness not ready (${missing.map((f) => path.relative(root, f)).join(', ')} missing)` };
  if (!fs.existsSync(CHROMIUM)) return { skipped: `screens: no Chromium at ${CHROMIUM} (set HEADROOM_CHROMIUM)` };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-screens-'));
  const browserTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-chromium-'));
  const harness = await startHarness({ dataDir, rendererDir, onError: () => {} });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
    env: { ...process.env, TMPDIR: browserTmp },
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const t = performance.now();
    await page.goto(harness.url, { waitUntil: 'load' });
    await page.getByTestId('screen-overview').waitFor();
    const firstLoad = performance.now() - t;
    await page.getByTestId('nav-scenarios').click();
    await page.getByTestId('screen-scenarios').waitFor();
    await page.getByTestId('scenario-item-cut-25-june').click();
    const field = page.getByTestId('level-ho-core-2021/22');
    await field.waitFor();
    let chart = await chartSettled(page, '');
    const samples: number[] = [];
    const levels = [70, 80, 65, 85];
    const rounds = quick ? 6 : 14;
    for (let round = -2; round < rounds; round++) {
      const level = levels[(round + 4) % levels.length];
      const start = performance.now();
      await field.fill(String(level));
      await field.press('Enter');
      chart = await chartSettled(page, chart);
      if (round >= 0) samples.push(performance.now() - start);
    }
    return {
      plan: 'the demo plan (21 interventions, 36 months), scenario cut-25-june',
      renderer: fresh ? 'built fresh from renderer/' : 'out/renderer as found',
      edit: 'type a 2021/22 grant level for ho-core and press Enter, until the scenario chart has redrawn and nothing is simulating or saving (includes Playwright round trips)',
      editToChart: stat(samples),
      firstLoad,
    };
  } finally {
    await browser.close();
    await harness.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(browserTmp, { recursive: true, force: true });
  }
}
