// Part 4: screens in Chromium (the browser harness), each set against a peer timed in the same
// page: a grant level typed + Enter to the chart settled, each step of a dragged level slider
// to the figures updated, and (screens-risk.ts) a risk run from the click to the results.
import type { Page } from 'playwright-core';
import { apiRoundTrip, launchBrowser, loadPeer, openApp, openHarness, peerEdit, screensMissing, startPeer } from './browser';
import { stat, type Stat } from './measure';
import { quick } from './options';
import type { PeerTiming } from './page-probe';
import { benchAppRisk, type AppRiskResult } from './screens-risk';

export interface ScreensResult {
  readonly plan: string;
  readonly renderer: string;
  readonly edit: string;
  /** Wall ms, Playwright round trips included. */
  readonly editToChart: Stat;
  /** The same, on the page's clock from the Enter key's arrival (no typing, no round trips). */
  readonly editToChartInPage: Stat;
  /** The in-page peer after each edit: the engine's edit + one render of the chart with the final data (page ms). */
  readonly peer: { readonly total: Stat; readonly engine: Stat; readonly render: Stat } | { readonly skipped: string };
  /** Diagnostic: one API round trip from the page (getPlan of the demo plan), page ms. */
  readonly apiRoundTrip: Stat | null;
  /** The peer's chart showed what the app's chart showed after every edit. */
  readonly peerAgrees: boolean | null;
  readonly slider: string;
  /** Each step of the dragged slider to the figures updated (wall ms). */
  readonly sliderStep: Stat | { readonly skipped: string };
  /** The same, on the page's clock from the slider's input event. */
  readonly sliderStepInPage: Stat | null;
  readonly appRisk: AppRiskResult | { readonly skipped: string };
  readonly firstLoad: number;
}

const SCENARIO = 'cut-25-june';
const LEVEL = 'level-ho-core-2021/22';
const CHART = '[data-testid="scenario-chart"] [data-testid="month-chart"]';

/**
 * Waits until no simulation or save is on its way and the scenario chart shows a result other
 * than `before` (its data-result: scenario, total spend, total drawn); returns that result.
 */
async function chartSettled(page: Page, before: string): Promise<Seen> {
  const handle = await page.waitForFunction(
    ([selector, previous]) => {
      const chart = document.querySelector(selector);
      const busy = document.querySelector('.sim-state.busy');
      const saving = document.querySelector('[data-testid="save-state"]')?.textContent === 'Saving…';
      const shown = chart?.getAttribute('data-result') ?? null;
      const since = performance.now() - ((window as unknown as MarkWindow).benchMark ?? NaN);
      return shown !== null && !busy && !saving && shown !== previous ? { shown, since } : false;
    },
    [CHART, before] as const,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as Seen;
}

/** What a wait saw, and the page's ms since the last Enter or slider input (the `benchMark`). */
interface Seen {
  readonly shown: string;
  readonly since: number;
}

type MarkWindow = { benchMark?: number };

/** Marks, on the page's clock, each Enter and each slider input as the page receives it. */
async function markInputs(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as MarkWindow;
    const mark = () => (w.benchMark = performance.now());
    document.addEventListener('keydown', (e) => e.key === 'Enter' && mark(), true);
    document.addEventListener('input', (e) => (e.target as HTMLInputElement | null)?.type === 'range' && mark(), true);
  });
}

