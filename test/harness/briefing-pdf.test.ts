// The browser harness prints briefings to PDF in Debian's Chromium (playwright-core), and
// says plainly what to do instead where there is no Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { fileNameFor, NO_PDF_PRINTER_MESSAGE } from '../../electron/handlers';
import { CHROMIUM_PATH, pdfPageCount } from '../../electron/export/pdf';
import { chromiumPrintPdf, startHarness, type Harness, type HarnessOptions } from '../../electron/harness/server';
import { createHttpApi } from '../../renderer/api';

let root: string;
const harnesses: Harness[] = [];

async function harnessWith(printPdf: HarnessOptions['printPdf'], name: string) {
  const harness = await startHarness({
    dataDir: path.join(root, name),
    rendererDir: path.join(root, 'renderer'),
    printPdf,
    onError: () => {},
  });
  harnesses.push(harness);
  return createHttpApi(() => harness.token, harness.origin);
}

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-briefing-pdf-'));
  fs.mkdirSync(path.join(root, 'renderer'));
  fs.writeFileSync(
    path.join(root, 'renderer/index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Headroom</title></head><body></body></html>',
  );
});

afterAll(async () => {
  await Promise.all(harnesses.map((h) => h.close()));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('exportBriefing in the browser harness', () => {
  it('prints a real PDF with Chromium by default', async () => {
    if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: run "apt-get install -y chromium"`);
    const api = await harnessWith(undefined, 'default');
    const scratch = () =>
      fs
        .readdirSync(os.tmpdir())
        .filter((f) => f.startsWith('headroom-print-'))
        .sort();
    const before = scratch();
    const file = await api.exportBriefing({ scenarioIds: ['base', 'cut-25-june'], format: 'pdf' });
    expect(file.fileName).toBe(fileNameFor(demoPlan.name, ' briefing.pdf'));
    expect(file.mimeType).toBe('application/pdf');
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    // The temp folder the PDF went through is gone.
    expect(scratch()).toEqual(before);
  });

  it('answers HTML too, whatever the printer', async () => {
    const api = await harnessWith(null, 'html');
    const file = await api.exportBriefing({ scenarioIds: ['base'], format: 'html' });
    expect(file.mimeType).toBe('text/html');
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain('<h2>Key messages</h2>');
  });

  it('says plainly to use the HTML briefing where Chromium is missing', async () => {
    const api = await harnessWith(chromiumPrintPdf({ executablePath: path.join(root, 'no-chromium') }), 'missing');
    await expect(api.exportBriefing({ scenarioIds: ['base'], format: 'pdf' })).rejects.toThrow(
      `${NO_PDF_PRINTER_MESSAGE} (${path.join(root, 'no-chromium')} not found)`,
    );
  });

  it('says the same when the harness was started without a printer', async () => {
    const api = await harnessWith(null, 'none');
    await expect(api.exportBriefing({ scenarioIds: ['base'], format: 'pdf' })).rejects.toThrow(NO_PDF_PRINTER_MESSAGE);
  });
});
