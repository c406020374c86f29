// What a stored command touched (shared/edit-subjects.ts): the ids of the services, streams
// and scenarios its operations reach, for filtering the change history.
import { describe, expect, it } from 'vitest';
import { editSubjects } from '../../shared/edit-subjects';
import { applyEdit, type EditOp, type PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { workedExample } from '../fixtures';

/** The worked example with a scenario that changes an allocation and a service, and some actuals. */
function plan(): Plan {
  const p = workedExample();
  p.scenarios!.push({
    id: 'cut',
    name: 'Cut',
    changes: [
      { stream: 'core', fy: '2022/23', amount: 30000 },
      { intervention: 'b', end: '2022-09' },
    ],
  });
  p.actuals = {
    asAt: '2021-06',
    spend: [
      { intervention: 'a', month: '2021-04', amount: 5000 },
      { intervention: 'c', month: '2021-04', amount: 1000 },
    ],
  };
  return p;
}

function subjectsOf(before: Plan, ...ops: EditOp[]) {
  const edit: PlanEdit = { label: 'test', ops };
  return editSubjects(before, applyEdit(before, edit).plan as Plan, edit);
}

const none = { interventions: [], streams: [], scenarios: [] };

describe('editSubjects', () => {
  it('a field of a service names that service only', () => {
    expect(subjectsOf(plan(), { op: 'set', path: ['interventions', 1, 'annualCost'], value: 50000 })).toEqual({
      ...none,
      interventions: ['b'],
    });
  });

  it('a changed id names both the old and the new id', () => {
    expect(subjectsOf(plan(), { op: 'set', path: ['interventions', 2, 'id'], value: 'team' })).toEqual({
      ...none,
      interventions: ['c', 'team'],
    });
  });

  it('an insert names the inserted item; a remove the removed one', () => {
    const inserted = { id: 'new', name: 'New', category: 'central', annualCost: 1, priority: 4 };
    expect(subjectsOf(plan(), { op: 'insert', path: ['interventions'], index: 0, value: inserted })).toEqual({
      ...none,
      interventions: ['new'],
    });
    expect(subjectsOf(plan(), { op: 'remove', path: ['interventions'], index: 2 })).toEqual({ ...none, interventions: ['c'] });
    expect(
      subjectsOf(plan(), {
        op: 'insert',
        path: ['fundingStreams'],
        index: 1,
        value: { id: 'extra', name: 'E', funder: 'F', kind: 'grant', allocations: [] },
      }),
    ).toEqual({ ...none, streams: ['extra'] });
  });

  it('an allocation names its stream; a plan-wide field names nothing', () => {
    expect(subjectsOf(plan(), { op: 'set', path: ['fundingStreams', 0, 'allocations', 1, 'amount'], value: 1 })).toEqual({
      ...none,
      streams: ['core'],
    });
    expect(subjectsOf(plan(), { op: 'set', path: ['name'], value: 'x' }, { op: 'set', path: ['horizon', 'months'], value: 36 })).toEqual(
      none,
    );
  });

  it("a scenario's change names the scenario and the stream or service the change is about", () => {
    expect(subjectsOf(plan(), { op: 'set', path: ['scenarios', 1, 'changes', 0, 'amount'], value: 20000 })).toEqual({
      interventions: [],
      streams: ['core'],
      scenarios: ['cut'],
    });
    expect(subjectsOf(plan(), { op: 'remove', path: ['scenarios', 1, 'changes'], index: 1 })).toEqual({
      interventions: ['b'],
      streams: [],
      scenarios: ['cut'],
    });
    expect(
      subjectsOf(plan(), { op: 'insert', path: ['scenarios', 0, 'changes'], index: 0, value: { intervention: 'a', priority: 9 } }),
    ).toEqual({ interventions: ['a'], streams: [], scenarios: ['prudent'] });
    // A scenario's name touches no service.
    expect(subjectsOf(plan(), { op: 'set', path: ['scenarios', 1, 'name'], value: 'Deep cut' })).toEqual({ ...none, scenarios: ['cut'] });
  });

  it('a whole list replaced (an import) names only the items that differ, and what their changes name', () => {
    const before = plan();
    const after = plan();
    after.interventions[0].annualCost = 61000;
    after.scenarios![1].changes![0] = { stream: 'core', fy: '2022/23', amount: 25000 };
    after.actuals!.spend[1].amount = 1200;
    const ops: EditOp[] = [
      { op: 'set', path: ['interventions'], value: after.interventions },
      { op: 'set', path: ['scenarios'], value: after.scenarios },
      { op: 'set', path: ['actuals'], value: after.actuals },
    ];
    expect(subjectsOf(before, ...ops)).toEqual({ interventions: ['a', 'c'], streams: ['core'], scenarios: ['cut'] });
  });

  it('an actual spend entry names its service, before and after', () => {
    expect(subjectsOf(plan(), { op: 'set', path: ['actuals', 'spend', 1, 'amount'], value: 900 })).toEqual({
      ...none,
      interventions: ['c'],
    });
    expect(subjectsOf(plan(), { op: 'set', path: ['actuals', 'spend', 0, 'intervention'], value: 'b' })).toEqual({
      ...none,
      interventions: ['a', 'b'],
    });
    expect(
      subjectsOf(plan(), { op: 'insert', path: ['actuals', 'spend'], index: 2, value: { intervention: 'b', month: '2021-05', amount: 3 } }),
    ).toEqual({ ...none, interventions: ['b'] });
    expect(subjectsOf(plan(), { op: 'set', path: ['actuals', 'asAt'], value: '2021-07' })).toEqual(none);
  });

  it('several operations: sorted, each id once', () => {
    expect(
      subjectsOf(
        plan(),
        { op: 'set', path: ['interventions', 2, 'priority'], value: 1 },
        { op: 'set', path: ['interventions', 0, 'priority'], value: 3 },
        { op: 'set', path: ['interventions', 0, 'noticeMonths'], value: 2 },
        { op: 'set', path: ['actuals', 'spend', 0, 'amount'], value: 1 },
      ),
    ).toEqual({ ...none, interventions: ['a', 'c'] });
  });
  it('a variable changed, in the plan or a scenario, names what its formulas feed, through other variables too', () => {
    const p = plan();
    p.variables = { level: 1, uplift: '=level * 2', pay: 0.02 };
    p.fundingStreams[0].allocations[1].amount = '=60000 * level';
    p.interventions[1].annualCost = '=48000 * (1 + pay)';
    p.scenarios!.push({
      id: 'half',
      name: 'Half',
      variables: { level: 0.5 },
      changes: [{ intervention: 'c', annualCost: '=12000 * uplift' }],
    });
    const half = p.scenarios!.length - 1;
    // The scenario's grant level: its scenario, the stream it scales, and a service through "uplift".
    expect(subjectsOf(p, { op: 'set', path: ['scenarios', half, 'variables', 'level'], value: 0.4 })).toEqual({
      interventions: ['c'],
      streams: ['core'],
      scenarios: ['half'],
    });
    // The plan's pay uplift: the one service whose cost uses it.
    expect(subjectsOf(p, { op: 'set', path: ['variables', 'pay'], value: 0.03 })).toEqual({ ...none, interventions: ['b'] });
    // The variables replaced whole: each one that differs counts.
    expect(subjectsOf(p, { op: 'set', path: ['variables'], value: { level: 1, uplift: '=level * 2', pay: 0.05 } })).toEqual({
      ...none,
      interventions: ['b'],
    });
    // A variable nothing uses names nothing more.
    expect(subjectsOf(p, { op: 'set', path: ['variables', 'spare'], value: 3 })).toEqual(none);
  });
});
