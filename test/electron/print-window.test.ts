// Printing a briefing in a hidden window: what is loaded, what is printed, and that the
// window is always destroyed. The window is a fake; Electron's own printToPDF cannot run here.
import { describe, expect, it, vi } from 'vitest';
import { briefingPrintOptions } from '../../electron/export/pdf';
import { htmlDataUrl, MAX_DATA_URL_CHARS, printInWindow, type PrintWindow } from '../../electron/print-window';
import { isAllowedNavigation } from '../../electron/security';

function fakeWindow(overrides: Partial<{ loadURL: PrintWindow['loadURL']; printToPDF: PrintWindow['webContents']['printToPDF'] }> = {}) {
  let destroyed = false;
  const win = {
    loadURL: vi.fn(overrides.loadURL ?? (async () => undefined)),
    webContents: { printToPDF: vi.fn(overrides.printToPDF ?? (async () => Buffer.from('%PDF-1.7 fake'))) },
    destroy: vi.fn(() => {
      destroyed = true;
    }),
    isDestroyed: () => destroyed,
  };
  return win;
}

describe('htmlDataUrl', () => {
  it('encodes the whole page, so # and % in the text survive', () => {
    const html = '<p>100% of £5 #1 “quoted”</p>';
    const url = htmlDataUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))).toBe(html);
    expect(url).not.toContain('#');
  });

  it('refuses a page longer than Chromium accepts as a URL', () => {
    expect(() => htmlDataUrl('x'.repeat(MAX_DATA_URL_CHARS))).toThrow(/too large to print to PDF here; download the HTML briefing/);
  });

  it('is not a URL the page may navigate to by itself (only main loads it)', () => {
    expect(isAllowedNavigation(htmlDataUrl('<p>x</p>'))).toBe(false);
  });
});

describe('printInWindow', () => {
  it('loads the HTML, prints it with the options given, and destroys the window', async () => {
    const win = fakeWindow();
    const pdf = await printInWindow('<h1>Plan</h1>', () => win, briefingPrintOptions());
    expect(pdf.toString('latin1')).toBe('%PDF-1.7 fake');
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(htmlDataUrl('<h1>Plan</h1>'));
    expect(win.webContents.printToPDF).toHaveBeenCalledExactlyOnceWith(briefingPrintOptions());
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it('destroys the window when loading or printing fails', async () => {
    const failsToLoad = fakeWindow({ loadURL: async () => Promise.reject(new Error('ERR_ABORTED')) });
    await expect(printInWindow('<p>x</p>', () => failsToLoad, {})).rejects.toThrow('ERR_ABORTED');
    expect(failsToLoad.destroy).toHaveBeenCalledOnce();
    expect(failsToLoad.webContents.printToPDF).not.toHaveBeenCalled();
    const failsToPrint = fakeWindow({ printToPDF: async () => Promise.reject(new Error('Printing failed')) });
    await expect(printInWindow('<p>x</p>', () => failsToPrint, {})).rejects.toThrow('Printing failed');
    expect(failsToPrint.destroy).toHaveBeenCalledOnce();
  });

  it('gives up after the time limit, and destroys the window', async () => {
    const hangs = fakeWindow({ loadURL: () => new Promise<void>(() => {}) });
    await expect(printInWindow('<p>x</p>', () => hangs, {}, 20)).rejects.toThrow(/took longer than/);
    expect(hangs.destroy).toHaveBeenCalledOnce();
  });

  it('opens no window for a page too large to load', async () => {
    const open = vi.fn(() => fakeWindow());
    await expect(printInWindow('x'.repeat(MAX_DATA_URL_CHARS), open, {})).rejects.toThrow(/too large/);
    expect(open).not.toHaveBeenCalled();
  });
});
