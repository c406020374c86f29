import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import { resultToJson } from '../../shared/result-json';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { resolveAt } from '../../shared/uncertainty/risk';
import { percentile, tornado } from '../../shared/uncertainty/tornado';
import { uncertainDemoJson, valid } from './plans';

describe('tornado', () => {
  const plan = valid(uncertainDemoJson());
  const result = tornado(plan, 'uncertain');

  it('sorts the rows by the swing in drawn, largest first', () => {
    const swings = result.rows.map((r) => r.drawnSwing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(result.rows.map((r) => r.variable).sort()).toEqual(['delay', 'grantLevel']);
  });

  it("gives each row's totals as a direct resolve and simulate at those values", () => {
    for (const row of result.rows) {
      const at = (value: number) =>
        resultToJson(simulate(resolveAt(plan, 'uncertain', { ...result.base.values, [row.variable]: value }))).totals;
      expect(row.lowTotals).toEqual(at(row.low));
      expect(row.highTotals).toEqual(at(row.high));
    }
  });

  it('puts discrete and bernoulli percentiles on values, in numeric order', () => {
    const delay: Uncertainty = { variable: 'd', dist: 'discrete', values: [3, 0, 2, 1], weights: [1, 4, 2, 3] };
    expect([0.1, 0.5, 0.9].map((v) => percentile(v, delay))).toEqual([0, 1, 2]);
    const handover: Uncertainty = { variable: 'h', dist: 'bernoulli', p: 0.7 };
    expect([0.1, 0.5, 0.9].map((v) => percentile(v, handover))).toEqual([0, 1, 1]);
  });
});
