// The authoring fixture's five services typed into the Interventions grid of the demo plan
// (authoring.e2e.test.ts imports them from a spreadsheet instead), by mouse and typing at
// 1280×800: each id follows the name typed, and File > Export plan (JSON) gives back exactly
// the fixture's services. Screenshots: test-results/authoring/.
import { afterEach, describe, expect, it } from 'vitest';
import { idFromName } from '../../shared/parse';
import { authoringPlan, demoPlan } from '../fixtures';
import { withIdsOf } from '../fixtures/same-simulation';
import { browserSuite } from './support';
import { AuthoringApp } from './pages/authoring-pages';

let app: AuthoringApp;
const suite = browserSuite('test-results/authoring');

afterEach(async () => {
  await app?.close();
});

describe('typing the authoring fixture’s services into the grid', () => {
  it('types the five services into the demo plan, and the exported JSON holds exactly the fixture’s (ids from the names)', async () => {
    app = await AuthoringApp.openSmall(suite.chromium.browser, suite.harness.harness);
    app.shotPrefix = 'demo';
    await app.go('interventions');
    await app.shot('interventions');
    const fixture = authoringPlan();
    const ids: string[] = [];
    for (const item of fixture.interventions) ids.push(await app.buildIntervention(item));
    // Each new intervention's id follows the name typed into it (nothing refers to it yet).
    expect(ids).toEqual(fixture.interventions.map((i) => idFromName(i.name, [])));

    const exported = await app.exportPlanJson();
    const demoCount = demoPlan().interventions.length;
    expect(exported.plan.interventions.slice(0, demoCount)).toEqual(demoPlan().interventions);
    const added = { ...fixture, interventions: exported.plan.interventions.slice(demoCount), scenarios: [] };
    expect(added.interventions.map((i) => i.id)).toEqual(ids);
    expect(withIdsOf(added, fixture).interventions).toEqual(fixture.interventions);
    expect(app.consoleErrors).toEqual([]);
    expect(suite.harness.serverErrors).toEqual([]);
  }, 300_000);
});
