// The "done when": a treasurer builds the Northmoor plan (test/fixtures/authoring-plan.json,
// written by hand) in the harness from File > New plan, through the UI only: the guided start,
// Plan settings (notes, the pay uplift variable), Funding (two streams over three FYs, their
// confirmations, a grant condition, a ring-fence), the services spreadsheet, what a sheet cannot
// carry (a cost formula, a taper to a health partner, a handover, a transition route) and the
// scenarios. File > Export plan (JSON) must then validate and simulate exactly like the fixture.
// Once by mouse and typing, once by keyboard alone. Screenshots: test-results/authoring/.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import { formatProblem } from '../../shared/resolve';
import { authoringPlan } from '../fixtures';
import { simulationDifferences } from '../fixtures/same-simulation';
import { browserSuite, REPO } from './support';
import { MouseAuthor, type AuthorSteps } from './pages/authoring-journey';
import { KeyboardAuthor } from './pages/authoring-keyboard';
import { layoutProblems, sidewaysScroll } from './pages/layout-checks';

const suite = browserSuite('test-results/authoring');
const CSV_NAME = 'authoring-services.csv';
const csv = () => fs.readFileSync(path.join(REPO, 'test/fixtures/sheets', CSV_NAME));
let app: MouseAuthor | undefined;

/** Leaves no screenshot of an earlier run (a "-failed" one above all) beside this run's. */
function clearShots(prefix: string): void {
  const dir = path.join(REPO, 'test-results/authoring');
  for (const file of fs.readdirSync(dir)) if (file.startsWith(`${prefix}-`)) fs.rmSync(path.join(dir, file));
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Screens held to every layout check (nothing covered, every control named, focus shown) after their step. */
const FULL_CHECK = new Set(['plan-settings', 'second-stream', 'service-extras', 'scenarios']);

/**
 * Runs one step of the journey: a failure names the step; after it, a screenshot, and the page
 * must not scroll sideways at 1280×800 (with every layout check on the screens in FULL_CHECK).
 */
async function step(a: MouseAuthor, name: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    await a.shot(`${name}-failed`).catch(() => {});
    throw new Error(`step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  await a.shot(name);
  expect(await sidewaysScroll(a.page), `sideways scroll after "${name}"`).toEqual([]);
  if (FULL_CHECK.has(name)) {
    const problems = await layoutProblems(a.page);
    expect(problems, `layout after "${name}"`).toEqual({ sideways: [], covered: [], unnamed: [], noFocusRing: [] });
  }
}

/** The whole journey, step by step, as either author takes it; returns the exported plan. */
async function build(a: MouseAuthor & AuthorSteps): Promise<Plan> {
  await step(a, 'new-plan', () => a.newPlan());
  // A blank plan with one stream validates and simulates: the Overview shows no problem.
  expect(await a.page.locator('[data-testid="edit-problems"], .banner.error').count(), 'problems on the new plan').toBe(0);
  await step(a, 'plan-settings', () => a.planSettings());
  await step(a, 'first-stream', () => a.firstStream());
  await step(a, 'second-stream', () => a.secondStream());
  await step(a, 'import-services', () => a.importServices(csv(), CSV_NAME));
  await step(a, 'service-extras', () => a.serviceExtras());
  await step(a, 'ring-fence', () => a.ringFences());
  await step(a, 'scenarios', () => a.addScenarios());
  let exported: Plan | undefined;
  await step(a, 'export', async () => (exported = await a.exportPlan()));
  return exported!;
}

/** The exported plan validates, equals the fixture and simulates exactly like it. */
function expectSameAsFixture(exported: Plan): void {
  const fixture = authoringPlan();
  const validation = validatePlan(exported);
  expect(validation.ok ? [] : validation.problems.map(formatProblem), 'the exported plan validates').toEqual([]);
  // Every id is one a person typed (a stream's and a scenario's id field, the sheet's Service id
  // column), so the ids match directly: no withIdsOf.
  expect(simulationDifferences(exported, fixture), 'simulates exactly like the fixture').toEqual([]);
  expect(exported).toEqual(fixture);
}

describe('building a plan from New plan to an export that simulates like the plan written by hand', () => {
  it('by mouse and typing', async () => {
    clearShots('mouse');
    const a = await MouseAuthor.start(suite.chromium.browser, suite.harness.harness, authoringPlan(), 'mouse');
    app = a;
    expectSameAsFixture(await build(a));
    // The plan built, on Results at a desktop size too.
    await a.go('results');
    await a.page.setViewportSize({ width: 1920, height: 1080 });
    await a.shot('results-1920');
    expect(await sidewaysScroll(a.page), 'sideways scroll on Results at 1920×1080').toEqual([]);
    expect(a.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  }, 600_000);

  it('by keyboard alone', async () => {
    clearShots('keyboard');
    const a = await KeyboardAuthor.start(suite.chromium.browser, suite.harness.harness, authoringPlan(), 'keyboard');
    app = a;
    expectSameAsFixture(await build(a));
    expect(await a.pointerEvents(), 'pointer events or drops on the page').toBe(0);
    expect(a.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  }, 600_000);
});
