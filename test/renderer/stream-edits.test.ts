import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanEdit } from '../../shared/edits';
import { formatMonth } from '../../shared/months';
import { readMonthOffset } from '../../shared/parse';
import type { Plan } from '../../shared/plan';
import { resolveScenario } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';
import { addStreamEdit } from '../../renderer/logic/plan-edits';
import {
  addAllocationEdit,
  confirmationOf,
  deleteStreamEdit,
  referenceWords,
  setConfirmationEdit,
  setStreamKindEdit,
  setStreamNotesEdit,
  setUncertainConfirmationEdit,
  streamReferences,
  suggestDelayVariable,
  uncertainConfirmationOf,
  uncertainVariableProblem,
} from '../../renderer/logic/stream-edits';
import { demoPlan } from './fixtures';

const apply = (plan: Plan, edit: PlanEdit): Plan => applyEdit(plan, edit).plan as Plan;
const undo = (plan: Plan, edit: PlanEdit): Plan => {
  const { plan: after, inverse } = applyEdit(plan, edit);
  return applyEdit(after, inverse).plan as Plan;
};
const valid = (plan: Plan) => {
  const result = validatePlan(plan);
  expect(result.ok ? [] : result.problems).toEqual([]);
};

/** The demo plan with a "Youth fund" stream (index 3) and no allocations yet. */
function withYouthFund(): Plan {
  const plan = demoPlan();
  return apply(plan, addStreamEdit(plan, 'Youth fund', { funder: 'Lottery', kind: 'one-off' }));
}

describe('stream edits', () => {
  it('adds a stream with its name, funder and kind, the id derived from the name', () => {
    const plan = withYouthFund();
    expect(plan.fundingStreams[3]).toEqual({ id: 'youth-fund', name: 'Youth fund', funder: 'Lottery', kind: 'one-off', allocations: [] });
    valid(plan);
  });

  it('sets the kind and the notes, and takes empty notes away', () => {
    let plan = withYouthFund();
    expect(setStreamKindEdit(plan, 3, 'one-off').ops).toEqual([]);
    plan = apply(plan, setStreamKindEdit(plan, 3, 'contribution'));
    expect(plan.fundingStreams[3].kind).toBe('contribution');
    plan = apply(plan, setStreamNotesEdit(plan, 3, '  Match funded  '));
    expect(plan.fundingStreams[3].notes).toBe('Match funded');
    plan = apply(plan, setStreamNotesEdit(plan, 3, ''));
    expect('notes' in plan.fundingStreams[3]).toBe(false);
  });

  it('adds allocations in FY order, and not twice', () => {
    let plan = withYouthFund();
    const edit = addAllocationEdit(plan, 3, '2022/23', 50000);
    expect(edit.label).toBe('Youth fund: add the 2022/23 allocation');
    plan = apply(plan, edit);
    plan = apply(plan, addAllocationEdit(plan, 3, '2021/22', '=40000 * grantLevel'));
    expect(plan.fundingStreams[3].allocations).toEqual([
      { fy: '2021/22', amount: '=40000 * grantLevel' },
      { fy: '2022/23', amount: 50000 },
    ]);
    expect(addAllocationEdit(plan, 3, '2021/22', 1).ops).toEqual([]);
    valid(plan);
  });

  it('names the scenario changes that refer to a stream, and deletes them with it in one undoable edit', () => {
    const plan = demoPlan();
    const refs = streamReferences(plan, 0);
    // The demo's five scenarios each change the Home Office grant; no-grant changes two FYs.
    expect(refs.map(referenceWords)).toEqual([
      'the 2021/22 change in scenario “Flat grant, confirmed in April”',
      'the 2021/22 change in scenario “Flat grant, confirmed in June”',
      'the 2021/22 change in scenario “25% cut, confirmed in June”',
      'the 2021/22 change in scenario “No grant after March 2021”',
      'the 2022/23 change in scenario “No grant after March 2021”',
      'the 2021/22 change in scenario “Flat grant, confirmed in June; notice served where unconfirmed”',
    ]);
    expect(streamReferences(plan, 1)).toEqual([]);
    const edit = deleteStreamEdit(plan, 0);
    expect(edit.label).toBe('Delete funding stream "Serious Violence Fund: VRU grant"');
    const after = apply(plan, edit);
    expect(after.fundingStreams.map((s) => s.id)).toEqual(['yjb-parenting', 'treasury-micro']);
    expect(after.scenarios!.flatMap((s) => s.changes ?? []).filter((c) => 'stream' in c)).toEqual([]);
    // Scenario changes to interventions stay.
    expect(after.scenarios!.map((s) => (s.changes ?? []).length)).toEqual(
      plan.scenarios!.map((s) => (s.changes ?? []).filter((c) => !('stream' in c)).length),
    );
    valid(after);
    expect(undo(plan, edit)).toEqual(plan);
  });

  it('deletes a stream nothing refers to with only its own removal', () => {
    const plan = demoPlan();
    expect(deleteStreamEdit(plan, 2).ops).toEqual([{ op: 'remove', path: ['fundingStreams'], index: 2 }]);
  });
});

