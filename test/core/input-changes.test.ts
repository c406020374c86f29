// What changed in the inputs between a snapshot's scenario and today's, in words
// (shared/input-changes.ts): each kind, the order, and nothing for identical inputs.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inputChanges, type InputChange } from '../../shared/input-changes';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import { demoPlan, workedExample } from '../fixtures';
import { readJson } from './helpers';

const WITH_ACTUALS = fileURLToPath(new URL('../fixtures/worked-example-actuals.json', import.meta.url));

function resolved(plan: Plan, id: string) {
  const v = validatePlan(plan);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return { plan: v.plan, scenario: v.scenarios.find((s) => s.id === id)! };
}

/** The changes from `before`'s scenario to `after`'s. */
function changes(before: Plan, after: Plan, beforeId = 'base', afterId = beforeId): InputChange[] {
  const b = resolved(before, beforeId);
  const a = resolved(after, afterId);
  return inputChanges(b.scenario, a.scenario, b.plan, a.plan);
}
const texts = (list: InputChange[]) => list.map((c) => c.text);
const edited = (edit: (p: any) => void, plan: Plan = demoPlan()): Plan => {
  edit(plan);
  return plan;
};

describe('identical inputs', () => {
  it('give no changes, for every scenario of the demo plan against itself', () => {
    const plan = demoPlan();
    for (const id of ['base', ...plan.scenarios!.map((s) => s.id)]) expect(changes(plan, demoPlan(), id)).toEqual([]);
    expect(changes(readJson(WITH_ACTUALS), readJson(WITH_ACTUALS), 'prudent')).toEqual([]);
  });
});

describe('funding streams', () => {
  it('names each allocation changed by a variable as the amounts it gives, and the variable itself', () => {
    const after = edited((p) => (p.variables.grantLevel = 0.75));
    expect(changes(demoPlan(), after)).toEqual([
      { kind: 'allocation', subject: 'ho-core', text: 'Serious Violence Fund: VRU grant 2021/22: £3,307,000 → £2,480,250' },
      { kind: 'allocation', subject: 'ho-core', text: 'Serious Violence Fund: VRU grant 2022/23: £3,307,000 → £2,480,250' },
      { kind: 'other', subject: 'grantLevel', text: 'Variable grantLevel: 1 → 0.75 in each FY' },
    ]);
  });

  it("compares resolved scenarios: a scenario confirmed in April against one confirmed in June, in the screens' words", () => {
    const list = changes(demoPlan(), demoPlan(), 'flat-april', 'flat-june');
    expect(list).toEqual([
      { kind: 'scenario', subject: 'flat-june', text: 'Scenario: Flat grant, confirmed in April → Flat grant, confirmed in June' },
      {
        kind: 'confirmation',
        subject: 'ho-core',
        text: 'Serious Violence Fund: VRU grant 2021/22: confirmed 1 April 2021 → confirmed 4 June 2021',
      },
    ]);
  });

  it('names a delay, a penny, an allocation added or removed, a condition, a restriction and streams added and removed', () => {
    const after = edited((p) => {
      const ho = p.fundingStreams[0];
      ho.allocations[0].confirmDelay = 3;
      ho.allocations[2].amount = 3307000.01;
      ho.conditions.minCommissionedShare = 0.25;
      const yjb = p.fundingStreams[1];
      yjb.allocations.pop();
      yjb.restrictedTo = ['parenting-peer-support', 'mvp'];
      p.fundingStreams.splice(2, 1);
      p.interventions.find((i: any) => i.id === 'micro-charities').annualCost = 0;
      p.fundingStreams.push({
        id: 'pcc',
        name: 'PCC top-up',
        funder: 'PCC',
        kind: 'one-off',
        allocations: [{ fy: '2021/22', amount: 50000 }],
      });
    });
    expect(texts(changes(demoPlan(), after))).toEqual([
      'Serious Violence Fund: VRU grant 2020/21: confirmed 4 June 2020 → known July 2020 (3 months after April)',
      'Serious Violence Fund: VRU grant 2022/23: £3,307,000.00 → £3,307,000.01',
      'Serious Violence Fund: VRU grant: grant condition at least 20% commissioned → at least 25% commissioned in each FY',
      'Parenting peer support: may fund only Parenting peer support → only Parenting peer support, Mentors in Violence Prevention',
      'Parenting peer support 2021/22: £200,000 → no allocation',
      'Removed funding stream: Covid-19 micro-charities fund',
      'Added funding stream: PCC top-up',
      'Covid-19 support for micro-charities: annual cost £285,158 → £0 in each FY',
    ]);
    const kinds = changes(demoPlan(), after).map((c) => c.kind);
    expect(kinds).toEqual(['confirmation', 'allocation', 'condition', 'stream', 'allocation', 'stream', 'stream', 'cost']);
  });

  it('names the underwriting limit and the underwriter', () => {
    const after = edited((p) => (p.underwriting = { by: 'Council', limit: 500000 }));
    expect(changes(demoPlan(), after)).toEqual([
      { kind: 'other', subject: 'underwriting', text: 'Underwriter: OPCC → Council' },
      { kind: 'condition', subject: 'underwriting', text: 'Underwriting limit £1,000,000 → £500,000 in each FY' },
    ]);
  });
});

