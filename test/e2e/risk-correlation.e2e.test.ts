// The Risk screen's correlations, sampling and tornado driven in Chromium against the browser
// harness: a rank correlation of −0.6 set between two uncertain variables shows in the
// preview scatter, Latin hypercube is chosen, and both survive a reload; a variable paired
// with itself is refused at the field; undo takes a correlation away; the tornado's first
// row is the one tornado() puts first, in the screen's money.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import { moneyWhole } from '../../shared/format';
import { poundsToPence } from '../../shared/money';
import { tornado } from '../../shared/uncertainty/tornado';
import { browserSuite, REPO } from './support';
import { HeadroomApp } from './pages/headroom-app';
import { layoutProblems } from './pages/layout-checks';
import { RiskScreen } from './pages/risk-screen';

const SHOTS = path.join(REPO, 'test-results/screens');
const CUT = 'cut-25-june';
const CUT_INDEX = 2; // its place in the demo plan's scenarios

let app: HeadroomApp | null = null;
const suite = browserSuite('test-results/screens');

afterEach(async () => {
  await app?.close();
  app = null;
});

/** The 25% cut with an uncertain grant level and an uncertain delay to the 2021/22 confirmation. */
async function twoUncertain(a: HeadroomApp): Promise<void> {
  await a.callApi('applyEdit', {
    label: 'Grant level and confirmation delay uncertain',
    ops: [
      { op: 'set', path: ['scenarios', CUT_INDEX, 'variables', 'delay'], value: 0 },
      { op: 'set', path: ['scenarios', CUT_INDEX, 'changes', 0, 'confirmedOn'] },
      { op: 'set', path: ['scenarios', CUT_INDEX, 'changes', 0, 'confirmDelay'], value: '=2 + delay' },
      {
        op: 'set',
        path: ['scenarios', CUT_INDEX, 'uncertainty'],
        value: [
          { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.75, max: 1 },
          { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
        ],
      },
    ],
  });
  await a.page.reload({ waitUntil: 'load' });
  await a.arriveOnOverview();
}

const storedScenario = async (a: HeadroomApp) => (await a.callApi('getPlan')).plan.scenarios![CUT_INDEX];

/** The screen's whole-pound money of a figure in pounds exact to the penny. */
const screenMoney = (pounds: number) => moneyWhole(poundsToPence(pounds)!);

describe('correlations, sampling and the tornado on the Risk screen', () => {
  it('sets a −0.6 correlation with its scatter, chooses Latin hypercube, keeps both over a reload, refuses a variable paired with itself, undoes, and reads the tornado', async () => {
    app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
    await twoUncertain(app);
    const risk = new RiskScreen(app.page);
    await risk.open();
    await risk.chooseScenario(CUT);

    // −0.6 between the grant level and the delay: one edit, listed, stored as typed.
    await risk.addCorrelation('grantLevel', 'delay', '-0.6');
    await app.waitForResults();
    await expect.poll(() => risk.correlations()).toEqual(['grantLevel and delay −0.6']);
    expect((await storedScenario(app)).correlations).toEqual([{ between: ['grantLevel', 'delay'], rank: -0.6 }]);

    // The preview: 500 draws of the pair, falling together, their rank near the one asked for.
    await expect.poll(() => risk.scatterPoints().count()).toBe(500);
    const rankText = await risk.previewRank();
    const shown = Number(/Rank correlation of these draws: (−?[\d.]+)/.exec(rankText)?.[1].replace('−', '-'));
    expect(shown).toBeLessThan(-0.45);
    expect(shown).toBeGreaterThan(-0.75);
    expect(rankText).toContain('with random sampling');

    // The same variable twice is refused, with the validator's message at the field; nothing is stored.
    const revision = await app.revision();
    await risk.addCorrelation('grantLevel', 'grantLevel', '0.3');
    await app.waitForResults();
    await expect.poll(() => risk.addCorrelationError()).toContain('pairs "grantLevel" with itself');
    expect(await app.page.getByTestId('add-correlation-a').getAttribute('aria-invalid')).toBe('true');
    expect(await app.revision()).toBe(revision);

    // Undo takes the correlation away (the list goes with it, as before it was set); redo brings it back.
    await app.undoButton().click();
    await app.waitForResults();
    await expect.poll(() => risk.correlations()).toEqual([]);
    expect((await storedScenario(app)).correlations).toBeUndefined();
    await app.redoByKeyboard();
    await expect.poll(() => risk.correlations()).toEqual(['grantLevel and delay −0.6']);

    // Latin hypercube: one edit; the preview says so.
    await risk.chooseSampling('latin-hypercube');
    await app.waitForResults();
    expect((await storedScenario(app)).sampling).toBe('latin-hypercube');
    await expect.poll(() => risk.previewRank()).toContain('with Latin hypercube sampling');

    // Both are kept in the file: after a reload the screen shows them as they were.
    await app.page.reload({ waitUntil: 'load' });
    await app.arriveOnOverview();
    await risk.open();
    await risk.chooseScenario(CUT);
    expect(await risk.correlations()).toEqual(['grantLevel and delay −0.6']);
    expect(await risk.sampling()).toBe('latin-hypercube');

    // The tornado: the first row is the variable tornado() ranks first, with its figures in the screen's money.
    const plan = (await app.callApi('getPlan')).plan as Plan;
    const expected = tornado(plan, CUT);
    const top = expected.rows[0];
    const sentence = await risk.tornadoSentence();
    expect(sentence).toBe(
      `What moves the money drawn most: ${top.variable} (${screenMoney(top.drawnSwing)} between its 10th and 90th percentile).`,
    );
    const rows = await risk.tornadoRows();
    expect(rows).toHaveLength(expected.rows.length);
    expect(rows[0][0]).toBe(top.variable);
    expect(rows[0].slice(3)).toEqual([screenMoney(top.lowTotals.drawn), screenMoney(top.highTotals.drawn), screenMoney(top.drawnSwing)]);

    // An edit to the plan works the tornado out again: with the grant level at most 90%, the figures follow.
    await risk.setParam('grantLevel', 'max', '0.9');
    await app.waitForResults();
    const edited = tornado((await app.callApi('getPlan')).plan as Plan, CUT);
    expect(edited.rows[0].drawnSwing).not.toBe(top.drawnSwing);
    await expect
      .poll(() => risk.tornadoSentence())
      .toBe(
        `What moves the money drawn most: ${edited.rows[0].variable} (${screenMoney(edited.rows[0].drawnSwing)} between its 10th and 90th percentile).`,
      );

    for (const size of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      // At once, before the charts have taken their new width, and once they have.
      await app.page.setViewportSize(size);
      expect(await layoutProblems(app.page)).toEqual({ sideways: [], covered: [], unnamed: [], noFocusRing: [] });
      await app.page.waitForTimeout(300);
      await app.screenshot(path.join(SHOTS, `risk-correlations-${size.width}x${size.height}.png`));
      expect(await layoutProblems(app.page)).toEqual({ sideways: [], covered: [], unnamed: [], noFocusRing: [] });
    }
    expect(app.consoleErrors).toEqual([]);
  }, 300_000);
});
