// An uncertain variable no formula uses is flagged at its row on the Risk screen, with the
// places its distribution fits as one-click links; using one is one undoable edit.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSuite, REPO } from './support';
import { HeadroomApp } from './pages/headroom-app';
import { layoutProblems } from './pages/layout-checks';
import { RiskScreen } from './pages/risk-screen';

const SHOTS = path.join(REPO, 'test-results/layout');
const CUT = 'cut-25-june';
const CUT_INDEX = 2; // its place in the demo plan's scenarios
const HO_2122 = 'the confirmation delay of Serious Violence Fund: VRU grant 2021/22';

let app: HeadroomApp | null = null;
const suite = browserSuite('test-results/layout');

afterEach(async () => {
  await app?.close();
  app = null;
});

/** The scenario's change of the Home Office 2021/22 allocation, as stored. */
async function hoChange(a: HeadroomApp): Promise<Record<string, unknown>> {
  const plan = (await a.callApi('getPlan')).plan;
  return plan.scenarios![CUT_INDEX].changes![0] as unknown as Record<string, unknown>;
}

describe('an uncertain variable nothing uses', () => {
  it('is flagged with the places that fit it; "Use as the confirmation delay of …" makes it used, and undo takes that back', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    const risk = new RiskScreen(app.page);
    await risk.open();
    await risk.chooseScenario(CUT);

    // grantLevel is used by the grant's formulas: the row says where.
    await risk.addUncertain('grantLevel', 'triangular');
    await app.waitForResults();
    expect(await risk.variableUse('grantLevel')).toBe(
      'Used by: Serious Violence Fund: VRU grant 2021/22 amount; Serious Violence Fund: VRU grant 2022/23 amount',
    );

    // A new "delay" of 0 to 3 months: nothing uses it yet.
    await risk.addUncertain('delay', 'discrete', { newName: true });
    await risk.setParam('delay', 'values', '0, 1, 2, 3');
    await app.waitForResults();
    await app.page.getByTestId('uncertain-delay-unused').waitFor();
    const flagged = await risk.variableUse('delay');
    expect(flagged).toContain('No formula uses delay, so sampling it changes nothing.');
    expect(flagged).toContain(`Use as ${HO_2122}`);
    expect(flagged).not.toContain('grant level'); // whole months are a delay, not a level
    expect(await app.page.getByTestId('risk-unused-note').innerText()).toBe('No formula uses delay, so drawing it changes nothing.');
    await app.page.setViewportSize({ width: 1280, height: 800 });
    expect(await layoutProblems(app.page)).toEqual({ sideways: [], covered: [], unnamed: [], noFocusRing: [] });
    await app.page.getByTestId('uncertain-delay-use').scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: path.join(SHOTS, 'risk-unused-delay.png') });

    // By keyboard: the link is a button, Enter uses it.
    const before = await app.revision();
    await risk.placeLink('delay', HO_2122).focus();
    await app.page.keyboard.press('Enter');
    await app.waitForResults();
    await app.page.getByTestId('uncertain-delay-used-by').waitFor();
    expect(await risk.variableUse('delay')).toBe('Used by: Serious Violence Fund: VRU grant 2021/22 confirmation delay');
    expect(await app.revision()).toBe(before + 1);
    expect(await app.page.getByTestId('risk-unused-note').count()).toBe(0);
    expect(await hoChange(app)).toEqual({ stream: 'ho-core', fy: '2021/22', confirmedOn: '2021-06-04', confirmDelay: '=delay' });
    // The keyboard is left on the row that changed, not on a button that went away.
    expect(await app.page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'))).toBe(
      'uncertain-delay-use',
    );
    await app.page.screenshot({ path: path.join(SHOTS, 'risk-used-delay.png') });

    await app.undoByKeyboard();
    await app.page.getByTestId('uncertain-delay-unused').waitFor();
    expect(await hoChange(app)).toEqual({ stream: 'ho-core', fy: '2021/22', confirmedOn: '2021-06-04' });
    expect(app.consoleErrors).toEqual([]);
  });
});
