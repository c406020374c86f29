// The underwriter's exposure by month, on a plan whose every figure can be checked by hand.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { formatProblem, resolveScenario } from '../../shared/resolve';
import { sampleAll } from '../../shared/uncertainty/distributions';
import { exposureByMonth } from '../../shared/uncertainty/exposure';
import { mergeBatches, type DrawBatch } from '../../shared/uncertainty/draws';
import { runDraws } from '../../shared/uncertainty/risk';
import { fanPercentiles } from '../../shared/uncertainty/risk-summary';
import { validatePlan } from '../../shared/validate';

/**
 * Horizon April 2021, 12 months. £120,000 × level for 2021/22, confirmed 10 June 2021 (April
 * and May at risk). One service, £120,000 a year (£10,000 a month), no notice.
 * - level 1: funded. Exposure £10,000 in April, £20,000 in May; from June funding
 *   (£10,000 a month) covers spend: £0.
 * - level 0.5: it closes at June's decision and runs to the end of May. Spend £10,000 in
 *   April and May only; funding £5,000 a month. Exposure £10,000, £20,000, then June
 *   £20,000 − £15,000 = £5,000, July £20,000 − £20,000 = £0, and £0 after.
 */
function plan(): Plan {
  const validation = validatePlan({
    format: 'headroom-plan',
    version: 1,
    name: 'Exposure by month',
    horizon: { start: '2021-04', months: 12 },
    variables: { level: 1 },
    underwriting: { by: 'OPCC', limit: 100000 },
    fundingStreams: [
      {
        id: 'core',
        name: 'Core',
        funder: 'Home Office',
        kind: 'grant',
        allocations: [{ fy: '2021/22', amount: '=120000 * level', confirmedOn: '2021-06-10' }],
      },
    ],
    interventions: [{ id: 'a', name: 'A', category: 'commissioned', annualCost: 120000, priority: 1, serviceUsers: 10 }],
    scenarios: [
      { id: 'maybe', name: 'Half or all', uncertainty: [{ variable: 'level', dist: 'discrete', values: [0.5, 1], weights: [1, 3] }] },
    ],
  });
  if (!validation.ok) throw new Error(validation.problems.map(formatProblem).join('\n'));
  return validation.plan;
}

const K = 100; // pence per pound
const FULL = [10000, 20000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map((p) => p * K);
const HALF = [10000, 20000, 5000, 0, 0, 0, 0, 0, 0, 0, 0, 0].map((p) => p * K);

/** Draws fromDraw..toDraw-1 with their exposure by month, from the one draw runner. */
const runMonthlyExposure = (p: Plan, scenarioId: string, seed: number, fromDraw: number, toDraw: number) =>
  runDraws(p, scenarioId, seed, fromDraw, toDraw, { byMonth: true });

/** A batch of draws with only their exposure filled in. */
function fanBatch(fromDraw: number, toDraw: number, months: number, exposure: Float64Array): DrawBatch {
  const count = toDraw - fromDraw;
  return {
    fromDraw,
    toDraw,
    interventions: 0,
    outcomes: new Uint8Array(0),
    drawn: new Float64Array(count),
    usersLosingSupport: new Float64Array(count),
    atRisk: new Float64Array(count),
    years: 0,
    atRiskByYear: new Float64Array(0),
    months,
    exposure,
  };
}

const at = (p: Plan, level: number) => exposureByMonth(simulate(resolveScenario(p, 'maybe', { level }).scenario!));

describe('exposure by month', () => {
  it('is the FY spend so far while unconfirmed, then the spend that funding does not cover', () => {
    const p = plan();
    expect(at(p, 1)).toEqual(FULL);
    expect(at(p, 0.5)).toEqual(HALF);
  });

  it('per draw is the hand-checked row of the level that draw samples', () => {
    const p = plan();
    const batch = runMonthlyExposure(p, 'maybe', 3, 10, 60);
    expect(batch.exposure).toHaveLength(50 * 12);
    for (let d = 10; d < 60; d++) {
      const level = sampleAll(p.scenarios![0].uncertainty!, 3, d).level;
      expect(Array.from(batch.exposure.subarray((d - 10) * 12, (d - 9) * 12))).toEqual(level === 1 ? FULL : HALF);
    }
  });

  it('percentiles are nearest rank over the draws, whatever the batches', () => {
    const p = plan();
    const draws = 400;
    const whole = runMonthlyExposure(p, 'maybe', 9, 0, draws);
    const parts = [
      runMonthlyExposure(p, 'maybe', 9, 250, 400),
      runMonthlyExposure(p, 'maybe', 9, 0, 100),
      runMonthlyExposure(p, 'maybe', 9, 100, 250),
    ];
    const n = p.interventions.length;
    const fan = fanPercentiles(mergeBatches([whole], draws, n), 2021 * 12 + 3);
    expect(fanPercentiles(mergeBatches(parts, draws, n), 2021 * 12 + 3)).toEqual(fan);
    // June: £5,000 in the half draws, £0 in the rest. Ranks 40, 200, 360 of 400 sorted.
    const halves = Array.from({ length: draws }, (_, d) => sampleAll(p.scenarios![0].uncertainty!, 9, d).level).filter(
      (l) => l === 0.5,
    ).length;
    const june = fan[2];
    const value = (rank: number) => (rank > draws - halves ? 5000 * K : 0);
    expect([june.p10, june.p50, june.p90]).toEqual([value(40), value(200), value(360)]);
    expect(fan[0]).toMatchObject({ p10: 10000 * K, p50: 10000 * K, p90: 10000 * K });
    expect(fan[1]).toMatchObject({ p10: 20000 * K, p50: 20000 * K, p90: 20000 * K });
    expect(fan[11]).toMatchObject({ p10: 0, p50: 0, p90: 0 });
  });

  it('nearest rank on a hand-made batch: p10 is the 1st of 10, p50 the 5th, p90 the 9th', () => {
    const batch = fanBatch(0, 10, 1, Float64Array.from([9, 3, 7, 1, 5, 10, 2, 8, 4, 6]));
    expect(fanPercentiles(batch, 0)).toEqual([{ month: 0, p10: 1, p50: 5, p90: 9 }]);
    // The batch is left as it was: the percentiles sort a copy.
    expect(Array.from(batch.exposure)).toEqual([9, 3, 7, 1, 5, 10, 2, 8, 4, 6]);
  });

  it('refuses batches that miss or repeat draws', () => {
    const b = (from: number, to: number) => fanBatch(from, to, 1, new Float64Array(to - from));
    expect(() => mergeBatches([b(0, 5), b(6, 10)], 10, 0)).toThrow(/missing/);
    expect(() => mergeBatches([b(0, 6), b(5, 10)], 10, 0)).toThrow(/twice/);
    expect(() => mergeBatches([b(0, 5), fanBatch(5, 10, 2, new Float64Array(10))], 10, 0)).toThrow('a batch has 2 months, not 1');
  });
});
