// The Snapshots screen and the snapshot banner, as a person uses them: the form by its labels,
// each snapshot by its name, the buttons by what they say.
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';

export class SnapshotsScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-snapshots').click();
    await this.page.getByTestId('screen-snapshots').waitFor();
  }

  screen(): Locator {
    return this.page.getByTestId('screen-snapshots');
  }

  nameField(): Locator {
    return this.screen().getByLabel('Name', { exact: true });
  }

  /** Fills the form and presses "Take snapshot". */
  async take(name: string, note = ''): Promise<void> {
    await this.nameField().fill(name);
    await this.screen().getByLabel('Note', { exact: true }).fill(note);
    await this.screen().getByRole('button', { name: 'Take snapshot' }).click();
  }

  /** The problem shown at the Name field, or '' for none. */
  async nameProblem(): Promise<string> {
    const id = await this.nameField().getAttribute('aria-describedby');
    return id ? ((await this.page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
  }

  items(): Locator {
    return this.page.getByTestId('snapshot-item');
  }

  /** The list's entry for a snapshot, by its name. */
  item(name: string): Locator {
    return this.items().filter({ has: this.page.getByRole('heading', { name, exact: false }) });
  }

  /** The snapshots' names as listed (newest first). */
  async names(): Promise<string[]> {
    return this.page.locator('.snapshot-name').evaluateAll((els) => els.map((el) => el.childNodes[0]?.textContent ?? ''));
  }

  button(name: string, label: 'Open (read-only)' | 'Export JSON' | 'Restore as new plan' | 'Delete…'): Locator {
    return this.item(name).getByRole('button', { name: label, exact: true });
  }

  banner(): Locator {
    return this.page.getByRole('region', { name: 'Snapshot' });
  }

  /** Clicks a button that downloads a file; returns its name and text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [file] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return { name: file.suggestedFilename(), text: fs.readFileSync((await file.path())!, 'utf8') };
  }

  deleteDialog(): Locator {
    return this.page.getByTestId('delete-snapshot-dialog');
  }
}
