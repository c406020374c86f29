import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { fittingKinds, uncertainVariableUses } from '../../shared/uncertainty/variable-use';
import { demoPlan } from '../fixtures';

/** The demo plan with uncertain variables in "25% cut, confirmed in June", and any extra changes to it. */
function withUncertain(entries: Uncertainty[], edit: (plan: Plan) => void = () => {}): Plan {
  const plan = demoPlan();
  const scenario = plan.scenarios!.find((s) => s.id === 'cut-25-june')!;
  scenario.uncertainty = entries;
  edit(plan);
  return plan;
}

const uses = (plan: Plan) => uncertainVariableUses(plan, 'cut-25-june')!;

describe('uncertainVariableUses', () => {
  it('names the fields of the demo plan that use grantLevel and payUplift, and none replaced by nothing', () => {
    const plan = withUncertain([
      { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.75, max: 1 },
      { variable: 'payUplift', dist: 'uniform', min: 0.01, max: 0.04 },
    ]);
    const [level, pay] = uses(plan);
    expect(level.usedBy.map((u) => u.words)).toEqual([
      'Serious Violence Fund: VRU grant 2021/22 amount',
      'Serious Violence Fund: VRU grant 2022/23 amount',
    ]);
    expect(level.usedBy.map((u) => u.path)).toEqual(['fundingStreams[0].allocations[1].amount', 'fundingStreams[0].allocations[2].amount']);
    expect(level.usedBy.every((u) => u.via.length === 0)).toBe(true);
    expect(pay.usedBy.map((u) => u.words)).toEqual([
      'VRU central team annual cost',
      'Community navigators annual cost',
      'Education intervention advisers annual cost',
    ]);
  });

  it('flags a variable no formula uses, with the places its distribution fits', () => {
    const plan = withUncertain([{ variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3] }]);
    const [delay] = uses(plan);
    expect(delay.usedBy).toEqual([]);
    // Whole numbers beyond 1: only a delay in months.
    expect(delay.places.map((p) => p.words)).toEqual([
      'the confirmation delay of Serious Violence Fund: VRU grant 2020/21',
      'the confirmation delay of Serious Violence Fund: VRU grant 2021/22',
      'the confirmation delay of Serious Violence Fund: VRU grant 2022/23',
      'the confirmation delay of Parenting peer support 2020/21',
      'the confirmation delay of Parenting peer support 2021/22',
      'the confirmation delay of Covid-19 micro-charities fund 2020/21',
    ]);
    expect(delay.places[1]).toMatchObject({ kind: 'confirm-delay', stream: 'ho-core', fy: '2021/22' });
  });

  it('counts a variable used only through another variable as used, naming the one between', () => {
    const plan = withUncertain([{ variable: 'cut', dist: 'uniform', min: 0, max: 0.5 }], (p) => {
      p.scenarios!.find((s) => s.id === 'cut-25-june')!.variables = { grantLevel: '=1 - cut' };
    });
    const [cut] = uses(plan);
    expect(cut.usedBy.map((u) => [u.words, u.via])).toEqual([
      ['Serious Violence Fund: VRU grant 2021/22 amount', ['grantLevel']],
      ['Serious Violence Fund: VRU grant 2022/23 amount', ['grantLevel']],
    ]);
  });

  it('does not follow a variable that is itself drawn: the draw replaces its formula', () => {
    const plan = withUncertain(
      [
        { variable: 'cut', dist: 'uniform', min: 0, max: 0.5 },
        { variable: 'grantLevel', dist: 'uniform', min: 0.5, max: 1 },
      ],
      (p) => {
        p.scenarios!.find((s) => s.id === 'cut-25-june')!.variables = { grantLevel: '=1 - cut' };
      },
    );
    expect(uses(plan)[0].usedBy).toEqual([]);
  });

  it('names a scenario change by what it changes, and forgets a plan formula the change replaces', () => {
    const plan = withUncertain([{ variable: 'grantLevel', dist: 'uniform', min: 0.5, max: 1 }], (p) => {
      p.scenarios!.find((s) => s.id === 'cut-25-june')!.changes!.push(
        { stream: 'ho-core', fy: '2022/23', amount: 1000 },
        { intervention: 'hospital-reachable', partnerShares: [{ from: '2021-04', share: '=1 - grantLevel', partner: 'NHS' }] },
      );
    });
    expect(uses(plan)[0].usedBy.map((u) => u.words)).toEqual([
      'Serious Violence Fund: VRU grant 2021/22 amount',
      'Reachable moments in hospital partner share from April 2021',
    ]);
  });

  it('offers the handover share of each service with partner shares to a yes-or-no variable', () => {
    const plan = withUncertain([{ variable: 'handover', dist: 'bernoulli', p: 0.5 }]);
    expect(uses(plan)[0].places.map((p) => p.words)).toEqual([
      'the partner share of Reachable moments in hospital from April 2021',
      'the partner share of IRIS (GP domestic abuse training) from October 2021',
    ]);
  });

  it('is null for a scenario the plan does not have', () => {
    expect(uncertainVariableUses(demoPlan(), 'nope')).toBeNull();
  });
});

describe('fittingKinds', () => {
  it('reads a delay from whole numbers, a share from 0..1 and a level from around 1', () => {
    expect(fittingKinds({ variable: 'd', dist: 'discrete', values: [0, 2, 4] })).toEqual(['confirm-delay']);
    expect(fittingKinds({ variable: 'd', dist: 'discrete', values: [0, 1] })).toEqual(['confirm-delay', 'partner-share']);
    expect(fittingKinds({ variable: 'h', dist: 'bernoulli', p: 0.3 })).toEqual(['partner-share']);
    expect(fittingKinds({ variable: 'l', dist: 'triangular', min: 0.6, mode: 0.8, max: 1 })).toEqual(['partner-share', 'grant-level']);
    expect(fittingKinds({ variable: 'l', dist: 'normal', mean: 1, sd: 0.1 })).toEqual([]);
    expect(fittingKinds({ variable: 'l', dist: 'normal', mean: 1, sd: 0.1, min: 0.5, max: 1.5 })).toEqual(['grant-level']);
    expect(fittingKinds({ variable: 'x', dist: 'uniform', min: 10, max: 20 })).toEqual([]);
  });
});
