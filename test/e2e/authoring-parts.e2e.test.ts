// The parts of building a plan by hand that the app has today, driven by mouse and typing at
// 1280×800: the authoring fixture's five services typed into the Interventions screen (on the
// demo plan, and on the fixture's own funding imported through File > Import plan), its
// ring-fence ticked on Funding, its scenarios made on Scenarios; then File > Export plan (JSON)
// gives back the fixture, and it simulates exactly like it. Screenshots: test-results/authoring/.
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan, Scenario } from '../../shared/plan';
import { authoringPlan, demoPlan } from '../fixtures';
import { simulationDifferences, withIdsOf } from '../fixtures/same-simulation';
import { browserSuite } from './support';
import { AuthoringApp, dateAsTyped } from './pages/authoring-pages';

let app: AuthoringApp;
const suite = browserSuite('test-results/authoring');

afterEach(async () => {
  await app?.close();
});

/** The fixture's funding and top level, before any service or scenario: what New plan will give. */
function fundingOnly(): Plan {
  const plan = authoringPlan();
  plan.interventions = [];
  plan.scenarios = [];
  for (const stream of plan.fundingStreams) delete stream.restrictedTo;
  return plan;
}

const LEVEL = /^=base \* (\d+(?:\.\d+)?)$/;

/** Makes one of the fixture's scenarios on the Scenarios screen: name, levels, dates, stance. */
async function buildScenario(a: AuthoringApp, scenario: Scenario): Promise<string> {
  const id = await a.addScenario(scenario.name);
  for (const change of scenario.changes ?? []) {
    if (!('stream' in change)) throw new Error(`${scenario.id}: only stream changes are built here`);
    if (change.amount !== undefined) {
      const level = LEVEL.exec(String(change.amount));
      if (!level) throw new Error(`${scenario.id}: ${String(change.amount)} is not a level the slider sets`);
      await a.setGrantLevel(change.stream, change.fy, Math.round(Number(level[1]) * 10_000) / 100);
    }
    if (change.confirmedOn) await a.setConfirmedOn(change.stream, change.fy, dateAsTyped(change.confirmedOn));
  }
  if (scenario.stance === 'prudent') await a.setStance('prudent');
  await a.shot(`scenario-${scenario.id}`);
  return id;
}

describe('building the authoring fixture by hand, with the screens there are today', () => {
  it('types the five services into the demo plan, and the exported JSON holds exactly the fixture’s (ids aside)', async () => {
    app = await AuthoringApp.openSmall(suite.chromium.browser, suite.harness.harness);
    app.shotPrefix = 'demo';
    await app.go('interventions');
    await app.shot('interventions');
    const fixture = authoringPlan();
    const ids: string[] = [];
    for (const item of fixture.interventions) ids.push(await app.buildIntervention(item));
    // The app names every new intervention "New intervention" and keeps that id.
    expect(ids[0]).toMatch(/^new-intervention/);

    const exported = await app.exportPlanJson();
    const demoCount = demoPlan().interventions.length;
    expect(exported.plan.interventions.slice(0, demoCount)).toEqual(demoPlan().interventions);
    const added = { ...fixture, interventions: exported.plan.interventions.slice(demoCount), scenarios: [] };
    expect(added.interventions.map((i) => i.id)).toEqual(ids);
    expect(withIdsOf(added, fixture).interventions).toEqual(fixture.interventions);
    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  }, 300_000);

  it('builds services, ring-fence and scenarios on the fixture’s funding: the export equals the fixture and simulates exactly like it', async () => {
    app = await AuthoringApp.openSmall(suite.chromium.browser, suite.harness.harness);
    app.shotPrefix = 'fixture';
    const fixture = authoringPlan();
    await app.importPlanJson(fundingOnly(), 'northmoor-funding.json');
    await app.go('interventions');
    await app.shot('no-services');
    for (const item of fixture.interventions) await app.buildIntervention(item);

    await app.go('funding');
    for (const stream of fixture.fundingStreams) {
      if (!stream.restrictedTo) continue;
      const names = stream.restrictedTo.map((id) => fixture.interventions.find((i) => i.id === id)!.name);
      await app.ringFence(stream.id, stream.allocations[0].fy, names);
    }
    await app.shot('funding-ring-fenced');

    await app.go('scenarios');
    for (const scenario of fixture.scenarios ?? []) await buildScenario(app, scenario);

    const exported = await app.exportPlanJson();
    expect(exported.name).toMatch(/\.json$/);
    const built = withIdsOf(exported.plan, fixture);
    expect(built.interventions).toEqual(fixture.interventions);
    expect(built.scenarios).toEqual(fixture.scenarios);
    expect(built).toEqual(fixture);
    expect(simulationDifferences(built, fixture)).toEqual([]);
    // Without the ids put right, the built plan's results name other services.
    expect(simulationDifferences(exported.plan, fixture).length).toBeGreaterThan(0);

    await app.go('results');
    // The second scenario built is the 20% cut confirmed in July.
    await app.results.chooseScenario(exported.plan.scenarios![1].id);
    await app.waitForResults();
    await app.shot('results-cut-20-july');
    await app.page.setViewportSize({ width: 1920, height: 1080 });
    await app.shot('results-cut-20-july-1920');
    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  }, 400_000);
});
