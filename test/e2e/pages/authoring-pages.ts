// Page-object steps for building a plan by hand, with the parts of the app that exist today:
// File > Import / Export plan (JSON), adding an intervention and typing its fields in the
// Interventions grid, its taper and transition route in the detail panel, a stream's ring-fence
// on Funding, and scenarios with their grant levels, dates and stance on Scenarios. Each step
// waits for the stored result, and `shot` keeps a 1280×800 screenshot of where it left the app.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import type { Harness } from '../../../electron/harness/server';
import type { Intervention, Plan } from '../../../shared/plan';
import { REPO, tempDir, removeDir } from '../support';
import { HeadroomApp } from './headroom-app';

export const AUTHORING_SHOTS = path.join(REPO, 'test-results/authoring');

/** The intervention fields typed into the grid, by column (`td[data-col]`), in the order typed. */
const GRID_FIELDS = [
  'name',
  'category',
  'system',
  'provider',
  'annualCost',
  'priority',
  'noticeMonths',
  'exitCost',
  'serviceUsers',
] as const;

/** What a person types for a plan value: numbers plainly (0.25, 150000), formulas as written. */
const typed = (value: number | string) => String(value);

export class AuthoringApp extends HeadroomApp {
  private shots = 0;
  /** Names this journey's screenshots and downloads in test-results/authoring/. */
  shotPrefix = 'authoring';

