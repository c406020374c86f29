// Page object for the Funding screen's stream editor: what a treasurer does there, in their
// words (add a stream, ring-fence it, add and remove allocations, say how each is confirmed,
// delete a stream), and what the screen then says.
import type { Locator, Page } from 'playwright-core';

async function text(locator: Locator): Promise<string> {
  return ((await locator.innerText()) ?? '').replace(/\s+/g, ' ').trim();
}

export type ConfirmationKind = 'fy-start' | 'date' | 'delay' | 'uncertain';

export class FundingEditor {
  constructor(readonly page: Page) {}

  card(stream: string): Locator {
    return this.page.locator('.stream-card').filter({ has: this.page.getByTestId(`stream-${stream}`) });
  }

  /** "+ Add funding stream": the name first, then the funder and kind; Enter adds it. */
  async addStream(name: string, funder: string, kind: 'grant' | 'one-off' | 'contribution'): Promise<void> {
    await this.page.getByTestId('add-stream').click();
    await this.page.getByTestId('add-stream-name').fill(name);
    await this.page.getByTestId('add-stream-funder').fill(funder);
    await this.page.getByTestId('add-stream-kind').selectOption(kind);
    await this.page.getByTestId('add-stream-name').press('Enter');
    await this.page.getByTestId('add-stream').waitFor();
  }

  kind(stream: string): Promise<string> {
    return this.page.getByTestId(`stream-kind-${stream}`).inputValue();
  }

  funder(stream: string): Promise<string> {
    return this.page.getByTestId(`stream-funder-${stream}`).inputValue();
  }

  /** Opens the ring-fence checklist, ticks the given interventions (by id) and closes it. */
  async ringFence(stream: string, interventions: readonly string[]): Promise<void> {
    await this.page.getByTestId(`ring-fence-toggle-${stream}`).click();
    for (const id of interventions) await this.page.getByTestId(`ring-fence-${stream}-${id}`).check();
    await this.page.getByTestId(`ring-fence-toggle-${stream}`).click();
  }

  ringFenceSummary(stream: string): Promise<string> {
    return text(this.page.getByTestId(`ring-fence-summary-${stream}`));
  }

  /** "+ Add the 2021/22 allocation", then the amount (or a formula) and Enter. */
  async addAllocation(stream: string, fy: string, amount: string): Promise<void> {
    await this.page.getByTestId(`add-alloc-${stream}-${fy}`).click();
    const field = this.page.getByTestId(`amount-${stream}-${fy}`);
    await field.fill(amount);
    await field.press('Enter');
    await this.page.getByTestId(`remove-alloc-${stream}-${fy}`).waitFor();
  }

  amount(stream: string, fy: string): Locator {
    return this.page.getByTestId(`amount-${stream}-${fy}`);
  }

  /** Clears the amount and presses Enter: the screen asks whether to remove the allocation. */
  async clearAmount(stream: string, fy: string): Promise<string> {
    const field = this.amount(stream, fy);
    // As a person clears it: select all and delete.
    await field.focus();
    await field.press('Control+a');
    await field.press('Backspace');
    await field.press('Enter');
    return text(this.page.getByTestId(`remove-alloc-ask-${stream}-${fy}`));
  }

  async confirmRemove(stream: string, fy: string): Promise<void> {
    await this.page.getByTestId(`remove-alloc-confirm-${stream}-${fy}`).click();
    await this.page.getByTestId(`add-alloc-${stream}-${fy}`).waitFor();
  }

  async removeAllocation(stream: string, fy: string): Promise<void> {
    await this.page.getByTestId(`remove-alloc-${stream}-${fy}`).click();
    await this.page.getByTestId(`add-alloc-${stream}-${fy}`).waitFor();
  }

  async chooseConfirmation(stream: string, fy: string, kind: ConfirmationKind): Promise<void> {
    await this.page.getByTestId(`confirm-kind-${stream}-${fy}`).selectOption(kind);
  }

