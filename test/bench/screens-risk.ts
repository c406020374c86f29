// A risk run on the Risk screen: 10,000 draws of the demo plan with its grant level and the
// confirmation delay uncertain, from the click on Run to the results shown, against the same
// draws' CPU time in one thread of the CLI's runner (createDrawRunner, as each of its workers).
import type { Browser, Page } from 'playwright-core';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import type { Plan } from '../../shared/plan';
import { createDrawRunner } from '../../shared/uncertainty/risk';
import { validatePlan } from '../../shared/validate';
import { loadPeer, openApp, openHarness, pageDraws } from './browser';
import { measure, stat, type Stat } from './measure';
import { quick } from './options';
import { RISK_DRAWS } from './risk';

export interface AppRiskResult {
  readonly plan: string;
  readonly draws: number;
  readonly seed: number;
  /** Click on Run to the results on the screen, wall ms (Playwright round trips included). */
  readonly clickToResults: Stat;
  /** What the screen said of the last run ("10,000 draws on 2 workers in … s"). */
  readonly status: string;
  /** The same draws on one thread of the CLI's runner. */
  readonly cli: { readonly cpu: Stat; readonly wall: Stat };
  /** Click to results over the CLI thread's CPU time (medians). */
  readonly ratio: number;
  /** Diagnostic: the same draws on the page's main thread, no workers (page ms), or why not measured. */
  readonly pageThreadMs: number | string;
}

export const RISK_BENCH_SCENARIO = 'bench-risk';
const SEED = 42;

/** The demo plan with one more scenario: the Home Office grant level and its 2021/22 confirmation delay uncertain. */
export function demoRiskPlan(): Plan {
  const plan = structuredClone(demoPlan) as unknown as Plan;
  plan.scenarios = [
    ...(plan.scenarios ?? []),
    {
      id: RISK_BENCH_SCENARIO,
      name: 'Grant level and confirmation uncertain',
      uncertainty: [
        { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.85, max: 1 },
        { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
      ],
      changes: [{ stream: 'ho-core', fy: '2021/22', confirmDelay: '=delay' }],
    },
  ];
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(`the demo risk plan is not valid: ${validation.problems[0].path}: ${validation.problems[0].message}`);
  return plan;
}

/** Types the draws, clicks Run and waits for this run's results (the status seen running, then idle with results). */
async function runOnScreen(page: Page, draws: number): Promise<number> {
  await page.getByTestId('risk-draws').fill(String(draws));
  await page.getByTestId('risk-seed').fill(String(SEED));
  await page.evaluate(() => {
    const w = window as unknown as { benchSawRunning: boolean };
    w.benchSawRunning = false;
    const status = document.querySelector('[data-testid="risk-status"]')!;
    new MutationObserver((_, observer) => {
      if (status.getAttribute('data-status') === 'running') {
        w.benchSawRunning = true;
        observer.disconnect();
      }
    }).observe(status, { attributes: true, attributeFilter: ['data-status'] });
  });
  const start = performance.now();
  await page.getByTestId('risk-run').click();
  await page.waitForFunction(
    () =>
      (window as unknown as { benchSawRunning: boolean }).benchSawRunning &&
      document.querySelector('[data-testid="risk-status"]')?.getAttribute('data-status') === 'idle' &&
      !!document.querySelector('[data-testid="risk-results"]'),
    undefined,
    { polling: 'raf', timeout: 600_000 },
  );
  return performance.now() - start;
}

export async function benchAppRisk(browser: Browser): Promise<AppRiskResult | { skipped: string }> {
  const plan = demoRiskPlan();
  const rounds = quick ? 1 : 3;
  // The CLI's runner on this thread: warmed up, then the same draws (0 to 10,000) as the screen's.
  const runner = createDrawRunner(plan, RISK_BENCH_SCENARIO, SEED);
  runner.run(RISK_DRAWS, RISK_DRAWS + 500);
  const cli = Array.from({ length: rounds }, () => measure(() => runner.run(0, RISK_DRAWS)));
  const { harness, close } = await openHarness(plan);
  try {
    const { page } = await openApp(browser, harness);
    await page.getByTestId('nav-risk').click();
    await page.getByTestId('screen-risk').waitFor();
    await page.getByTestId('risk-scenario').selectOption(RISK_BENCH_SCENARIO);
    // A short run first: the workers' code loaded and compiled, as after a user's first run.
    await runOnScreen(page, 500);
    const samples: number[] = [];
    for (let round = 0; round < rounds; round++) samples.push(await runOnScreen(page, RISK_DRAWS));
    const status = ((await page.getByTestId('risk-status').textContent()) ?? '').trim();
    const peerMissing = await loadPeer(page);
    const pageThreadMs = peerMissing ?? (await pageDraws(page, RISK_BENCH_SCENARIO, SEED, RISK_DRAWS));
    await page.close();
    const clickToResults = stat(samples);
    const cpu = stat(cli.map((c) => c.cpu));
    return {
      plan: `the demo plan with scenario "${RISK_BENCH_SCENARIO}" (grantLevel triangular 0.6–0.85–1, ho-core 2021/22 confirmation delay 0–3 months)`,
      draws: RISK_DRAWS,
      seed: SEED,
      clickToResults,
      status,
      cli: { cpu, wall: stat(cli.map((c) => c.wall)) },
      ratio: clickToResults.median / cpu.median,
      pageThreadMs,
    };
  } finally {
    await close();
  }
}
