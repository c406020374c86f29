// The same journey as MouseAuthor, by keyboard alone: every step presses Tab (or Shift+Tab)
// until the control a person is after has the focus, then types, presses Enter or Space, or
// moves with the arrow keys. Nothing is clicked or filled; the page is only read, to know
// where the focus is. The one file chooser (File > Import spreadsheet) is opened by Enter and
// given its file as a person picks it in the system dialog.
import fs from 'node:fs';
import path from 'node:path';
import type { Plan } from '../../../shared/plan';
import { MouseAuthor } from './authoring-journey';
import { AUTHORING_SHOTS } from './authoring-pages';

/** What has the focus, as a person finds it: its test id, its name (label or text) and where it sits. */
export interface Focus {
  readonly testId: string | null;
  readonly name: string;
  readonly tag: string;
  readonly role: string | null;
  /** For a grid cell: its row's id and its column. */
  readonly row: string | null;
  readonly col: string | null;
  /** The class of the form it is in, if any. */
  readonly form: string | null;
}

/** A control to find: its exact test id, a pattern for the test id, or a test of the focus. */
export type Target = string | RegExp | ((focus: Focus) => boolean);

const matches = (target: Target, focus: Focus) =>
  typeof target === 'string' ? focus.testId === target : target instanceof RegExp ? target.test(focus.testId ?? '') : target(focus);

/** A control named `name` (its label, aria-label or text), optionally only inside a form of that class. */
export const named =
  (name: string, form?: string) =>
  (f: Focus): boolean =>
    f.name === name && (form === undefined || (f.form ?? '').split(' ').includes(form));

/** Counts, in the tab's sessionStorage (kept across the reload New plan does), every pointer event and drop. */
function countPointerEvents(): void {
  for (const type of ['pointerdown', 'mousedown', 'touchstart', 'drop'])
    window.addEventListener(
      type,
      () => sessionStorage.setItem('pointer-events', String(Number(sessionStorage.getItem('pointer-events')) + 1)),
      true,
    );
}

export class KeyboardAuthor extends MouseAuthor {
  get keys() {
    return this.page.keyboard;
  }

  protected override async beforeLoad(): Promise<void> {
    await this.context.addInitScript(countPointerEvents);
  }

  /** How many pointer events (or drops) the page has seen: none, when the journey was by keyboard alone. */
  async pointerEvents(): Promise<number> {
    return this.page.evaluate(() => Number(sessionStorage.getItem('pointer-events')));
  }

