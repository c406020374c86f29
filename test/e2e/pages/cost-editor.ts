// The annual cost editor in the Interventions detail panel ("Same every year" / "By year"),
// and the question the app asks before an edit replaces a formula or every year's cost.
import type { Locator, Page } from 'playwright-core';

export class CostEditor {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('cost-editor');
  }

  /** Clicks a mode; going back to "Same every year" may ask first, so the radio is not forced. */
  async chooseMode(mode: 'same' | 'by-year'): Promise<void> {
    await this.page.getByTestId(`cost-mode-${mode}`).click();
  }

  async mode(): Promise<'same' | 'by-year'> {
    return (await this.page.getByTestId('cost-mode-by-year').isChecked()) ? 'by-year' : 'same';
  }

  /** The amount or formula field of one FY (by year). */
  fyField(fy: string): Locator {
    return this.page.getByTestId(`cost-fy-${fy}`);
  }

  /** Types into one FY's field and presses Enter. */
  async typeFy(fy: string, text: string): Promise<void> {
    // Focus swaps the shown "£130,000.00" for the stored 130000: clear that, then type.
    await this.fyField(fy).fill('');
    await this.fyField(fy).fill(text);
    await this.fyField(fy).press('Enter');
  }

  /** The value an FY's cost works out to, as shown. */
  async value(fy: string): Promise<string> {
    return (await this.page.getByTestId(`cost-value-${fy}`).innerText()).trim();
  }
}

/** The question before an edit is stored: its title, and its answers by keyboard or click. */
export class EditQuestionDialog {
  constructor(
    readonly page: Page,
    readonly testId = 'choice-dialog',
  ) {}

  dialog(): Locator {
    return this.page.locator(`dialog[data-testid="${this.testId}"][open]`);
  }

  async title(): Promise<string> {
    await this.dialog().waitFor();
    return (await this.dialog().locator('h2').innerText()).trim();
  }

  async answers(): Promise<string[]> {
    return (await this.dialog().locator('button').allInnerTexts()).map((t) => t.trim());
  }

  async answer(id: string): Promise<void> {
    await this.dialog().getByTestId(`choice-${id}`).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  /** Escape: nothing is stored. */
  async dismiss(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog().waitFor({ state: 'detached' });
  }
}
