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
import { KeyboardFocus, named, type Target } from './keyboard-focus';

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
  readonly kb = new KeyboardFocus(this.page, () => this.waitForResults());

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

  /** Goes to a screen by its button in the navigation. */
  async goByKeyboard(screen: string): Promise<void> {
    await this.kb.press(`nav-${screen}`);
    await this.page.getByTestId(`screen-${screen}`).waitFor();
    await this.waitForResults();
  }

  /** Opens File (Enter on the menu's summary) and presses Enter on one of its items. */
  async fileMenu(item: Target, what?: string): Promise<void> {
    await this.kb.press('menu-file', 'the File menu');
    await this.kb.press(item, what);
  }

  override async newPlan(): Promise<void> {
    const s = this.steps;
    const [stream] = s.streams;
    // Opened, left with Escape (the focus is back on File, the menu closed), opened again.
    await this.fileMenu('menu-new-plan', 'File > New plan…');
    await this.newPlanDialog.dialog().waitFor();
    await this.keys.press('Escape');
    await this.newPlanDialog.dialog().waitFor({ state: 'hidden' });
    await this.kb.focusMovesTo('menu-file');
    if (await this.page.locator('details.menu[open]').count()) throw new Error('the File menu stayed open behind New plan');
    await this.fileMenu('menu-new-plan', 'File > New plan…');
    await this.newPlanDialog.dialog().waitFor();
    await this.kb.typeInto('new-plan-name', s.name, { enter: false });
    await this.kb.choose('new-plan-start-fy', s.startFy);
    await this.kb.typeInto('new-plan-years', s.years, { enter: false });
    await this.kb.typeInto('new-plan-underwriter', s.underwriter, { enter: false });
    await this.kb.typeInto('new-plan-limit', s.limit, { enter: false });
    await this.kb.typeInto('new-plan-stream-name', stream.name, { enter: false });
    await this.kb.typeInto('new-plan-stream-funder', stream.funder, { enter: false });
    await this.kb.choose('new-plan-stream-kind', stream.kind);
    for (const a of stream.allocations) await this.kb.typeInto(`new-plan-amount-${a.fy.replace('/', '-')}`, a.amount, { enter: false });
    await this.shot('guided-start');
    await this.kb.press('new-plan-create', 'Create plan');
    await this.arriveOnNewPlan();
  }

  override async planSettings(): Promise<void> {
    await this.goByKeyboard('plan');
    await this.kb.typeInto('plan-field-notes', this.steps.notes);
    for (const v of this.steps.variables) {
      await this.kb.typeInto('new-variable-name', v.name, { enter: false });
      await this.kb.typeInto('new-variable-value', v.value);
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
    await this.kb.typeInto(await this.streamIdField(index), stream.id, { what: `${stream.name}: its id` });
    await this.page.getByTestId(`stream-${stream.id}`).waitFor();
  }

  /** The condition typed as a person writes a share ("75%"), and each confirmation. */
  override async streamDetails(index: number): Promise<void> {
    const stream = this.steps.streams[index];
    if (stream.condition !== undefined) await this.kb.typeInto(`stream-condition-${stream.id}`, `${stream.condition * 100}%`);
    for (const a of stream.allocations) {
      const key = `${stream.id}-${a.fy}`;
      if (a.confirmation.kind === 'fy-start') continue;
      await this.kb.choose(`confirm-kind-${key}`, a.confirmation.kind);
      if (a.confirmation.kind === 'date') await this.kb.typeInto(`confirm-${key}`, a.confirmation.typed);
      else await this.kb.typeInto(`confirm-delay-${key}`, String(a.confirmation.months));
    }
  }

  override async firstStream(): Promise<void> {
    await this.goByKeyboard('funding');
    await this.streamId(0);
    await this.streamDetails(0);
  }

  override async secondStream(): Promise<void> {
    const stream = this.steps.streams[1];
    await this.kb.press('add-stream', '+ Add funding stream');
    await this.kb.typeInto('add-stream-name', stream.name, { enter: false });
    await this.kb.typeInto('add-stream-funder', stream.funder, { enter: false });
    await this.kb.choose('add-stream-kind', stream.kind);
    await this.kb.press('add-stream-save', 'Add stream');
    await this.page.getByTestId('add-stream').waitFor();
    await this.waitForResults();
    await this.streamId(1);
    for (const a of stream.allocations) {
      const key = `${stream.id}-${a.fy}`;
      await this.kb.press(`add-alloc-${key}`, `+ Add the ${a.fy} allocation`);
      await this.kb.focusMovesTo(`amount-${key}`);
      await this.kb.typeInto(`amount-${key}`, a.amount);
      await this.page.getByTestId(`remove-alloc-${key}`).waitFor();
    }
    await this.streamDetails(1);
  }

  override async importServices(csv: Buffer, fileName: string): Promise<void> {
    await this.kb.press('menu-file', 'the File menu');
    await this.kb.tabTo('menu-import-sheet', 'File > Import spreadsheet');
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
        await this.kb.gridTo(item.id, 'annualCost');
        await this.keys.press('Enter');
        await this.kb.focusMovesTo('cell-editor');
        await this.keys.press('Control+a');
        await this.keys.type(item.annualCost);
        await this.keys.press('Enter');
        // The grid shows one FY's cost: the app asks whether the formula is for every year (its first answer).
        await this.question.dialog().waitFor();
        await this.kb.tabTo('choice-every-year', 'Change every year');
        await this.keys.press('Enter');
        await this.page.getByTestId('cell-editor').waitFor({ state: 'detached' });
        await this.waitForResults();
      }
      if (!item.partnerShares?.length && !item.transition) continue;
      // Moving to a row selects it: its detail panel follows.
      await this.kb.gridTo(item.id, 'name');
      await this.page.locator(`[data-testid="intervention-grid"] tr[data-id="${item.id}"][aria-selected="true"]`).waitFor();
      for (const share of item.partnerShares ?? []) {
        await this.kb.press(named('+ Add a partner share'), '+ Add a partner share');
        await this.kb.typeInto(named('From', 'add-share'), share.from, { enter: false });
        await this.kb.typeInto(named('Share', 'add-share'), String(share.share), { enter: false });
        await this.kb.typeInto(named('Partner', 'add-share'), share.partner, { enter: false });
        await this.keys.press('Enter');
        await this.page.locator('form.add-share').waitFor({ state: 'detached' });
        await this.waitForResults();
      }
      if (item.transition) {
        await this.kb.typeInto(named('People move to'), item.transition.to);
        await this.kb.typeInto(named('Places available'), String(item.transition.capacity));
      }
    }
  }

  override async ringFences(): Promise<void> {
    await this.goByKeyboard('funding');
    for (const r of this.steps.ringFences) {
      await this.kb.press(`ring-fence-toggle-${r.stream}`);
      for (const id of r.interventions) {
        await this.kb.press(`ring-fence-${r.stream}-${id}`, `the ring-fence box of ${id}`, 'Space');
        await this.waitForResults();
      }
      await this.kb.tabTo(`ring-fence-toggle-${r.stream}`, 'the ring-fence toggle', { back: true });
      await this.keys.press('Enter');
    }
  }

  override async addScenarios(): Promise<void> {
    await this.goByKeyboard('scenarios');
    for (const scenario of this.steps.scenarios) {
      const before = await this.page.locator('[data-testid^="scenario-item-"]').count();
      await this.kb.press('new-scenario', 'New scenario');
      await this.page.locator('[data-testid^="scenario-item-"]').nth(before).waitFor();
      await this.waitForResults();
      await this.kb.typeInto('scenario-name', scenario.name);
      await this.kb.typeInto('scenario-id', scenario.id);
      await this.page.locator(`[data-testid="scenario-item-${scenario.id}"][aria-current="true"]`).waitFor();
      for (const c of scenario.changes) {
        if (c.percent !== undefined) await this.kb.typeInto(`level-${c.stream}-${c.fy}`, String(c.percent));
        if (c.confirmedOn) await this.kb.typeInto(`confirm-${c.stream}-${c.fy}`, c.confirmedOn);
      }
      if (scenario.stance === 'prudent') {
        // A radio group is one Tab stop: the arrow keys choose within it.
        await this.kb.tabTo('stance-wait', 'the stance');
        for (let i = 0; i < 3 && (await this.kb.focused()).testId !== 'stance-prudent'; i++) await this.keys.press('ArrowDown');
        await this.waitForResults();
      }
    }
  }

  override async exportPlan(): Promise<Plan> {
    await this.kb.press('menu-file', 'the File menu');
    await this.kb.tabTo(named('Export plan (JSON)'), 'File > Export plan (JSON)');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.keys.press('Enter')]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    fs.mkdirSync(AUTHORING_SHOTS, { recursive: true });
    fs.writeFileSync(path.join(AUTHORING_SHOTS, `${this.shotPrefix}-${download.suggestedFilename()}`), text);
    // Escape closes the menu and gives its button the focus back.
    await this.keys.press('Escape');
    return JSON.parse(text) as Plan;
  }
}
