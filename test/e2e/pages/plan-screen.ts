// File > New plan's guided start, and the Plan screen (name, horizon, underwriting, variables),
// driven as a person does: by keyboard where the spec says so.
import type { Page } from 'playwright-core';

export interface GuidedStart {
  readonly name: string;
  readonly years?: string;
  readonly underwriter: string;
  readonly limit: string;
  readonly stream: { readonly name: string; readonly funder: string; readonly kind: 'grant' | 'one-off' | 'contribution' };
  /** Amounts typed for the first FYs, in order. */
  readonly amounts: readonly string[];
}

export class NewPlanDialogPage {
  constructor(private readonly page: Page) {}

  dialog() {
    return this.page.getByTestId('new-plan-dialog');
  }

  /** File > New plan… with the keyboard: focus the File menu, open it, choose the item. */
  async openFromFileMenu(): Promise<void> {
    await this.page.getByTestId('menu-file').focus();
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('menu-new-plan').focus();
    await this.page.keyboard.press('Enter');
    await this.dialog().waitFor();
  }

  /** Fills every answer by typing and Tab alone, from the focused first field. */
  async fillByKeyboard(answers: GuidedStart): Promise<void> {
    const k = this.page.keyboard;
    await k.type(answers.name);
    await k.press('Tab'); // first FY: the default, the current FY
    await k.press('Tab');
    if (answers.years) {
      await k.press('Control+a');
      await k.type(answers.years);
    }
    await k.press('Tab');
    await k.type(answers.underwriter);
    await k.press('Tab');
    await k.type(answers.limit);
    await k.press('Tab');
    await k.type(answers.stream.name);
    await k.press('Tab');
    await k.type(answers.stream.funder);
    await k.press('Tab');
    await this.page.getByTestId('new-plan-stream-kind').selectOption(answers.stream.kind);
    for (const amount of answers.amounts) {
      await k.press('Tab');
      await k.type(amount);
    }
  }

  async focusedTestId(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }
}

export class PlanScreen {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-plan').click();
    await this.page.getByTestId('screen-plan').waitFor();
  }

  /** Types into a field and presses Enter, which stores it. */
  async type(testId: string, text: string): Promise<void> {
    const field = this.page.getByTestId(testId);
    await field.focus();
    await field.fill(text);
    await field.press('Enter');
  }

  async addVariable(name: string, value: string): Promise<void> {
    await this.page.getByTestId('new-variable-name').fill(name);
    await this.page.getByTestId('new-variable-value').fill(value);
    await this.page.getByTestId('new-variable-value').press('Enter');
    await this.page.getByTestId(`variable-row-${name}`).waitFor();
  }

  async makeByYear(name: string): Promise<void> {
    await this.page.getByTestId(`variable-mode-${name}`).selectOption('by-year');
    await this.page.getByTestId(`variable-table-${name}`).waitFor();
  }

  async resolved(name: string): Promise<string> {
    return (await this.page.getByTestId(`variable-resolved-${name}`).innerText()).replace(/\s+/g, ' ').trim();
  }
}
