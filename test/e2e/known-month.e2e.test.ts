// The measured bug of "one source for each fact", in Chromium: the 2021/22 Home Office
// grant confirmed 4 June 2021 but with confirmDelay 4 is known in August 2021 (a delay
// beats a date, plan-format.md §3.2), and Funding, Scenarios and the Overview say so.
import { afterEach, describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { browserSuite } from './support';
import { HeadroomApp } from './pages/headroom-app';

const CHANGE = { stream: 'ho-core', fy: '2021/22', confirmedOn: '2021-06-04', confirmDelay: 4 };
const DELAYED = 'delayed-august';
const AUGUST = 'Known August 2021 (4 months after April)';

let app: HeadroomApp;
const suite = browserSuite();

afterEach(async () => {
  await app?.close();
});

/** The demo plan with the change in the plan itself (Funding shows the plan) and in a scenario. */
function planWithDelay() {
  const plan = structuredClone(demoPlan) as typeof demoPlan & { scenarios: unknown[] };
  const allocation = plan.fundingStreams.find((s) => s.id === 'ho-core')!.allocations.find((a) => a.fy === '2021/22')!;
  Object.assign(allocation, { confirmedOn: CHANGE.confirmedOn, confirmDelay: CHANGE.confirmDelay });
  plan.scenarios = [...plan.scenarios, { id: DELAYED, name: 'Known four months after April', stance: 'wait', changes: [CHANGE] }];
  return plan;
}

async function openWithDelay(): Promise<HeadroomApp> {
  const opened = await HeadroomApp.openAs(suite.chromium.browser, suite.harness.harness);
  const imported = await opened.callApi('importPlanJson', JSON.stringify(planWithDelay()));
  expect(imported.ok).toBe(true);
  await opened.page.reload({ waitUntil: 'load' });
  await opened.arriveOnOverview();
  return opened;
}

describe('a confirmation delay beats a confirmation date on every screen', () => {
  it('says August 2021 on Funding, Scenarios and the Overview, never 4 June', async () => {
    app = await openWithDelay();

    await app.go('funding');
    expect(await app.funding.known('ho-core', '2021/22')).toBe(`${AUGUST}; the delay beats the date`);
    expect(await app.funding.allocation('ho-core', '2021/22')).not.toContain('Confirmed 4 June 2021');
    // A date that does set the month still reads as the confirmation.
    expect(await app.page.getByTestId('confirm-ho-core-2020/21').inputValue()).toBe('4 June 2020');

    await app.go('scenarios');
    await app.page.getByTestId(`scenario-item-${DELAYED}`).click();
    await app.waitForResults();
    expect(await app.scenarios.known('ho-core', '2021/22')).toBe(`${AUGUST}; the delay beats the date`);

    await app.go('overview');
    await app.overview.chooseScenario(DELAYED);
    await app.waitForResults();
    // The first deadlines, 1 January 2021, are for 2021/22: seven months before August.
    const decisions = await app.overview.decisions();
    expect(decisions).toContain('1 January 2021');
    expect(decisions).toContain('7 months before 2021/22 funding is known (August 2021, 4 months after April)');
    expect(decisions).not.toContain('June 2021');
    expect(await app.overview.cliffEdgeTable()).toContain(`2021/22 1 January 2021 ${AUGUST} 7 months`);
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);
});
