// The Risk screen's one-click places for an unused uncertain variable: each is one edit to the
// scenario, after which the variable is used there (shared/uncertainty/variable-use.ts).
import { describe, expect, it } from 'vitest';
import { applyEdit, type PlanEdit } from '../../shared/edits';
import type { Plan } from '../../shared/plan';
import { resolveScenario } from '../../shared/resolve';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { uncertainVariableUses, type VariablePlace } from '../../shared/uncertainty/variable-use';
import { validatePlan } from '../../shared/validate';
import { placeVariableEdit } from '../../renderer/logic/uncertainty-edits';
import { runSimulation } from '../../renderer/logic/simulation';
import { demoPlan } from '../fixtures';

const CUT = 'cut-25-june';
const apply = (plan: Plan, edit: PlanEdit): Plan => applyEdit(plan, edit).plan as Plan;

function withUncertain(entries: Uncertainty[]): Plan {
  const plan = demoPlan();
  plan.scenarios!.find((s) => s.id === CUT)!.uncertainty = entries;
  return plan;
}

function usePlace(plan: Plan, variable: string, kind: VariablePlace['kind'], where: string): { plan: Plan; edit: PlanEdit } {
  const use = uncertainVariableUses(plan, CUT)!.find((u) => u.variable === variable)!;
  const place = use.places.find((p) => p.kind === kind && (p.kind === 'partner-share' ? p.intervention : `${p.stream} ${p.fy}`) === where)!;
  const edit = placeVariableEdit(plan, CUT, variable, place);
  return { plan: apply(plan, edit), edit };
}

describe('placeVariableEdit', () => {
  it('uses a delay as the confirmation delay of an allocation, beside the scenario’s date', () => {
    const { plan, edit } = usePlace(
      withUncertain([{ variable: 'delay', dist: 'discrete', values: [0, 4] }]),
      'delay',
      'confirm-delay',
      'ho-core 2021/22',
    );
    expect(edit.label).toBe('"25% cut, confirmed in June": delay as the confirmation delay of Serious Violence Fund: VRU grant 2021/22');
    expect(edit.ops).toHaveLength(1);
    expect(plan.scenarios![2].changes![0]).toEqual({ stream: 'ho-core', fy: '2021/22', confirmedOn: '2021-06-04', confirmDelay: '=delay' });
    expect(uncertainVariableUses(plan, CUT)![0].usedBy.map((u) => u.words)).toEqual([
      'Serious Violence Fund: VRU grant 2021/22 confirmation delay',
    ]);
    // Its central value (0, the most likely of equal weights: the first) makes the grant known in April.
    const resolved = resolveScenario(plan, CUT).scenario!;
    expect(resolved.streams[0].allocations.get(2021)).toMatchObject({ knownSource: 'confirm-delay', known: 2021 * 12 + 3 });
  });

  it('uses a grant level as "=base * v" on an allocation without a change yet', () => {
    const { plan } = usePlace(
      withUncertain([{ variable: 'level', dist: 'triangular', min: 0.5, mode: 0.8, max: 1 }]),
      'level',
      'grant-level',
      'ho-core 2022/23',
    );
    expect(plan.scenarios![2].changes![1]).toEqual({ stream: 'ho-core', fy: '2022/23', amount: '=base * level' });
    const resolved = resolveScenario(plan, CUT).scenario!;
    // 3,307,000 × grantLevel 0.75 × level 0.8
    expect(resolved.streams[0].allocations.get(2022)!.amount).toBe(198_420_000);
  });

  it('uses a yes-or-no as the last partner share of a service, keeping the tapers before it', () => {
    const { plan } = usePlace(withUncertain([{ variable: 'handover', dist: 'bernoulli', p: 0.7 }]), 'handover', 'partner-share', 'iris');
    const change = plan.scenarios![2].changes!.find((c) => 'intervention' in c)!;
    expect(change).toEqual({
      intervention: 'iris',
      partnerShares: [
        { from: '2020-04', share: 0.375, partner: 'Black Country and West Birmingham CCGs' },
        { from: '2021-04', share: 0.6, partner: 'Black Country and West Birmingham CCGs' },
        { from: '2021-10', share: '=handover', partner: 'Black Country and West Birmingham CCGs' },
      ],
    });
    expect(validatePlan(plan).ok).toBe(true);
  });
});

describe('the simulation worker', () => {
  it('sends where each uncertain variable is used with the scenario that has them, and nothing for the others', () => {
    const plan = withUncertain([
      { variable: 'grantLevel', dist: 'uniform', min: 0.5, max: 1 },
      { variable: 'delay', dist: 'discrete', values: [0, 2] },
    ]);
    const outcome = runSimulation(plan);
    if (!outcome.ok) throw new Error('the plan should simulate');
    const uses = outcome.resolved.map((r) => [r.id, r.uncertainUses?.map((u) => [u.variable, u.usedBy.length]) ?? null]);
    expect(uses).toEqual([
      ['base', null],
      ['flat-april', null],
      ['flat-june', null],
      [
        CUT,
        [
          ['grantLevel', 2],
          ['delay', 0],
        ],
      ],
      ['no-grant', null],
      ['flat-june-prudent', null],
    ]);
  });
});
