// The benchmark's plans must be plans: valid, deterministic, and with the features the
// benchmark claims to exercise (ring-fenced streams, tapers, notice, closures, uncertainty).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import { validatePlan } from '../../shared/validate';
import { editableIntervention, generatePlan, RISK_SCENARIO_ID, withAnnualCost } from './generate';

function valid(plan: unknown) {
  const result = validatePlan(plan);
  if (!result.ok)
    throw new Error(
      result.problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join('\n'),
    );
  return result;
}

describe('generatePlan', () => {
  it.each([
    [4, 1, 1, '2020-04'],
    [12, 30, 4, '2020-07'],
    [50, 60, 8, '2020-04'],
    [30, 61, 8, '2019-11'],
    [50, 240, 3, '2020-04'],
  ])('%i interventions × %i months × %i scenarios from %s is valid', (interventions, months, scenarios, start) => {
    const plan = generatePlan({ interventions, months, scenarios, start });
    const result = valid(plan);
    expect(result.plan.interventions).toHaveLength(interventions);
    expect(result.plan.horizon).toEqual({ start, months });
    expect(result.scenarios).toHaveLength(scenarios);
  });

  it('is deterministic, and the first scenarios do not depend on how many follow', () => {
    expect(generatePlan({ interventions: 40, months: 48, scenarios: 5 })).toEqual(
      generatePlan({ interventions: 40, months: 48, scenarios: 5 }),
    );
    const few = generatePlan({ interventions: 40, months: 48, scenarios: 3 });
    const many = generatePlan({ interventions: 40, months: 48, scenarios: 9 });
    expect(many.interventions).toEqual(few.interventions);
    expect(many.fundingStreams).toEqual(few.fundingStreams);
    expect(many.scenarios!.slice(0, 2)).toEqual(few.scenarios);
    expect(generatePlan({ interventions: 40, months: 48, scenarios: 3, seed: 7 })).not.toEqual(few);
  });

  it('has ring-fenced streams with disjoint members, tapers, handovers, notice periods and every form of cost', () => {
    const plan = generatePlan({ interventions: 200, months: 120, scenarios: 8 });
    const rings = plan.fundingStreams.filter((s) => s.restrictedTo);
    expect(rings.length).toBe(2);
    const members = rings.flatMap((s) => s.restrictedTo!);
    expect(new Set(members).size).toBe(members.length);
    const items = plan.interventions;
    expect(items.some((i) => i.partnerShares?.some((p) => p.share === 1))).toBe(true);
    expect(items.some((i) => i.partnerShares?.some((p) => typeof p.share === 'number' && p.share > 0 && p.share < 1))).toBe(true);
    expect(new Set(items.map((i) => i.noticeMonths))).toEqual(new Set([0, 1, 3, 6]));
    expect(items.some((i) => typeof i.annualCost === 'number')).toBe(true);
    expect(items.some((i) => typeof i.annualCost === 'string')).toBe(true);
    expect(items.some((i) => typeof i.annualCost === 'object')).toBe(true);
    expect(items.some((i) => i.start) && items.some((i) => i.end)).toBe(true);
  });

  it('closes nothing in the base scenario, and closes some interventions where scenarios cut and confirm late', () => {
    const result = valid(generatePlan({ interventions: 50, months: 60, scenarios: 8 }));
    const closures = result.scenarios.map((s) => simulate(s).totals.closures);
    expect(closures[0]).toBe(0);
    expect(closures.some((c) => c > 0)).toBe(true);
  });

  it('funds everything in every scenario when asked to', () => {
    const result = valid(generatePlan({ interventions: 50, months: 60, scenarios: 8, fundsEverything: true }));
    for (const scenario of result.scenarios) expect(simulate(scenario).totals.closures).toBe(0);
  });

  it('adds a risk scenario whose variables are uncertain', () => {
    const result = valid(generatePlan({ interventions: 20, months: 120, scenarios: 1, uncertain: true }));
    const risk = result.plan.scenarios!.find((s) => s.id === RISK_SCENARIO_ID)!;
    expect(risk.uncertainty!.map((u) => u.variable)).toEqual(['grantLevel', 'uplift', 'delay']);
  });

  it('picks an intervention to edit whose plain cost no scenario changes, and edits a copy', () => {
    const plan = generatePlan({ interventions: 50, months: 60, scenarios: 8 });
    const k = editableIntervention(plan);
    const item = plan.interventions[k];
    expect(typeof item.annualCost).toBe('number');
    expect(plan.scenarios!.flatMap((s) => s.changes ?? []).some((c) => 'intervention' in c && c.intervention === item.id)).toBe(false);
    const edited = withAnnualCost(plan, k, 1234.56);
    expect(edited.interventions[k].annualCost).toBe(1234.56);
    expect(plan.interventions[k].annualCost).toBe(item.annualCost);
    valid(edited);
  });
});
