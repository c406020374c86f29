// Each distribution's quantile function (plan-format.md §9.1) against known values and
// closed forms, and sample() as the quantile of the draw's next uniform.
import { describe, expect, it } from 'vitest';
import { sample, type Uncertainty } from '../../shared/uncertainty/distributions';
import { normalCdf, normalQuantile } from '../../shared/uncertainty/normal';
import { LAST_UNIT, quantile } from '../../shared/uncertainty/quantiles';
import { drawStream, nextUnit } from '../../shared/uncertainty/random';

const grid = Array.from({ length: 101 }, (_, i) => Math.min(LAST_UNIT, i / 100));
/** The largest double below x > 0. */
const below = (x: number) => x - x * 2 ** -53;

describe('the standard normal quantile', () => {
  // mpmath at 40 digits: √2·erfinv(2p − 1).
  it.each([
    [0.025, -1.9599639845400542355],
    [0.1, -1.281551565544600467],
    [0.5, 0],
    [0.9, 1.281551565544600467],
    [0.975, 1.9599639845400542355],
  ])('Φ⁻¹(%d) = %d to 1e-9, directly and as the quantile of normal(0, 1)', (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-9);
    expect(Math.abs(quantile(p, { variable: 'v', dist: 'normal', mean: 0, sd: 1 }) - z)).toBeLessThan(1e-9);
    expect(Math.abs(quantile(p, { variable: 'v', dist: 'normal', mean: 5, sd: 2 }) - (5 + 2 * z))).toBeLessThan(1e-9);
  });
});

describe('the truncated normal quantile', () => {
  // mpmath at 40 digits: mean + sd·Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))), a and b the standardised bounds.
  it.each<[string, Uncertainty, number, number]>([
    ['the spec example', { variable: 'v', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 }, 0.2, 0.91612682862084237485],
    ['asymmetric, lower half', { variable: 'v', dist: 'normal', mean: 0, sd: 1, min: -0.5, max: 2 }, 0.25, -0.060909552077382937452],
    ['asymmetric, upper half', { variable: 'v', dist: 'normal', mean: 0, sd: 1, min: -0.5, max: 2 }, 0.9, 1.343090319538376513],
    ['lower bound only', { variable: 'v', dist: 'normal', mean: 10, sd: 2, min: 11 }, 0.5, 12.036591031920558221],
  ])('%s', (_, u, v, x) => expect(Math.abs(quantile(v, u) - x)).toBeLessThan(1e-9));

  it('is the textbook formula across the range, within the bounds, increasing', () => {
    const u: Uncertainty = { variable: 'v', dist: 'normal', mean: 1, sd: 0.1, min: 0.8, max: 1.25 };
    const [fa, fb] = [normalCdf(-2), normalCdf(2.5)];
    let previous = -Infinity;
    for (const v of grid) {
      const x = quantile(v, u);
      expect(Math.abs(x - (1 + 0.1 * normalQuantile(fa + v * (fb - fa))))).toBeLessThan(1e-9);
      expect(x).toBeGreaterThanOrEqual(Math.max(previous, 0.8));
      expect(x).toBeLessThanOrEqual(1.25);
      previous = x;
    }
  });

  it('is finite at 0 and at the last uniform even untruncated, and the mean when sd is 0', () => {
    const u: Uncertainty = { variable: 'v', dist: 'normal', mean: 0, sd: 1 };
    expect(quantile(0, u)).toBeCloseTo(-8.29, 1);
    expect(quantile(LAST_UNIT, u)).toBe(-quantile(0, u)); // the middles of the first and last cells
    expect(quantile(0.3, { variable: 'v', dist: 'normal', mean: 4, sd: 0 })).toBe(4);
  });
});

describe('uniform and triangular quantiles', () => {
  it('uniform: min + v·(max − min)', () => {
    const u: Uncertainty = { variable: 'v', dist: 'uniform', min: 0.2, max: 0.6 };
    for (const v of grid) expect(quantile(v, u)).toBeCloseTo(0.2 + 0.4 * v, 15);
    expect(quantile(0, u)).toBe(0.2);
    expect(quantile(LAST_UNIT, u)).toBeLessThanOrEqual(0.6);
  });

  it('triangular: a + √(v(b−a)(c−a)) below the mode, b − √((1−v)(b−a)(b−c)) above', () => {
    const sym: Uncertainty = { variable: 'v', dist: 'triangular', min: 0, mode: 1, max: 2 };
    expect(quantile(0.5, sym)).toBe(1);
    expect(quantile(0.125, sym)).toBe(0.5);
    expect(quantile(0.875, sym)).toBe(1.5);
    const [a, c, b] = [0.6, 0.9, 1.1];
    const u: Uncertainty = { variable: 'v', dist: 'triangular', min: a, mode: c, max: b };
    const cdf = (x: number) => (x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c)));
    for (const v of grid) expect(cdf(quantile(v, u))).toBeCloseTo(v, 12);
    // The spec's example, mode at the top: F(x) = (x − 0.6)² / 0.16.
    expect(quantile(0.25, { variable: 'v', dist: 'triangular', min: 0.6, mode: 1, max: 1 })).toBeCloseTo(0.8, 15);
    expect(quantile(0.7, { variable: 'v', dist: 'triangular', min: 1, mode: 1, max: 1 })).toBe(1);
  });
});

describe('discrete and bernoulli quantiles', () => {
  it('discrete: steps at the cumulative weights, a value with weight 0 never returned', () => {
    const u: Uncertainty = { variable: 'v', dist: 'discrete', values: [10, 20, 30, 40], weights: [1, 0, 2, 1] };
    expect([0, below(0.25), 0.25, 0.5, below(0.75), 0.75, LAST_UNIT].map((v) => quantile(v, u))).toEqual([10, 10, 30, 30, 30, 40, 40]);
    expect(grid.some((v) => quantile(v, u) === 20)).toBe(false);
    const last: Uncertainty = { variable: 'v', dist: 'discrete', values: [1, 2, 3], weights: [1, 1, 0] };
    expect(quantile(LAST_UNIT, last)).toBe(2);
  });

  it('discrete without weights: equal steps', () => {
    const u: Uncertainty = { variable: 'v', dist: 'discrete', values: [7, 8, 9, 10] };
    expect([0, below(0.25), 0.25, below(0.5), 0.5, 0.75, LAST_UNIT].map((v) => quantile(v, u))).toEqual([7, 7, 8, 8, 9, 10, 10]);
  });

  it('bernoulli: 1 below p, else 0', () => {
    const u: Uncertainty = { variable: 'v', dist: 'bernoulli', p: 0.7 };
    expect([0, below(0.7), 0.7, LAST_UNIT].map((v) => quantile(v, u))).toEqual([1, 1, 0, 0]);
    expect(grid.every((v) => quantile(v, { variable: 'v', dist: 'bernoulli', p: 0 }) === 0)).toBe(true);
    expect(grid.every((v) => quantile(v, { variable: 'v', dist: 'bernoulli', p: 1 }) === 1)).toBe(true);
  });
});

describe('sample', () => {
  it('is the quantile at the stream’s next uniform, for every distribution', () => {
    const list: Uncertainty[] = [
      { variable: 'a', dist: 'uniform', min: 0, max: 0.04 },
      { variable: 'b', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
      { variable: 'c', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 },
      { variable: 'd', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
      { variable: 'e', dist: 'bernoulli', p: 0.7 },
    ];
    for (let k = 0; k < 200; k++) {
      for (const u of list) expect(sample(u, drawStream(3, k))).toBe(quantile(nextUnit(drawStream(3, k)), u));
    }
  });
});
