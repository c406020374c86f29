// Shared by the end-to-end specs: Debian's Chromium through playwright-core, the browser
// harness on a fresh data folder per test, and a page object that records what went wrong.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../../electron/harness/server';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { ApiMethod, ApiResults } from '../../shared/ipc';
import { CHROMIUM_ARGS } from '../../electron/export/pdf';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM_PATH = process.env.HEADROOM_CHROMIUM ?? '/usr/bin/chromium';

/** A fresh folder under the system temp folder; remove it with `removeDir`. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `headroom-${prefix}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

export interface Chromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Launches headless Chromium with its temp files kept in a folder of its own. */
export async function launchChromium(): Promise<Chromium> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium" (or set HEADROOM_CHROMIUM)`);
  }
  const tmp = tempDir('chromium');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // The same flags the briefing's PDF printer uses.
    args: [...CHROMIUM_ARGS],
    env: { ...process.env, TMPDIR: tmp },
    timeout: 60_000,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      removeDir(tmp);
    },
  };
}

export interface BuiltRenderer {
  readonly dir: string;
  /** What was built: the real renderer, an earlier build in out/renderer, or a stand-in page. */
  readonly source: 'renderer' | 'out/renderer' | 'stand-in';
  cleanup(): void;
}

const STAND_IN_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Headroom</title></head>
  <body><h1 data-testid="plan-name">Loading…</h1><script type="module" src="./main.ts"></script></body>
</html>
`;

/**
 * Builds renderer/ fresh (vite, build/vite.renderer.config.ts) into a temp folder, so a
 * spec never tests a stale bundle. Until renderer/index.html exists it uses out/renderer,
 * or else builds a stand-in page that shows the plan's name through renderer/api.ts.
 */
export async function buildRenderer(): Promise<BuiltRenderer> {
  const outDir = tempDir('renderer');
  const cleanup = () => removeDir(outDir);
  const configFile = path.join(REPO, 'build/vite.renderer.config.ts');
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true'; // see build/scripts/web.mjs
  // vitest sets NODE_ENV=test, which would build React's development bundle: test what ships.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  if (fs.existsSync(path.join(REPO, 'renderer/index.html'))) {
    try {
      await build({ configFile, logLevel: 'error', build: { outDir } });
    } catch (error) {
      cleanup();
      throw error;
    }
    return { dir: outDir, source: 'renderer', cleanup };
  }
  if (fs.existsSync(path.join(REPO, 'out/renderer/index.html'))) {
    cleanup();
    return { dir: path.join(REPO, 'out/renderer'), source: 'out/renderer', cleanup: () => {} };
  }
  const root = tempDir('stand-in');
  try {
    fs.writeFileSync(path.join(root, 'index.html'), STAND_IN_HTML);
    const apiModule = JSON.stringify(path.join(REPO, 'renderer/api.ts'));
    fs.writeFileSync(
      path.join(root, 'main.ts'),
      `import { api } from ${apiModule};\n` +
        `api.getPlan().then((s) => { document.querySelector('[data-testid="plan-name"]')!.textContent = s.plan.name; });\n`,
    );
    await build({ configFile, root, logLevel: 'error', build: { outDir } });
  } catch (error) {
    cleanup();
    throw error;
  } finally {
    removeDir(root);
  }
  return { dir: outDir, source: 'stand-in', cleanup };
}

export interface TestHarness {
  readonly harness: Harness;
  readonly dataDir: string;
  /** Failures the harness logged (a spec usually expects none). */
  readonly serverErrors: unknown[];
  close(): Promise<void>;
}

/** The browser harness over rendererDir, with a fresh data folder of its own. */
export async function startTestHarness(rendererDir: string): Promise<TestHarness> {
  const dataDir = tempDir('data');
  const serverErrors: unknown[] = [];
  const harness = await startHarness({ dataDir, rendererDir, onError: (error) => serverErrors.push(error) });
  return {
    harness,
    dataDir,
    serverErrors,
    close: async () => {
      await harness.close();
      removeDir(dataDir);
    },
  };
}

/** Page object base: one fresh browser context per page, with its console errors recorded. */
export class AppPage {
  readonly consoleErrors: string[] = [];
  /** Every response with an error status, as "404 /favicon.ico". */
  readonly failedResponses: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly harness: Harness,
  ) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url } = message.location();
      this.consoleErrors.push(url ? `${message.text()} (${url})` : message.text());
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.failedResponses.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
  }

  static async open<T extends AppPage>(
    this: new (context: BrowserContext, page: Page, harness: Harness) => T,
    browser: Browser,
    harness: Harness,
  ): Promise<T> {
    const context = await browser.newContext();
    const appPage = new this(context, await context.newPage(), harness);
    await appPage.page.goto(harness.url, { waitUntil: 'load' });
    return appPage;
  }

  /** The plan's name as the page shows it (the renderer's `data-testid="plan-name"`). */
  planName(): Promise<string | null> {
    return this.page.getByTestId('plan-name').textContent();
  }

  /** Calls the API from inside the page, as the renderer does, with the token from index.html. */
  callApi<K extends ApiMethod>(method: K, ...args: unknown[]): Promise<ApiResults[K]> {
    return this.page.evaluate(
      async ([name, payload]) => {
        const token = document.querySelector<HTMLMetaElement>('meta[name="headroom-token"]')?.content ?? '';
        const response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Headroom-Token': token },
          body: JSON.stringify({ args: payload }),
        });
        const reply = await response.json();
        if (!reply.ok) throw new Error(reply.error);
        return reply.result;
      },
      [method, args] as const,
    ) as Promise<ApiResults[K]>;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

export interface BrowserSuite {
  readonly renderer: BuiltRenderer;
  readonly chromium: Chromium;
  /** A fresh harness, on its own data folder, for each test. */
  readonly harness: TestHarness;
}

/**
 * The hooks every browser spec needs: one built renderer and one Chromium for the file,
 * a fresh harness per test (closed after the spec's own afterEach hooks, which run first).
 */
export function browserSuite(keepDir?: string): BrowserSuite {
  const suite = {} as { renderer: BuiltRenderer; chromium: Chromium; harness: TestHarness };
  beforeAll(async () => {
    const [built, launched] = await Promise.allSettled([buildRenderer(), launchChromium()]);
    if (built.status === 'fulfilled') suite.renderer = built.value;
    if (launched.status === 'fulfilled') suite.chromium = launched.value;
    for (const outcome of [built, launched]) if (outcome.status === 'rejected') throw outcome.reason;
    if (keepDir) fs.mkdirSync(path.join(REPO, keepDir), { recursive: true });
  });
  afterAll(async () => {
    await suite.chromium?.close();
    suite.renderer?.cleanup();
  });
  beforeEach(async () => {
    suite.harness = await startTestHarness(suite.renderer.dir);
  });
  afterEach(async () => {
    await suite.harness?.close();
  });
  return suite;
}
