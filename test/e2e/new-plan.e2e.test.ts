// File > New plan in the harness, by keyboard: the guided start makes a new document (the
// demo is kept), the page lands on it (its name in the title bar, Overview with no errors),
// then the Plan screen sets the underwriting limit and a by-year variable, undone and redone.
// Screenshots at 1280×800 in test-results/new-plan/.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fyLabelOfMonth, horizonFys } from '../../shared/new-plan';
import { HeadroomApp } from './pages/headroom-app';
import { NewPlanDialogPage, PlanScreen } from './pages/plan-screen';
import { browserSuite, REPO } from './support';

const SHOTS = 'test-results/new-plan';
const suite = browserSuite(SHOTS);
let app: HeadroomApp;
const shot = (name: string) => path.join(REPO, SHOTS, `${name}.png`);

afterEach(async () => {
  await app?.close();
});

const today = new Date();
const fys = horizonFys(fyLabelOfMonth(today.getFullYear(), today.getMonth()), 3);

describe('a new plan from File > New plan', () => {
  it('is made by keyboard, opens in place of the demo, and takes settings and a by-year variable with undo', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await app.page.setViewportSize({ width: 1280, height: 800 });
    const dialog = new NewPlanDialogPage(app.page);

    // Escape cancels and nothing is made.
    await dialog.openFromFileMenu();
    expect(await dialog.focusedTestId()).toBe('new-plan-name');
    await app.page.keyboard.press('Escape');
    await dialog.dialog().waitFor({ state: 'hidden' });

    // Ctrl+N opens it too; Enter with no name says what is missing, at the field.
    await app.page.keyboard.press('Control+n');
    await dialog.dialog().waitFor();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => dialog.dialog().innerText()).toContain('Give the plan a name');
    expect(await dialog.focusedTestId()).toBe('new-plan-name');

    await dialog.fillByKeyboard({
      name: 'Serious Violence Unit',
      underwriter: 'OPCC treasurer',
      limit: '100,000',
      stream: { name: 'Serious Violence Fund', funder: 'Home Office', kind: 'grant' },
      amounts: ['1,200,000', '1,000,000'],
    });
    expect(await dialog.dialog().innerText()).toContain('36 months, April');
    await app.page.screenshot({ path: shot('01-guided-start') });
    await app.page.keyboard.press('Enter');

    // The page reloads onto the new document.
    await app.page.waitForFunction(() => document.querySelector('[data-testid="plan-name"]')?.textContent === 'Serious Violence Unit');
    await app.page.getByTestId('screen-overview').waitFor();
    await app.waitForResults();
    expect(await app.page.locator('.doc-file').innerText()).toBe('Serious Violence Unit.headroom');
    expect(await app.page.locator('[data-testid="edit-problems"], .banner.error, .banner.warn').count()).toBe(0);
    expect(await app.undoButton().isDisabled()).toBe(true);
    const files = fs.readdirSync(suite.harness.harness.dataDir).filter((f) => f.endsWith('.headroom'));
    expect(files.sort()).toEqual(['Demo plan.headroom', 'Serious Violence Unit.headroom']);
    const stored = (await app.callApi('getPlan')).plan;
    expect(stored.underwriting).toEqual({ by: 'OPCC treasurer', limit: 100000 });
    expect(stored.fundingStreams[0].allocations).toEqual([
      { fy: fys[0], amount: 1200000 },
      { fy: fys[1], amount: 1000000 },
    ]);
    await app.page.screenshot({ path: shot('02-new-plan-overview') });

    // Plan settings: the underwriting limit, as one labelled edit.
    const plan = new PlanScreen(app.page);
    await plan.open();
    await plan.type('plan-field-limit', '250000');
    await app.waitForResults();
    await expect.poll(() => app.undoButton().getAttribute('title')).toBe('Undo: Plan: underwriting limit £100,000 → £250,000 (Ctrl+Z)');

    // A by-year variable: added, made a table, one FY typed over.
    await plan.addVariable('payAward', '0.03');
    await plan.makeByYear('payAward');
    await plan.type(`variable-payAward-${fys[1].replace('/', '-')}`, '0.025');
    await plan.type(`variable-payAward-${fys[2].replace('/', '-')}`, '0.02');
    await app.waitForResults();
    await expect.poll(() => plan.resolved('payAward')).toBe(`= ${fys[0]} 0.03 · ${fys[1]} 0.025 · ${fys[2]} 0.02`);
    expect((await app.callApi('getPlan')).plan.variables).toEqual({ payAward: '=fy == 0 ? 0.03 : (fy == 1 ? 0.025 : 0.02)' });
    await app.screenshot(shot('03-plan-settings'));

    // Undo the last FY, then redo it.
    await app.undoByKeyboard();
    await expect
      .poll(async () => (await app.callApi('getPlan')).plan.variables)
      .toEqual({ payAward: '=fy == 0 ? 0.03 : (fy == 1 ? 0.025 : 0.03)' });
    await expect.poll(() => plan.resolved('payAward')).toBe(`= ${fys[0]} 0.03 · ${fys[1]} 0.025 · ${fys[2]} 0.03`);
    await app.redoByKeyboard();
    await expect.poll(() => plan.resolved('payAward')).toBe(`= ${fys[0]} 0.03 · ${fys[1]} 0.025 · ${fys[2]} 0.02`);

    // A formula turned back into values asks first: Keep formula stores nothing.
    await app.page.getByTestId('variable-mode-payAward').selectOption('formula');
    const formulaRevision = (await app.callApi('getPlan')).info.revision;
    await app.page.getByTestId('variable-mode-payAward').selectOption('same');
    const leave = app.page.getByTestId('variable-leave-formula-payAward');
    await expect.poll(() => leave.isVisible()).toBe(true);
    expect(await leave.innerText()).toContain('Replace the formula');
    await app.page.keyboard.press('Escape');
    await expect.poll(() => leave.isVisible()).toBe(false);
    expect((await app.callApi('getPlan')).info.revision).toBe(formulaRevision);
    expect(await app.page.getByTestId('variable-mode-payAward').inputValue()).toBe('formula');

    // No sideways scroll at 1280×800.
    expect(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.screenshot(shot('04-plan-settings-1920'));
    expect(app.consoleErrors).toEqual([]);
  });
});
