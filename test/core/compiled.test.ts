// A compiled plan, edited again and again, resolves every scenario exactly as a fresh
// resolveScenario of the edited plan does: the same values, or the same problems in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePlan, type CompiledPlan } from '../../shared/compiled/compile';
import type { Plan } from '../../shared/plan';
import { BASE_SCENARIO_ID, resolveScenario } from '../../shared/resolve';
import { generatePlan } from '../bench/generate';
import { EDITS } from './plan-edits';

function ids(plan: Plan): string[] {
  return [BASE_SCENARIO_ID, ...(plan.scenarios ?? []).map((s) => s.id)];
}

function expectSameAsFresh(compiled: CompiledPlan, plan: Plan) {
  for (const id of ids(plan)) expect(compiled.resolve(id)).toStrictEqual(resolveScenario(plan, id));
}

describe('compiled plan', () => {
  it('resolves every scenario after each random edit as a fresh resolveScenario does', () => {
    const names = Object.keys(EDITS);
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 14 }),
        fc.integer({ min: 12, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(10_000)), { minLength: 1, maxLength: 8 }),
        (interventions, months, scenarios, seed, edits) => {
          let plan = generatePlan({ interventions, months, scenarios, seed, uncertain: seed % 2 === 0, prudent: true });
          let compiled = compilePlan(plan);
          expectSameAsFresh(compiled, plan);
          for (const [name, pick] of edits) {
            plan = EDITS[name](plan, pick);
            compiled = compiled.withEdit(plan);
            expectSameAsFresh(compiled, plan);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reuses every part an annual-cost edit leaves alone, in every scenario', () => {
    const plan = generatePlan({ interventions: 30, months: 36, scenarios: 5 });
    const compiled = compilePlan(plan);
    const before = compiled.resolveAll();
    const edited = EDITS.annualCost(plan, 7);
    const after = compiled.withEdit(edited).resolveAll();
    after.forEach((scenario, s) => {
      expect(scenario.streams).toBe(before[s].streams);
      const changed = scenario.interventions.filter((item, i) => item !== before[s].interventions[i]);
      expect(changed.map((item) => item.id)).toEqual([plan.interventions[7].id]);
    });
  });

  it('resolves again whatever a changed variable reaches, through other variables', () => {
    const plan = generatePlan({ interventions: 12, months: 24, scenarios: 1 });
    const chained = { ...plan, variables: { ...plan.variables, uplift: '=grantLevel / 50' } };
    const compiled = compilePlan(chained);
    const before = compiled.resolveAll()[0];
    const edited = { ...chained, variables: { ...chained.variables, grantLevel: 0.5 } };
    const after = compiled.withEdit(edited).resolveAll()[0];
    expect(after).toStrictEqual(resolveScenario(edited, BASE_SCENARIO_ID).scenario);
    // The uplifted costs use grantLevel only through uplift: they must have been resolved again.
    const uplifted = plan.interventions.findIndex((i) => typeof i.annualCost === 'string' && i.annualCost.includes('uplift'));
    expect(uplifted).toBeGreaterThanOrEqual(0);
    expect(after.interventions[uplifted].annualCost).not.toEqual(before.interventions[uplifted].annualCost);
  });
});
