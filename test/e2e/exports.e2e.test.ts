// The director's downloads, driven in Chromium against the browser harness: the briefing as
// PDF and HTML from Compare, and charts saved as PNG and SVG under the page's CSP.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { fileNameFor } from '../../shared/file-name';
import { startHarness } from '../../electron/harness/server';
import { NO_PDF_PRINTER_MESSAGE } from '../../electron/handlers';
import { browserSuite, removeDir, REPO, tempDir } from './support';
import { HeadroomApp } from './pages/headroom-app';

/** The files downloaded, kept for a person to look at. */
const KEPT = path.join(REPO, 'test-results/exports');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let app: HeadroomApp;
const suite = browserSuite('test-results/exports');

afterEach(async () => {
  await app?.close();
});

/** Clicks a button that downloads, and returns the file's suggested name and content. */
async function download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([button.page().waitForEvent('download'), button.click()]);
  const bytes = fs.readFileSync((await file.path())!);
  const name = file.suggestedFilename();
  fs.writeFileSync(path.join(KEPT, name), bytes);
  return { name, bytes };
}

/** Width and height from a PNG's IHDR chunk. */
function pngDimensions(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Parses SVG text in the page, as an image viewer would: root element, size, and any parse error. */
async function parseSvg(a: HeadroomApp, text: string) {
  return a.page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      background: root.querySelector(':scope > rect')?.getAttribute('fill') ?? null,
      paths: root.querySelectorAll('path').length,
    };
  }, text);
}

describe('briefing downloads from Compare', () => {
  it('downloads the briefing as a PDF printed by Chromium, and as HTML', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.go('compare');
    await app.compare.choose(['base', 'cut-25-june']);
    const button = app.page.getByTestId('export-briefing-pdf');
    expect(await button.innerText()).toBe('Briefing (PDF)');

    const pdf = await download(button);
    expect(pdf.name).toBe(fileNameFor(demoPlan.name, ' briefing.pdf'));
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect.poll(() => app.page.getByTestId('export-state').innerText()).toBe(`Downloaded ${pdf.name}`);

    const html = await download(app.page.getByTestId('export-briefing-html'));
    expect(html.name).toBe(fileNameFor(demoPlan.name, ' briefing.html'));
    const text = html.bytes.toString('utf8');
    expect(text).toContain('<h2>Key messages</h2>');
    expect(text).toContain('West Midlands VRU: 2021/22 cliff edge');
    await app.page.screenshot({ path: path.join(KEPT, 'compare-screen.png') });
    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  });
});

describe('briefing progress and errors', () => {
  it('says it is preparing the briefing while it prints, then says plainly when PDF cannot be made', async () => {
    const dataDir = tempDir('data');
    let release!: (pdf: Buffer) => void;
    let fail = false;
    const printer = await startHarness({
      dataDir,
      rendererDir: suite.renderer.dir,
      onError: () => {},
      printPdf: () => {
        if (fail) return Promise.reject(new Error(NO_PDF_PRINTER_MESSAGE));
        return new Promise<Buffer>((resolve) => (release = resolve));
      },
    });
    try {
      app = await HeadroomApp.openAs(suite.chromium.browser, printer);
      await app.go('compare');
      const state = app.page.getByTestId('export-state');
      const pdfButton = app.page.getByTestId('export-briefing-pdf');
      const [file] = await Promise.all([
        app.page.waitForEvent('download'),
        (async () => {
          await pdfButton.click();
          await expect.poll(() => state.innerText()).toBe('Preparing briefing…');
          expect(await pdfButton.isDisabled()).toBe(true);
          expect(await app.page.getByTestId('export-briefing-html').isDisabled()).toBe(true);
          release(Buffer.from('%PDF-1.7 slow'));
        })(),
      ]);
      expect(fs.readFileSync((await file.path())!, 'latin1')).toBe('%PDF-1.7 slow');
      await expect.poll(() => state.innerText()).toBe(`Downloaded ${file.suggestedFilename()}`);

      fail = true;
      await pdfButton.click();
      await expect.poll(() => state.innerText()).toBe(`Could not export: ${NO_PDF_PRINTER_MESSAGE}`);
      expect(await state.getAttribute('class')).toContain('field-error');
      expect(await pdfButton.isEnabled()).toBe(true);
    } finally {
      await app?.close();
      await printer.close();
      removeDir(dataDir);
    }
  });
});

describe('saving charts', () => {
  it('saves the Compare chart as a 2× PNG and as an SVG with its colours inlined', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.go('compare');
    await app.compare.choose(['base', 'cut-25-june']);
    const chart = app.page.getByTestId('compare-chart');
    const surface = await chart.locator('svg.recharts-surface').boundingBox();

    const png = await download(chart.getByTestId('chart-save-png'));
    expect(png.name).toMatch(/^West Midlands VRU 2021 22 cliff edge - Spend by month, .+\.png$/);
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const size = pngDimensions(png.bytes);
    expect(size.width).toBe(Math.round(surface!.width * 2));
    expect(size.height).toBe(Math.round(surface!.height * 2));
    await expect.poll(() => chart.getByTestId('chart-save-state').innerText()).toBe(`Saved ${png.name}`);
    await chart.screenshot({ path: path.join(KEPT, 'compare-chart-on-screen.png') });

    const svg = await download(chart.getByTestId('chart-save-svg'));
    expect(svg.name).toBe(png.name.replace(/\.png$/, '.svg'));
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="no"?>')).toBe(true);
    expect(text).toContain('<svg');
    expect(text).not.toContain('var(');
    // The first series' colour, from the stylesheet's --series-1 (light theme).
    expect(text).toContain('stroke="rgb(0, 114, 178)"');
    const parsed = await parseSvg(app, text);
    expect(parsed).toMatchObject({ error: null, root: 'svg', namespace: 'http://www.w3.org/2000/svg', background: 'rgb(255, 255, 255)' });
    expect(parsed.width).toBeCloseTo(surface!.width, 0);
    expect(parsed.height).toBeCloseTo(surface!.height, 0);
    expect(parsed.viewBox).toBe(`0 0 ${parsed.width} ${parsed.height}`);
    expect(parsed.paths).toBeGreaterThan(0);
    // The CSP (img-src 'self' data: blob:) let the PNG be drawn: no violation was reported.
    expect(app.consoleErrors).toEqual([]);
  });

  it('saves the Results chart in the dark theme on its dark background', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness, 'dark');
    await app.go('results');
    const chart = app.page.getByTestId('results-chart').getByTestId('month-chart');
    const svg = await download(chart.getByTestId('chart-save-svg'));
    expect(svg.name).toMatch(/ - Monthly funding against spend, .+\.svg$/);
    const parsed = await parseSvg(app, svg.bytes.toString('utf8'));
    expect(parsed.error).toBeNull();
    expect(parsed.background).not.toBe('rgb(255, 255, 255)');
    expect(parsed.background).toMatch(/^rgb\(/);
    const png = await download(chart.getByTestId('chart-save-png'));
    expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
