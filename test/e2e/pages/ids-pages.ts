// The id fields (renderer/components/IdField.tsx) as a person uses them: read where an id is
// used, type a new one, answer "Rename everywhere?", and the File menu's JSON export.
import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Harness } from '../../../electron/harness/server';
import type { Plan } from '../../../shared/plan';
import { HeadroomApp } from './headroom-app';

export class IdField {
  constructor(
    readonly page: Page,
    readonly testId: string,
  ) {}

  input(): Locator {
    return this.page.getByTestId(this.testId);
  }

  value(): Promise<string> {
    return this.input().inputValue();
  }

  /** The places the id is used, as listed under the field (opened first). */
  async places(): Promise<string[]> {
    const uses = this.page.getByTestId(`${this.testId}-places`);
    if ((await uses.evaluate((el) => el.tagName)) !== 'DETAILS') return [];
    if (!(await uses.evaluate((el) => (el as HTMLDetailsElement).open))) await uses.locator('summary').click();
    return (await uses.locator('li').allInnerTexts()).map((t) => t.trim());
  }

  /** What the field says under it (the "used in" summary or the hint). */
  async note(): Promise<string> {
    const uses = this.page.getByTestId(`${this.testId}-places`);
    return ((await uses.locator('summary').count()) ? await uses.locator('summary').innerText() : await uses.innerText()).trim();
  }

  /** Types an id and presses Enter. */
  async type(id: string): Promise<void> {
    await this.input().fill(id);
    await this.input().press('Enter');
  }

  error(): Locator {
    return this.input().locator('xpath=..').locator('.field-error');
  }
}

export class RenameDialog {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.locator('dialog[data-testid="rename-id-dialog"][open]');
  }

  title(): Promise<string> {
    return this.dialog().locator('h2').innerText();
  }

  async places(): Promise<string[]> {
    return (await this.dialog().locator('li').allInnerTexts()).map((t) => t.trim());
  }

  /** Enter on the focused "Rename everywhere" button, as a keyboard user would. */
  async confirmByKeyboard(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.dialog().waitFor({ state: 'hidden' });
  }

  async cancelByKeyboard(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog().waitFor({ state: 'hidden' });
  }
}

export class IdsApp extends HeadroomApp {
  /** The app at a given window size (1280×800 unless told). */
  static async openAt(browser: Browser, harness: Harness, viewport = { width: 1280, height: 800 }): Promise<IdsApp> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const app = new IdsApp(context, await context.newPage(), harness);
    await app.page.goto(harness.url, { waitUntil: 'load' });
    await app.arriveOnOverview();
    return app;
  }

  readonly interventionId = new IdField(this.page, 'intervention-id');
  readonly scenarioId = new IdField(this.page, 'scenario-id');
  readonly renameDialog = new RenameDialog(this.page);

  streamId(id: string): IdField {
    return new IdField(this.page, `stream-id-${id}`);
  }

  /** Selects an intervention in the grid, which opens its detail panel. */
  async selectIntervention(id: string): Promise<void> {
    await this.interventions.cell(id, 'name').click();
    await this.page.getByTestId('intervention-detail').waitFor();
  }

  async undoLabel(): Promise<string> {
    return (await this.undoButton().getAttribute('title')) ?? '';
  }

  /** File > Export plan (JSON), read back as a plan. */
  async exportPlan(): Promise<Plan> {
    await this.page.locator('details.menu summary', { hasText: 'File' }).click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Export plan (JSON)' }).click(),
    ]);
    return JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as Plan;
  }

  /** Sets an intervention's priority in the scenario being edited (Scenarios > Priorities). */
  async setScenarioPriority(name: string, priority: number): Promise<void> {
    const details = this.page.getByTestId('scenario-editor').locator('details', { hasText: 'Show priorities' });
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator('summary').click();
    const field = this.page.getByLabel(`Priority of ${name} in this scenario`);
    await field.fill(String(priority));
    await field.press('Enter');
    await this.waitForResults();
  }

  /** The screenshot of what the window shows, scrolled to `locator` first if given. */
  async shot(path: string, locator?: Locator): Promise<void> {
    if (locator) await locator.scrollIntoViewIfNeeded();
    await this.page.screenshot({ path });
  }

  /** Whether the page scrolls sideways at this window size. */
  sidewaysScroll(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }
}
