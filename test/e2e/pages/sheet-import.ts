// The Import spreadsheet dialog and the prompt for a dropped file of unclear kind: files
// dropped on the window (built in the page from bytes, as a file manager's drag would carry
// them) or picked from the File menu, the preview and its problems read, Import or Cancel.
import type { Page } from 'playwright-core';

const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

export class SheetImportDialogPage {
  constructor(private readonly page: Page) {}

  dialog() {
    return this.page.getByTestId('sheet-import-dialog');
  }

  /** Drops a file of these bytes onto the window. */
  async drop(name: string, bytes: Buffer, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'): Promise<void> {
    await this.page.evaluate(
      ([fileName, base64, mime]) => {
        const binary = atob(base64);
        const data = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], fileName, { type: mime }));
        const target = document.querySelector('main') ?? document.body;
        for (const kind of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      },
      [name, bytes.toString('base64'), type] as const,
    );
  }

  /** File > Import spreadsheet, choosing a file of these bytes. */
  async chooseFromMenu(name: string, bytes: Buffer): Promise<void> {
    await this.page.locator('details.menu summary').click();
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByTestId('menu-import-sheet').click()]);
    await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
  }

  /** Waits for the preview or the problems, and gives the dialog's text. */
  async read(): Promise<string> {
    await this.dialog().waitFor();
    await this.page.locator('[data-testid="sheet-import-preview"], [data-testid="sheet-import-problems"]').first().waitFor();
    return squash(await this.dialog().innerText());
  }

  /** Each service row of the preview: its cells as text. */
  async services(): Promise<string[][]> {
    return this.page
      .getByTestId('sheet-import-services')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())));
  }

  /** Each problem as [sheet, row, column, message]. */
  async problems(): Promise<string[][]> {
    return this.page
      .getByTestId('sheet-import-problem')
      .evaluateAll((rows) => rows.map((r) => Array.from(r.children, (c) => (c.textContent ?? '').trim())));
  }

  importButton() {
    return this.page.getByTestId('sheet-import-confirm');
  }

  /** Tabs through the dialog until Import has the focus (every stop on the way is in the dialog); false if it never does. */
  async tabToImport(): Promise<boolean> {
    for (let i = 0; i < 12; i++) {
      await this.page.keyboard.press('Tab');
      const at = await this.page.evaluate(() => ({
        id: document.activeElement?.getAttribute('data-testid') ?? null,
        inDialog: !!document.activeElement?.closest('[data-testid="sheet-import-dialog"]'),
      }));
      if (!at.inDialog) return false;
      if (at.id === 'sheet-import-confirm') return true;
    }
    return false;
  }

  async confirm(): Promise<void> {
    await this.importButton().click();
    await this.dialog().waitFor({ state: 'hidden' });
  }

  /** Escape, as a keyboard user leaves the dialog. */
  async cancelByKeyboard(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog().waitFor({ state: 'hidden' });
  }

  choice() {
    return this.page.getByTestId('drop-choice-dialog');
  }
}
