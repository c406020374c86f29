// The in-page peer of the screens' timings, bundled for the page by build/scripts/bench.mjs
// and evaluated in it: the engine's edit as the sim worker makes it (the plan compiled once,
// each edit taken in with withEdit, then resolve + simulate of every scenario) and one render
// of the scenario chart (MonthChart, as the Scenarios screen draws it) with the final data,
// on the page's own thread, with the page's layout done. No store, no worker, no messages.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { MonthChart } from '../../renderer/components/MonthChart';
import { compilePlan, type CompiledPlan } from '../../shared/compiled/compile';
import { simulate, type SimulationResult } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { createDrawRunner } from '../../shared/uncertainty/risk';

export interface PeerTiming {
  /** The engine's edit, then the chart's render and layout, in ms of the page's clock. */
  readonly engineMs: number;
  readonly renderMs: number;
  readonly totalMs: number;
  /** The chart's data-result after the render, to check against the app's chart. */
  readonly shown: string | null;
}

export interface BenchPeer {
  /**
   * Compiles the stored plan, resolves every scenario and draws the chart once (untimed), in
   * a box as wide as `width`.
   */
  start(scenarioId: string, width: number): Promise<void>;
  /** The timed edit to the plan stored now (read from the harness before the timing starts). */
  edit(): Promise<PeerTiming>;
  stop(): void;
  /**
   * Diagnostics: draws `from` to `to` of the stored plan's scenario on the page's own thread
   * (the runner each risk worker uses, without the worker), and one API round trip (getPlan), in ms.
   */
  drawsOnPage(scenarioId: string, seed: number, from: number, to: number): Promise<number>;
  apiRoundTrip(): Promise<number>;
}

/** The plan as the harness stores it now, read through the API the page uses. */
async function storedPlan(): Promise<Plan> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="headroom-token"]')?.content ?? '';
  const response = await fetch('/api/getPlan', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': token },
    body: JSON.stringify({ args: [] }),
  });
  const reply = (await response.json()) as { ok: boolean; result?: { plan: Plan }; error?: string };
  if (!reply.ok || !reply.result) throw new Error(`getPlan: ${reply.error ?? response.status}`);
  return reply.result.plan;
}

const CHART_HEIGHT = 170;

let compiled: CompiledPlan | null = null;
let root: Root | null = null;
let box: HTMLDivElement | null = null;
let chartOf = '';

function allResults(plan: CompiledPlan): SimulationResult[] {
  return plan.resolveAll().map(simulate);
}

function draw(result: SimulationResult): void {
  flushSync(() => root!.render(createElement(MonthChart, { result, height: CHART_HEIGHT, compact: true })));
  // The layout the page does before it paints.
  void box!.getBoundingClientRect();
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

const peer: BenchPeer = {
  async start(scenarioId, width) {
    compiled = compilePlan(await storedPlan());
    chartOf = scenarioId;
    box = document.createElement('div');
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = `position:fixed;left:0;top:0;width:${width}px;visibility:hidden;pointer-events:none`;
    document.body.append(box);
    root = createRoot(box);
    const result = allResults(compiled).find((r) => r.id === scenarioId);
    if (!result) throw new Error(`no scenario ${scenarioId}`);
    draw(result);
    // The chart's container measures itself after the first render: let it, so that each timed render draws in full.
    for (let i = 0; i < 3; i++) await frame();
  },
  async edit() {
    const plan = await storedPlan();
    const t0 = performance.now();
    compiled = compiled!.withEdit(plan);
    const result = allResults(compiled).find((r) => r.id === chartOf)!;
    const t1 = performance.now();
    draw(result);
    const t2 = performance.now();
    const shown = box!.querySelector('[data-testid="month-chart"]')?.getAttribute('data-result') ?? null;
    return { engineMs: t1 - t0, renderMs: t2 - t1, totalMs: t2 - t0, shown };
  },
  async drawsOnPage(scenarioId, seed, from, to) {
    const runner = createDrawRunner(await storedPlan(), scenarioId, seed);
    runner.run(to, to + 200);
    const t = performance.now();
    runner.run(from, to);
    return performance.now() - t;
  },
  async apiRoundTrip() {
    const t = performance.now();
    await storedPlan();
    return performance.now() - t;
  },
  stop() {
    root?.unmount();
    box?.remove();
    compiled = root = box = null;
  },
};

(globalThis as { headroomBenchPeer?: BenchPeer }).headroomBenchPeer = peer;
