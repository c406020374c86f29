// The Outturn screen as a person uses it: pick an FY, read the headline and the table, type
// an actual into the month grid.
import type { Page } from 'playwright-core';

export class OutturnScreen {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-outturn').click();
    await this.page.getByTestId('screen-outturn').waitFor();
  }

  async chooseFy(label: string): Promise<void> {
    await this.page.getByTestId('outturn-fy').selectOption({ label });
  }

  async lapseSentence(): Promise<string> {
    return (await this.page.getByTestId('lapse-sentence').innerText()).trim();
  }

  async figure(testId: 'outturn-budget' | 'outturn-actual' | 'outturn-variance'): Promise<string> {
    return (await this.page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();
  }

  async row(id: string): Promise<string[]> {
    const cells = this.page.getByTestId(`outturn-row-${id}`).locator('th, td');
    return (await cells.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Types an amount into a service's month cell and presses Enter. */
  async typeActual(id: string, month: number, text: string): Promise<void> {
    const cell = this.page.getByTestId(`actual-${id}-${month}`);
    await cell.click();
    await cell.fill(text);
    await cell.press('Enter');
  }
}
