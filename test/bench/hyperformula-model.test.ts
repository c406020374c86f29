// The HyperFormula workbook must compute the engine's figures to the penny: otherwise the
// benchmark compares the engine with something else. A correctness test, not a timing one.
import { afterEach, describe, expect, it } from 'vitest';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { resolveScenario } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';
import { editableIntervention, generatePlan, withAnnualCost } from './generate';
import { buildWorkbook, compareFigures, engineFigures, layoutWorkbook, unsupported, type Workbook } from './hyperformula-model';

function resolvedOf(plan: unknown) {
  const result = validatePlan(plan);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return { plan: result.plan, scenarios: result.scenarios.filter((s) => !unsupported(s)) };
}

let workbook: Workbook | null = null;
afterEach(() => {
  workbook?.destroy();
  workbook = null;
});

function differences(plan: Plan, wb: Workbook, ids: readonly string[]): string[] {
  const model = wb.figures();
  return ids.flatMap((id, s) => compareFigures(engineFigures(simulate(resolveScenario(plan, id).scenario!)), model[s]));
}

/** differences() between the engine and the workbook built last, for every one of these scenarios. */
function differencesFromBuilt(plan: Plan, scenarios: readonly { id: string }[]): string[] {
  return differences(
    plan,
    workbook!,
    scenarios.map((s) => s.id),
  );
}

describe('the HyperFormula model of a plan', () => {
  it.each([
    ['a plan whose decisions fund everything', { interventions: 12, months: 30, scenarios: 4, start: '2020-07', fundsEverything: true }],
    ['a plan with closures, part-year FYs and late confirmations', { interventions: 12, months: 30, scenarios: 4, start: '2020-07' }],
    ['a plan starting in November', { interventions: 16, months: 41, scenarios: 5, start: '2019-11', seed: 3 }],
    ['a plan with tapers and handovers over ten years', { interventions: 20, months: 120, scenarios: 3, seed: 11 }],
  ])('equals the engine to the penny: %s', (_, shape) => {
    const { plan, scenarios } = resolvedOf(generatePlan(shape));
    workbook = buildWorkbook(layoutWorkbook(plan, scenarios));
    expect(differencesFromBuilt(plan, scenarios)).toEqual([]);
  });

  it('covers closures: some scenario of the compared plans closes services, with notice and run-on', () => {
    const { scenarios } = resolvedOf(generatePlan({ interventions: 12, months: 30, scenarios: 4, start: '2020-07' }));
    const closed = scenarios.flatMap((s) => simulate(s).interventions.filter((r) => r.outcome === 'closes'));
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.some((r) => r.runOn > 0)).toBe(true);
  });

  it('equals the engine on the demo plan (its wait scenarios)', () => {
    const { plan, scenarios } = resolvedOf(demoPlan);
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
    workbook = buildWorkbook(layoutWorkbook(plan, scenarios));
    expect(differencesFromBuilt(plan, scenarios)).toEqual([]);
  });

  it('still equals the engine after one annual cost is changed and HyperFormula recalculates', () => {
    const { plan, scenarios } = resolvedOf(generatePlan({ interventions: 20, months: 48, scenarios: 4, seed: 5 }));
    const ids = scenarios.map((s) => s.id);
    workbook = buildWorkbook(layoutWorkbook(plan, scenarios));
    const k = editableIntervention(plan);
    for (const pounds of [1_500_000, 12_345.67, 0]) {
      workbook.setAnnualCost(k, Math.round(pounds * 100));
      expect(differences(withAnnualCost(plan, k, pounds), workbook, ids)).toEqual([]);
    }
  });

  it('notices a difference of one penny', () => {
    const { plan, scenarios } = resolvedOf(generatePlan({ interventions: 8, months: 24, scenarios: 2 }));
    workbook = buildWorkbook(layoutWorkbook(plan, scenarios));
    const k = editableIntervention(plan);
    const pence = Math.round((plan.interventions[k].annualCost as number) * 100);
    workbook.setAnnualCost(k, pence + 1);
    expect(differencesFromBuilt(plan, scenarios).length).toBeGreaterThan(0);
  });

  it('refuses what it does not model: the prudent stance', () => {
    const result = validatePlan(demoPlan);
    if (!result.ok) throw new Error('demo plan');
    const prudent = result.scenarios.find((s) => s.stance === 'prudent')!;
    expect(unsupported(prudent)).toMatch(/prudent/);
    expect(() => layoutWorkbook(result.plan, [prudent])).toThrow(/prudent/);
  });
});