  /** "Expected N months after April". */
  async expectAfterApril(stream: string, fy: string, months: number): Promise<void> {
    await this.chooseConfirmation(stream, fy, 'delay');
    const field = this.page.getByTestId(`confirm-delay-${stream}-${fy}`);
    await field.fill(String(months));
    await field.press('Enter');
  }

  /** "Uncertain": the variable, its expected months, the months a draw picks from, weights and scenarios. */
  async makeUncertain(
    stream: string,
    fy: string,
    u: { variable?: string; expected: number; months: string; weights?: string; scenarios: readonly string[] },
  ): Promise<void> {
    const key = `${stream}-${fy}`;
    await this.chooseConfirmation(stream, fy, 'uncertain');
    if (u.variable) await this.page.getByTestId(`uncertain-variable-${key}`).fill(u.variable);
    await this.page.getByTestId(`uncertain-expected-${key}`).fill(String(u.expected));
    await this.page.getByTestId(`uncertain-months-${key}`).fill(u.months);
    await this.page.getByTestId(`uncertain-weights-${key}`).fill(u.weights ?? '');
    // Exactly these scenarios: the form starts with the one in view ticked.
    const boxes = this.page.locator(`[data-testid^="uncertain-scenario-${key}-"]`);
    for (const box of await boxes.all()) {
      const id = ((await box.getAttribute('data-testid')) ?? '').slice(`uncertain-scenario-${key}-`.length);
      await box.setChecked(u.scenarios.includes(id));
    }
    await this.page.getByTestId(`uncertain-save-${key}`).click();
    await this.page.getByTestId(`uncertain-form-${key}`).waitFor({ state: 'detached' });
  }

  /** When the allocation is known, as the screen gives it from the resolved plan. */
  known(stream: string, fy: string): Promise<string> {
    return text(this.page.getByTestId('funding-grid').getByTestId(`known-${stream}-${fy}`).locator('..'));
  }

  /** Asks to delete a stream; returns the question with what goes with it. */
  async askDelete(stream: string): Promise<string> {
    await this.page.getByTestId(`delete-stream-${stream}`).click();
    return text(this.page.getByTestId(`delete-stream-${stream}-question`));
  }

  async confirmDelete(stream: string): Promise<void> {
    await this.page.getByTestId(`delete-stream-${stream}-confirm`).click();
    await this.page.getByTestId(`stream-${stream}`).waitFor({ state: 'detached' });
  }

  /** The data-testid of the focused element. */
  focused(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }

  /** Presses Tab (or Shift+Tab) until the element with the test id has the focus: it is reachable by keyboard. */
  async tabTo(testId: string, opts: { back?: boolean; most?: number } = {}): Promise<number> {
    for (let presses = 0; presses <= (opts.most ?? 80); presses++) {
      if ((await this.focused()) === testId) return presses;
      await this.page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`${testId} was not reached by ${opts.back ? 'Shift+Tab' : 'Tab'}`);
  }

  /** Whether the page scrolls sideways, any allocations table wider than its card, any amount cut. */
  async overflow(): Promise<{ page: boolean; tables: string[]; amounts: string[] }> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement!;
      const tables = [...document.querySelectorAll<HTMLElement>('table.allocations')]
        .filter((table) => {
          const card = table.closest('.card')!.getBoundingClientRect();
          const box = table.getBoundingClientRect();
          return box.right > card.right + 0.5 || box.left < card.left - 0.5 || table.scrollWidth > table.clientWidth + 1;
        })
        .map((t) => t.dataset.testid ?? '?');
      // An amount is cut when its text is wider than its field.
      const amounts = [...document.querySelectorAll<HTMLInputElement>('input[data-testid^="amount-"]')]
        .filter((input) => input.scrollWidth > input.clientWidth + 1)
        .map((input) => input.dataset.testid ?? '?');
      return { page: root.scrollWidth > root.clientWidth, tables, amounts };
    });
  }
}
