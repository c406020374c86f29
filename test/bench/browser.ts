// Chromium on the browser harness, for the screens' timings: a harness on a data folder of its
// own (optionally starting on a given plan), a headless Chromium, and the in-page peer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/server';
import { DEMO_FILE_NAME } from '../../electron/session';
import { PlanDocument } from '../../electron/store/plan-document';
import type { Plan } from '../../shared/plan';
import type { BenchPeer, PeerTiming } from './page-probe';
import { root } from './options';

const CHROMIUM = process.env.HEADROOM_CHROMIUM ?? '/usr/bin/chromium';

/** Why the screens cannot be timed here, or null when they can. */
export function screensMissing(): string | null {
  const missing = [path.join(root, 'electron/harness/server.ts'), path.join(rendererDir(), 'index.html')].filter((f) => !fs.existsSync(f));
  if (missing.length) return `screens: harness not ready (${missing.map((f) => path.relative(root, f)).join(', ')} missing)`;
  if (!fs.existsSync(CHROMIUM)) return `screens: no Chromium at ${CHROMIUM} (set HEADROOM_CHROMIUM)`;
  return null;
}

export function rendererDir(): string {
  return process.env.HEADROOM_BENCH_RENDERER ?? path.join(root, 'out/renderer');
}

export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browserTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-chromium-'));
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
  return {
    browser,
    close: async () => {
      await browser.close();
      fs.rmSync(browserTmp, { recursive: true, force: true });
    },
  };
}

/** A harness on a fresh data folder: the demo plan, or `plan` in its place. */
export async function openHarness(plan?: Plan): Promise<{ harness: Harness; close: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-screens-'));
  if (plan) PlanDocument.create(path.join(dataDir, DEMO_FILE_NAME), plan).close();
  const harness = await startHarness({ dataDir, rendererDir: rendererDir(), onError: () => {} });
  return {
    harness,
    close: async () => {
      await harness.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The page at the harness, on the Overview; returns how long the first load took (wall ms). */
export async function openApp(browser: Browser, harness: Harness): Promise<{ page: Page; firstLoad: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const t = performance.now();
  await page.goto(harness.url, { waitUntil: 'load' });
  await page.getByTestId('screen-overview').waitFor();
  return { page, firstLoad: performance.now() - t };
}

/** The in-page peer (test/bench/page-probe.ts, bundled by build/scripts/bench.mjs), or why there is none. */
export async function loadPeer(page: Page): Promise<string | null> {
  const file = process.env.HEADROOM_BENCH_PROBE;
  if (!file || !fs.existsSync(file)) return 'no page probe (build/scripts/bench.mjs bundles test/bench/page-probe.ts)';
  // Evaluated through the DevTools protocol, which the page's content security policy does not govern.
  await page.evaluate(fs.readFileSync(file, 'utf8'));
  return null;
}

type PeerWindow = { headroomBenchPeer: BenchPeer };

/** Starts the peer on the stored plan, its chart as wide as the app's. */
export async function startPeer(page: Page, scenarioId: string, chartSelector: string): Promise<void> {
  await page.evaluate(
    ([id, selector]) => {
      const width = document.querySelector(selector)?.getBoundingClientRect().width ?? 800;
      return (window as unknown as PeerWindow).headroomBenchPeer.start(id, Math.round(width));
    },
    [scenarioId, chartSelector] as const,
  );
}

/** The peer's timed edit to the plan stored now (read before the timing starts). */
export function peerEdit(page: Page): Promise<PeerTiming> {
  return page.evaluate(() => (window as unknown as PeerWindow).headroomBenchPeer.edit());
}

/** The peer's diagnostics: the same draws on the page's thread, and one API round trip (page ms). */
export function pageDraws(page: Page, scenarioId: string, seed: number, draws: number): Promise<number> {
  return page.evaluate(([id, s, n]) => (window as unknown as PeerWindow).headroomBenchPeer.drawsOnPage(id, s, 0, n), [
    scenarioId,
    seed,
    draws,
  ] as const);
}

export function apiRoundTrip(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as PeerWindow).headroomBenchPeer.apiRoundTrip());
}
