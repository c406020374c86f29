// Finding a control by keyboard, as a person does: Tab (or Shift+Tab) until the control has
// the focus, then type, choose with the arrow keys, or press Enter or Space. The page is only
// read, to know where the focus is; every change to it comes from a key.
import type { Page } from 'playwright-core';

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

/** The focus-finding steps, on one page. */
export class KeyboardFocus {
  constructor(
    readonly page: Page,
    /** Waits for what a stored edit sets off (HeadroomApp.waitForResults). */
    private readonly settle: () => Promise<void>,
  ) {}

  get keys() {
    return this.page.keyboard;
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
      await this.settle();
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

  /** Tab into the interventions grid, then the arrow keys to a row's cell (which selects the row). */
  async gridTo(rowId: string, col: string): Promise<void> {
    await this.tabTo((f) => f.role === 'gridcell', 'the interventions grid');
    const grid = this.page.getByTestId('intervention-grid');
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
}
