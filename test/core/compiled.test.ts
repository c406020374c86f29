// A compiled plan, edited again and again, resolves every scenario exactly as a fresh
// resolveScenario of the edited plan does: the same values, or the same problems in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePlan, type CompiledPlan } from '../../shared/compiled/compile';
import { formatMonth, parseMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { BASE_SCENARIO_ID, resolveScenario } from '../../shared/resolve';
import { generatePlan } from '../bench/generate';

type Edit = (plan: Plan, pick: number) => Plan;

const at = <T>(list: readonly T[], pick: number): number => pick % list.length;

/** Kinds of edit a person (or the app) makes, each a copy of the plan with one thing changed. */
const EDITS: Record<string, Edit> = {
  annualCost: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], annualCost: 10_000 + (pick % 977) * 13.37 };
    return { ...plan, interventions };
  },
  costFormula: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], annualCost: `=${20_000 + pick} * grantLevel * (1 + uplift) ^ fy` };
    return { ...plan, interventions };
  },
  planVariable: (plan, pick) => ({ ...plan, variables: { ...plan.variables, grantLevel: [0.5, 0.8, 1, 1.2][pick % 4] } }),
  variableFormula: (plan, pick) => ({ ...plan, variables: { ...plan.variables, uplift: pick % 2 ? '=grantLevel / 50' : 0.03 } }),
  newVariable: (plan, pick) => ({ ...plan, variables: { ...plan.variables, extra: pick % 3 } }),
  scenarioVariable: (plan, pick) => {
    if (!plan.scenarios?.length) return plan;
    const scenarios = plan.scenarios.slice();
    const s = at(scenarios, pick);
    scenarios[s] = { ...scenarios[s], variables: { ...scenarios[s].variables, grantLevel: 0.5 + (pick % 5) / 10 } };
    return { ...plan, scenarios };
  },
  allocation: (plan, pick) => {
    const fundingStreams = plan.fundingStreams.slice();
    const s = at(fundingStreams, pick);
    const allocations = fundingStreams[s].allocations.slice();
    if (allocations.length === 0) return plan;
    const a = at(allocations, pick);
    allocations[a] = { ...allocations[a], amount: pick % 2 ? 123_456.78 : '=400000 * grantLevel' };
    fundingStreams[s] = { ...fundingStreams[s], allocations };
    return { ...plan, fundingStreams };
  },
  addChange: (plan, pick) => {
    if (!plan.scenarios?.length) return plan;
    const scenarios = plan.scenarios.slice();
    const s = at(scenarios, pick);
    const target = plan.interventions[at(plan.interventions, pick)];
    const change = { intervention: target.id, annualCost: '=base * 0.9', noticeMonths: pick % 4 };
    scenarios[s] = { ...scenarios[s], changes: [...(scenarios[s].changes ?? []), change] };
    return { ...plan, scenarios };
  },
  dropChange: (plan, pick) => {
    const scenarios = (plan.scenarios ?? []).slice();
    const s = scenarios.findIndex((sc) => (sc.changes ?? []).length > 0);
    if (s < 0) return plan;
    const changes = scenarios[s].changes!.slice();
    changes.splice(at(changes, pick), 1);
    scenarios[s] = { ...scenarios[s], changes };
    return { ...plan, scenarios };
  },
  removeIntervention: (plan, pick) => {
    const interventions = plan.interventions.slice();
    interventions.splice(at(interventions, pick), 1);
    return { ...plan, interventions };
  },
  moveIntervention: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const [item] = interventions.splice(at(interventions, pick), 1);
    interventions.unshift(item);
    return { ...plan, interventions };
  },
  horizon: (plan, pick) => ({ ...plan, horizon: { ...plan.horizon, months: Math.max(13, plan.horizon.months - 1 - (pick % 12)) } }),
  horizonStart: (plan) => ({ ...plan, horizon: { ...plan.horizon, start: formatMonth(parseMonth(plan.horizon.start) + 1) } }),
  negativeCost: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], annualCost: '=-5 * grantLevel' };
    return { ...plan, interventions };
  },
  unknownName: (plan, pick) => {
    const interventions = plan.interventions.slice();
    const i = at(interventions, pick);
    interventions[i] = { ...interventions[i], exitCost: '=nowhere * 2' };
    return { ...plan, interventions };
  },
  cycle: (plan) => ({ ...plan, variables: { ...plan.variables, grantLevel: '=uplift * 40', uplift: '=grantLevel / 40' } }),
  actuals: (plan, pick) => ({
    ...plan,
    actuals: {
      asAt: plan.horizon.start,
      spend: [{ intervention: plan.interventions[at(plan.interventions, pick)].id, month: plan.horizon.start, amount: 1234.5 + pick }],
    },
  }),
  copy: (plan) => structuredClone(plan),
};

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
