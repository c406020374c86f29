// Costs by year, in Chromium on the demo plan: a service switched to "By year" takes a different
// cost for one FY, shows that FY's value and moves only that FY's spend on the Results screen;
// typing a number over a formula asks (Keep formula, or Only 2021/22), and undo puts it back.
// Screenshots at 1280×800 in test-results/costs/.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAmountPence } from '../../shared/parse';
import type { Plan } from '../../shared/plan';
import { CostEditor, EditQuestionDialog } from './pages/cost-editor';
import { HeadroomApp } from './pages/headroom-app';
import { browserSuite, REPO } from './support';

const SHOTS = 'test-results/costs';
const suite = browserSuite(SHOTS);
const shot = (name: string) => path.join(REPO, SHOTS, `${name}.png`);
const FYS = ['2020/21', '2021/22', '2022/23'];
let app: HeadroomApp;

afterEach(async () => {
  await app?.close();
});

async function open(): Promise<HeadroomApp> {
  const opened = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
  await opened.page.setViewportSize({ width: 1280, height: 800 });
  return opened;
}

/** Each FY's spend on the Results screen (base scenario), in pence. */
async function spendByFy(): Promise<number[]> {
  await app.go('results');
  await app.results.chooseScenario('base');
  await app.waitForResults();
  const spend: number[] = [];
  for (const fy of FYS) {
    // Columns: FY, funding, spend, partners, at risk, drawn, lapsing, condition.
    const read = readAmountPence((await app.results.yearRow(fy))[2]);
    if (!read.ok) throw new Error(read.message);
    spend.push(read.value);
  }
  return spend;
}

const planOf = async () => (await app.callApi('getPlan')).plan as Plan;
const costOf = async (id: string) => (await planOf()).interventions.find((i) => i.id === id)!.annualCost;

