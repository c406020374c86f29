import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import { fyLabelOfMonth, horizonFys, newPlanProblems, planFromAnswers, type NewPlanAnswers } from '../../shared/new-plan';
import { validatePlan } from '../../shared/validate';

const answers: NewPlanAnswers = {
  name: '  Serious Violence Unit ',
  startFy: '2025/26',
  years: 3,
  underwriter: 'OPCC treasurer',
  limit: 250000,
  stream: { name: 'Home Office grant', funder: 'Home Office', kind: 'grant', amounts: { '2025/26': 1200000, '2026/27': 1000000.5 } },
};

function simulated(plan: unknown) {
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(JSON.stringify(validation.problems));
  return validation.scenarios.map(simulate);
}

describe('planFromAnswers', () => {
  it('makes the plan the guided start describes', () => {
    const plan = planFromAnswers(answers);
    expect(plan.name).toBe('Serious Violence Unit');
    expect(plan.horizon).toEqual({ start: '2025-04', months: 36 });
    expect(plan.underwriting).toEqual({ by: 'OPCC treasurer', limit: 250000 });
    expect(plan.fundingStreams).toEqual([
      {
        id: 'home-office-grant',
        name: 'Home Office grant',
        funder: 'Home Office',
        kind: 'grant',
        allocations: [
          { fy: '2025/26', amount: 1200000 },
          { fy: '2026/27', amount: 1000000.5 },
        ],
      },
    ]);
    expect(plan.interventions).toEqual([]);
  });

  it('validates and simulates with no interventions at all', () => {
    const [base] = simulated(planFromAnswers(answers));
    expect(base.underwriter).toBe('OPCC treasurer');
    expect(base.horizonMonths).toBe(36);
    expect(base.interventions).toEqual([]);
    expect(base.years.map((y) => y.fy)).toEqual([2025, 2026, 2027]);
    expect(base.years.map((y) => [y.funding, y.limit])).toEqual([
      [120_000_000, 25_000_000],
      [100_000_050, 25_000_000],
      [0, 25_000_000],
    ]);
  });

  it('validates and simulates with an empty first stream, and with none', () => {
    const empty = planFromAnswers({ ...answers, stream: { ...answers.stream!, amounts: {} } });
    expect(empty.fundingStreams[0].allocations).toEqual([]);
    expect(simulated(empty)).toHaveLength(1);
    const none = planFromAnswers({ ...answers, underwriter: ' ', limit: 0, stream: null });
    expect(none.fundingStreams).toEqual([]);
    expect(none.underwriting).toEqual({ limit: 0 });
    expect(simulated(none)[0].underwriter).toBe('Underwriter');
  });

  it('covers up to 20 years', () => {
    const plan = planFromAnswers({ ...answers, years: 20 });
    expect(plan.horizon.months).toBe(240);
    expect(validatePlan(plan).ok).toBe(true);
  });
});

describe('newPlanProblems', () => {
  it('accepts sound answers', () => {
    expect(newPlanProblems(answers)).toEqual([]);
  });

  it('names each problem at its answer', () => {
    expect(newPlanProblems({ ...answers, name: ' ', limit: -1, years: 21 })).toEqual([
      { path: 'name', message: 'The plan needs a name' },
      { path: 'years', message: 'A plan covers at most 20 years' },
      { path: 'limit', message: '-1 is negative; an amount must be 0 or more' },
    ]);
    expect(newPlanProblems({ ...answers, limit: 1.234 })).toEqual([
      { path: 'limit', message: '1.234 is not an amount in pounds with at most 2 decimals' },
    ]);
    expect(newPlanProblems({ ...answers, stream: { ...answers.stream!, amounts: { '2030/31': 5 } } })).toEqual([
      { path: 'stream.amounts.2030/31', message: '2030/31 is outside the plan’s horizon' },
    ]);
  });
});

describe('FY helpers', () => {
  it('lists the horizon’s FYs and finds the FY of a month', () => {
    expect(horizonFys('2099/00', 2)).toEqual(['2099/00', '2100/01']);
    expect(fyLabelOfMonth(2026, 2)).toBe('2025/26');
    expect(fyLabelOfMonth(2026, 3)).toBe('2026/27');
  });
});
