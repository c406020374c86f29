// The Outturn screen as a person uses it: pick an FY, read the headline and the table, type
// an actual into the month grid.
import type { Page } from 'playwright-core';

export class OutturnScreen {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-outturn').click();
    await this.page.getByTestId('screen-outturn').waitFor();
  }

  async chooseScenario(id: string): Promise<void> {
    await this.page.getByTestId('screen-outturn').getByTestId('scenario-picker').selectOption(id);
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

/** The Import actuals dialog: a file dropped on the window, codes mapped, the preview read. */
export class ImportActualsDialogPage {
  constructor(private readonly page: Page) {}

  /** Drops a file onto the window, as a person drags one from the file manager. */
  async drop(name: string, content: string, type = 'text/csv'): Promise<void> {
    await this.page.evaluate(
      ([fileName, text, mime]) => {
        const data = new DataTransfer();
        data.items.add(new File([text], fileName, { type: mime }));
        const target = document.querySelector('main') ?? document.body;
        for (const kind of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [name, content, type] as const,
    );
    await this.page.getByTestId('actuals-import-dialog').waitFor();
  }

  async map(code: string, serviceName: string): Promise<void> {
    await this.page.getByTestId(`map-${code}`).selectOption({ label: serviceName });
  }

  async retry(): Promise<void> {
    await this.page.getByTestId('actuals-retry').click();
    await this.page.getByTestId('actuals-preview').waitFor();
  }

  async text(): Promise<string> {
    return (await this.page.getByTestId('actuals-import-dialog').innerText()).replace(/\s+/g, ' ');
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('actuals-import-confirm').click();
    await this.page.getByTestId('actuals-import-dialog').waitFor({ state: 'hidden' });
  }
}
