// One draw's values (plan-format.md §9.1): deterministic, independent of how the draws are
// split across workers for every option, and §9's independent draws when nothing is asked.
import { describe, expect, it } from 'vitest';
import type { Correlation, Sampling } from '../../shared/uncertainty/correlation';
import { sampleAll, type Uncertainty } from '../../shared/uncertainty/distributions';
import { DrawSampler, sampleDraw } from '../../shared/uncertainty/sampler';

const list: Uncertainty[] = [
  { variable: 'level', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
  { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
  { variable: 'handover', dist: 'bernoulli', p: 0.7 },
  { variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 },
  { variable: 'demand', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 },
];
const correlations: Correlation[] = [
  { between: ['level', 'delay'], rank: -0.6 },
  { between: ['demand', 'uplift'], rank: 0.4 },
];
const bits = (rows: Record<string, number>[]) =>
  Array.from(new BigUint64Array(Float64Array.from(rows.flatMap((r) => list.map((u) => r[u.variable]))).buffer));

const options: [Sampling, Correlation[]][] = [
  ['random', []],
  ['random', correlations],
  ['latin-hypercube', []],
  ['latin-hypercube', correlations],
];

describe('a draw’s sampled values', () => {
  it('are §9’s independent draws, bit for bit, for random sampling without correlations', () => {
    const sampler = new DrawSampler({ uncertainty: list, seed: 2024, draws: 1000 });
    const ours = Array.from({ length: 1000 }, (_, k) => sampler.values(k));
    expect(bits(ours)).toEqual(bits(Array.from({ length: 1000 }, (_, k) => sampleAll(list, 2024, k))));
    expect(sampleDraw({ uncertainty: list, sampling: 'random', correlations: [], seed: 2024, draws: 1000 }, 17)).toEqual(ours[17]);
  });

  it.each(options)('%s sampling with %j: the same for the same settings, different for another seed', (sampling, corr) => {
    const settings = { uncertainty: list, correlations: corr, sampling, seed: 77, draws: 300 };
    const first = Array.from({ length: 300 }, (_, k) => sampleDraw(settings, k));
    const again = new DrawSampler(settings);
    expect(bits(first.map((_, k) => again.values(k)))).toEqual(bits(first));
    const other = new DrawSampler({ ...settings, seed: 78 });
    expect(bits(first.map((_, k) => other.values(k)))).not.toEqual(bits(first));
  });

  it.each(options)('%s sampling with %j: bit for bit on 1, 2 or 3 workers, each drawing its slices in any order', (sampling, corr) => {
    const n = 600;
    const settings = { uncertainty: list, correlations: corr, sampling, seed: 5, draws: n };
    const whole = new DrawSampler(settings);
    const inOrder = Array.from({ length: n }, (_, k) => whole.values(k));
    for (const workers of [1, 2, 3]) {
      const rows: Record<string, number>[] = new Array(n);
      const samplers = Array.from({ length: workers }, () => new DrawSampler(settings));
      // Slices of 50 dealt round the workers, last slice first.
      for (let slice = n / 50 - 1; slice >= 0; slice--) {
        const sampler = samplers[slice % workers];
        for (let k = slice * 50; k < (slice + 1) * 50; k++) rows[k] = sampler.values(k);
      }
      expect(bits(rows)).toEqual(bits(inOrder));
    }
  });

  it('correlations change only the variables the copula mixes with an earlier one', () => {
    const plain = new DrawSampler({ uncertainty: list, seed: 8, draws: 100 });
    const mixed = new DrawSampler({ uncertainty: list, correlations, seed: 8, draws: 100 });
    let changed = { delay: 0, demand: 0 };
    for (let k = 0; k < 100; k++) {
      const [a, b] = [plain.values(k), mixed.values(k)];
      expect([b.level, b.handover, b.uplift]).toEqual([a.level, a.handover, a.uplift]);
      changed = { delay: changed.delay + Number(a.delay !== b.delay), demand: changed.demand + Number(a.demand !== b.demand) };
    }
    expect(changed.delay).toBeGreaterThan(10);
    expect(changed.demand).toBe(100); // demand is listed after uplift, so the copula mixes demand's normal
  });

  it('refuses a draw beyond the run and a run of no draws', () => {
    const sampler = new DrawSampler({ uncertainty: list, sampling: 'latin-hypercube', seed: 1, draws: 10 });
    expect(() => sampler.values(10)).toThrow("draw 10 is beyond the run's 10 draws");
    expect(() => new DrawSampler({ uncertainty: list, seed: 1, draws: 0 })).toThrow('draws must be a whole number 1 or more, got 0');
  });
});
