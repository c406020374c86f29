import { describe, expect, it } from 'vitest';
import { horizonInWords, outsideHorizon, variablesCountedFromStart } from '../../shared/horizon';
import type { Plan } from '../../shared/plan';

const plan: Plan = {
  format: 'headroom-plan',
  version: 1,
  name: 'H',
  horizon: { start: '2025-04', months: 36 },
  fundingStreams: [
    {
      id: 'g',
      name: 'Grant',
      funder: 'HO',
      kind: 'grant',
      allocations: [
        { fy: '2025/26', amount: 1 },
        { fy: '2027/28', amount: 1 },
      ],
    },
  ],
  interventions: [
    { id: 'a', name: 'Outreach', category: 'commissioned', annualCost: { '2025/26': 1, '2027/28': 2 }, start: '2027-06', priority: 1 },
  ],
  scenarios: [{ id: 's', name: 'Cut', changes: [{ stream: 'g', fy: '2027/28', amount: 0 }] }],
};

describe('outsideHorizon', () => {
  it('finds nothing outside the plan’s own horizon', () => {
    expect(outsideHorizon(plan)).toEqual([]);
  });

  it('names what a shorter or later horizon leaves out', () => {
    expect(outsideHorizon(plan, { start: '2025-04', months: 24 })).toEqual([
      'Grant: the 2027/28 allocation is outside 2025/26 to 2026/27',
      'Outreach: the 2027/28 cost is outside 2025/26 to 2026/27',
      'Outreach starts in June 2027, after the horizon ends',
      'Scenario “Cut”: a change to 2027/28 is outside 2025/26 to 2026/27',
    ]);
    expect(
      outsideHorizon(
        { ...plan, interventions: [{ ...plan.interventions[0], start: undefined, end: '2025-12' }] },
        {
          start: '2026-04',
          months: 24,
        },
      ),
    ).toEqual([
      'Grant: the 2025/26 allocation is outside 2026/27 to 2027/28',
      'Outreach: the 2025/26 cost is outside 2026/27 to 2027/28',
      'Outreach ends in December 2025, before the horizon starts',
    ]);
  });

  it('says the horizon in words', () => {
    expect(horizonInWords({ start: '2025-04', months: 36 })).toBe('36 months, April 2025 to March 2028');
    expect(horizonInWords({ start: '2025-06', months: 1 })).toBe('1 month, June 2025 to June 2025');
  });
});

describe('variables given by year', () => {
  it('are named where the horizon is edited, since they count FYs from its start', () => {
    const withVariables: Plan = {
      ...plan,
      variables: { payAward: '=fy == 0 ? 0.03 : (fy == 1 ? 0.025 : 0.02)', level: 1, custom: '=fy * 0.01' },
    };
    expect(variablesCountedFromStart(withVariables)).toEqual(['payAward']);
    expect(variablesCountedFromStart(plan)).toEqual([]);
  });
});
