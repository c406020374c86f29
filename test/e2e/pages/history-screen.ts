// Page objects for the change history and the comparisons with a snapshot: taking a snapshot
// on the Snapshots screen, the History screen's rows and filters, Compare's "Against a
// snapshot" section and the Outturn screen's budget, in a person's words.
import type { Locator, Page } from 'playwright-core';

const clean = (t: string) => t.replace(/\s+/g, ' ').trim();

/** Takes a snapshot through the Snapshots screen's form ("Name", "Note", "Take snapshot"). */
export async function takeSnapshot(page: Page, name: string, note: string): Promise<void> {
  await page.getByTestId('nav-snapshots').click();
  const screen = page.getByTestId('screen-snapshots');
  await screen.waitFor();
  await screen.getByLabel('Name', { exact: true }).fill(name);
  await screen.getByLabel('Note', { exact: true }).fill(note);
  await screen.getByRole('button', { name: 'Take snapshot' }).click();
  await screen.getByText(name, { exact: true }).first().waitFor();
}

export class HistoryScreen {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('nav-history').click();
    await this.page.getByTestId('history-table').or(this.page.getByTestId('screen-history').locator('.empty')).first().waitFor();
  }

  /** Each row's cells as shown, newest first; a snapshot's marker reads "when | Snapshot “…” taken". */
  async rows(): Promise<string[][]> {
    const rows = this.page.getByTestId('history-table').locator('tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('td').allInnerTexts()).map(clean).filter((t, i) => i < 2 || t !== ''));
    return out;
  }

  async filterByStream(label: string): Promise<void> {
    await this.page.getByTestId('history-stream').selectOption({ label });
  }

  async filterByService(label: string): Promise<void> {
    await this.page.getByTestId('history-service').selectOption({ label });
  }

  exportButton(): Locator {
    return this.page.getByTestId('history-export-csv');
  }
}

export class AgainstSnapshotSection {
  constructor(private readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('against-snapshot-section');
  }

  /** Picks the live scenario ("Now") and waits for the comparison with the snapshot. */
  async chooseLive(id: string): Promise<void> {
    await this.section().getByTestId('scenario-picker').selectOption(id);
    await this.result().waitFor();
  }

  result(): Locator {
    return this.section().getByTestId('against-result');
  }

  async snapshotScenario(): Promise<string> {
    return this.section().getByTestId('against-snapshot-scenario').inputValue();
  }

  async headers(): Promise<string[]> {
    return (await this.result().getByTestId('compare-totals').locator('thead th').allInnerTexts()).map(clean);
  }

  /** A totals row's values (e.g. "closures"), snapshot first. */
  async total(key: string): Promise<string[]> {
    return (await this.result().getByTestId('compare-totals').locator(`tr[data-key="${key}"] td .cmp-value`).allInnerTexts()).map(clean);
  }

  async matrixRows(): Promise<string[][]> {
    const rows = this.result().getByTestId('outcome-matrix').locator('tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('th, td').allInnerTexts()).map(clean));
    return out;
  }

  async changes(): Promise<string[]> {
    return (await this.result().getByTestId('against-changes').locator('li').allInnerTexts()).map(clean);
  }

  exportButton(format: 'xlsx' | 'csv'): Locator {
    return this.section().getByTestId(`against-export-${format}`);
  }
}
