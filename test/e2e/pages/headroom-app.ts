// Page objects for Headroom's screens: what a person sees and does, in their words, so the
// specs read as the journeys they test.
import type { Browser, Locator, Page } from 'playwright-core';
import type { Harness } from '../../../electron/harness/server';
import { AppPage } from '../support';

export type ScreenName = 'overview' | 'funding' | 'interventions' | 'scenarios' | 'results' | 'compare';
export const SCREENS: readonly ScreenName[] = ['overview', 'funding', 'interventions', 'scenarios', 'results', 'compare'];

/** Text of an element with runs of white space made single, for exact comparisons. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

export class HeadroomApp extends AppPage {
  /** Opens the app in a fresh context with the given colour scheme and a desktop-sized window. */
  static async openAs(browser: Browser, harness: Harness, colorScheme: 'light' | 'dark' = 'light'): Promise<HeadroomApp> {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const app = new HeadroomApp(context, await context.newPage(), harness);
    await app.page.goto(harness.url, { waitUntil: 'load' });
    await app.arriveOnOverview();
    return app;
  }

  /**
   * Waits for the screen the document was last left on (its view state), then goes to the
   * Overview, where a first visit opens.
   */
  async arriveOnOverview(): Promise<void> {
    await this.page.locator('main [data-testid^="screen-"]').first().waitFor();
    if (!(await this.page.getByTestId('screen-overview').count())) await this.page.getByTestId('nav-overview').click();
    await this.page.getByTestId('screen-overview').waitFor();
    await this.waitForResults();
  }

  readonly overview = new OverviewScreen(this.page);
  readonly funding = new FundingScreen(this.page);
  readonly scenarios = new ScenariosScreen(this.page);
  readonly results = new ResultsScreen(this.page);
  readonly compare = new CompareScreen(this.page);
  readonly interventions = new InterventionsScreen(this.page);

  async go(screen: ScreenName): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
    await this.page.getByTestId(`screen-${screen}`).waitFor();
    await this.waitForResults();
  }

  /** Waits until no simulation is on its way (the "Updating…" note is empty). */
  async waitForResults(): Promise<void> {
    await this.page.waitForFunction(() => {
      const busy = document.querySelector('.sim-state.busy');
      const pending = document.querySelector('[data-testid="save-state"]')?.textContent === 'Saving…';
      return !busy && !pending;
    });
  }

  undoButton(): Locator {
    return this.page.getByTestId('undo');
  }

  /** Ctrl+Z with the focus on the page body (not in a field). */
  async undoByKeyboard(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press('Control+z');
    await this.waitForResults();
  }

  async redoByKeyboard(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press('Control+y');
    await this.waitForResults();
  }

  /** The stored document's revision, from the API. */
  async revision(): Promise<number> {
    return (await this.callApi('getPlan')).info.revision;
  }

  async screenshot(path: string): Promise<void> {
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path, fullPage: true });
  }

  /** Runs axe-core (already read from node_modules) on the page; returns serious and critical violations. */
  async axe(source: string): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await this.page.evaluate(source);
    return this.page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: unknown,
              opts: unknown,
            ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
  }
}

export class OverviewScreen {
  constructor(readonly page: Page) {}

  async chooseScenario(id: string): Promise<void> {
    await this.page.getByTestId('scenario-picker').selectOption(id);
  }

  headline(): Promise<string> {
    return text(this.page.getByTestId('headline'));
  }

  figure(name: 'closures' | 'people' | 'at-risk' | 'drawn' | 'underspend'): Promise<string> {
    return text(this.page.getByTestId(`fig-${name}`).locator('.figure-value'));
  }

  /** The upcoming decisions as listed (each deadline with when its year's funding is known). */
  decisions(): Promise<string> {
    return text(this.page.getByTestId('decision-list'));
  }

