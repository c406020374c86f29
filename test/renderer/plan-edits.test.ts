import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import {
  addInterventionEdit,
  deleteInterventionEdit,
  removeAllocationEdit,
  setAllocationEdit,
  setConditionEdit,
  setInterventionFieldEdit,
  setPartnerSharesEdit,
  setRingFenceEdit,
  setTransitionEdit,
} from '../../renderer/logic/plan-edits';
import { demoPlan } from './fixtures';

const apply = (plan: Plan, edit: PlanEdit): Plan => applyEdit(plan, edit).plan as Plan;

describe('plan edits', () => {
  it('sets a field, and does nothing when the value is the same', () => {
    const plan = demoPlan();
    expect(setInterventionFieldEdit(plan, 2, 'annualCost', 130000).ops).toEqual([]);
    const edit = setInterventionFieldEdit(plan, 2, 'annualCost', 140000);
    expect(edit).toEqual({
      label: 'Local evaluation: annual cost',
      ops: [{ op: 'set', path: ['interventions', 2, 'annualCost'], value: 140000 }],
    });
  });

  it('adds an allocation for an FY without one, in FY order, and edits or removes one', () => {
    let plan = demoPlan();
    plan = apply(plan, setAllocationEdit(plan, 1, '2022/23', 'amount', 150000));
    expect(plan.fundingStreams[1].allocations.map((a) => a.fy)).toEqual(['2020/21', '2021/22', '2022/23']);
    plan = apply(plan, setAllocationEdit(plan, 0, '2021/22', 'confirmedOn', '2021-06-04'));
    expect(plan.fundingStreams[0].allocations[1].confirmedOn).toBe('2021-06-04');
    plan = apply(plan, removeAllocationEdit(plan, 1, '2022/23'));
    expect(plan.fundingStreams[1].allocations).toHaveLength(2);
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('sets ring-fences and conditions, taking them away when empty', () => {
    let plan = demoPlan();
    plan = apply(plan, setRingFenceEdit(plan, 1, []));
    expect(plan.fundingStreams[1].restrictedTo).toBeUndefined();
    plan = apply(plan, setConditionEdit(plan, 0, 0.3));
    expect(plan.fundingStreams[0].conditions).toEqual({ minCommissionedShare: 0.3 });
    plan = apply(plan, setConditionEdit(plan, 0, undefined));
    expect(plan.fundingStreams[0].conditions).toBeUndefined();
  });

  it('edits partner shares (sorted by month) and the transition route', () => {
    let plan = demoPlan();
    plan = apply(
      plan,
      setPartnerSharesEdit(plan, 6, [
        { from: '2022-04', share: 1, partner: 'NHS' },
        { from: '2021-04', share: 0.25, partner: 'NHS' },
      ]),
    );
    expect(plan.interventions[6].partnerShares!.map((s) => s.from)).toEqual(['2021-04', '2022-04']);
    plan = apply(plan, setTransitionEdit(plan, 6, undefined));
    expect(plan.interventions[6].transition).toBeUndefined();
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('adds an intervention, and deletes one with every reference to it', () => {
    let plan = demoPlan();
    const { edit, id } = addInterventionEdit(plan);
    plan = apply(plan, edit);
    expect(plan.interventions.at(-1)).toMatchObject({ id, priority: 15, annualCost: 0 });
    // The Youth Justice Board stream is ring-fenced to parenting-peer-support.
    const index = plan.interventions.findIndex((i) => i.id === 'parenting-peer-support');
    plan = apply(plan, deleteInterventionEdit(plan, index));
    expect(plan.fundingStreams[1].restrictedTo).toEqual([]);
    expect(plan.interventions.some((i) => i.id === 'parenting-peer-support')).toBe(false);
  });
});
