import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import { simulate } from '../../shared/engine';
import {
  addScenarioEdit,
  confirmationOf,
  deleteScenarioEdit,
  duplicateScenarioEdit,
  fundingVariables,
  grantLevelOf,
  handoverOf,
  handoverShares,
  priorityOf,
  renameScenarioEdit,
  roundLevel,
  setConfirmationEdit,
  setGrantLevelEdit,
  setHandoverEdit,
  newScenarioId,
  setPriorityEdit,
  setStanceEdit,
  setVariableEdit,
  variableOf,
} from '../../renderer/logic/scenario-edits';
import { demoPlan, workedExample } from './fixtures';

const apply = (plan: Plan, edit: PlanEdit): Plan => applyEdit(plan, edit).plan as Plan;
const valid = (plan: Plan) => {
  const v = validatePlan(plan);
  if (!v.ok) throw new Error(v.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return v;
};

describe('scenario ids and names', () => {
  it('slugs names and keeps ids unique (never "base")', () => {
    expect(newScenarioId('25% cut, confirmed in June!', [])).toBe('25-cut-confirmed-in-june');
    expect(newScenarioId('   ', [])).toBe('scenario');
    expect(newScenarioId('Base', [])).toBe('base-2');
    expect(newScenarioId('Cut', ['cut', 'cut-2'])).toBe('cut-3');
  });
});

describe('create, duplicate, rename, delete', () => {
  it('adds a scenario with a unique name and id, even when the plan has none', () => {
    const plan = workedExample();
    delete plan.scenarios;
    const { edit, id } = addScenarioEdit(plan);
    const next = apply(plan, edit);
    expect(next.scenarios).toEqual([{ id: 'new-scenario', name: 'New scenario', stance: 'wait', changes: [] }]);
    const again = addScenarioEdit(next);
    expect(again.id).toBe('new-scenario-2');
    expect(apply(next, again.edit).scenarios![1].name).toBe('New scenario (2)');
    valid(next);
    expect(id).toBe('new-scenario');
  });

  it('duplicates with everything copied, renames and deletes', () => {
    const plan = demoPlan();
    const { edit, id } = duplicateScenarioEdit(plan, 'cut-25-june');
    const copied = apply(plan, edit);
    const copy = copied.scenarios!.find((s) => s.id === id)!;
    expect(copy.name).toBe('25% cut, confirmed in June (copy)');
    expect(copy.variables).toEqual({ grantLevel: 0.75 });
    const renamed = apply(copied, renameScenarioEdit(copied, id, 'Deeper cut'));
    expect(renamed.scenarios!.find((s) => s.id === id)!.name).toBe('Deeper cut');
    const deleted = apply(renamed, deleteScenarioEdit(renamed, id));
    expect(deleted.scenarios!.map((s) => s.id)).toEqual(plan.scenarios!.map((s) => s.id));
    valid(deleted);
  });

  it('sets the stance', () => {
    const plan = demoPlan();
    const next = apply(plan, setStanceEdit(plan, 'flat-june', 'prudent'));
    expect(next.scenarios![1].stance).toBe('prudent');
  });
});

describe('grant level per FY', () => {
  it('writes {stream, fy, amount: "=base * L"} and reads it back', () => {
    let plan = demoPlan();
    const { edit, id } = addScenarioEdit(plan, 'Cut');
    plan = apply(plan, edit);
    const scenario = () => plan.scenarios!.find((s) => s.id === id)!;
    expect(grantLevelOf(scenario(), 'ho-core', '2021/22')).toEqual({ kind: 'plan', level: 1 });
    plan = apply(plan, setGrantLevelEdit(plan, id, 'ho-core', '2021/22', 0.75));
    expect(scenario().changes).toEqual([{ stream: 'ho-core', fy: '2021/22', amount: '=base * 0.75' }]);
    expect(grantLevelOf(scenario(), 'ho-core', '2021/22')).toEqual({ kind: 'level', level: 0.75 });
    // A second level for the same allocation replaces the first, in the same change.
    plan = apply(plan, setGrantLevelEdit(plan, id, 'ho-core', '2021/22', 0.5));
    expect(scenario().changes).toEqual([{ stream: 'ho-core', fy: '2021/22', amount: '=base * 0.5' }]);
    // Back to 100%: the change has nothing left and goes.
    plan = apply(plan, setGrantLevelEdit(plan, id, 'ho-core', '2021/22', 1));
    expect(scenario().changes).toEqual([]);
    expect(setGrantLevelEdit(plan, id, 'ho-core', '2021/22', 1).ops).toEqual([]);
  });

  it('75% confirmed 4 June 2021 closes services the plan keeps (the journey the app is for)', () => {
    let plan = demoPlan();
    const { edit, id } = addScenarioEdit(plan, '75% in June');
    plan = apply(plan, edit);
    plan = apply(plan, setGrantLevelEdit(plan, id, 'ho-core', '2021/22', 0.75));
    plan = apply(plan, setConfirmationEdit(plan, id, 'ho-core', '2021/22', '2021-06-04'));
    expect(plan.scenarios!.find((s) => s.id === id)!.changes).toEqual([
      { stream: 'ho-core', fy: '2021/22', amount: '=base * 0.75', confirmedOn: '2021-06-04' },
    ]);
    const v = valid(plan);
    const result = simulate(v.scenarios.find((s) => s.id === id)!);
    const base = simulate(v.scenarios[0]);
    expect(base.totals.closures).toBe(0);
    expect(result.totals.closures).toBeGreaterThan(0);
    // £3,307,000 × 0.75 = £2,480,250 for the grant in 2021/22 (plus the ring-fenced £200,000).
    expect(result.years[1].funding).toBe(248_025_000 + 20_000_000);
    expect(result.years[1].atRisk).toBeGreaterThan(0);
  });

  it('keeps other fields of a change when the level is reset, and shows a custom amount as such', () => {
    let plan = demoPlan();
    plan = apply(plan, setGrantLevelEdit(plan, 'flat-june', 'ho-core', '2021/22', 0.9));
    expect(plan.scenarios![1].changes).toEqual([{ stream: 'ho-core', fy: '2021/22', confirmedOn: '2021-06-04', amount: '=base * 0.9' }]);
    plan = apply(plan, setGrantLevelEdit(plan, 'flat-june', 'ho-core', '2021/22', 1));
    expect(plan.scenarios![1].changes).toEqual([{ stream: 'ho-core', fy: '2021/22', confirmedOn: '2021-06-04' }]);
    const custom = { ...plan.scenarios![1], changes: [{ stream: 'ho-core', fy: '2021/22', amount: 1000 }] };
    expect(grantLevelOf(custom, 'ho-core', '2021/22')).toEqual({ kind: 'custom', level: null, amount: 1000 });
  });

  it('rounds levels to 4 decimals', () => {
    expect(roundLevel(0.123456)).toBe(0.1235);
    expect(roundLevel(-1)).toBe(0);
  });
});

describe('confirmation date', () => {
  it('reads the plan’s date until the scenario sets one; null means known in April', () => {
    let plan = demoPlan();
    const base = plan.scenarios![0];
    expect(confirmationOf(plan, base, 'ho-core', '2020/21')).toEqual({ date: '2020-06-04', fromScenario: false });
    expect(confirmationOf(plan, base, 'ho-core', '2021/22')).toEqual({ date: '2021-04-01', fromScenario: true });
    plan = apply(plan, setConfirmationEdit(plan, 'flat-april', 'ho-core', '2021/22', null));
    expect(confirmationOf(plan, plan.scenarios![0], 'ho-core', '2021/22')).toEqual({ date: null, fromScenario: true });
    plan = apply(plan, setConfirmationEdit(plan, 'flat-april', 'ho-core', '2021/22', undefined));
    expect(plan.scenarios![0].changes).toEqual([]);
    valid(plan);
  });
});

describe('variables', () => {
  it('finds the variables funding depends on', () => {
    expect(fundingVariables(demoPlan())).toEqual(['grantLevel']);
  });

  it('sets and clears a scenario’s own value', () => {
    let plan = demoPlan();
    expect(variableOf(plan, plan.scenarios![0], 'grantLevel')).toEqual({ value: 1, fromScenario: false });
    plan = apply(plan, setVariableEdit(plan, 'flat-april', 'grantLevel', 0.6));
    expect(plan.scenarios![0].variables).toEqual({ grantLevel: 0.6 });
    plan = apply(plan, setVariableEdit(plan, 'flat-april', 'grantLevel', undefined));
    expect(plan.scenarios![0].variables).toEqual({});
    valid(plan);
  });
});

describe('handover', () => {
  const shares = [
    { from: '2020-04', share: 0.375, partner: 'CCG' },
    { from: '2021-04', share: 0.6, partner: 'CCG' },
    { from: '2021-10', share: 1, partner: 'CCG' },
  ];

  it('turns a handover off, moves it, and puts the plan’s back', () => {
    expect(handoverShares(shares, { mode: 'off' })).toEqual(shares.slice(0, 2));
    expect(handoverShares(shares, { mode: 'from', month: '2021-02' })).toEqual([shares[0], { from: '2021-02', share: 1, partner: 'CCG' }]);
    expect(handoverShares(shares, { mode: 'plan' })).toEqual(shares);
    expect(handoverShares([], { mode: 'off' })).toBeNull();
  });

  it('writes the scenario change, and reads what is in force', () => {
    let plan = demoPlan();
    expect(handoverOf(plan, plan.scenarios![0], 'iris')).toMatchObject({ month: '2021-10', planMonth: '2021-10', fromScenario: false });
    plan = apply(plan, setHandoverEdit(plan, 'flat-april', 'iris', { mode: 'from', month: '2022-04' }));
    expect(handoverOf(plan, plan.scenarios![0], 'iris')).toMatchObject({
      month: '2022-04',
      fromScenario: true,
      partner: 'Black Country and West Birmingham CCGs',
    });
    plan = apply(plan, setHandoverEdit(plan, 'flat-april', 'iris', { mode: 'off' }));
    expect(handoverOf(plan, plan.scenarios![0], 'iris').month).toBeNull();
    const v = valid(plan);
    const result = simulate(v.scenarios.find((s) => s.id === 'flat-april')!);
    expect(result.interventions.find((i) => i.id === 'iris')!.outcome).toBe('continues');
    plan = apply(plan, setHandoverEdit(plan, 'flat-april', 'iris', { mode: 'plan' }));
    expect(plan.scenarios![0].changes).toHaveLength(1);
  });
});

describe('priority', () => {
  it('overrides and restores an intervention’s priority', () => {
    let plan = demoPlan();
    plan = apply(plan, setPriorityEdit(plan, 'flat-june', 'mvp', 1));
    expect(priorityOf(plan, plan.scenarios![1], 'mvp')).toEqual({ value: 1, fromScenario: true });
    plan = apply(plan, setPriorityEdit(plan, 'flat-june', 'mvp', undefined));
    expect(priorityOf(plan, plan.scenarios![1], 'mvp')).toEqual({ value: 11, fromScenario: false });
    expect(plan.scenarios![1].changes).toHaveLength(1);
    valid(plan);
  });
});
