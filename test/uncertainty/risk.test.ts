import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { resolveScenario } from '../../shared/resolve';
import { sampleAll } from '../../shared/uncertainty/distributions';
import { AnalysisArgumentError, CLOSES, DrawError, mergeBatches, TRANSITIONS, type DrawBatch } from '../../shared/uncertainty/draws';
import { exposureByMonth } from '../../shared/uncertainty/exposure';
import { createDrawRunner, runDraws } from '../../shared/uncertainty/risk';
import { riskSummaryJson, summariseRisk } from '../../shared/uncertainty/risk-summary';
import { handoverPlanJson, uncertainDemoJson, valid } from './plans';

/** P(b closes) = 1 − p when a bernoulli handover decides it. */
function handoverPlan(p: number): Plan {
  return valid(handoverPlanJson({ dist: 'bernoulli', p }));
}

/** The demo plan with the 2021/22 grant level and its confirmation month uncertain. */
export function uncertainDemo(): Plan {
  return valid(uncertainDemoJson());
}

describe('runDraws', () => {
  it('closes b in about 1 − p of the draws when a bernoulli handover decides it', () => {
    const p = 0.7;
    const draws = 4000;
    const planWithHandover = handoverPlan(p);
    const summary = summariseRisk(planWithHandover, 'maybe', draws, 1, [runDraws(planWithHandover, 'maybe', 1, 0, draws)]);
    const [a, b] = summary.interventions;
    expect(a).toEqual({ id: 'a', pClose: 0, pTransition: 0 });
    // Standard error sqrt(0.21 / 4000) = 0.0072; 4 of them.
    expect(Math.abs(b.pClose - (1 - p))).toBeLessThan(0.029);
    expect(b.pClose + b.pTransition).toBe(1);
    // Closing: 30 people lose support; run-on April to June 2022 is drawn: 3 × £4,000.
    expect(summary.usersLosingSupport.p10).toBe(0);
    expect(summary.usersLosingSupport.p90).toBe(30);
    expect(summary.usersLosingSupport.mean).toBeCloseTo(30 * b.pClose, 12);
    expect(summary.drawn.p90).toBe(1_200_000);
    expect(summary.drawn.mean).toBe(Math.round(1_200_000 * b.pClose));
    expect(riskSummaryJson(summary).drawn.p90).toBe(12000);
    expect(riskSummaryJson(summary).drawn.mean).toBe(Math.round(1_200_000 * b.pClose) / 100);
  });

  it('gives each draw exactly what one simulation at its sampled values gives, exposure by month included', () => {
    const demo = uncertainDemo();
    const list = demo.scenarios!.find((s) => s.id === 'uncertain')!.uncertainty!;
    const batch = runDraws(demo, 'uncertain', 7, 20, 32, { byMonth: true });
    const n = demo.interventions.length;
    const months = demo.horizon.months;
    expect(batch.months).toBe(months);
    expect(runDraws(demo, 'uncertain', 7, 20, 32)).toMatchObject({ months: 0, exposure: new Float64Array(0) });
    for (let k = 0; k < 12; k++) {
      const result = simulate(resolveScenario(demo, 'uncertain', sampleAll(list, 7, 20 + k)).scenario!);
      expect(Array.from(batch.exposure.subarray(k * months, (k + 1) * months))).toEqual(exposureByMonth(result));
      expect(batch.drawn[k]).toBe(result.totals.drawn);
      expect(batch.usersLosingSupport[k]).toBe(result.totals.usersLosingSupport);
      expect(batch.atRisk[k]).toBe(Math.max(...result.years.map((y) => y.atRisk)));
      expect(Array.from(batch.atRiskByYear.subarray(k * batch.years, (k + 1) * batch.years))).toEqual(result.years.map((y) => y.atRisk));
      const flags = result.interventions.map((r) => (r.outcome === 'closes' ? CLOSES : r.outcome === 'transitions' ? TRANSITIONS : 0));
      expect(Array.from(batch.outcomes.subarray(k * n, (k + 1) * n))).toEqual(flags);
    }
    // The draws differ: the grant level really is sampled.
    expect(new Set(batch.drawn).size).toBeGreaterThan(1);
  });

  it('repeats whole combinations from a cache without changing any draw', () => {
    // Only discrete variables: combinations repeat, and are simulated once each.
    const handover = handoverPlan(0.5);
    const batch = runDraws(handover, 'maybe', 3, 0, 200);
    const list = handover.scenarios![0].uncertainty!;
    for (let k = 0; k < 200; k += 13) {
      const result = simulate(resolveScenario(handover, 'maybe', sampleAll(list, 3, k)).scenario!);
      expect(batch.drawn[k]).toBe(result.totals.drawn);
      expect(batch.outcomes[k * 2 + 1]).toBe(result.interventions[1].outcome === 'closes' ? CLOSES : TRANSITIONS);
    }
  });

  it('gives the same numbers however the draws are split, and other numbers for another seed', () => {
    const demo = uncertainDemo();
    const byMonth = { byMonth: true };
    const whole = runDraws(demo, 'uncertain', 11, 0, 60, byMonth);
    const parts = [
      runDraws(demo, 'uncertain', 11, 37, 60, byMonth),
      runDraws(demo, 'uncertain', 11, 0, 1, byMonth),
      runDraws(demo, 'uncertain', 11, 1, 37, byMonth),
    ];
    const runner = createDrawRunner(demo, 'uncertain', 11, byMonth);
    const reused = [runner.run(0, 20), runner.run(20, 40), runner.run(40, 60)];
    const merged = mergeBatches(parts, 60, demo.interventions.length);
    expect(merged).toEqual(whole);
    expect(mergeBatches(reused, 60, demo.interventions.length)).toEqual(whole);
    const summary = summariseRisk(demo, 'uncertain', 60, 11, [whole]);
    expect(summariseRisk(demo, 'uncertain', 60, 11, parts)).toEqual(summary);
    expect(JSON.stringify(summariseRisk(demo, 'uncertain', 60, 12, [runDraws(demo, 'uncertain', 12, 0, 60)]))).not.toBe(
      JSON.stringify(summary),
    );
  });

  it('names the first draw whose formulas fail, its sampled value and the place in the file', () => {
    const raw = {
      ...handoverPlan(0.5),
      scenarios: [
        { ...handoverPlan(0.5).scenarios![0], id: 'wide', uncertainty: [{ variable: 'handover', dist: 'uniform', min: 0.5, max: 1.5 }] },
      ],
    };
    const wide = valid(raw);
    const list = wide.scenarios![0].uncertainty!;
    let first = 0;
    while (sampleAll(list, 5, first).handover <= 1) first++;
    const value = sampleAll(list, 5, first).handover;
    let error: unknown;
    try {
      runDraws(wide, 'wide', 5, 0, first + 50);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DrawError);
    expect((error as DrawError).drawIndex).toBe(first);
    expect((error as Error).message).toBe(
      `draw ${first} (seed 5; handover = ${value}): scenarios[0].changes[0].partnerShares[0].share: ${value} is not a share between 0 and 1 (scenario "wide")`,
    );
    // The draws before it are fine.
    expect(() => runDraws(wide, 'wide', 5, 0, first)).not.toThrow();
  });

  it('refuses an unknown scenario and a seed that is not a whole number', () => {
    const handover = handoverPlan(0.5);
    expect(() => runDraws(handover, 'nope', 1, 0, 10)).toThrow(
      new AnalysisArgumentError('no scenario "nope" in the plan (it has: base, maybe)'),
    );
    expect(() => runDraws(handover, 'maybe', 1.5, 0, 10)).toThrow(AnalysisArgumentError);
    expect(() => runDraws(handover, 'maybe', 1, 10, 5)).toThrow(AnalysisArgumentError);
  });
});

