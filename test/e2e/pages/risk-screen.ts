// Page object for the Risk screen (and the break-even on the Scenarios screen): what a
// finance lead sees and does there, in their words.
import type { Locator, Page } from 'playwright-core';

async function text(locator: Locator): Promise<string> {
  return ((await locator.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

export class RiskScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-risk').click();
    await this.page.getByTestId('screen-risk').waitFor();
  }

  async chooseScenario(id: string): Promise<void> {
    await this.page.getByTestId('risk-scenario').selectOption(id);
  }

  /** Adds an uncertain variable: one of the scenario's, or a new name. */
  async addUncertain(variable: string, dist: string, opts: { newName?: boolean } = {}): Promise<void> {
    if (opts.newName) {
      await this.page.getByTestId('add-uncertain-variable').selectOption('__other__');
      await this.page.getByTestId('add-uncertain-name').fill(variable);
    } else {
      await this.page.getByTestId('add-uncertain-variable').selectOption(variable);
    }
    await this.page.getByTestId('add-uncertain-dist').selectOption(dist);
    await this.page.getByTestId('add-uncertain-button').click();
    await this.page.getByTestId(`uncertain-${variable}`).waitFor();
  }

  param(variable: string, key: string): Locator {
    return this.page.getByTestId(`uncertain-${variable}-${key}`);
  }

  /** Types a parameter and presses Enter (stored, or refused with the message at the field). */
  async setParam(variable: string, key: string, value: string): Promise<void> {
    const field = this.param(variable, key);
    await field.fill(value);
    await field.press('Enter');
  }

  /** The message shown under a parameter's field, if any. */
  async paramError(variable: string, key: string): Promise<string> {
    const field = this.param(variable, key);
    const describedBy = await field.getAttribute('aria-describedby');
    return describedBy ? text(this.page.locator(`[id="${describedBy}"]`)) : '';
  }

  /** What the row under a variable says: "Used by: …", or the warning that nothing uses it. */
  async variableUse(variable: string): Promise<string> {
    return text(this.page.getByTestId(`uncertain-${variable}-use`));
  }

  /** The one-click link putting a variable to use, by its words ("Use as the confirmation delay of …"). */
  placeLink(variable: string, words: string): Locator {
    return this.page.getByTestId(`uncertain-${variable}-use`).getByRole('button', { name: `Use as ${words}`, exact: true });
  }

  async setRun(draws: number, seed: number): Promise<void> {
    await this.page.getByTestId('risk-draws').fill(String(draws));
    await this.page.getByTestId('risk-seed').fill(String(seed));
  }

  async run(): Promise<void> {
    await this.page.getByTestId('risk-run').click();
  }

  async cancel(): Promise<void> {
    await this.page.getByTestId('risk-cancel').click();
  }

  progressBar(): Locator {
    return this.page.getByRole('progressbar', { name: 'Draws done' });
  }

  /** The progress bar's aria-valuenow, or null when no run is going. */
  async progress(): Promise<number | null> {
    const bar = this.progressBar();
    if ((await bar.count()) === 0) return null;
    const value = await bar.getAttribute('aria-valuenow');
    return value === null ? null : Number(value);
  }

  status(): Promise<string> {
    return text(this.page.getByTestId('risk-status'));
  }

  statusKind(): Promise<string | null> {
    return this.page.getByTestId('risk-status').getAttribute('data-status');
  }

  /** Waits until a run has finished and its results are on the screen. */
  async waitForResults(timeout = 300_000): Promise<void> {
    await this.page.waitForFunction(
      () =>
        document.querySelector('[data-testid="risk-status"]')?.getAttribute('data-status') === 'idle' &&
        !!document.querySelector('[data-testid="risk-results"]'),
      undefined,
      { timeout, polling: 250 },
    );
  }

  summaryTable(): Promise<string> {
    return text(this.page.getByTestId('risk-summary-table'));
  }

  /** Everything the results state in numbers, each chart shown as its table. */
  async resultText(): Promise<string> {
    const parts = [await this.summaryTable()];
    for (const id of ['risk-chances', 'risk-people', 'risk-fan']) {
      const area = this.page.getByTestId(id);
      await area.getByRole('button', { name: 'Show as table' }).click();
      parts.push(await text(area));
      await area.getByRole('button', { name: 'Show as chart' }).click();
    }
    return parts.join(' | ');
  }

  async download(testId: 'risk-download' | 'ladder-download'): Promise<{ name: string; path: string | null }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(testId).click()]);
    return { name: download.suggestedFilename(), path: await download.path() };
  }

  /** Adds a correlation with the form under the pairs: two variables and a rank as typed. */
  async addCorrelation(a: string, b: string, rank: string): Promise<void> {
    await this.page.getByTestId('add-correlation-a').selectOption(a);
    await this.page.getByTestId('add-correlation-b').selectOption(b);
    await this.page.getByTestId('add-correlation-rank').fill(rank);
    await this.page.getByTestId('add-correlation-button').click();
  }

  /** The message shown at the add-correlation form, if any. */
  async addCorrelationError(): Promise<string> {
    const describedBy = await this.page.getByTestId('add-correlation-a').getAttribute('aria-describedby');
    return describedBy ? text(this.page.locator(`[id="${describedBy}"]`)) : '';
  }

  /** The pairs as the table lists them: "grantLevel and delay −0.6". */
  async correlations(): Promise<string[]> {
    const table = this.page.getByTestId('correlation-table');
    if ((await table.count()) === 0) return [];
    const rows = table.locator('tbody tr');
    const out: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const row = rows.nth(i);
      out.push(`${await text(row.locator('th'))} ${await row.locator('input').inputValue()}`);
    }
    return out;
  }

  /** The points the preview scatter draws. */
  scatterPoints(): Locator {
    return this.page.getByTestId('correlation-scatter').locator('.recharts-scatter-symbol');
  }

  previewRank(): Promise<string> {
    return text(this.page.getByTestId('correlation-preview-rank'));
  }

  async chooseSampling(sampling: 'random' | 'latin-hypercube'): Promise<void> {
    await this.page.getByTestId(`sampling-${sampling}`).check();
  }

  async sampling(): Promise<string | null> {
    return this.page.getByTestId('sampling-choice').locator('input:checked').getAttribute('value');
  }

  /** Waits for the tornado to be drawn for the plan as it stands, and returns its sentence. */
  async tornadoSentence(): Promise<string> {
    await this.page.locator('[data-testid="tornado-sentence"][data-current="true"]').waitFor({ timeout: 60_000 });
    return text(this.page.getByTestId('tornado-sentence'));
  }

  /** The tornado's rows as its table lists them, each cell's text. */
  async tornadoRows(): Promise<string[][]> {
    const area = this.page.getByTestId('tornado');
    await area.getByRole('button', { name: 'Show as table' }).click();
    const rows = area.locator('tbody tr');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('th, td');
      out.push((await cells.allInnerTexts()).map((c) => c.replace(/\s+/g, ' ').trim()));
    }
    await area.getByRole('button', { name: 'Show as chart' }).click();
    return out;
  }

  async openLadder(): Promise<void> {
    await this.page.getByTestId('risk-tab-ladder').click();
  }

  async runLadder(variable: string, from: string, to: string, step: string): Promise<void> {
    await this.page.getByTestId('ladder-variable').selectOption(variable);
    await this.page.getByTestId('ladder-from').fill(from);
    await this.page.getByTestId('ladder-to').fill(to);
    await this.page.getByTestId('ladder-step').fill(step);
    await this.page.getByTestId('ladder-run').click();
    await this.page.getByTestId('ladder-results').waitFor({ timeout: 120_000 });
  }

  async ladderRows(): Promise<string[]> {
    const area = this.page.getByTestId('ladder-results');
    await area.getByRole('button', { name: 'Show as table' }).click();
    const rows = await area.locator('tbody tr').allInnerTexts();
    return rows.map((r) => r.replace(/\s+/g, ' ').trim());
  }
}

export class BreakevenPanel {
  constructor(readonly page: Page) {}

  async find(opts: { variable?: string; target?: string; lo?: string; hi?: string } = {}): Promise<string> {
    if (opts.variable) await this.page.getByTestId('breakeven-variable').selectOption(opts.variable);
    if (opts.target) await this.page.getByTestId('breakeven-target').selectOption(opts.target);
    if (opts.lo !== undefined) await this.page.getByTestId('breakeven-lo').fill(opts.lo);
    if (opts.hi !== undefined) await this.page.getByTestId('breakeven-hi').fill(opts.hi);
    const answer = this.page.getByTestId('breakeven-answer');
    const before = await answer.innerText();
    await this.page.getByTestId('breakeven-run').click();
    await this.page.waitForFunction(
      (old) => {
        const el = document.querySelector('[data-testid="breakeven-answer"]');
        return !!el && el.textContent !== '' && el.textContent !== old;
      },
      before,
      { timeout: 60_000 },
    );
    return text(answer);
  }
}
