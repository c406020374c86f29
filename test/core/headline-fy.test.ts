// The FY a headline is about by default, and the scenario the app opens on
// (shared/cliff-edge.ts): the next cliff edge, never simply the FY most at risk.
import { describe, expect, it } from 'vitest';
import { headlineFyOf, headlineScenarioId, nextCliffEdgeFy } from '../../shared/cliff-edge';
import { simulate } from '../../shared/engine';
import { parseMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import { demoPlan, workedExample } from '../fixtures';

function resultsOf(plan: Plan) {
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return validation.scenarios.map(simulate);
}

describe('the next cliff edge', () => {
  it('is 2021/22 in the demo, the first FY a scenario changes, not 2020/21 where most is at risk', () => {
    const results = resultsOf(demoPlan());
    expect(results[0].years.map((y) => y.atRisk)).toEqual([62_869_310, 0, 0]);
    expect(headlineFyOf(demoPlan(), results)).toBe(2021);
  });

  it('is the first FY not yet known at the actuals’ asAt, once actuals exist', () => {
    const results = resultsOf(demoPlan());
    // 2021/22 is known in June 2021 in the latest scenario: by July it is history.
    expect(nextCliffEdgeFy(parseMonth('2021-05'), results)).toBe(2021);
    expect(nextCliffEdgeFy(parseMonth('2021-06'), results)).toBe(2022);
    // Before 2020/21's June confirmation, the first FY is still open.
    expect(nextCliffEdgeFy(parseMonth('2020-04'), results)).toBe(2020);
    // Everything known: back to the first FY a scenario changes.
    expect(nextCliffEdgeFy(parseMonth('2023-03'), results)).toBe(2021);
  });

  it('falls back to the FY most at risk when no scenario changes any funding', () => {
    const plan = workedExample();
    const results = resultsOf({ ...plan, scenarios: [] });
    expect(nextCliffEdgeFy(null, results)).toBe(2022);
    expect(nextCliffEdgeFy(null, [])).toBeNull();
  });

  it('opens on the scenario with most at stake in that FY: the 25% cut in the demo, base without scenarios', () => {
    const results = resultsOf(demoPlan());
    expect(headlineScenarioId(results, 2021)).toBe('cut-25-june');
    expect(headlineScenarioId(results.slice(0, 1), 2021)).toBe('base');
  });
});