describe('summariseRisk', () => {
  const twoServices = handoverPlan(0.5);
  const batch = (from: number, drawn: number[], atRisk: number[] = drawn, users: number[] = drawn.map(() => 0)): DrawBatch => ({
    fromDraw: from,
    toDraw: from + drawn.length,
    interventions: 2,
    outcomes: new Uint8Array(drawn.length * 2),
    drawn: Float64Array.from(drawn),
    usersLosingSupport: Float64Array.from(users),
    atRisk: Float64Array.from(atRisk),
    years: 0,
    atRiskByYear: new Float64Array(0),
    months: 0,
    exposure: new Float64Array(0),
  });

  it('rounds a mean in pence to whole pence half-to-even; the JSON gives it in pounds', () => {
    const mean = (pence: number[]) => {
      const summary = summariseRisk(twoServices, 'maybe', pence.length, 1, [batch(0, pence)]);
      expect(Number.isSafeInteger(summary.drawn.mean)).toBe(true);
      return riskSummaryJson(summary).drawn.mean;
    };
    expect(mean([1, 2])).toBe(0.02); // 1.5p → 2p
    expect(mean([1, 4])).toBe(0.02); // 2.5p → 2p
    expect(mean([0, 1])).toBe(0); // 0.5p → 0p
    expect(mean([2, 3, 3])).toBe(0.03); // 2.67p → 3p
    expect(mean([10, 20, 30, 40, 51])).toBe(0.3); // 30.2p
    // Pence that a float sum would lose: (2^53 + 2) pence over 2 draws.
    expect(mean([2 ** 53, 2])).toBe((2 ** 52 + 1) / 100);
  });

  it('takes nearest-rank percentiles of the draws, in pence, and pounds to the penny in the JSON', () => {
    const pence = [1005, 99, 250001, 7, 12345, 0, 3, 42, 100, 999]; // sorted: 0 3 7 42 99 100 999 1005 12345 250001
    const summary = summariseRisk(twoServices, 'maybe', 10, 1, [batch(0, pence, pence, [5, 4, 3, 2, 1, 0, 0, 0, 0, 1])]);
    expect(summary.drawn).toEqual({ mean: 26460, p10: 0, p50: 99, p90: 12345 });
    expect(riskSummaryJson(summary).drawn).toEqual({ mean: 264.6, p10: 0, p50: 0.99, p90: 123.45 });
    expect(summary.atRisk).toEqual(summary.drawn);
    expect(summary.usersLosingSupport).toEqual({ mean: 1.6, p10: 0, p50: 1, p90: 4 }); // sorted 0 0 0 0 1 1 2 3 4 5
  });

  it('counts closures and transitions per intervention, and needs every draw exactly once', () => {
    const b = batch(0, [0, 0, 0, 0]);
    b.outcomes.set([CLOSES, 0, 0, TRANSITIONS, CLOSES, TRANSITIONS, 0, 0]);
    expect(summariseRisk(twoServices, 'maybe', 4, 9, [b]).interventions).toEqual([
      { id: 'a', pClose: 0.5, pTransition: 0 },
      { id: 'b', pClose: 0, pTransition: 0.5 },
    ]);
    const summaryKeys = ['draws', 'seed', 'interventions', 'drawn', 'usersLosingSupport', 'atRisk'];
    // Each FY's at risk is on screen only; the JSON of plan-format.md §9 keeps its keys.
    expect(Object.keys(summariseRisk(twoServices, 'maybe', 4, 9, [b]))).toEqual([...summaryKeys, 'atRiskByYear']);
    expect(Object.keys(riskSummaryJson(summariseRisk(twoServices, 'maybe', 4, 9, [b])))).toEqual(summaryKeys);
    expect(() => summariseRisk(twoServices, 'maybe', 5, 9, [b])).toThrow('draws 4 to 4 are missing');
    expect(() => summariseRisk(twoServices, 'maybe', 4, 9, [batch(0, [0, 0]), batch(1, [0, 0, 0])])).toThrow('draw 1 is given twice');
    expect(() => summariseRisk(twoServices, 'maybe', 0, 9, [])).toThrow(AnalysisArgumentError);
  });
});