describe('services', () => {
  it('names costs per FY, priorities, notice, exit costs, partner shares and other fields', () => {
    const after = edited((p) => {
      const evaluation = p.interventions.find((i: any) => i.id === 'evaluation');
      evaluation.annualCost = { '2020/21': 130000, '2021/22': 135000, '2022/23': 130000 };
      evaluation.priority = 2;
      evaluation.noticeMonths = 2;
      evaluation.exitCost = 5000;
      evaluation.system = 'Research';
      const hospital = p.interventions.find((i: any) => i.id === 'hospital-reachable');
      hospital.partnerShares[0].share = 0.5;
      hospital.end = '2022-09';
    });
    expect(changes(demoPlan(), after)).toEqual([
      { kind: 'service', subject: 'evaluation', text: 'Local evaluation: system Central capability → Research' },
      { kind: 'priority', subject: 'evaluation', text: 'Local evaluation: priority 3 → 2' },
      { kind: 'cost', subject: 'evaluation', text: 'Local evaluation: annual cost 2021/22 £130,000 → £135,000' },
      { kind: 'service', subject: 'evaluation', text: 'Local evaluation: notice 1 month → 2 months in each FY' },
      { kind: 'cost', subject: 'evaluation', text: 'Local evaluation: exit cost £0 → £5,000 in each FY' },
      { kind: 'service', subject: 'hospital-reachable', text: 'Reachable moments in hospital: ends not planned → September 2022' },
      {
        kind: 'cost',
        subject: 'hospital-reachable',
        text: 'Reachable moments in hospital: partner shares 25% from April 2021 (NHS England (Midlands)) → 50% from April 2021 (NHS England (Midlands))',
      },
    ]);
  });

  it('names services added, removed and renamed, the stance and the horizon', () => {
    const after = edited((p) => {
      p.interventions = p.interventions.filter((i: any) => i.id !== 'mvp');
      p.interventions.push({ id: 'mentoring', name: 'Mentoring', category: 'commissioned', annualCost: 10000, priority: 15 });
      p.interventions.find((i: any) => i.id === 'iris').name = 'IRIS';
      p.horizon.months = 48;
    });
    const list = changes(demoPlan(), after, 'flat-june', 'flat-june-prudent');
    expect(texts(list)).toEqual([
      'Scenario: Flat grant, confirmed in June → Flat grant, confirmed in June; notice served where unconfirmed',
      'Flat grant, confirmed in June; notice served where unconfirmed: stance wait for confirmation → serve notice where unconfirmed',
      'Horizon: April 2020 for 36 months → April 2020 for 48 months',
      'Service: renamed IRIS (GP domestic abuse training) → IRIS',
      'Removed service: Mentors in Violence Prevention',
      'Added service: Mentoring',
    ]);
    expect(list.map((c) => [c.kind, c.subject])).toEqual([
      ['scenario', 'flat-june-prudent'],
      ['scenario', 'flat-june-prudent'],
      ['other', 'horizon'],
      ['service', 'iris'],
      ['service', 'mvp'],
      ['service', 'mentoring'],
    ]);
  });
});

describe('actuals', () => {
  it("names the asAt month, each service's actual spend per FY and the commentary", () => {
    const before: Plan = readJson(WITH_ACTUALS);
    const after = edited((p) => {
      p.actuals.asAt = '2021-07';
      p.actuals.spend.push({ intervention: 'a', month: '2021-07', amount: 5000 });
      p.actuals.commentary = [{ intervention: 'c', fy: '2021/22', text: 'Agency cover in June' }];
    }, readJson(WITH_ACTUALS));
    expect(changes(before, after)).toEqual([
      { kind: 'actuals', subject: 'actuals', text: 'Actuals: as at June 2021 → as at July 2021' },
      { kind: 'actuals', subject: 'a', text: 'Service A: actual spend 2021/22 £14,800 → £19,800' },
      { kind: 'actuals', subject: 'c', text: 'Central team 2021/22: commentary added' },
    ]);
    expect(texts(changes(workedExample(), before))).toEqual([
      'Plan: name Worked example: wait against prudent → Worked example with actuals to June 2021',
      'Actuals: none → as at June 2021',
      'Service A: actual spend 2021/22 £0 → £14,800',
      'Service B: actual spend 2021/22 £0 → £12,000',
      'Central team: actual spend 2021/22 £0 → £3,500',
    ]);
  });
});
