// Every screen of the demo plan at 1280×800 and 1920×1080: no sideways scroll of the page,
// nothing reached by Tab or scrolled to hidden under a sticky panel, every control named and
// showing its focus (test/e2e/pages/layout-checks.ts). Screenshots go to test-results/layout/.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { browserSuite, REPO } from './support';
import { HeadroomApp } from './pages/headroom-app';
import { layoutProblems } from './pages/layout-checks';
import { RiskScreen } from './pages/risk-screen';

const SHOTS = path.join(REPO, 'test-results/layout');
const SCREENS = ['overview', 'funding', 'interventions', 'scenarios', 'results', 'outturn', 'compare', 'history', 'risk'] as const;
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

let app: HeadroomApp | null = null;
const suite = browserSuite('test-results/layout');

afterEach(async () => {
  await app?.close();
  app = null;
});

describe('every screen fits the window and works by keyboard', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}`, async () => {
      app = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
      await app.page.setViewportSize(size);
      const found: Record<string, unknown> = {};
      for (const screen of SCREENS) {
        await app.page.getByTestId(`nav-${screen}`).click();
        await app.page.getByTestId(`screen-${screen}`).waitFor();
        await app.waitForResults();
        await app.page.screenshot({ path: path.join(SHOTS, `${screen}-${size.width}x${size.height}.png`) });
        const problems = await layoutProblems(app.page);
        const failing = Object.entries(problems).filter(([, list]) => list.length > 0);
        if (failing.length > 0) found[screen] = Object.fromEntries(failing);
        if (screen === 'scenarios' || screen === 'interventions') {
          // What a keyboard user sees deep in the screen: the focus below the sticky panels.
          const deep =
            screen === 'scenarios' ? app.page.getByTestId('confirm-ho-core-2022/23') : app.page.locator('td[role="gridcell"]').first();
          await deep.focus();
          if (screen === 'interventions') for (let i = 0; i < 14; i++) await app.page.keyboard.press('ArrowDown');
          await app.page.screenshot({ path: path.join(SHOTS, `${screen}-focused-${size.width}x${size.height}.png`) });
        }
      }
      // The Risk screen's results and its ladder, which only show after a run.
      const risk = new RiskScreen(app.page);
      await risk.chooseScenario('cut-25-june');
      await risk.addUncertain('grantLevel', 'triangular');
      await risk.setRun(200, 1);
      await risk.run();
      await risk.waitForResults();
      const check = async (state: string) => {
        await app!.page.screenshot({ path: path.join(SHOTS, `${state}-${size.width}x${size.height}.png`), fullPage: true });
        const problems = await layoutProblems(app!.page);
        const failing = Object.entries(problems).filter(([, list]) => list.length > 0);
        if (failing.length > 0) found[state] = Object.fromEntries(failing);
      };
      await check('risk-results');
      await risk.openLadder();
      await risk.runLadder('grantLevel', '0.5', '1', '0.1');
      await check('risk-ladder');
      expect(found).toEqual({});
      expect(app.consoleErrors).toEqual([]);
    });
  }
});
