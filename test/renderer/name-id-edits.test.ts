// Naming a new thing gives it an id from the name, in the same edit, while nothing refers to
// it and its id is still what its previous name gave it; undo takes both back.
import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { renameIdEdit } from '../../shared/rename-id';
import { validatePlan } from '../../shared/validate';
import {
  addInterventionEdit,
  addStreamEdit,
  setInterventionFieldEdit,
  setRingFenceEdit,
  setStreamTextEdit,
} from '../../renderer/logic/plan-edits';
import { addScenarioEdit, renameScenarioEdit, setGrantLevelEdit } from '../../renderer/logic/scenario-edits';
import { followRenamedIds } from '../../renderer/store/follow-ids';
import type { Store } from '../../renderer/store/store';
import { demoPlan } from './fixtures';

function apply(plan: Plan, edit: PlanEdit): Plan {
  const next = applyEdit(plan, edit).plan as Plan;
  const v = validatePlan(next);
  if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return next;
}

describe('an intervention named after it is added', () => {
  it('takes its id from the name, in the one edit, and undo gives both back', () => {
    let plan = demoPlan();
    plan = apply(plan, addInterventionEdit(plan).edit);
    const index = plan.interventions.length - 1;
    expect(plan.interventions[index].id).toBe('new-intervention');
    const edit = setInterventionFieldEdit(plan, index, 'name', 'Youth outreach');
    expect(edit.label).toBe('New intervention: name');
    const { plan: named, inverse } = applyEdit(plan, edit);
    expect((named as Plan).interventions[index]).toMatchObject({ id: 'youth-outreach', name: 'Youth outreach' });
    expect(applyEdit(named, inverse).plan).toEqual(plan);
    // Named again: it follows again, since the id is still what the name gave.
    const renamed = apply(named as Plan, setInterventionFieldEdit(named as Plan, index, 'name', 'Outreach (north)'));
    expect(renamed.interventions[index].id).toBe('outreach-north');
  });

  it('keeps its id once something refers to it, or once the id is not the name’s', () => {
    let plan = demoPlan();
    plan = apply(plan, addInterventionEdit(plan).edit);
    const index = plan.interventions.length - 1;
    const fenced = apply(plan, setRingFenceEdit(plan, 0, ['new-intervention']));
    expect(setInterventionFieldEdit(fenced, index, 'name', 'Youth outreach').ops).toEqual([
      { op: 'set', path: ['interventions', index, 'name'], value: 'Youth outreach' },
    ]);
    // The demo's ids were chosen by hand: "navigators" is not what "Community navigators" gives.
    expect(setInterventionFieldEdit(plan, 1, 'name', 'Navigators').ops).toHaveLength(1);
  });
});

describe('a funding stream named after it is added', () => {
  it('takes its id from the name until a scenario refers to it', () => {
    let plan = demoPlan();
    plan = apply(plan, addStreamEdit(plan));
    const si = plan.fundingStreams.length - 1;
    expect(plan.fundingStreams[si].id).toBe('new-funding-stream');
    const named = apply(plan, setStreamTextEdit(plan, si, 'name', 'Youth fund'));
    expect(named.fundingStreams[si].id).toBe('youth-fund');
    expect(setStreamTextEdit(named, si, 'funder', 'Youth fund trust').ops).toHaveLength(1);
    const withAllocation = { ...named };
    withAllocation.fundingStreams = named.fundingStreams.map((s, i) =>
      i === si ? { ...s, allocations: [{ fy: '2021/22', amount: 1000 }] } : s,
    );
    const referred = apply(withAllocation, setGrantLevelEdit(withAllocation, 'cut-25-june', 'youth-fund', '2021/22', 0.5));
    expect(setStreamTextEdit(referred, si, 'name', 'Youth fund (north)').ops).toHaveLength(1);
  });
});

describe('a scenario named after it is added', () => {
  it('takes its id from the name, never "base"', () => {
    let plan = demoPlan();
    const { edit, id } = addScenarioEdit(plan);
    plan = apply(plan, edit);
    expect(id).toBe('new-scenario');
    const named = apply(plan, renameScenarioEdit(plan, id, '10% cut in 2022/23'));
    expect(named.scenarios!.at(-1)!.id).toBe('10-cut-in-2022-23');
    expect(apply(named, renameScenarioEdit(named, '10-cut-in-2022-23', 'Base')).scenarios!.at(-1)!.id).toBe('base-2');
    // A demo scenario's id was chosen by hand and stays.
    expect(renameScenarioEdit(plan, 'no-grant', 'No grant at all').ops).toHaveLength(1);
  });
});

describe('the view after a rename', () => {
  it('follows renamed scenario and intervention ids, and leaves the rest', () => {
    const before = demoPlan();
    const after = applyEdit(before, renameIdEdit(before, 'scenario', 2, 'cut-a-quarter')).plan as Plan;
    const view = {
      scenarioId: 'cut-25-june',
      editingScenarioId: 'cut-25-june',
      compareIds: ['base', 'cut-25-june', 'no-grant'],
      riskScenarioId: null,
      selectedInterventionId: 'iris',
    } as unknown as Store;
    expect(followRenamedIds(before, after, view)).toEqual({
      scenarioId: 'cut-a-quarter',
      editingScenarioId: 'cut-a-quarter',
      compareIds: ['base', 'cut-a-quarter', 'no-grant'],
      riskScenarioId: null,
      selectedInterventionId: 'iris',
    });
    const renamedIris = applyEdit(before, renameIdEdit(before, 'intervention', 8, 'iris-gp')).plan as Plan;
    expect(followRenamedIds(before, renamedIris, view)?.selectedInterventionId).toBe('iris-gp');
    // Undo is a rename too; a plan with no rename changes nothing.
    expect(followRenamedIds(renamedIris, before, { ...view, selectedInterventionId: 'iris-gp' } as Store)?.selectedInterventionId).toBe(
      'iris',
    );
    expect(followRenamedIds(before, applyEdit(before, setStreamTextEdit(before, 0, 'funder', 'HO')).plan as Plan, view)).toBeNull();
  });
});
