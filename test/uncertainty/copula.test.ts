// The Gaussian copula (plan-format.md §9.1): the requested rank correlations, the marginals kept.
import { describe, expect, it } from 'vitest';
import { copulaFor, correlatedNormals, correlateUnits } from '../../shared/uncertainty/copula';
import type { Correlation } from '../../shared/uncertainty/correlation';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { DrawSampler } from '../../shared/uncertainty/sampler';
import { spearman } from '../../shared/uncertainty/stats';

const N = 10_000;
const level: Uncertainty = { variable: 'level', dist: 'triangular', min: 0.6, mode: 1, max: 1 };
const demand: Uncertainty = { variable: 'demand', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 };
const uplift: Uncertainty = { variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 };

/** N draws of the variables: their values and their uniforms after the copula, per variable. */
function draws(uncertainty: Uncertainty[], correlations: Correlation[], sampling: 'random' | 'latin-hypercube' = 'random', seed = 11) {
  const sampler = new DrawSampler({ uncertainty, correlations, sampling, seed, draws: N });
  const values = uncertainty.map(() => new Float64Array(N));
  const units = uncertainty.map(() => new Float64Array(N));
  for (let k = 0; k < N; k++) {
    const u = sampler.units(k);
    const row = sampler.values(k);
    uncertainty.forEach((entry, v) => {
      values[v][k] = row[entry.variable];
      units[v][k] = u[v];
    });
  }
  return { values, units };
}

/** Kolmogorov–Smirnov distance from the uniform; 1.95/√N is its 0.1% critical value. */
function ksUniform(units: Float64Array): number {
  const sorted = Float64Array.from(units).sort();
  let d = 0;
  sorted.forEach((u, i) => (d = Math.max(d, Math.abs(u - i / N), Math.abs(u - (i + 1) / N))));
  return d;
}

describe('10,000 correlated draws have the requested Spearman rank correlation, within 0.02', () => {
  it.each([-0.9, -0.3, 0.3, 0.9])('rank %d, random and Latin hypercube, each marginal still its own', (rank) => {
    for (const sampling of ['random', 'latin-hypercube'] as const) {
      const { values, units } = draws([level, demand], [{ between: ['level', 'demand'], rank }], sampling);
      expect(Math.abs(spearman(values[0], values[1])! - rank), sampling).toBeLessThan(0.02);
      for (const u of units) expect(ksUniform(u)).toBeLessThan(1.95 / Math.sqrt(N));
    }
  });

  it('three variables correlated at once, one pair left at 0, in any order of the pair', () => {
    const correlations: Correlation[] = [
      { between: ['demand', 'level'], rank: 0.6 },
      { between: ['uplift', 'level'], rank: -0.4 },
    ];
    const { values } = draws([level, demand, uplift], correlations, 'random', 12);
    expect(Math.abs(spearman(values[0], values[1])! - 0.6)).toBeLessThan(0.02);
    expect(Math.abs(spearman(values[0], values[2])! + 0.4)).toBeLessThan(0.02);
    expect(Math.abs(spearman(values[1], values[2])!)).toBeLessThan(0.02);
  });

  it('without correlations the draws are independent', () => {
    const { values } = draws([level, demand], []);
    expect(Math.abs(spearman(values[0], values[1])!)).toBeLessThan(0.02);
  });
});

describe('the copula', () => {
  it('L·z for the Cholesky factor of [[1, ρ], [ρ, 1]]: (z1, ρ·z1 + √(1−ρ²)·z2)', () => {
    const copula = copulaFor([level, demand], [{ between: ['level', 'demand'], rank: 0.5 }])!;
    const rho = 2 * Math.sin(Math.PI / 12);
    const [a, b] = correlatedNormals(copula, [0.7, -1.2]);
    expect(a).toBe(0.7);
    expect(b).toBeCloseTo(rho * 0.7 - Math.sqrt(1 - rho * rho) * 1.2, 14);
  });

  it('leaves bit for bit the uniform of a variable correlated with none listed before it', () => {
    const copula = copulaFor([uplift, level, demand], [{ between: ['level', 'demand'], rank: -0.5 }])!;
    expect(copula.rows.map((row) => row !== null)).toEqual([false, false, true]);
    const units = Float64Array.from([0.123456789, 0.3, 0.999]);
    correlateUnits(copula, units);
    expect([units[0], units[1]]).toEqual([0.123456789, 0.3]);
    expect(units[2]).toBeLessThan(0.999); // pulled towards the other end by level's 0.3
    expect(copulaFor([uplift, level], [])).toBeNull();
  });

  it('keeps every uniform in [0, 1) at the extremes', () => {
    const copula = copulaFor([level, demand], [{ between: ['level', 'demand'], rank: 0.99 }])!;
    for (const pair of [
      [0, 0],
      [1 - 2 ** -53, 1 - 2 ** -53],
      [0, 1 - 2 ** -53],
    ]) {
      const units = Float64Array.from(pair);
      correlateUnits(copula, units);
      for (const u of units) expect(u >= 0 && u < 1 && Number.isFinite(u)).toBe(true);
    }
  });
});