  focused(): Promise<Focus> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const squash = (t: string | null | undefined) => (t ?? '').replace(/\s+/g, ' ').trim();
      const labels = (el as HTMLInputElement | null)?.labels;
      const name =
        squash(el?.getAttribute('aria-label')) ||
        (labels && labels.length ? squash([...labels].map((l) => l.textContent).join(' ')) : '') ||
        (el && /^(BUTTON|A|SUMMARY)$/.test(el.tagName) ? squash(el.textContent) : '');
      const cell = el?.closest('td[role="gridcell"]');
      return {
        testId: el?.getAttribute('data-testid') ?? null,
        name,
        tag: el?.tagName.toLowerCase() ?? '',
        role: el?.getAttribute('role') ?? null,
        row: cell?.closest('tr')?.getAttribute('data-id') ?? null,
        col: cell?.getAttribute('data-col') ?? null,
        form: el?.closest('form')?.className ?? null,
      };
    });
  }

  /**
   * Presses Tab (Shift+Tab with `back`) until the target has the focus; throws, naming the
   * target and where the focus last was, when `most` presses do not reach it.
   */
  async tabTo(target: Target, what = String(target), opts: { back?: boolean; most?: number } = {}): Promise<void> {
    let at = await this.focused();
    for (let presses = 0; presses < (opts.most ?? 300); presses++) {
      if (matches(target, at)) return;
      await this.keys.press(opts.back ? 'Shift+Tab' : 'Tab');
      at = await this.focused();
    }
    throw new Error(
      `${what} was not reached by ${opts.back ? 'Shift+Tab' : 'Tab'} (focus ended on ${at.tag} ${at.testId ?? ''} "${at.name}")`,
    );
  }

  /** Waits for the app to move the focus (to a field it opens): keys pressed before it does would go elsewhere. */
  async focusMovesTo(testId: string): Promise<void> {
    await this.page.waitForFunction((id) => document.activeElement?.getAttribute('data-testid') === id, testId);
  }

  /** Tab to a control and press Enter (a button, a menu, a submit). */
  async press(target: Target, what?: string, key = 'Enter'): Promise<void> {
    await this.tabTo(target, what);
    await this.keys.press(key);
  }

  /** Tab to a field, select what it holds, type over it; Enter stores it (unless `enter` is false). */
  async typeInto(target: Target, text: string, opts: { what?: string; enter?: boolean } = {}): Promise<void> {
    await this.tabTo(target, opts.what);
    await this.keys.press('Control+a');
    await this.keys.type(text);
    if (opts.enter ?? true) {
      await this.keys.press('Enter');
      await this.waitForResults();
    }
  }

  /** Tab to a list (a select) and move with the arrow keys to the option of this value. */
  async choose(testId: string, value: string): Promise<void> {
    await this.tabTo(testId);
    const field = this.page.getByTestId(testId);
    const options = await field.evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.value));
    const to = options.indexOf(value);
    if (to < 0) throw new Error(`${testId} has no option ${value} (it has ${options.join(', ')})`);
    for (let i = 0; i < options.length; i++) {
      const from = options.indexOf(await field.inputValue());
      if (from === to) return;
      await this.keys.press(from < to ? 'ArrowDown' : 'ArrowUp');
    }
    throw new Error(`${testId}: the arrow keys did not reach ${value}`);
  }

  /** Goes to a screen by its button in the navigation. */
  async goByKeyboard(screen: string): Promise<void> {
    await this.press(`nav-${screen}`);
    await this.page.getByTestId(`screen-${screen}`).waitFor();
    await this.waitForResults();
  }

  /** Opens File (Enter on the menu's summary) and presses Enter on one of its items. */
  async fileMenu(item: Target, what?: string): Promise<void> {
    await this.press('menu-file', 'the File menu');
    await this.press(item, what);
  }

  /** Tab into the interventions grid, then the arrow keys to a row's cell (which selects the row). */
  async gridTo(rowId: string, col: string): Promise<void> {
    await this.tabTo((f) => f.role === 'gridcell', 'the interventions grid');
    const grid = this.interventions.grid();
    const cols = await grid.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-col')));
    const rows = await grid.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    for (let moves = 0; moves < rows.length + cols.length; moves++) {
      const at = await this.focused();
      const [dr, dc] = [rows.indexOf(rowId) - rows.indexOf(at.row), cols.indexOf(col) - cols.indexOf(at.col)];
      if (dr === 0 && dc === 0) return;
      await this.keys.press(dr > 0 ? 'ArrowDown' : dr < 0 ? 'ArrowUp' : dc > 0 ? 'ArrowRight' : 'ArrowLeft');
      // The grid moves the focus a frame later: wait for it, or the next key would overshoot.
      await this.page.waitForFunction(
        ([row, c]) => {
          const cell = document.activeElement?.closest('td[role="gridcell"]');
          return cell && (cell.getAttribute('data-col') !== c || cell.closest('tr')?.getAttribute('data-id') !== row);
        },
        [at.row, at.col] as const,
      );
    }
    throw new Error(`the arrow keys did not reach ${rowId} ${col}`);
  }

  override async newPlan(): Promise<void> {
    const s = this.steps;
    const [stream] = s.streams;
    // Opened, left with Escape (the focus is back on File, the menu closed), opened again.
    await this.fileMenu('menu-new-plan', 'File > New plan…');
    await this.newPlanDialog.dialog().waitFor();
    await this.keys.press('Escape');
    await this.newPlanDialog.dialog().waitFor({ state: 'hidden' });
    await this.focusMovesTo('menu-file');
    if (await this.page.locator('details.menu[open]').count()) throw new Error('the File menu stayed open behind New plan');
    await this.fileMenu('menu-new-plan', 'File > New plan…');
    await this.newPlanDialog.dialog().waitFor();
    await this.typeInto('new-plan-name', s.name, { enter: false });
    await this.choose('new-plan-start-fy', s.startFy);
    await this.typeInto('new-plan-years', s.years, { enter: false });
    await this.typeInto('new-plan-underwriter', s.underwriter, { enter: false });
    await this.typeInto('new-plan-limit', s.limit, { enter: false });
    await this.typeInto('new-plan-stream-name', stream.name, { enter: false });
    await this.typeInto('new-plan-stream-funder', stream.funder, { enter: false });
    await this.choose('new-plan-stream-kind', stream.kind);
    for (const a of stream.allocations) await this.typeInto(`new-plan-amount-${a.fy.replace('/', '-')}`, a.amount, { enter: false });
    await this.shot('guided-start');
    await this.press('new-plan-create', 'Create plan');
    await this.arriveOnNewPlan();
  }

  override async planSettings(): Promise<void> {
    await this.goByKeyboard('plan');
    await this.typeInto('plan-field-notes', this.steps.notes);
    for (const v of this.steps.variables) {
      await this.typeInto('new-variable-name', v.name, { enter: false });
      await this.typeInto('new-variable-value', v.value);
      await this.page.getByTestId(`variable-row-${v.name}`).waitFor();
    }
  }

  /** The id field of the stream now at `index` (its id is the one its name gave it). */
  private async streamIdField(index: number): Promise<string> {
    const ids = await this.page
      .locator('input[data-testid^="stream-id-"]')
      .evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-testid') ?? ''));
    if (!ids[index]) throw new Error(`no id field for stream ${index + 1} (found ${ids.join(', ')})`);
    return ids[index];
  }

  private async streamId(index: number): Promise<void> {
    const stream = this.steps.streams[index];
    await this.typeInto(await this.streamIdField(index), stream.id, { what: `${stream.name}: its id` });
    await this.page.getByTestId(`stream-${stream.id}`).waitFor();
  }

  /** The condition typed as a person writes a share ("75%"), and each confirmation. */
  override async streamDetails(index: number): Promise<void> {
    const stream = this.steps.streams[index];
    if (stream.condition !== undefined) await this.typeInto(`stream-condition-${stream.id}`, `${stream.condition * 100}%`);
    for (const a of stream.allocations) {
      const key = `${stream.id}-${a.fy}`;
      if (a.confirmation.kind === 'fy-start') continue;
      await this.choose(`confirm-kind-${key}`, a.confirmation.kind);
      if (a.confirmation.kind === 'date') await this.typeInto(`confirm-${key}`, a.confirmation.typed);
      else await this.typeInto(`confirm-delay-${key}`, String(a.confirmation.months));
    }
  }

  override async firstStream(): Promise<void> {
    await this.goByKeyboard('funding');
    await this.streamId(0);
    await this.streamDetails(0);
  }

  override async secondStream(): Promise<void> {
    const stream = this.steps.streams[1];
    await this.press('add-stream', '+ Add funding stream');
    await this.typeInto('add-stream-name', stream.name, { enter: false });
    await this.typeInto('add-stream-funder', stream.funder, { enter: false });
    await this.choose('add-stream-kind', stream.kind);
    await this.press('add-stream-save', 'Add stream');
    await this.page.getByTestId('add-stream').waitFor();
    await this.waitForResults();
    await this.streamId(1);
    for (const a of stream.allocations) {
      const key = `${stream.id}-${a.fy}`;
      await this.press(`add-alloc-${key}`, `+ Add the ${a.fy} allocation`);
      await this.focusMovesTo(`amount-${key}`);
      await this.typeInto(`amount-${key}`, a.amount);
      await this.page.getByTestId(`remove-alloc-${key}`).waitFor();
    }
    await this.streamDetails(1);
  }

  override async importServices(csv: Buffer, fileName: string): Promise<void> {
    await this.press('menu-file', 'the File menu');
    await this.tabTo('menu-import-sheet', 'File > Import spreadsheet');
    const file = { name: fileName, mimeType: 'text/csv', buffer: csv };
    const input = this.page.getByTestId('menu-import-sheet-file');
    await input.evaluate((el) => el.addEventListener('click', () => el.setAttribute('data-chooser-asked', ''), { once: true }));
    const choosing = this.page.waitForEvent('filechooser', { timeout: 10_000 }).catch(() => null);
    await this.keys.press('Enter');
    const chooser = await choosing;
    if (chooser) await chooser.setFiles(file);
    else {
      // Headless Chromium now and then opens the chooser without telling playwright (1 time in
      // 4 to 10 here, though the input's click ran with user activation): Enter did ask for it,
      // so the file goes to its input.
      if ((await input.getAttribute('data-chooser-asked')) === null) throw new Error('Enter on Import spreadsheet opened no file chooser');
      await input.setInputFiles(file);
    }
    await this.sheet.read();
    await this.shot('sheet-preview');
    if (!(await this.sheet.tabToImport())) throw new Error('Tab did not reach Import in the spreadsheet dialog');
    await this.keys.press('Enter');
    await this.sheet.dialog().waitFor({ state: 'hidden' });
    await this.page.getByTestId('screen-interventions').waitFor();
    await this.waitForResults();
  }

  override async serviceExtras(): Promise<void> {
    for (const item of this.steps.extras) {
      if (typeof item.annualCost === 'string') {
        await this.gridTo(item.id, 'annualCost');
        await this.keys.press('Enter');
        await this.focusMovesTo('cell-editor');
        await this.keys.press('Control+a');
        await this.keys.type(item.annualCost);
        await this.keys.press('Enter');
        // The grid shows one FY's cost: the app asks whether the formula is for every year (its first answer).
        await this.question.dialog().waitFor();
        await this.tabTo('choice-every-year', 'Change every year');
        await this.keys.press('Enter');
        await this.page.getByTestId('cell-editor').waitFor({ state: 'detached' });
        await this.waitForResults();
      }
      if (!item.partnerShares?.length && !item.transition) continue;
      // Moving to a row selects it: its detail panel follows.
      await this.gridTo(item.id, 'name');
      await this.page.locator(`[data-testid="intervention-grid"] tr[data-id="${item.id}"][aria-selected="true"]`).waitFor();
      for (const share of item.partnerShares ?? []) {
        await this.press(named('+ Add a partner share'), '+ Add a partner share');
        await this.typeInto(named('From', 'add-share'), share.from, { enter: false });
        await this.typeInto(named('Share', 'add-share'), String(share.share), { enter: false });
        await this.typeInto(named('Partner', 'add-share'), share.partner, { enter: false });
        await this.keys.press('Enter');
        await this.page.locator('form.add-share').waitFor({ state: 'detached' });
        await this.waitForResults();
      }
      if (item.transition) {
        await this.typeInto(named('People move to'), item.transition.to);
        await this.typeInto(named('Places available'), String(item.transition.capacity));
      }
    }
  }

  override async ringFences(): Promise<void> {
    await this.goByKeyboard('funding');
    for (const r of this.steps.ringFences) {
      await this.press(`ring-fence-toggle-${r.stream}`);
      for (const id of r.interventions) {
        await this.press(`ring-fence-${r.stream}-${id}`, `the ring-fence box of ${id}`, 'Space');
        await this.waitForResults();
      }
      await this.tabTo(`ring-fence-toggle-${r.stream}`, 'the ring-fence toggle', { back: true });
      await this.keys.press('Enter');
    }
  }

  override async addScenarios(): Promise<void> {
    await this.goByKeyboard('scenarios');
    for (const scenario of this.steps.scenarios) {
      const before = await this.page.locator('[data-testid^="scenario-item-"]').count();
      await this.press('new-scenario', 'New scenario');
      await this.page.locator('[data-testid^="scenario-item-"]').nth(before).waitFor();
      await this.waitForResults();
      await this.typeInto('scenario-name', scenario.name);
      await this.typeInto('scenario-id', scenario.id);
      await this.page.locator(`[data-testid="scenario-item-${scenario.id}"][aria-current="true"]`).waitFor();
      for (const c of scenario.changes) {
        if (c.percent !== undefined) await this.typeInto(`level-${c.stream}-${c.fy}`, String(c.percent));
        if (c.confirmedOn) await this.typeInto(`confirm-${c.stream}-${c.fy}`, c.confirmedOn);
      }
      if (scenario.stance === 'prudent') {
        // A radio group is one Tab stop: the arrow keys choose within it.
        await this.tabTo('stance-wait', 'the stance');
        for (let i = 0; i < 3 && (await this.focused()).testId !== 'stance-prudent'; i++) await this.keys.press('ArrowDown');
        await this.waitForResults();
      }
    }
  }

  override async exportPlan(): Promise<Plan> {
    await this.press('menu-file', 'the File menu');
    await this.tabTo(named('Export plan (JSON)'), 'File > Export plan (JSON)');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.keys.press('Enter')]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    fs.mkdirSync(AUTHORING_SHOTS, { recursive: true });
    fs.writeFileSync(path.join(AUTHORING_SHOTS, `${this.shotPrefix}-${download.suggestedFilename()}`), text);
    // Escape closes the menu and gives its button the focus back.
    await this.keys.press('Escape');
    return JSON.parse(text) as Plan;
  }
}
