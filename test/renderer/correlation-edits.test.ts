// The Risk screen's correlation and sampling edits (plan-format.md §9.1): each one edit that
// the validator accepts, and removing or renaming an uncertain variable takes its
// correlations with it in the same edit.
import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import {
  addCorrelationEdit,
  readRank,
  removeCorrelationEdit,
  setCorrelationRankEdit,
  setSamplingEdit,
} from '../../renderer/logic/correlation-edits';
import { pairPreview, PREVIEW_DRAWS } from '../../renderer/logic/correlation-preview';
import { removeUncertaintyEdit, replaceUncertaintyEdit } from '../../renderer/logic/uncertainty-edits';
import { demoPlan } from './fixtures';

const CUT = 'cut-25-june';
const CUT_INDEX = 2;
const apply = (plan: Plan, edit: PlanEdit): Plan => applyEdit(plan, edit).plan as Plan;
const problems = (plan: Plan): string[] => {
  const validation = validatePlan(plan);
  return validation.ok ? [] : validation.problems.map((p) => `${p.path}: ${p.message}`);
};

function threeUncertain(): Plan {
  const plan = demoPlan();
  plan.scenarios![CUT_INDEX].uncertainty = [
    { variable: 'grantLevel', dist: 'triangular', min: 0.5, mode: 0.75, max: 1 },
    { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3] },
    { variable: 'share', dist: 'uniform', min: 0, max: 1 },
  ];
  return plan;
}

describe('correlation edits', () => {
  it('adds a first correlation as a list, then appends; the validator accepts both', () => {
    let plan = threeUncertain();
    const first = addCorrelationEdit(plan, CUT, { between: ['grantLevel', 'delay'], rank: -0.6 });
    expect(first.label).toBe('"25% cut, confirmed in June": grantLevel and delay correlated at −0.6');
    plan = apply(plan, first);
    plan = apply(plan, addCorrelationEdit(plan, CUT, { between: ['delay', 'share'], rank: 0.3 }));
    expect(plan.scenarios![CUT_INDEX].correlations).toEqual([
      { between: ['grantLevel', 'delay'], rank: -0.6 },
      { between: ['delay', 'share'], rank: 0.3 },
    ]);
    expect(problems(plan)).toEqual([]);
  });

  it('a variable paired with itself is refused at its place', () => {
    const plan = apply(threeUncertain(), addCorrelationEdit(threeUncertain(), CUT, { between: ['delay', 'delay'], rank: 0.5 }));
    expect(problems(plan)).toEqual(['scenarios[2].correlations[0].between: pairs "delay" with itself']);
  });

  it('sets a rank, and removes entries (the last one takes the list away)', () => {
    let plan = apply(threeUncertain(), addCorrelationEdit(threeUncertain(), CUT, { between: ['grantLevel', 'delay'], rank: -0.6 }));
    expect(setCorrelationRankEdit(plan, CUT, 0, -0.6).ops).toEqual([]);
    plan = apply(plan, setCorrelationRankEdit(plan, CUT, 0, 0.4));
    expect(plan.scenarios![CUT_INDEX].correlations![0].rank).toBe(0.4);
    const removed = removeCorrelationEdit(plan, CUT, 0);
    expect(removed.label).toBe('"25% cut, confirmed in June": grantLevel and delay no longer correlated');
    plan = apply(plan, removed);
    expect('correlations' in plan.scenarios![CUT_INDEX]).toBe(false);
  });

  it('sampling: Latin hypercube is stored, random takes the field away', () => {
    let plan = threeUncertain();
    expect(setSamplingEdit(plan, CUT, 'random').ops).toEqual([]);
    plan = apply(plan, setSamplingEdit(plan, CUT, 'latin-hypercube'));
    expect(plan.scenarios![CUT_INDEX].sampling).toBe('latin-hypercube');
    expect(problems(plan)).toEqual([]);
    plan = apply(plan, setSamplingEdit(plan, CUT, 'random'));
    expect('sampling' in plan.scenarios![CUT_INDEX]).toBe(false);
  });

  it('reads a rank with a minus sign or as a percent, and refuses words', () => {
    expect(readRank('−0.6')).toEqual({ ok: true, value: -0.6 });
    expect(readRank('60%')).toEqual({ ok: true, value: 0.6 });
    expect(readRank('high').ok).toBe(false);
  });
});

describe('removing or renaming an uncertain variable', () => {
  function correlated(): Plan {
    const plan = threeUncertain();
    plan.scenarios![CUT_INDEX].correlations = [
      { between: ['grantLevel', 'delay'], rank: -0.6 },
      { between: ['share', 'grantLevel'], rank: 0.2 },
    ];
    return plan;
  }

  it('removes its correlations in the same edit, so the plan still validates', () => {
    const plan = apply(correlated(), removeUncertaintyEdit(correlated(), CUT, 1));
    expect(plan.scenarios![CUT_INDEX].correlations).toEqual([{ between: ['share', 'grantLevel'], rank: 0.2 }]);
    expect(problems(plan)).toEqual([]);
    const both = apply(plan, removeUncertaintyEdit(plan, CUT, 0));
    expect('correlations' in both.scenarios![CUT_INDEX]).toBe(false);
    expect(problems(both)).toEqual([]);
  });

  it('renames it in its correlations when an entry is replaced under a new name', () => {
    const before = correlated();
    const plan = apply(before, replaceUncertaintyEdit(before, CUT, 0, { variable: 'level', dist: 'uniform', min: 0.5, max: 1 }));
    expect(plan.scenarios![CUT_INDEX].correlations!.map((c) => c.between)).toEqual([
      ['level', 'delay'],
      ['share', 'level'],
    ]);
  });
});

describe('the preview of a pair', () => {
  it('draws 500 pairs whose rank correlation follows the stored one', () => {
    const plan = threeUncertain();
    const scenario = plan.scenarios![CUT_INDEX];
    const free = pairPreview(scenario, 'grantLevel', 'share', 1)!;
    scenario.correlations = [{ between: ['grantLevel', 'share'], rank: -0.6 }];
    const tied = pairPreview(scenario, 'grantLevel', 'share', 1)!;
    expect(tied.points).toHaveLength(PREVIEW_DRAWS);
    expect(Math.abs(free.rank!)).toBeLessThan(0.15);
    expect(tied.rank!).toBeLessThan(-0.5);
    expect(tied.rank!).toBeGreaterThan(-0.7);
    expect(pairPreview(scenario, 'grantLevel', 'nothing', 1)).toBeNull();
  });
});
