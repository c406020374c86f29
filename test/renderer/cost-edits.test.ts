// Annual cost edits: same every year or by year, one FY at a time, labelled old → new, and
// each one valid and undone exactly by its inverse.
import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import {
  amountText,
  costByYearEdit,
  costMode,
  costOfFy,
  horizonFyLabels,
  sameEveryYearChoices,
  sameEveryYearChoiceText,
  setCostEveryYearEdit,
  setCostForFyEdit,
} from '../../renderer/logic/cost-edits';
import { demoPlan } from './fixtures';

const apply = (plan: Plan, edit: PlanEdit): Plan => applyEdit(plan, edit).plan as Plan;
const at = (plan: Plan, id: string) => plan.interventions.findIndex((i) => i.id === id);

describe('annual cost edits', () => {
  it('lists the horizon’s FYs and reads a cost per FY (a map without the FY is no cost)', () => {
    const plan = demoPlan();
    expect(horizonFyLabels(plan)).toEqual(['2020/21', '2021/22', '2022/23']);
    expect(horizonFyLabels({ ...plan, horizon: { start: '2021-03', months: 2 } })).toEqual(['2020/21', '2021/22']);
    const parenting = plan.interventions[at(plan, 'parenting-peer-support')].annualCost;
    expect(costMode(parenting)).toBe('by-year');
    expect(costOfFy(parenting, '2021/22')).toBe(200000);
    expect(costOfFy(parenting, '2022/23')).toBeUndefined();
    expect(costOfFy(130000, '2022/23')).toBe(130000);
  });

  it('writes amounts for labels: whole pounds plainly, pence when there are some, formulas as written', () => {
    expect(amountText(330000)).toBe('£330,000');
    expect(amountText(12.5)).toBe('£12.50');
    expect(amountText('=base * uplift')).toBe('=base * uplift');
    expect(amountText(undefined)).toBe('no cost');
    expect(amountText('=' + 'x'.repeat(60))).toHaveLength(40);
  });

  it('changes a single cost every year, labelled old → new, and does nothing for the same value', () => {
    const plan = demoPlan();
    const i = at(plan, 'evaluation');
    expect(setCostEveryYearEdit(plan, i, 130000).ops).toEqual([]);
    const edit = setCostEveryYearEdit(plan, i, 145000);
    expect(edit).toEqual({
      label: 'Local evaluation: annual cost £130,000 → £145,000',
      ops: [{ op: 'set', path: ['interventions', i, 'annualCost'], value: 145000 }],
    });
  });

  it('changes one FY of a single cost by making it by year, keeping the others', () => {
    const plan = demoPlan();
    const i = at(plan, 'central-team');
    const formula = plan.interventions[i].annualCost;
    const edit = setCostForFyEdit(plan, i, '2021/22', 700000);
    expect(edit.label).toBe('VRU central team: annual cost 2021/22 =650000 * (1 + payUplift) ^ fy → £700,000');
    const after = apply(plan, edit);
    expect(after.interventions[i].annualCost).toEqual({ '2020/21': formula, '2021/22': 700000, '2022/23': formula });
    expect(validatePlan(after).ok).toBe(true);
    expect(applyEdit(after, applyEdit(plan, edit).inverse).plan).toEqual(plan);
  });

  it('changes one FY of a cost by year, adds a missing FY and takes one away for no cost', () => {
    const plan = demoPlan();
    const i = at(plan, 'parenting-peer-support');
    expect(setCostForFyEdit(plan, i, '2021/22', 200000).ops).toEqual([]);
    const edit = setCostForFyEdit(plan, i, '2022/23', 150000);
    expect(edit).toEqual({
      label: 'Parenting peer support: annual cost 2022/23 no cost → £150,000',
      ops: [{ op: 'set', path: ['interventions', i, 'annualCost', '2022/23'], value: 150000 }],
    });
    let after = apply(plan, edit);
    after = apply(after, setCostForFyEdit(after, i, '2020/21', undefined));
    expect(after.interventions[i].annualCost).toEqual({ '2021/22': 200000, '2022/23': 150000 });
    expect(validatePlan(after).ok).toBe(true);
  });

  it('switches to by year with every FY holding the current amount or formula, and back', () => {
    const plan = demoPlan();
    const i = at(plan, 'navigators');
    const formula = plan.interventions[i].annualCost;
    const edit = costByYearEdit(plan, i);
    expect(edit.label).toBe('Community navigators: annual cost by year');
    const byYear = apply(plan, edit);
    expect(byYear.interventions[i].annualCost).toEqual({ '2020/21': formula, '2021/22': formula, '2022/23': formula });
    expect(costByYearEdit(byYear, i).ops).toEqual([]);
    expect(sameEveryYearChoices(byYear, i)).toEqual([{ value: formula, fys: ['2020/21', '2021/22', '2022/23'] }]);
    const back = setCostEveryYearEdit(byYear, i, formula as string);
    expect(back.label).toBe('Community navigators: annual cost the same every year, =360000 * (1 + payUplift) ^ fy');
    expect(apply(byYear, back)).toEqual(plan);
  });

  it('offers each different amount of a cost by year to keep, with the FYs holding it (no cost is 0)', () => {
    const plan = demoPlan();
    const i = at(plan, 'parenting-peer-support');
    const choices = sameEveryYearChoices(plan, i);
    expect(choices).toEqual([
      { value: 200000, fys: ['2020/21', '2021/22'] },
      { value: 0, fys: ['2022/23'] },
    ]);
    expect(choices.map(sameEveryYearChoiceText)).toEqual(['£200,000 (2020/21, 2021/22)', '£0 (2022/23)']);
    expect(sameEveryYearChoiceText({ value: '=a * 2', fys: ['2020/21'] })).toBe('The formula =a * 2 (2020/21)');
  });

  it('keeps a label within an edit’s 200 characters, however long the name', () => {
    const plan = demoPlan();
    plan.interventions[2].name = 'N'.repeat(500);
    const edit = setCostEveryYearEdit(plan, 2, 1);
    expect(edit.label.length).toBeLessThanOrEqual(200);
    expect(edit.label.endsWith(': annual cost £130,000 → £1')).toBe(true);
  });
});
