// Streams and allocations on the Funding screen, in Chromium at 1280×800 on the demo plan: a
// stream added with its funder and kind, ring-fenced to two services, two allocations (one
// expected 2 months after April, one uncertain), an allocation removed by clearing its amount,
// a stream deleted after the question names the scenario changes that go with it, and undo.
// Nothing scrolls sideways. Screenshots are kept in test-results/streams/.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import { browserSuite, REPO } from './support';
import { HeadroomApp } from './pages/headroom-app';
import { FundingEditor } from './pages/funding-screen';

const SHOTS = path.join(REPO, 'test-results/streams');
const suite = browserSuite('test-results/streams');
let app: HeadroomApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function open(viewport: { width: number; height: number }): Promise<{ app: HeadroomApp; funding: FundingEditor }> {
  const opened = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
  await opened.page.setViewportSize(viewport);
  await opened.go('funding');
  return { app: opened, funding: new FundingEditor(opened.page) };
}

async function storedPlan(a: HeadroomApp): Promise<Plan> {
  return (await a.callApi('getPlan')).plan as Plan;
}

async function shot(a: HeadroomApp, name: string, fullPage = false): Promise<void> {
  await a.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

describe('streams and allocations on the Funding screen', () => {
  it('adds, ring-fences, allocates, confirms, removes and deletes, all undoable, at 1280×800', async () => {
    const opened = await open({ width: 1280, height: 800 });
    app = opened.app;
    const { funding } = opened;
    expect(await funding.overflow()).toEqual({ page: false, tables: [], amounts: [] });
    await shot(app, 'funding-1280');

    await funding.addStream('Youth fund', 'National Lottery', 'one-off');
    expect(await funding.kind('youth-fund')).toBe('one-off');
    expect(await funding.funder('youth-fund')).toBe('National Lottery');
    // Focus goes to the new stream's first "Add allocation".
    expect(await app.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-alloc-youth-fund-2020/21');

    await funding.ringFence('youth-fund', ['navigators', 'mvp']);
    expect(await funding.ringFenceSummary('youth-fund')).toBe('Community navigators, Mentors in Violence Prevention');

    await funding.addAllocation('youth-fund', '2021/22', '50,000');
    await funding.addAllocation('youth-fund', '2022/23', '=40000 * grantLevel');
    await app.waitForResults();
    expect(await funding.amount('youth-fund', '2021/22').inputValue()).toBe('£50,000');

    // A number typed over the allocation's formula asks first; Keep formula (Escape) stores nothing.
    const revision = (await app.callApi('getPlan')).info.revision;
    const formulaField = funding.amount('youth-fund', '2022/23');
    await formulaField.focus();
    await formulaField.press('Control+a');
    await formulaField.pressSequentially('40000');
    await formulaField.press('Enter');
    const replace = app.page.locator('dialog[open][data-testid="choice-dialog"]');
    await expect.poll(() => replace.isVisible()).toBe(true);
    expect(await replace.innerText()).toContain('Replace the formula =40000 * grantLevel with £40,000?');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => replace.count()).toBe(0);
    expect((await app.callApi('getPlan')).info.revision).toBe(revision);

    await funding.expectAfterApril('youth-fund', '2021/22', 2);
    await app.waitForResults();
    expect(await funding.known('youth-fund', '2021/22')).toBe('Known June 2021 (2 months after April)');

    await funding.makeUncertain('youth-fund', '2022/23', { expected: 3, months: '1, 3, 6', weights: '1, 2, 1', scenarios: ['flat-june'] });
    await app.waitForResults();
    expect(await funding.known('youth-fund', '2022/23')).toBe(
      'Known July 2022 (3 months after April) Drawn in risk runs of “Flat grant, confirmed in June”',
    );
    let plan = await storedPlan(app);
    const youth = plan.fundingStreams.find((s) => s.id === 'youth-fund')!;
    expect(youth).toEqual({
      id: 'youth-fund',
      name: 'Youth fund',
      funder: 'National Lottery',
      kind: 'one-off',
      allocations: [
        { fy: '2021/22', amount: 50000, confirmDelay: 2 },
        { fy: '2022/23', amount: '=40000 * grantLevel', confirmDelay: '=youthFundDelay' },
      ],
      restrictedTo: ['navigators', 'mvp'],
    });
    expect(plan.variables?.youthFundDelay).toBe(3);
    expect(plan.scenarios!.find((s) => s.id === 'flat-june')!.uncertainty).toEqual([
      { variable: 'youthFundDelay', dist: 'discrete', values: [1, 3, 6], weights: [1, 2, 1] },
    ]);
    expect(await funding.overflow()).toEqual({ page: false, tables: [], amounts: [] });
    await funding.card('youth-fund').scrollIntoViewIfNeeded();
    await shot(app, 'youth-fund-1280');

    // Clearing an amount asks rather than failing with "is required".
    expect(await funding.clearAmount('youth-fund', '2021/22')).toBe(
      'Remove the 2021/22 allocation? Remove the 2021/22 allocation of Youth fund Keep it',
    );
    await shot(app, 'remove-question-1280');
    await funding.confirmRemove('youth-fund', '2021/22');
    plan = await storedPlan(app);
    expect(plan.fundingStreams.find((s) => s.id === 'youth-fund')!.allocations.map((a) => a.fy)).toEqual(['2022/23']);

    // Deleting the Home Office grant names the scenario changes that go with it.
    const before = await storedPlan(app);
    const question = await funding.askDelete('ho-core');
    expect(question).toContain('Delete “Serious Violence Fund: VRU grant” and its 3 allocations?');
    expect(question).toContain('the 2021/22 change in scenario “Flat grant, confirmed in April”');
    expect(question).toContain('the 2022/23 change in scenario “No grant after March 2021”');
    await funding.card('ho-core').scrollIntoViewIfNeeded();
    await shot(app, 'delete-question-1280');
    await funding.confirmDelete('ho-core');
    plan = await storedPlan(app);
    expect(plan.fundingStreams.map((s) => s.id)).toEqual(['yjb-parenting', 'treasury-micro', 'youth-fund']);
    expect(plan.scenarios!.flatMap((s) => s.changes ?? []).filter((c) => 'stream' in c)).toEqual([]);

    // One undo brings the stream and its scenario changes back.
    expect(await app.undoButton().getAttribute('title')).toBe('Undo: Delete funding stream "Serious Violence Fund: VRU grant" (Ctrl+Z)');
    await app.undoButton().click();
    await app.waitForResults();
    await app.page.getByTestId('stream-ho-core').waitFor();
    expect(await storedPlan(app)).toEqual(before);
    expect(await funding.overflow()).toEqual({ page: false, tables: [], amounts: [] });
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);

  it('does it all by keyboard alone', async () => {
    const opened = await open({ width: 1280, height: 800 });
    app = opened.app;
    const { funding } = opened;
    const keys = app.page.keyboard;
    await app.page.getByTestId('nav-funding').focus();
    await funding.tabTo('add-stream');
    await keys.press('Enter');
    expect(await funding.focused()).toBe('add-stream-name');
    await keys.type('Youth fund');
    await keys.press('Tab');
    await keys.type('National Lottery');
    await keys.press('Tab');
    await keys.press('ArrowDown'); // Grant → One-off
    await keys.press('Tab');
    expect(await funding.focused()).toBe('add-stream-save');
    await keys.press('Enter');
    await app.page.getByTestId('stream-youth-fund').waitFor();
    await app.waitForResults();
    expect(await funding.kind('youth-fund')).toBe('one-off');

    // Focus is on the first FY's "Add allocation"; the amount, then Tab to its confirmation.
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'add-alloc-youth-fund-2020/21');
    await keys.press('Enter');
    expect(await funding.focused()).toBe('amount-youth-fund-2020/21');
    await keys.type('25000');
    await keys.press('Enter');
    await app.page.getByTestId('remove-alloc-youth-fund-2020/21').waitFor();
    expect(await funding.focused()).toBe('amount-youth-fund-2020/21');
    await keys.press('Tab');
    expect(await funding.focused()).toBe('confirm-kind-youth-fund-2020/21');
    await keys.press('ArrowDown'); // → Confirmed on a date
    await keys.press('ArrowDown'); // → Expected N months after April
    await keys.press('Tab');
    expect(await funding.focused()).toBe('confirm-delay-youth-fund-2020/21');
    await keys.type('1');
    await keys.press('Enter');
    await app.waitForResults();
    expect(await funding.known('youth-fund', '2020/21')).toBe('Known May 2020 (1 month after April)');

    // The ring-fence, back up the card: open it and tick one service with Space.
    await funding.tabTo('ring-fence-toggle-youth-fund', { back: true });
    await keys.press('Enter');
    await keys.press('Tab');
    expect(await funding.focused()).toBe('ring-fence-youth-fund-central-team');
    await keys.press('Tab');
    await keys.press('Space');
    await app.waitForResults();
    expect(await funding.ringFenceSummary('youth-fund')).toBe('Community navigators');
    await keys.press('Escape');
    expect(await funding.focused()).toBe('ring-fence-toggle-youth-fund');

    // Escape gives up adding an allocation, back on its "Add" button.
    await funding.tabTo('add-alloc-youth-fund-2021/22');
    await keys.press('Enter');
    await keys.press('Escape');
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'add-alloc-youth-fund-2021/22');

    // Delete: the question takes the focus, Escape keeps the stream, Enter on "Delete" removes it.
    await funding.tabTo('delete-stream-youth-fund', { back: true });
    await keys.press('Enter');
    expect(await funding.focused()).toBe('delete-stream-youth-fund-question');
    await keys.press('Escape');
    expect(await funding.focused()).toBe('delete-stream-youth-fund');
    await keys.press('Enter');
    await keys.press('Tab');
    expect(await funding.focused()).toBe('delete-stream-youth-fund-confirm');
    await keys.press('Enter');
    await app.page.getByTestId('stream-youth-fund').waitFor({ state: 'detached' });
    await app.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'add-stream');
    await app.undoByKeyboard();
    await app.page.getByTestId('stream-youth-fund').waitFor();
    expect(await funding.ringFenceSummary('youth-fund')).toBe('Community navigators');
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);

  it('fits at 1920×1080 and 1280×800 with a ring-fence and an uncertain form open, with no axe problems', async () => {
    const opened = await open({ width: 1920, height: 1080 });
    app = opened.app;
    const { funding } = opened;
    await app.page.getByTestId('ring-fence-toggle-ho-core').click();
    await funding.chooseConfirmation('ho-core', '2022/23', 'uncertain');
    await app.page.getByTestId('uncertain-form-ho-core-2022/23').waitFor();
    expect(await funding.overflow()).toEqual({ page: false, tables: [], amounts: [] });
    await shot(app, 'funding-1920', true);
    await app.page.setViewportSize({ width: 1280, height: 800 });
    expect(await funding.overflow()).toEqual({ page: false, tables: [], amounts: [] });
    await shot(app, 'forms-open-1280', true);
    // The open checklist and form pass axe's serious and critical checks too.
    const axe = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.min.js'), 'utf8');
    expect(await app.axe(axe)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);
});
