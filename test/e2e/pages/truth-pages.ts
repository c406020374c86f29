// Page-object additions for the "screens that tell the truth" journeys: the headline FY,
// the level control's source, and the view state kept beside the document.
import type { Browser } from 'playwright-core';
import type { Harness } from '../../../electron/harness/server';
import type { ViewState } from '../../../shared/view-state';
import { HeadroomApp } from './headroom-app';

/** Text of an element with runs of white space made single. */
const squash = (t: string | null) => (t ?? '').replace(/\s+/g, ' ').trim();

export class TruthApp extends HeadroomApp {
  /** Opens the app at 1280×800, as a finance lead's laptop shows it. */
  static async openSmall(browser: Browser, harness: Harness): Promise<TruthApp> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const app = new TruthApp(context, await context.newPage(), harness);
    await app.page.goto(harness.url, { waitUntil: 'load' });
    await app.page.locator('[data-testid^="screen-"]').first().waitFor();
    await app.waitForResults();
    return app;
  }

  /** The scenario the Overview (and Results) show. */
  scenarioInView(): Promise<string> {
    return this.page.getByTestId('scenario-picker').inputValue();
  }

  /** The headline FY as the picker shows it ("2021/22 (next cliff edge)"). */
  async headlineFy(): Promise<string> {
    const picker = this.page.getByTestId('fy-picker');
    return squash(await picker.locator('option:checked').textContent());
  }

  async pickFy(label: string): Promise<void> {
    const picker = this.page.getByTestId('fy-picker');
    const value = await picker.locator('option', { hasText: label }).getAttribute('value');
    await picker.selectOption(value!);
    await this.waitForResults();
  }

  async figureLabel(name: string): Promise<string> {
    return squash(await this.page.getByTestId(`fig-${name}`).locator('.figure-label').textContent());
  }

  async figureBase(name: string): Promise<string> {
    return squash(await this.page.getByTestId(`fig-${name}`).getByTestId('figure-base').textContent());
  }

  /** The level box of an allocation, and the words saying where its level comes from. */
  levelBox(stream: string, fy: string): Promise<string> {
    return this.page.getByTestId(`level-${stream}-${fy}`).inputValue();
  }

  async levelSource(stream: string, fy: string): Promise<string> {
    return squash(await this.page.getByTestId(`level-${stream}-${fy}-source`).textContent());
  }

  async editScenario(id: string): Promise<void> {
    await this.page.getByTestId(`scenario-item-${id}`).click();
    await this.waitForResults();
  }

  /** The ticked scenarios on Compare, in page order. */
  async compareTicks(): Promise<string[]> {
    return this.page
      .locator('[data-testid^="compare-"][type="checkbox"]:checked')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('compare-', '')));
  }

  /** The view state the harness keeps for the document. */
  viewState(): Promise<ViewState | null> {
    return this.callApi('getViewState');
  }

  /** Reloads the page and waits for its results. */
  async reload(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
    await this.page.locator('[data-testid^="screen-"]').first().waitFor();
    await this.waitForResults();
  }

  /** The screen on show, by its test id ("overview", "compare", ...). */
  async currentScreen(): Promise<string> {
    const id = await this.page.locator('[data-testid^="screen-"]').first().getAttribute('data-testid');
    return (id ?? '').replace('screen-', '');
  }
}