describe('confirmation choices', () => {
  it('reads which choice an allocation holds; a delay beats a date', () => {
    expect(confirmationOf({ fy: '2021/22', amount: 1 })).toEqual({ kind: 'fy-start' });
    expect(confirmationOf({ fy: '2021/22', amount: 1, confirmedOn: '2021-06-04' })).toEqual({ kind: 'date', date: '2021-06-04' });
    expect(confirmationOf({ fy: '2021/22', amount: 1, confirmedOn: '2021-06-04', confirmDelay: 4 })).toEqual({ kind: 'delay', months: 4 });
    expect(confirmationOf({ fy: '2021/22', amount: 1, confirmDelay: '=delay' })).toEqual({
      kind: 'uncertain',
      formula: '=delay',
      variable: 'delay',
    });
    expect(confirmationOf({ fy: '2021/22', amount: 1, confirmDelay: '=delay + 1' })).toMatchObject({ variable: null });
  });

  it('an expected delay replaces the date, with its label in words, and the resolver puts the month there', () => {
    let plan = demoPlan();
    const edit = setConfirmationEdit(plan, 0, '2020/21', { kind: 'delay', months: 2 });
    expect(edit.label).toBe('Serious Violence Fund: VRU grant 2020/21: confirmation expected 2 months after April');
    plan = apply(plan, edit);
    expect(plan.fundingStreams[0].allocations[0]).toEqual({ fy: '2020/21', amount: 3307000, confirmDelay: 2 });
    valid(plan);
    const { scenario, problems } = resolveScenario(plan, 'base');
    expect(problems).toEqual([]);
    const allocation = scenario!.streams[0].allocations.get(2020)!;
    // Two months after April 2020 is June 2020.
    expect(allocation.knownSource).toBe('confirm-delay');
    expect(formatMonth(allocation.known)).toBe('2020-06');
  });

  it('a date replaces a delay; known from April takes both away; the same choice twice does nothing', () => {
    let plan = demoPlan();
    plan = apply(plan, setConfirmationEdit(plan, 0, '2021/22', { kind: 'delay', months: -1 }));
    expect(setConfirmationEdit(plan, 0, '2021/22', { kind: 'delay', months: -1 }).ops).toEqual([]);
    const date = setConfirmationEdit(plan, 0, '2021/22', { kind: 'date', date: '2021-07-01' });
    expect(date.label).toBe('Serious Violence Fund: VRU grant 2021/22: confirmed on 1 July 2021');
    plan = apply(plan, date);
    expect(plan.fundingStreams[0].allocations[1]).toEqual({ fy: '2021/22', amount: '=3307000 * grantLevel', confirmedOn: '2021-07-01' });
    const none = setConfirmationEdit(plan, 0, '2021/22', { kind: 'fy-start' });
    expect(none.label).toBe('Serious Violence Fund: VRU grant 2021/22: known from April (no confirmation)');
    plan = apply(plan, none);
    expect(plan.fundingStreams[0].allocations[1]).toEqual({ fy: '2021/22', amount: '=3307000 * grantLevel' });
    expect(setConfirmationEdit(plan, 0, '2021/22', { kind: 'delay', months: 0 }).label).toMatch(/confirmation expected in April$/);
    valid(plan);
  });

  it('reads months after April as whole signed numbers', () => {
    expect(readMonthOffset('2')).toEqual({ ok: true, value: 2 });
    expect(readMonthOffset('2 months')).toEqual({ ok: true, value: 2 });
    expect(readMonthOffset('-1')).toEqual({ ok: true, value: -1 });
    expect(readMonthOffset('-0')).toEqual({ ok: true, value: 0 });
    expect(readMonthOffset('1.5')).toEqual({
      ok: false,
      message: "'1.5' is not a whole number of months (0 is April, -1 the March before)",
    });
    expect(readMonthOffset('1201')).toEqual({ ok: false, message: "'1201' is more than 1200 months" });
  });

  it('an uncertain delay: the formula, the plan default and a listed-values draw in the picked scenarios, as one edit', () => {
    let plan = withYouthFund();
    plan = apply(plan, addAllocationEdit(plan, 3, '2022/23', 50000));
    expect(suggestDelayVariable(plan, 3)).toBe('youthFundDelay');
    const start = uncertainConfirmationOf(plan, 3, '2022/23', 'flat-june');
    expect(start).toEqual({ variable: 'youthFundDelay', expected: 0, months: [0], weights: undefined, scenarioIds: ['flat-june'] });
    const edit = setUncertainConfirmationEdit(plan, 3, '2022/23', {
      variable: 'youthFundDelay',
      expected: 2,
      months: [1, 2, 4],
      weights: [1, 2, 1],
      scenarioIds: ['flat-june', 'cut-25-june'],
    });
    expect(edit.label).toBe('Youth fund 2022/23: confirmation uncertain (youthFundDelay), expected 2 months after April');
    const after = apply(plan, edit);
    expect(after.fundingStreams[3].allocations[0]).toEqual({ fy: '2022/23', amount: 50000, confirmDelay: '=youthFundDelay' });
    expect(after.variables).toEqual({ ...plan.variables, youthFundDelay: 2 });
    const entry = { variable: 'youthFundDelay', dist: 'discrete', values: [1, 2, 4], weights: [1, 2, 1] };
    expect(after.scenarios!.find((s) => s.id === 'flat-june')!.uncertainty).toEqual([entry]);
    expect(after.scenarios!.find((s) => s.id === 'cut-25-june')!.uncertainty).toEqual([entry]);
    expect(after.scenarios!.filter((s) => s.uncertainty).map((s) => s.id)).toEqual(['flat-june', 'cut-25-june']);
    valid(after);
    expect(undo(plan, edit)).toEqual(plan);

    // Opened again, the form starts from what is stored; unpicking a scenario takes its draw away.
    const again = uncertainConfirmationOf(after, 3, '2022/23', 'base');
    expect(again).toEqual({
      variable: 'youthFundDelay',
      expected: 2,
      months: [1, 2, 4],
      weights: [1, 2, 1],
      scenarioIds: ['flat-june', 'cut-25-june'],
    });
    const narrower = apply(
      after,
      setUncertainConfirmationEdit(after, 3, '2022/23', { ...again, months: [2, 3], weights: undefined, scenarioIds: ['cut-25-june'] }),
    );
    expect(narrower.scenarios!.find((s) => s.id === 'flat-june')!.uncertainty).toBeUndefined();
    expect(narrower.scenarios!.find((s) => s.id === 'cut-25-june')!.uncertainty).toEqual([
      { variable: 'youthFundDelay', dist: 'discrete', values: [2, 3] },
    ]);
    valid(narrower);
    expect(suggestDelayVariable(narrower, 3)).toBe('youthFundDelay2');
  });
});

describe('an uncertain confirmation never takes over another variable', () => {
  it('refuses a name the plan already uses, keeps its own variable, and keeps a formula value', () => {
    let plan = demoPlan();
    const si = 0;
    const fy = plan.fundingStreams[si].allocations[1].fy;
    expect(uncertainVariableProblem(plan, si, fy, 'grantLevel')).toMatch(/already a variable of the plan/);
    expect(uncertainVariableProblem(plan, si, fy, 'coreDelay')).toBeNull();
    plan = apply(
      plan,
      setUncertainConfirmationEdit(plan, si, fy, { variable: 'coreDelay', expected: 2, months: [1, 2, 3], scenarioIds: [] }),
    );
    expect(uncertainVariableProblem(plan, si, fy, 'coreDelay')).toBeNull();
    plan = { ...plan, variables: { ...plan.variables, coreDelay: '=fy == 0 ? 2 : 3' } };
    const start = uncertainConfirmationOf(plan, si, fy, 'base');
    expect(start.expected).toBe('=fy == 0 ? 2 : 3');
    const again = setUncertainConfirmationEdit(plan, si, fy, start);
    expect(again.ops.some((op) => op.path.join('.') === 'variables.coreDelay')).toBe(false);
  });
});
