// Printing a briefing to PDF in a hidden Electron window, as a function of the window it is
// given: main passes a real BrowserWindow built from printWindowOptions(); tests pass a fake.
import type { PrintToPDFOptions } from 'electron';

/** Chromium refuses URLs longer than this (url/url_constants.h kMaxURLChars). */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024;

export const PRINT_TIMEOUT_MS = 60_000;

/**
 * The HTML as a data: URL the window can load. Loaded by main through loadURL, it is not a
 * navigation the page started, so hardenWebContents' will-navigate check does not apply to
 * it; anything the page itself tried afterwards (a meta refresh, a link) still would.
 */
export function htmlDataUrl(html: string): string {
  const url = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
  if (url.length > MAX_DATA_URL_CHARS) {
    throw new Error('The briefing is too large to print to PDF here; download the HTML briefing and print it from a browser');
  }
  return url;
}

/** The parts of a BrowserWindow that printing uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: { printToPDF(options: PrintToPDFOptions): Promise<Buffer> };
  destroy(): void;
  isDestroyed(): boolean;
}

/** Loads the HTML into a fresh window, prints it, and destroys the window whatever happens. */
export async function printInWindow(
  html: string,
  openWindow: () => PrintWindow,
  options: PrintToPDFOptions,
  timeoutMs = PRINT_TIMEOUT_MS,
): Promise<Buffer> {
  const url = htmlDataUrl(html);
  const win = openWindow();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const printed = (async () => {
      await win.loadURL(url);
      return win.webContents.printToPDF(options);
    })();
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Printing the briefing took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`)),
        timeoutMs,
      );
    });
    return await Promise.race([printed, timedOut]);
  } finally {
    clearTimeout(timer);
    if (!win.isDestroyed()) win.destroy();
  }
}