/** Until the level's amount (from the worker's answer) differs from `before` and nothing is simulating. */
async function figuresUpdated(page: Page, before: string): Promise<Seen> {
  const handle = await page.waitForFunction(
    ([testId, previous]) => {
      const shown = document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;
      const since = performance.now() - ((window as unknown as MarkWindow).benchMark ?? NaN);
      return shown !== null && shown !== previous && !document.querySelector('.sim-state.busy') ? { shown, since } : false;
    },
    [`${LEVEL}-amount`, before] as const,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as Seen;
}

/** Typed levels, each stored with Enter, until the chart settles; the peer after each. */
async function editRounds(page: Page, withPeer: boolean) {
  const field = page.getByTestId(LEVEL);
  await field.waitFor();
  await markInputs(page);
  let chart = (await chartSettled(page, '')).shown;
  if (withPeer) await startPeer(page, SCENARIO, CHART);
  const app: number[] = [];
  const inPage: number[] = [];
  const trips: number[] = [];
  const peers: PeerTiming[] = [];
  let agrees = true;
  const levels = [70, 80, 65, 85];
  const rounds = quick ? 6 : 14;
  for (let round = -2; round < rounds; round++) {
    const level = levels[(round + 4) % levels.length];
    const start = performance.now();
    await field.fill(String(level));
    await field.press('Enter');
    const seen = await chartSettled(page, chart);
    const elapsed = performance.now() - start;
    chart = seen.shown;
    // The peer takes in the same stored plan, after the app has settled (so neither disturbs the other).
    const peer = withPeer ? await peerEdit(page) : null;
    if (peer) agrees &&= peer.shown === chart;
    if (withPeer) trips.push(await apiRoundTrip(page));
    if (round < 0) continue;
    app.push(elapsed);
    inPage.push(seen.since);
    if (peer) peers.push(peer);
  }
  return { app: stat(app), inPage: stat(inPage), peers, agrees, trips: trips.length ? stat(trips) : null };
}

/** Drags the level's slider step by step (about 2% a step), timing each step to the figures updated. */
async function sliderSteps(page: Page): Promise<{ wall: Stat; inPage: Stat }> {
  const slider = page.getByTestId(`${LEVEL}-slider`);
  const box = (await slider.boundingBox())!;
  const range = await slider.evaluate((el: HTMLInputElement) => ({ min: Number(el.min), max: Number(el.max), value: Number(el.value) }));
  const xOf = (value: number) => box.x + ((value - range.min) / (range.max - range.min)) * box.width;
  const y = box.y + box.height / 2;
  const value = () => slider.evaluate((el: HTMLInputElement) => el.value);
  let amount = (await page.getByTestId(`${LEVEL}-amount`).textContent()) ?? '';
  let x = xOf(range.value);
  await page.mouse.move(x, y);
  await page.mouse.down();
  const samples: number[] = [];
  const inPage: number[] = [];
  const steps = quick ? 8 : 20;
  const dx = (2 * box.width) / (range.max - range.min);
  let shown = await value();
  try {
    for (let step = -2; step < steps && x - dx > box.x;) {
      x -= dx;
      const start = performance.now();
      await page.mouse.move(x, y);
      const now = await value();
      // A move within the same percent changes nothing: keep dragging.
      if (now === shown) continue;
      shown = now;
      const seen = await figuresUpdated(page, amount);
      amount = seen.shown;
      if (step >= 0) {
        samples.push(performance.now() - start);
        inPage.push(seen.since);
      }
      step++;
    }
  } finally {
    await page.mouse.up();
  }
  return { wall: stat(samples), inPage: stat(inPage) };
}

export async function benchScreens(): Promise<ScreensResult | { skipped: string }> {
  const missing = screensMissing();
  if (missing) return { skipped: missing };
  const { browser, close } = await launchBrowser();
  try {
    const { harness, close: closeHarness } = await openHarness();
    let edits: Awaited<ReturnType<typeof editRounds>>;
    let slider: Awaited<ReturnType<typeof sliderSteps>> | { skipped: string };
    let firstLoad: number;
    let peerMissing: string | null;
    try {
      const opened = await openApp(browser, harness);
      const page = opened.page;
      firstLoad = opened.firstLoad;
      peerMissing = await loadPeer(page);
      await page.getByTestId('nav-scenarios').click();
      await page.getByTestId('screen-scenarios').waitFor();
      await page.getByTestId(`scenario-item-${SCENARIO}`).click();
      edits = await editRounds(page, peerMissing === null);
      slider = await sliderSteps(page).catch((error: unknown) => ({
        skipped: `slider: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      }));
      await page.close();
    } finally {
      await closeHarness();
    }
    const appRisk = await benchAppRisk(browser);
    const peers = edits.peers;
    return {
      plan: `the demo plan (21 interventions, 36 months), scenario ${SCENARIO}`,
      renderer: process.env.HEADROOM_BENCH_RENDERER ? 'built fresh from renderer/' : 'out/renderer as found',
      edit: 'type a 2021/22 grant level for ho-core and press Enter, until the scenario chart has redrawn and nothing is simulating or saving (includes Playwright round trips)',
      editToChart: edits.app,
      editToChartInPage: edits.inPage,
      peer: peerMissing
        ? { skipped: peerMissing }
        : {
            total: stat(peers.map((p) => p.totalMs)),
            engine: stat(peers.map((p) => p.engineMs)),
            render: stat(peers.map((p) => p.renderMs)),
          },
      peerAgrees: peerMissing ? null : edits.agrees,
      apiRoundTrip: edits.trips,
      slider:
        'drag the same level’s slider down about 2% a step, each step until the level’s amount shows the worker’s answer and nothing is simulating',
      sliderStep: 'skipped' in slider ? slider : slider.wall,
      sliderStepInPage: 'skipped' in slider ? null : slider.inPage,
      appRisk,
      firstLoad,
    };
  } finally {
    await close();
  }
}
