// Latin hypercube sampling (plan-format.md §9.1): one draw in each stratum per variable, in
// an order fixed by the seed, and draw k the same however the draws are split.
import { describe, expect, it } from 'vitest';
import type { Uncertainty } from '../../shared/uncertainty/distributions';
import { stratifiedUnit, strataOrder } from '../../shared/uncertainty/latin-hypercube';
import { LAST_UNIT } from '../../shared/uncertainty/quantiles';
import { DrawSampler } from '../../shared/uncertainty/sampler';

const list: Uncertainty[] = [
  { variable: 'level', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
  { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
  { variable: 'handover', dist: 'bernoulli', p: 0.7 },
  { variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 },
  { variable: 'demand', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 },
];

/** The stratum s with s/N <= u < (s + 1)/N, as those divisions round; -1 when there is none. */
function stratumOf(u: number, n: number): number {
  const s = Math.floor(u * n);
  for (const t of [s - 1, s, s + 1]) if (t >= 0 && t < n && t / n <= u && u < (t + 1) / n) return t;
  return -1;
}

const isPermutation = (order: Uint32Array) => {
  const seen = new Uint8Array(order.length);
  for (const s of order) seen[s]++;
  return seen.every((count) => count === 1);
};

describe('strata order', () => {
  it('is a permutation of 0..N−1, fixed by (seed, variable, N)', () => {
    for (const n of [1, 2, 7, 1000]) expect(isPermutation(strataOrder(5, 0, n))).toBe(true);
    const a = strataOrder(5, 0, 1000);
    expect(strataOrder(5, 0, 1000)).toEqual(a);
    expect(strataOrder(6, 0, 1000)).not.toEqual(a);
    expect(strataOrder(5, 1, 1000)).not.toEqual(a);
    expect(Array.from(a)).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('refuses a run of no draws', () => expect(() => strataOrder(1, 0, 0)).toThrow('draws must be a whole number 1 or more, got 0'));
});

describe('a stratified uniform', () => {
  it('stays inside its stratum at both ends of the jitter, and below 1', () => {
    for (const n of [1, 3, 10, 4000, 999_983]) {
      for (const s of [0, 1, n - 2, n - 1].filter((t) => t >= 0 && t < n)) {
        for (const jitter of [0, 0.5, LAST_UNIT]) {
          const u = stratifiedUnit(s, jitter, n);
          expect(stratumOf(u, n), `n ${n} stratum ${s} jitter ${jitter}`).toBe(s);
          expect(u).toBeLessThan(1);
        }
      }
    }
    expect(stratifiedUnit(0, 0, 4)).toBe(0);
    expect(stratifiedUnit(2, 0.5, 4)).toBe(0.625);
  });
});

describe('Latin hypercube draws', () => {
  it('place exactly one draw in each stratum per variable', () => {
    for (const n of [1, 13, 2000]) {
      const sampler = new DrawSampler({ uncertainty: list, sampling: 'latin-hypercube', seed: 9, draws: n });
      const counts = list.map(() => new Uint32Array(n));
      for (let k = 0; k < n; k++) {
        sampler.units(k).forEach((u, v) => {
          const s = stratumOf(u, n);
          expect(s).toBeGreaterThanOrEqual(0);
          counts[v][s]++;
        });
      }
      for (const c of counts) expect(c.every((count) => count === 1)).toBe(true);
    }
  });

  it('draw a discrete variable in exactly its weights when N × weight / total is whole', () => {
    const sampler = new DrawSampler({ uncertainty: list, sampling: 'latin-hypercube', seed: 3, draws: 4000 });
    const counts = new Map<number, number>();
    for (let k = 0; k < 4000; k++) {
      const delay = sampler.values(k).delay;
      counts.set(delay, (counts.get(delay) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ 0: 1600, 1: 1200, 2: 800, 3: 400 });
  });

  it('give draw k bit for bit whether computed in one go or in slices, in any order', () => {
    const n = 900;
    const settings = { uncertainty: list, sampling: 'latin-hypercube' as const, seed: 2024, draws: n };
    const whole = new DrawSampler(settings);
    const inOrder = Array.from({ length: n }, (_, k) => Array.from(whole.units(k)));
    for (const workers of [2, 3]) {
      const rows: number[][] = new Array(n);
      const bounds = Array.from({ length: workers + 1 }, (_, w) => Math.round((w * n) / workers));
      for (let w = workers - 1; w >= 0; w--) {
        const slice = new DrawSampler(settings); // each worker makes its own
        for (let k = bounds[w + 1] - 1; k >= bounds[w]; k--) rows[k] = Array.from(slice.units(k));
      }
      expect(rows).toEqual(inOrder);
    }
    const alone = new DrawSampler(settings).units(417);
    expect(Array.from(alone)).toEqual(inOrder[417]);
  });

  it('differ from random draws and with the seed', () => {
    const lhs = new DrawSampler({ uncertainty: list, sampling: 'latin-hypercube', seed: 1, draws: 50 });
    const random = new DrawSampler({ uncertainty: list, seed: 1, draws: 50 });
    const other = new DrawSampler({ uncertainty: list, sampling: 'latin-hypercube', seed: 2, draws: 50 });
    expect(lhs.values(4)).not.toEqual(random.values(4));
    expect(lhs.values(4)).not.toEqual(other.values(4));
  });
});