describe('costs by year', () => {
  it('switches a service to by year, costs one FY differently and moves only that FY’s spend; undo puts it back', async () => {
    app = await open();
    const original = await planOf();
    const before = await spendByFy();

    await app.go('interventions');
    const grid = app.interventions;
    // The grid says which FY its costs are for.
    expect(await grid.grid().locator('thead th[aria-sort]').nth(5).innerText()).toContain('Annual cost 2021/22');
    await grid.cell('evaluation', 'name').click();
    const costs = new CostEditor(app.page);
    expect(await costs.mode()).toBe('same');
    expect(await app.page.getByTestId('cost-same').inputValue()).toBe('£130,000.00');

    await costs.chooseMode('by-year');
    await app.waitForResults();
    expect(await app.undoButton().getAttribute('title')).toContain('Local evaluation: annual cost by year');
    expect(await costOf('evaluation')).toEqual({ '2020/21': 130000, '2021/22': 130000, '2022/23': 130000 });

    await costs.typeFy('2021/22', '145,000');
    await app.waitForResults();
    await expect.poll(() => costs.value('2021/22')).toBe('£145,000');
    expect([await costs.value('2020/21'), await costs.value('2022/23')]).toEqual(['£130,000', '£130,000']);
    expect(await app.undoButton().getAttribute('title')).toContain('Local evaluation: annual cost 2021/22 £130,000 → £145,000');
    expect(await grid.cell('evaluation', 'annualCost').innerText()).toBe('£145,000');
    await costs.root().scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: shot('01-by-year') });
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await costs.root().scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: shot('01-by-year-1920') });
    await app.page.setViewportSize({ width: 1280, height: 800 });
    // Nothing makes the page scroll sideways at 1280 wide.
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);

    const after = await spendByFy();
    expect(after[1] - before[1]).toBe(1_500_000);
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);

    await app.undoByKeyboard();
    await app.undoByKeyboard();
    expect(await planOf()).toEqual(original);
    expect(await spendByFy()).toEqual(before);
  });

  it('asks before a number replaces a formula: Keep formula stores nothing, Only 2021/22 keeps it for the other years', async () => {
    app = await open();
    const original = await planOf();
    const formula = original.interventions.find((i) => i.id === 'central-team')!.annualCost;
    await app.go('interventions');
    const grid = app.interventions;
    const question = new EditQuestionDialog(app.page);
    const revision = await app.revision();

    await grid.editCell('central-team', 'annualCost', '700000');
    expect(await question.title()).toBe(`Replace the formula ${formula} with £700,000?`);
    expect(await question.answers()).toEqual(['Replace every year', 'Only 2021/22', 'Keep formula']);
    await app.page.screenshot({ path: shot('02-replace-formula') });
    await question.dismiss();
    expect(await app.revision()).toBe(revision);
    expect(await costOf('central-team')).toBe(formula);
    expect(await grid.cell('central-team', 'annualCost').getAttribute('title')).toBe(`Formula: ${formula}`);

    // By keyboard: Tab to "Only 2021/22", Enter.
    await grid.editCell('central-team', 'annualCost', '700000');
    await question.title();
    await app.page.keyboard.press('Tab');
    await app.page.keyboard.press('Enter');
    await question.dialog().waitFor({ state: 'detached' });
    await app.waitForResults();
    expect(await costOf('central-team')).toEqual({ '2020/21': formula, '2021/22': 700000, '2022/23': formula });
    expect(await grid.cell('central-team', 'annualCost').innerText()).toBe('£700,000');
    const costs = new CostEditor(app.page);
    await grid.cell('central-team', 'name').click();
    expect(await costs.mode()).toBe('by-year');
    // The other years keep the formula's values: £650,000 × 1.02^fy.
    expect([await costs.value('2020/21'), await costs.value('2021/22'), await costs.value('2022/23')]).toEqual([
      '£650,000',
      '£700,000',
      '£676,260',
    ]);
    await costs.root().scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: shot('03-only-this-fy') });

    // In the detail panel too: a number over an FY's formula asks, and Keep formula leaves it.
    await costs.typeFy('2022/23', '600000');
    expect(await question.title()).toBe(`Replace the formula ${formula} with £600,000?`);
    await question.answer('keep');
    expect(await costs.fyField('2022/23').inputValue()).toBe(formula);

    // Back to the same every year: the years differ, so it asks which to keep.
    await costs.chooseMode('same');
    const which = new EditQuestionDialog(app.page, 'cost-same-dialog');
    expect(await which.title()).toBe('The years differ. Which annual cost should every year have?');
    expect(await which.answers()).toEqual([`The formula ${formula} (2020/21, 2022/23)`, '£700,000 (2021/22)', 'Keep by year']);
    await app.page.screenshot({ path: shot('04-same-every-year') });
    await which.answer('keep-0');
    await app.waitForResults();
    expect(await costOf('central-team')).toBe(formula);

    await app.undoByKeyboard();
    await app.undoByKeyboard();
    expect(await planOf()).toEqual(original);
  });

  it('asks whether a single amount typed in the grid changes every year or only the FY shown', async () => {
    app = await open();
    await app.go('interventions');
    const question = new EditQuestionDialog(app.page);
    await app.interventions.editCell('custody-reachable', 'annualCost', '430000');
    expect(await question.title()).toBe('Change the annual cost from £420,000 to £430,000 in every year, or only in 2021/22?');
    await question.answer('only-fy');
    await app.waitForResults();
    expect(await costOf('custody-reachable')).toEqual({ '2020/21': 420000, '2021/22': 430000, '2022/23': 420000 });
    expect(await app.undoButton().getAttribute('title')).toContain('Reachable moments in custody: annual cost 2021/22 £420,000 → £430,000');

    await app.interventions.editCell('resettlement', 'annualCost', '290000');
    await app.page.keyboard.press('Enter');
    await question.dialog().waitFor({ state: 'detached' });
    await app.waitForResults();
    expect(await costOf('resettlement')).toBe(290000);
    expect(app.consoleErrors).toEqual([]);
  });
});