  /** Opens the app at 1280×800, a finance lead's laptop, with downloads kept. */
  static async openSmall(browser: Browser, harness: Harness): Promise<AuthoringApp> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const app = new AuthoringApp(context, await context.newPage(), harness);
    await app.page.goto(harness.url, { waitUntil: 'load' });
    await app.arriveOnOverview();
    return app;
  }

  /** Saves what the window shows now as test-results/authoring/<shotPrefix>-NN-<name>.png. */
  async shot(name: string): Promise<void> {
    fs.mkdirSync(AUTHORING_SHOTS, { recursive: true });
    this.shots += 1;
    const file = `${this.shotPrefix}-${String(this.shots).padStart(2, '0')}-${name}.png`;
    await this.page.screenshot({ path: path.join(AUTHORING_SHOTS, file) });
  }

  // ---------------------------------------------------------------- File menu

  async openFileMenu(): Promise<Locator> {
    const menu = this.page.locator('details.menu', { has: this.page.locator('summary', { hasText: 'File' }) });
    if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
    return menu;
  }

  /** The File menu stays open after an item is chosen (a <details>): close it, as a person would. */
  async closeFileMenu(): Promise<void> {
    const menu = this.page.locator('details.menu', { has: this.page.locator('summary', { hasText: 'File' }) });
    if (await menu.evaluate((d) => (d as HTMLDetailsElement).open)) await menu.locator('summary').click();
  }

  /** File > Import plan (JSON)…, choosing a file holding `plan`, as a person picks it in the file dialog. */
  async importPlanJson(plan: Plan, fileName = 'plan.json'): Promise<void> {
    const dir = tempDir('plan-import');
    try {
      const file = path.join(dir, fileName);
      fs.writeFileSync(file, JSON.stringify(plan, null, 2));
      const menu = await this.openFileMenu();
      const [chooser] = await Promise.all([
        this.page.waitForEvent('filechooser'),
        menu.getByRole('button', { name: 'Import plan (JSON)…' }).click(),
      ]);
      const revision = await this.revision();
      await chooser.setFiles(file);
      await this.page.waitForFunction((name) => document.querySelector('[data-testid="plan-name"]')?.textContent === name, plan.name);
      if ((await this.revision()) === revision) throw new Error('the plan was not imported');
      await this.closeFileMenu();
      await this.waitForResults();
    } finally {
      removeDir(dir);
    }
  }

  /** File > Export plan (JSON): the downloaded file's name and the plan it holds. */
  async exportPlanJson(): Promise<{ name: string; text: string; plan: Plan }> {
    const menu = await this.openFileMenu();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      menu.getByRole('button', { name: 'Export plan (JSON)' }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    await this.closeFileMenu();
    fs.mkdirSync(AUTHORING_SHOTS, { recursive: true });
    fs.writeFileSync(path.join(AUTHORING_SHOTS, `${this.shotPrefix}-${download.suggestedFilename()}`), text);
    return { name: download.suggestedFilename(), text, plan: JSON.parse(text) as Plan };
  }

  // ---------------------------------------------------------------- Interventions

  /** "+ Add intervention": returns the new row's id (the app names it "New intervention"). */
  async addIntervention(): Promise<string> {
    const rows = this.interventions.grid().locator('tbody tr[data-id]');
    const before = new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id'))));
    await this.page.getByRole('button', { name: '+ Add intervention' }).click();
    await this.waitForResults();
    await this.page.getByTestId('intervention-detail').waitFor();
    const after = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    const added = after.filter((id) => !before.has(id));
    if (added.length !== 1 || !added[0]) throw new Error(`expected one new row, found ${added.length}`);
    return added[0];
  }

  /** Selects a grid cell, Enter, types (or picks from the list) and Enter, as a keyboard user would. */
  async typeInCell(id: string, column: string, value: string): Promise<void> {
    await this.interventions.cell(id, column).click();
    await this.page.keyboard.press('Enter');
    const editor = this.page.getByTestId('cell-editor');
    if ((await editor.evaluate((el) => el.tagName)) === 'SELECT') await editor.selectOption(value);
    else await editor.fill(value);
    await editor.press('Enter');
    // A single annual cost typed while the grid shows one FY asks: this journey means every year.
    if (column === 'annualCost') await this.page.getByTestId('choice-every-year').click();
    await editor.waitFor({ state: 'detached' });
    await this.waitForResults();
  }

  /** Types an intervention's grid fields (name, category, system, provider, cost, priority, notice, exit cost, people). */
  /** Types each field in the grid; returns the row's id, which follows the name as it is typed. */
  async typeInterventionFields(id: string, item: Intervention): Promise<string> {
    const rows = this.interventions.grid().locator('tbody tr[data-id]');
    let current = id;
    for (const key of GRID_FIELDS) {
      const value = item[key];
      if (value === undefined) continue;
      if (typeof value === 'object') throw new Error(`${item.id}.${key}: a cost by year cannot be typed in one cell`);
      const index = await rows.evaluateAll((trs, rowId) => trs.findIndex((tr) => tr.getAttribute('data-id') === rowId), current);
      await this.typeInCell(current, key, typed(value));
      if (key === 'name') current = (await rows.nth(index).getAttribute('data-id')) ?? current;
    }
    return current;
  }

  /** Shows an intervention in the detail panel by clicking its name in the grid. */
  async selectIntervention(id: string): Promise<Locator> {
    await this.interventions.cell(id, 'name').click();
    const detail = this.page.getByTestId('intervention-detail');
    await this.page.waitForFunction(
      (rowId) =>
        document.querySelector(`[data-testid="intervention-grid"] tr[data-id="${rowId}"]`)?.getAttribute('aria-selected') === 'true',
      id,
    );
    return detail;
  }

  /** Taper schedule > "+ Add a partner share": from, share and partner, then Add. */
  async addPartnerShare(id: string, share: { from: string; share: number | string; partner: string }): Promise<void> {
    const detail = await this.selectIntervention(id);
    await detail.getByRole('button', { name: '+ Add a partner share' }).click();
    const form = detail.locator('form.add-share');
    await form.getByLabel('From').fill(share.from);
    await form.getByLabel('Share').fill(typed(share.share));
    await form.getByLabel('Partner').fill(share.partner);
    await form.getByRole('button', { name: 'Add' }).click();
    await form.waitFor({ state: 'detached' });
    await this.waitForResults();
  }

  /** "If it closes": where people move to, then the places available there. */
  async setTransition(id: string, transition: { to: string; capacity: number }): Promise<void> {
    const detail = await this.selectIntervention(id);
    for (const [label, value] of [
      ['People move to', transition.to],
      ['Places available', String(transition.capacity)],
    ] as const) {
      const field = detail.getByLabel(label, { exact: true });
      await field.fill(value);
      await field.press('Enter');
      await this.waitForResults();
    }
  }

  /** Adds an intervention and gives it every field of `item` the app can take today; returns its id. */
  async buildIntervention(item: Intervention, shot = true): Promise<string> {
    const id = await this.typeInterventionFields(await this.addIntervention(), item);
    for (const share of item.partnerShares ?? []) await this.addPartnerShare(id, share);
    if (item.transition) await this.setTransition(id, item.transition);
    if (shot) {
      await this.selectIntervention(id);
      await this.shot(`intervention-${item.id}`);
    }
    return id;
  }

  // ---------------------------------------------------------------- Funding

  /** Funding > a stream's "Ring-fenced to" > Change: ticks exactly the interventions named. */
  async ringFence(streamId: string, _firstFy: string, names: readonly string[]): Promise<void> {
    const toggle = this.page.getByTestId(`ring-fence-toggle-${streamId}`);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const boxes = this.page.getByTestId(`ring-fence-${streamId}`).getByRole('checkbox');
    for (const box of await boxes.all()) {
      const label = ((await box.evaluate((el) => el.closest('label')?.textContent)) ?? '').trim();
      if (names.includes(label) !== (await box.isChecked())) {
        await box.click();
        await this.waitForResults();
      }
    }
    await toggle.click();
  }

  // ---------------------------------------------------------------- Scenarios

  /** New scenario, renamed; returns its id. */
  async addScenario(name: string): Promise<string> {
    if (!(await this.page.getByTestId('screen-scenarios').count())) await this.go('scenarios');
    const id = await this.scenarios.create();
    await this.waitForResults();
    await this.scenarios.rename(name);
    await this.waitForResults();
    return id;
  }

  /** A stream's level for an FY in the scenario being edited, as the percent typed beside the slider. */
  async setGrantLevel(stream: string, fy: string, percent: number): Promise<void> {
    await this.scenarios.setLevel(stream, fy, percent);
    await this.waitForResults();
  }

  /** The date the scenario's allocation is confirmed on, as typed ("18 July 2024"). */
  async setConfirmedOn(stream: string, fy: string, date: string): Promise<void> {
    await this.scenarios.setConfirmation(stream, fy, date);
    await this.waitForResults();
  }

  async setStance(stance: 'wait' | 'prudent'): Promise<void> {
    await this.page.getByTestId(`stance-${stance}`).check();
    await this.waitForResults();
  }
}

/** "2024-07-18" as a person types a date: "18 July 2024". */
export function dateAsTyped(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${d} ${month} ${y}`;
}