  /** The cliff edge shown as its table: each deadline against when its year's funding is known. */
  async cliffEdgeTable(): Promise<string> {
    const edge = this.page.getByTestId('cliff-edge');
    const toggle = edge.getByRole('button', { name: 'Show as table' });
    if (await toggle.count()) await toggle.click();
    return text(edge.locator('table'));
  }
}

export class FundingScreen {
  constructor(readonly page: Page) {}

  /** One allocation's cell in the funding grid, as shown (fields' values are not in its text). */
  allocation(stream: string, fy: string): Promise<string> {
    return text(this.page.getByTestId(`alloc-${stream}-${fy}`));
  }

  /** When the allocation's money is known, where no confirmation date of its own says so. */
  known(stream: string, fy: string): Promise<string> {
    return text(this.page.getByTestId('funding-grid').getByTestId(`known-${stream}-${fy}`));
  }
}

export class ScenariosScreen {
  constructor(readonly page: Page) {}

  /** Creates a scenario and returns its id (from the list item that appears selected). */
  async create(): Promise<string> {
    const before = await this.page.locator('[data-testid^="scenario-item-"]').count();
    await this.page.getByTestId('new-scenario').click();
    await this.page.locator('[data-testid^="scenario-item-"]').nth(before).waitFor();
    const current = this.page.locator('[data-testid^="scenario-item-"][aria-current="true"]');
    await current.waitFor();
    return ((await current.getAttribute('data-testid')) ?? '').replace('scenario-item-', '');
  }

  async rename(name: string): Promise<void> {
    const field = this.page.getByTestId('scenario-name');
    await field.fill(name);
    await field.press('Enter');
  }

  levelField(stream: string, fy: string): Locator {
    return this.page.getByTestId(`level-${stream}-${fy}`);
  }

  /** Types a level in % into the number beside the slider, and stores it with Enter. */
  async setLevel(stream: string, fy: string, percent: number): Promise<void> {
    const field = this.levelField(stream, fy);
    await field.fill(String(percent));
    await field.press('Enter');
  }

  amount(stream: string, fy: string): Promise<string> {
    return text(this.page.getByTestId(`level-${stream}-${fy}-amount`));
  }

  async setConfirmation(stream: string, fy: string, date: string): Promise<void> {
    const field = this.page.getByTestId(`confirm-${stream}-${fy}`);
    await field.fill(date);
    await field.press('Enter');
  }

  /** When the allocation's money is known in this scenario, where no date of its own says so. */
  known(stream: string, fy: string): Promise<string> {
    return text(this.page.getByTestId('scenario-editor').getByTestId(`known-${stream}-${fy}`));
  }

  live(name: 'closures' | 'people' | 'drawn' | 'at-risk'): Promise<string> {
    return text(this.page.getByTestId(`live-${name}`).locator('.figure-value'));
  }

  chart(): Locator {
    return this.page.getByTestId('scenario-chart').getByTestId('month-chart');
  }
}

export class ResultsScreen {
  constructor(readonly page: Page) {}

  async chooseScenario(id: string): Promise<void> {
    await this.page.getByTestId('scenario-picker').selectOption(id);
  }

  summary(): Promise<string> {
    return text(this.page.getByTestId('results-summary'));
  }

  yearTable(): Promise<string> {
    return text(this.page.getByTestId('fy-table'));
  }

