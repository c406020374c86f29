// The built renderer in Chromium, served by the browser harness: the CSP holds, the page
// has no Node, and the API answers from the real plan file in a fresh data folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { DEMO_FILE_NAME } from '../../electron/session';
import { AppPage, buildRenderer, launchChromium, startTestHarness, type BuiltRenderer, type Chromium, type TestHarness } from './support';

let renderer: BuiltRenderer;
let chromium: Chromium;
let app: TestHarness;
let page: AppPage;

beforeAll(async () => {
  // Side by side, but whichever succeeds is kept, so that afterAll can release it.
  const [built, launched] = await Promise.allSettled([buildRenderer(), launchChromium()]);
  if (built.status === 'fulfilled') renderer = built.value;
  if (launched.status === 'fulfilled') chromium = launched.value;
  for (const outcome of [built, launched]) if (outcome.status === 'rejected') throw outcome.reason;
});

afterAll(async () => {
  await chromium?.close();
  renderer?.cleanup();
});

describe('the built renderer', () => {
  it('has no inline script (the CSP would block it) and no source maps', () => {
    const html = fs.readFileSync(path.join(renderer.dir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [tag, body] of scripts) {
      expect(tag).toMatch(/\ssrc="[^"]+"/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const files = fs.readdirSync(renderer.dir, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});

describe('the renderer in the browser harness', () => {
  beforeEach(async () => {
    app = await startTestHarness(renderer.dir);
    page = await AppPage.open(chromium.browser, app.harness);
  });

  afterEach(async () => {
    await page?.close();
    await app?.close();
  });

  it('loads and shows the plan with no console errors and no Node in the page', async () => {
    await expect.poll(() => page.planName()).toBe(demoPlan.name);
    await page.page.waitForLoadState('networkidle');
    expect(page.consoleErrors).toEqual([]);
    expect(page.failedResponses).toEqual([]);
    expect(await page.page.evaluate(() => [typeof (globalThis as any).require, typeof (globalThis as any).process])).toEqual([
      'undefined',
      'undefined',
    ]);
    expect(app.serverErrors).toEqual([]);
  });

  it('blocks an injected <script> and an onerror payload, reporting both as CSP violations', async () => {
    const outcome = await page.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const w = window as unknown as Record<string, unknown>;
      const script = document.createElement('script');
      script.textContent = 'window.__injectedScriptRan = true';
      document.body.append(script);
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__onerrorRan = true">';
      document.body.append(holder);
      const started = Date.now();
      while (violations.length < 2 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 50));
      return { violations, scriptRan: w.__injectedScriptRan ?? false, onerrorRan: w.__onerrorRan ?? false };
    });
    expect(outcome.scriptRan).toBe(false);
    expect(outcome.onerrorRan).toBe(false);
    expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'script-src-attr']));
  });

  it('refuses to connect anywhere but its own origin', async () => {
    const outcome = await page.page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const fetched = await fetch('https://example.com/').then(
        () => 'fetched',
        () => 'blocked',
      );
      await new Promise((r) => setTimeout(r, 100));
      return { fetched, violations };
    });
    expect(outcome).toEqual({ fetched: 'blocked', violations: ['connect-src'] });
  });

  it('answers getPlan with the demo plan from the real .headroom file in the data folder', async () => {
    const demoFile = path.join(app.dataDir, DEMO_FILE_NAME);
    expect(fs.statSync(demoFile).size).toBeGreaterThan(0);
    const snapshot = await page.callApi('getPlan');
    expect(snapshot.plan.name).toBe(demoPlan.name);
    expect(snapshot.info.fileName).toBe(DEMO_FILE_NAME);
    expect(fs.realpathSync(snapshot.info.path)).toBe(fs.realpathSync(demoFile));
  });
});
