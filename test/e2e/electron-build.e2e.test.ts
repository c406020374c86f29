// The build that ships: `electron-vite build --config build/electron.vite.config.ts` (what
// electron-builder packs from out/) runs here, and its renderer is served on loopback under the
// app's CSP (CONTENT_SECURITY_POLICY in electron/security.ts, sent by the harness as Electron's
// headroom:// handler sends it) and opened in Chromium: every screen renders, the workers start,
// and nothing is refused by the CSP or logged as an error.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';
import { HeadroomApp, SCREENS } from './pages/headroom-app';
import { buildRenderer, launchChromium, REPO, startTestHarness, type BuiltRenderer, type Chromium, type TestHarness } from './support';

const OUT = path.join(REPO, 'out');
const RENDERER = path.join(OUT, 'renderer');

/** Runs electron-vite's own command line, as `npm run build` does; rejects with its output on failure. */
function electronViteBuild(): Promise<void> {
  const cli = path.join(REPO, 'node_modules/electron-vite/bin/electron-vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build', '--config', 'build/electron.vite.config.ts', '--logLevel', 'warn'], {
      cwd: REPO,
      // As from a shell: vitest's NODE_ENV=test is not the build's.
      env: { ...process.env, NODE_ENV: undefined, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`electron-vite build failed (${code}):\n${output}`))));
  });
}

/** Every file below dir, as sorted relative paths. */
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

let chromium: Chromium;
let harnessBuild: BuiltRenderer;

beforeAll(async () => {
  // Side by side, but whichever succeeds is kept, so that afterAll can release it.
  const [built, launched, harnessBuilt] = await Promise.allSettled([electronViteBuild(), launchChromium(), buildRenderer()]);
  if (launched.status === 'fulfilled') chromium = launched.value;
  if (harnessBuilt.status === 'fulfilled') harnessBuild = harnessBuilt.value;
  for (const outcome of [built, launched, harnessBuilt]) if (outcome.status === 'rejected') throw outcome.reason;
}, 300_000);

afterAll(async () => {
  await chromium?.close();
  harnessBuild?.cleanup();
});

describe('electron-vite build', () => {
  it('writes the main process, the preload and the renderer where electron-builder packs them', () => {
    for (const file of ['main/main.js', 'preload/preload.js', 'renderer/index.html']) {
      expect(fs.existsSync(path.join(OUT, file)), file).toBe(true);
    }
  });

  it('ships byte for byte the renderer the harness and the other end-to-end specs test', () => {
    const shipped = filesIn(RENDERER);
    expect(shipped).toEqual(filesIn(harnessBuild.dir));
    for (const file of shipped) {
      expect(fs.readFileSync(path.join(RENDERER, file)).equals(fs.readFileSync(path.join(harnessBuild.dir, file))), file).toBe(true);
    }
  });

  it('has no inline script, no source map and no inlined data: asset for the CSP to refuse', () => {
    const html = fs.readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
    for (const [tag, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      expect(tag).toMatch(/\ssrc="[^"]+"/);
      expect(body.trim()).toBe('');
    }
    const files = filesIn(RENDERER);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    // The favicon's `data:,` in index.html is an empty link, not an asset.
    for (const file of files.filter((f) => /\.(css|js)$/.test(f))) {
      expect(fs.readFileSync(path.join(RENDERER, file), 'utf8'), file).not.toMatch(/url\(\s*["']?data:/);
    }
  });
});

describe('the shipped renderer under the app CSP', () => {
  let app: TestHarness;
  let page: HeadroomApp;
  const violations: string[] = [];
  const workers: string[] = [];

  beforeEach(async () => {
    app = await startTestHarness(RENDERER);
    const context = await chromium.browser.newContext({ viewport: { width: 1440, height: 900 } });
    // Listens before any of the app's scripts run, so a refusal during start-up is seen too.
    await context.exposeFunction('__reportViolation', (text: string) => violations.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${e.effectiveDirective} ${e.blockedURI}`);
      });
    });
    page = new HeadroomApp(context, await context.newPage(), app.harness);
    page.page.on('worker', (worker) => workers.push(path.basename(new URL(worker.url()).pathname)));
  });

  afterEach(async () => {
    await page?.close();
    await app?.close();
  });

  it('is served with the CSP from electron/security.ts', async () => {
    const response = await page.page.goto(app.harness.url, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('renders every screen with its workers, no CSP violation and no console error', async () => {
    await page.page.goto(app.harness.url, { waitUntil: 'load' });
    await expect.poll(() => page.planName()).toBe(demoPlan.name);
    await page.waitForResults();
    for (const screen of SCREENS) await page.go(screen);
    await page.page.waitForLoadState('networkidle');
    expect(workers.some((name) => name.startsWith('sim.worker-'))).toBe(true);
    expect(violations).toEqual([]);
    expect(page.consoleErrors).toEqual([]);
    expect(page.failedResponses).toEqual([]);
    expect(app.serverErrors).toEqual([]);
  });
});
