// The briefing as a PDF. The command line prints it in Debian's Chromium through
// playwright-core; the desktop app prints the same HTML with webContents.printToPDF and the
// options below. Page size, margins, header and footer all come from the page's own CSS
// (@page and its margin boxes), so both routes give the same pages.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PrintToPDFOptions } from 'electron';
import { writeFileAtomic } from '../atomic-file';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless Chromium that prints and nothing else: no network chatter, no updates. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export const NO_CHROMIUM_MESSAGE = 'Chromium or Electron is needed to print PDF; use --html instead';

export class PdfUnavailableError extends Error {
  constructor(readonly detail?: string) {
    super(detail ? `${NO_CHROMIUM_MESSAGE} (${detail})` : NO_CHROMIUM_MESSAGE);
  }
}

/** What Electron's webContents.printToPDF needs to print a briefing: its CSS decides the page. */
export function briefingPrintOptions(): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

export interface PdfOptions {
  /** Chromium to drive; default /usr/bin/chromium. */
  readonly executablePath?: string;
  /** Give up after this long (launch, layout and printing together). */
  readonly timeoutMs?: number;
}

export interface PdfWritten {
  readonly path: string;
  readonly bytes: number;
  readonly pages: number;
}

/** Pages of a PDF as Chromium writes it (one /Type /Page object per page). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
}

/** Prints self-contained HTML to an A4 PDF at outPath (written atomically). */
export async function htmlToPdf(html: string, outPath: string, opts: PdfOptions = {}): Promise<PdfWritten> {
  const executablePath = opts.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new PdfUnavailableError(`${executablePath} not found`);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new PdfUnavailableError('playwright-core is not installed');
  }
  const timeout = opts.timeoutMs ?? 60_000;
  // Chromium's profile and crash folders go in a folder of our own, removed afterwards.
  const scratch = mkdtempSync(join(tmpdir(), 'headroom-pdf-'));
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    try {
      browser = await chromium.launch({
        executablePath,
        args: [...CHROMIUM_ARGS],
        headless: true,
        timeout,
        env: { ...process.env, TMPDIR: scratch },
      });
    } catch (error) {
      throw new PdfUnavailableError(`Chromium did not start: ${firstLine(error)}`);
    }
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    writeFileAtomic(outPath, pdf);
    return { path: outPath, bytes: pdf.length, pages: pdfPageCount(pdf) };
  } finally {
    await browser?.close().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Prints self-contained HTML and returns the PDF's bytes (through a private temp file, removed after). */
export async function htmlToPdfBytes(html: string, opts: PdfOptions = {}): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-print-'));
  try {
    const out = join(dir, 'briefing.pdf');
    await htmlToPdf(html, out, opts);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