  /** A row of the FY table, as its cells' text. */
  async yearRow(fy: string): Promise<string[]> {
    const row = this.page.getByTestId('fy-table').locator('tbody tr').filter({ hasText: fy });
    return (await row.locator('th, td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Everything the screen states in numbers: summary, FY table and outcome table. */
  async numbers(): Promise<string> {
    const toggle = this.page.getByTestId('outcomes').getByRole('button', { name: 'Show as table' });
    if (await toggle.count()) await toggle.click();
    const outcomes = await text(this.page.getByTestId('outcomes'));
    await this.page.getByTestId('outcomes').getByRole('button', { name: 'Show as chart' }).click();
    return `${await this.summary()} | ${await this.yearTable()} | ${outcomes}`;
  }
}

export class CompareScreen {
  constructor(readonly page: Page) {}

  /** Ticks exactly these scenarios, in this order. */
  async choose(ids: readonly string[]): Promise<void> {
    const boxes = this.page.locator('[data-testid^="compare-"][type="checkbox"]');
    const all = await boxes.evaluateAll((els) =>
      els.map((el) => ({ id: el.getAttribute('data-testid')!.replace('compare-', ''), checked: (el as HTMLInputElement).checked })),
    );
    // Add the wanted ones first (at most 4 may be ticked), then untick the rest.
    for (const id of ids) {
      const box = this.page.getByTestId(`compare-${id}`);
      if (!(await box.isChecked())) {
        const ticked = await boxes.evaluateAll((els) => els.filter((el) => (el as HTMLInputElement).checked).length);
        if (ticked >= 4) {
          const spare = all.find((b) => b.checked && !ids.includes(b.id));
          if (spare) await this.page.getByTestId(`compare-${spare.id}`).uncheck();
        }
        await box.check();
      }
    }
    for (const b of all)
      if (!ids.includes(b.id) && (await this.page.getByTestId(`compare-${b.id}`).isChecked()))
        await this.page.getByTestId(`compare-${b.id}`).uncheck();
  }

  /** A totals row (by its key, e.g. "closures"), as the values per scenario. */
  async total(key: string): Promise<string[]> {
    const cells = this.page.getByTestId('compare-totals').locator(`tr[data-key="${key}"] td .cmp-value`);
    return (await cells.allInnerTexts()).map((t) => t.trim());
  }

  headers(): Promise<string[]> {
    return this.page.getByTestId('compare-totals').locator('thead th').allInnerTexts();
  }

  async matrixFirstRows(n: number): Promise<string[]> {
    return (await this.page.getByTestId('outcome-matrix').locator('tbody tr').allInnerTexts())
      .slice(0, n)
      .map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async export(format: 'csv' | 'xlsx'): Promise<{ name: string; path: string | null }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`export-${format}`).click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  }
}

export class InterventionsScreen {
  constructor(readonly page: Page) {}

  grid(): Locator {
    return this.page.getByTestId('intervention-grid');
  }

  rowCount(): Promise<number> {
    return this.grid().locator('tbody tr').count();
  }

  cell(id: string, column: string): Locator {
    return this.grid().locator(`tbody tr[data-id="${id}"] td[data-col="${column}"]`);
  }

  /** Selects a cell, presses Enter, types and presses Enter, as a keyboard user would. */
  async editCell(id: string, column: string, value: string): Promise<void> {
    await this.cell(id, column).click();
    await this.page.keyboard.press('Enter');
    const editor = this.page.getByTestId('cell-editor');
    await editor.fill(value);
    await editor.press('Enter');
  }

  editorError(): Locator {
    return this.page.locator('.cell-editor .field-error');
  }

  async cancelEdit(): Promise<void> {
    await this.page.getByTestId('cell-editor').press('Escape');
  }

  /** Pastes tab-separated text into the grid as the clipboard would, which opens the preview. */
  async pasteIntoGrid(tsv: string): Promise<void> {
    await this.grid().locator('tbody td').first().click();
    await this.grid()
      .locator('tbody td')
      .first()
      .evaluate((cell, data) => {
        const transfer = new DataTransfer();
        transfer.setData('text/plain', data);
        cell.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, tsv);
    await this.page.getByTestId('paste-dialog').waitFor();
  }

  pasteSummary(): Promise<string> {
    return text(this.page.getByTestId('paste-summary'));
  }

  async confirmPaste(): Promise<void> {
    await this.page.getByTestId('paste-add').click();
    await this.page.getByTestId('paste-dialog').waitFor({ state: 'hidden' });
  }
}
