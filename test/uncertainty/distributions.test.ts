import { describe, expect, it } from 'vitest';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { UncertaintySchema, centralValue, sample, sampleAll, type Uncertainty } from '../../shared/uncertainty/distributions';
import { normalCdf, normalQuantile } from '../../shared/uncertainty/normal';
import { drawStream } from '../../shared/uncertainty/random';

const N = 20_000;
const draws = (u: Uncertainty, seed = 1) => Array.from({ length: N }, (_, k) => sample(u, drawStream(seed, k)));
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const varianceOf = (xs: number[]) => {
  const m = meanOf(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};
const bits = (xs: number[]) => Array.from(new BigUint64Array(Float64Array.from(xs).buffer));

/** Mean within 5 standard errors, variance within 5% (about 5 standard errors for a normal at N = 20k). */
function expectMoments(xs: number[], mean: number, variance: number) {
  expect(Math.abs(meanOf(xs) - mean)).toBeLessThan(5 * Math.sqrt(variance / xs.length));
  expect(Math.abs(varianceOf(xs) - variance)).toBeLessThan(0.05 * variance);
}
/** Kolmogorov–Smirnov distance; 1.95/√N is its 0.1% critical value. */
function expectCdf(xs: number[], cdf: (x: number) => number) {
  const sorted = [...xs].sort((a, b) => a - b);
  let d = 0;
  sorted.forEach((x, i) => (d = Math.max(d, Math.abs(cdf(x) - i / N), Math.abs(cdf(x) - (i + 1) / N))));
  expect(d).toBeLessThan(1.95 / Math.sqrt(N));
}
/** A generator whose next nextUnit() is exactly v, a multiple of 2^-53 in [0, 1). */
function unitSource(v: number): RandomGenerator {
  const k = v * 2 ** 53;
  const words = [Math.floor(k / 2 ** 26) << 5, (k % 2 ** 26) << 6];
  let i = 0;
  return { next: () => words[i++ % 2], clone: () => unitSource(v), getState: () => [] };
}
const expectWithin = (xs: number[], lo: number, hi: number) => expect(xs.every((x) => x >= lo && x <= hi)).toBe(true);

describe('sample', () => {
  it('uniform: moments, CDF and bounds', () => {
    const xs = draws({ variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 });
    expectWithin(xs, 0, 0.04);
    expectMoments(xs, 0.02, 0.04 ** 2 / 12);
    expectCdf(xs, (x) => x / 0.04);
  });

  it('triangular: moments, CDF and bounds, including a mode at an end', () => {
    const [a, c, b] = [0.6, 0.9, 1.1];
    const xs = draws({ variable: 'level', dist: 'triangular', min: a, mode: c, max: b });
    expectWithin(xs, a, b);
    expectMoments(xs, (a + b + c) / 3, (a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    expectCdf(xs, (x) => (x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c))));
    const spec = draws({ variable: 'level', dist: 'triangular', min: 0.6, mode: 1, max: 1 });
    expectWithin(spec, 0.6, 1);
    expectMoments(spec, 2.6 / 3, 0.4 ** 2 / 18);
  });

  // Truncated means and variances from mpmath at 50 digits.
  it.each([
    ['the spec example, ±3 sd', 1, 0.1, 0.7, 1.3, 1, 0.009733369246625416],
    ['asymmetric', 0, 1, -0.5, 2, 0.44574377827251484, 0.3765938361368359],
    ['lower bound only', 10, 2, 11, undefined, 12.282155540736129, 1.0739216286235158],
    ['upper bound only, 8 sd down', 0, 1, undefined, -8, -8.1213681122361127, 0.01432488344334091],
    ['6 to 7 sd up (mass 1e-9)', 0, 1, 6, 7, 6.1572109033782798, 0.022748381117511731],
    ['30 to 31 sd up (mass 5e-198)', 0, 1, 30, 31, 30.033259667433622, 0.0011037715118352823],
    ['untruncated', 5, 3, undefined, undefined, 5, 9],
  ])('normal, %s: truncated mean and variance, CDF and bounds', (_, mean, sd, min, max, tMean, tVar) => {
    const xs = draws({ variable: 'demand', dist: 'normal', mean, sd, min, max });
    expectWithin(xs, min ?? -Infinity, max ?? Infinity);
    expectMoments(xs, tMean, tVar);
    const [a, b] = [min === undefined ? -Infinity : (min - mean) / sd, max === undefined ? Infinity : (max - mean) / sd];
    // In the far upper tail compare by symmetry, where Φ keeps its digits.
    const cdf = (x: number) => {
      const z = (x - mean) / sd;
      return a >= 0
        ? (normalCdf(-a) - normalCdf(-z)) / (normalCdf(-a) - normalCdf(-b))
        : (normalCdf(z) - normalCdf(a)) / (normalCdf(b) - normalCdf(a));
    };
    expectCdf(xs, cdf);
  });

  it('normal with sd 0 is its mean', () => {
    expect(draws({ variable: 'v', dist: 'normal', mean: 2, sd: 0, min: 2, max: 3 }).every((x) => x === 2)).toBe(true);
  });

  it('bernoulli: frequency of 1 is p; p = 0 and p = 1 are certain', () => {
    for (const p of [0.7, 0.05]) {
      const xs = draws({ variable: 'handover', dist: 'bernoulli', p });
      expect(xs.every((x) => x === 0 || x === 1)).toBe(true);
      expect(Math.abs(meanOf(xs) - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    }
    expect(draws({ variable: 'h', dist: 'bernoulli', p: 0 }).every((x) => x === 0)).toBe(true);
    expect(draws({ variable: 'h', dist: 'bernoulli', p: 1 }).every((x) => x === 1)).toBe(true);
  });

  it('discrete: frequencies match the normalised weights; zero-weight values are never drawn', () => {
    const values = [0, 1, 2, 3, 4, 5];
    const weights = [0, 4, 3, 0, 2, 1];
    const xs = draws({ variable: 'delay', dist: 'discrete', values, weights });
    values.forEach((v, i) => {
      const share = xs.filter((x) => x === v).length / N;
      const p = weights[i] / 10;
      if (p === 0) expect(share).toBe(0);
      else expect(Math.abs(share - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    });
    const equal = draws({ variable: 'delay', dist: 'discrete', values: [10, 20, 30, 40] });
    for (const v of [10, 20, 30, 40])
      expect(Math.abs(equal.filter((x) => x === v).length / N - 0.25)).toBeLessThan(5 * Math.sqrt(0.1875 / N));
  });

  it('stays finite and within bounds at the extreme uniforms 0 and 1 − 2^-53', () => {
    const [lowest, highest] = [unitSource(0), unitSource(1 - 2 ** -53)];
    const cases: [Uncertainty, number, number][] = [
      [{ variable: 'v', dist: 'normal', mean: 0, sd: 1 }, -8.3, 8.3],
      [{ variable: 'v', dist: 'normal', mean: 0, sd: 1, min: 30, max: 31 }, 30, 31],
      [{ variable: 'v', dist: 'normal', mean: 0, sd: 1, max: -8 }, -12, -8], // 2^-54 of its mass lies below -11.75
      [{ variable: 'v', dist: 'uniform', min: 0.1, max: 0.3 }, 0.1, 0.3],
      [{ variable: 'v', dist: 'triangular', min: 0.1, mode: 0.3, max: 0.3 }, 0.1, 0.3],
    ];
    for (const [u, lo, hi] of cases) {
      for (const g of [lowest, highest]) {
        const x = sample(u, g);
        expect(x >= lo && x <= hi, `${JSON.stringify(u)} gave ${x}`).toBe(true);
      }
    }
    expect(sample({ variable: 'v', dist: 'normal', mean: 0, sd: 1 }, lowest)).toBeCloseTo(-8.29, 1);
    const discrete: Uncertainty = { variable: 'd', dist: 'discrete', values: [1, 2, 3], weights: [0, 1, 0] };
    expect([sample(discrete, lowest), sample(discrete, highest)]).toEqual([2, 2]);
    expect(sample({ variable: 'b', dist: 'bernoulli', p: 1 }, highest)).toBe(1);
    expect(sample({ variable: 'b', dist: 'bernoulli', p: 0 }, lowest)).toBe(0);
  });

  it('discrete and bernoulli split the unit interval at exact cumulative weights', () => {
    const u: Uncertainty = { variable: 'd', dist: 'discrete', values: [10, 20, 30], weights: [1, 0, 1] };
    expect(sample(u, unitSource(0.5 - 2 ** -53))).toBe(10);
    expect(sample(u, unitSource(0.5))).toBe(30);
    expect(sample({ variable: 'b', dist: 'bernoulli', p: 0.25 }, unitSource(0.25 - 2 ** -53))).toBe(1);
    expect(sample({ variable: 'b', dist: 'bernoulli', p: 0.25 }, unitSource(0.25))).toBe(0);
  });
});

describe('the standard normal', () => {
  // mpmath at 50 digits; quantiles by root-finding on log Φ.
  it.each([
    [-0.3, 0.38208857781104736],
    [-0.7, 0.24196365222307301],
    [-1, 0.15865525393145705],
    [-3, 0.0013498980316300945],
    [-5.6, 1.0717590258310907e-8],
    [-5.7, 5.9903714010635344e-9],
    [-10, 7.6198530241605261e-24],
    [-20, 2.7536241186062337e-89],
    [-37, 5.7255712225245768e-300],
    [0.3, 0.61791142218895264],
    [2, 0.97724986805182079],
  ])('Φ(%d) to 1e-14 relative', (x, p) => {
    expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1e-14);
  });

  it.each([
    [0.3, -0.52440051270804078],
    [0.075, -1.4395314709384559],
    [0.001, -3.0902323061678135],
    [1e-10, -6.3613409024040562],
    [1e-20, -9.2623400897984076],
    [1e-100, -21.273453560965324],
    [1e-300, -37.047096299361199],
    [0.975, 1.9599639845400542],
  ])('Φ⁻¹(%d) to 1e-14 relative', (p, x) => {
    expect(Math.abs(normalQuantile(p) - x) / Math.abs(x)).toBeLessThan(1e-14);
  });

  it('Φ⁻¹(Φ(x)) = x across the lower half, from -37 to 0', () => {
    for (let x = -37; x < 0; x += 0.37) expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThan(1e-13 * Math.max(1, -x));
    expect(normalQuantile(0.5)).toBe(0);
    expect([normalQuantile(0), normalQuantile(1)]).toEqual([-Infinity, Infinity]);
  });
});

describe('sampleAll', () => {
  const list: Uncertainty[] = [
    { variable: 'level', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
    { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
    { variable: 'handover', dist: 'bernoulli', p: 0.7 },
    { variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 },
    { variable: 'demand', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 },
  ];
  const flat = (rows: Record<string, number>[]) => bits(rows.flatMap((r) => list.map((u) => r[u.variable])));

  it('gives bit-identical draws whether run in order or split across 1, 2 or 3 workers in any order', () => {
    const total = 600;
    const inOrder = Array.from({ length: total }, (_, k) => sampleAll(list, 2024, k));
    const g = drawStream(5, 0); // shuffles the work with a stream of its own
    for (const workers of [1, 2, 3]) {
      const rows: Record<string, number>[] = new Array(total);
      const chunks = Array.from({ length: workers }, (_, w) => Array.from({ length: total }, (_, k) => k).filter((k) => k % workers === w));
      for (const chunk of chunks.reverse()) {
        for (let i = chunk.length - 1; i > 0; i--) {
          const j = Math.floor(((g.next() >>> 0) / 2 ** 32) * (i + 1));
          [chunk[i], chunk[j]] = [chunk[j], chunk[i]];
        }
        for (const k of chunk) rows[k] = sampleAll(list, 2024, k);
      }
      expect(flat(rows)).toEqual(flat(inOrder));
    }
    expect(flat(inOrder.map((_, k) => sampleAll(list, 2025, k)))).not.toEqual(flat(inOrder));
  });

  it('samples in list order, one uniform per entry, so editing one entry leaves the others alone', () => {
    const edited = list.map((u) => (u.variable === 'delay' ? { ...u, values: [5], weights: [1] } : u));
    for (let k = 0; k < 50; k++) {
      const [a, b] = [sampleAll(list, 7, k), sampleAll(edited, 7, k)];
      expect(b.delay).toBe(5);
      expect({ ...b, delay: a.delay }).toEqual(a);
    }
    const g = drawStream(7, 3);
    expect(sampleAll(list, 7, 3)).toEqual(Object.fromEntries(list.map((u) => [u.variable, sample(u, g)])));
  });
});

describe('centralValue', () => {
  it.each<[Uncertainty, number]>([
    [{ variable: 'v', dist: 'uniform', min: 0, max: 0.04 }, 0.02],
    [{ variable: 'v', dist: 'triangular', min: 0.6, mode: 1, max: 1 }, 1],
    [{ variable: 'v', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 }, 1],
    [{ variable: 'v', dist: 'normal', mean: 1, sd: 0.1, min: 1.1 }, 1.1],
    [{ variable: 'v', dist: 'normal', mean: 1, sd: 0.1, max: 0.9 }, 0.9],
    [{ variable: 'v', dist: 'discrete', values: [0, 1, 2, 3], weights: [1, 3, 3, 2] }, 1],
    [{ variable: 'v', dist: 'discrete', values: [7, 8] }, 7],
    [{ variable: 'v', dist: 'bernoulli', p: 0.5 }, 1],
    [{ variable: 'v', dist: 'bernoulli', p: 0.49 }, 0],
  ])('%j → %d', (u, expected) => expect(centralValue(u)).toBe(expected));
});

describe('UncertaintySchema', () => {
  const problems = (entry: unknown) => {
    const result = UncertaintySchema.safeParse(entry);
    if (result.success) return [];
    const place = (path: PropertyKey[]) => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    return result.error.issues.map((i) => `uncertainty[0]${place(i.path)}: ${i.message}`);
  };

  it('accepts the spec example and the edge cases the rules allow', () => {
    for (const entry of [
      { variable: 'level', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
      { variable: 'level', dist: 'triangular', min: 1, mode: 1, max: 1 },
      { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
      { variable: 'delay', dist: 'discrete', values: [0, 1], weights: [0, 1] },
      { variable: 'delay', dist: 'discrete', values: [2] },
      { variable: 'handover', dist: 'bernoulli', p: 0.7 },
      { variable: 'uplift', dist: 'uniform', min: 0, max: 0 },
      { variable: 'demand', dist: 'normal', mean: 1, sd: 0.1, min: 0.7, max: 1.3 },
      { variable: 'demand', dist: 'normal', mean: 1, sd: 0 },
      { variable: 'demand', dist: 'normal', mean: 1, sd: 0, min: 1 },
      { variable: 'demand', dist: 'normal', mean: 0, sd: 1, min: 30, max: 31 },
      { variable: 'demand', dist: 'normal', mean: 0, sd: 1, max: -37 },
    ]) {
      expect(problems(entry), JSON.stringify(entry)).toEqual([]);
    }
  });

  it.each<[string, unknown, string]>([
    ['uniform min above max', { variable: 'u', dist: 'uniform', min: 2, max: 1 }, 'uncertainty[0].min: 2 is above max 1'],
    [
      'triangular mode above max',
      { variable: 'l', dist: 'triangular', min: 0.6, mode: 1.2, max: 1 },
      'uncertainty[0].mode: 1.2 is above max 1',
    ],
    [
      'triangular mode below min',
      { variable: 'l', dist: 'triangular', min: 0.6, mode: 0.5, max: 1 },
      'uncertainty[0].mode: 0.5 is below min 0.6',
    ],
    ['triangular min above max', { variable: 'l', dist: 'triangular', min: 2, mode: 1.5, max: 1 }, 'uncertainty[0].min: 2 is above max 1'],
    ['normal negative sd', { variable: 'd', dist: 'normal', mean: 1, sd: -0.1 }, 'uncertainty[0].sd: -0.1 is below 0'],
    [
      'normal bounds equal',
      { variable: 'd', dist: 'normal', mean: 1, sd: 0.1, min: 1, max: 1 },
      'uncertainty[0].min: 1 is not below max 1',
    ],
    [
      'normal bounds crossed',
      { variable: 'd', dist: 'normal', mean: 1, sd: 0.1, min: 1.3, max: 0.7 },
      'uncertainty[0].min: 1.3 is not below max 0.7',
    ],
    [
      'normal range beyond 38 sd up',
      { variable: 'd', dist: 'normal', mean: 0, sd: 1, min: 39, max: 40 },
      'uncertainty[0].min: 39 is too far above mean 0 (sd 1) for the range to have any probability',
    ],
    [
      'normal range beyond 38 sd down',
      { variable: 'd', dist: 'normal', mean: 0, sd: 1, max: -39 },
      'uncertainty[0].max: -39 is too far below mean 0 (sd 1) for the range to have any probability',
    ],
    [
      'normal sd 0 with the mean outside',
      { variable: 'd', dist: 'normal', mean: 1, sd: 0, min: 0.2, max: 0.5 },
      'uncertainty[0].max: 0.5 is too far below mean 1 (sd 0) for the range to have any probability',
    ],
    ['discrete no values', { variable: 'd', dist: 'discrete', values: [] }, 'uncertainty[0].values: must list at least one value'],
    [
      'discrete weights too few',
      { variable: 'd', dist: 'discrete', values: [0, 1, 2, 3], weights: [1, 2, 3] },
      'uncertainty[0].weights: has 3 entries for 4 values',
    ],
    [
      'discrete negative weight',
      { variable: 'd', dist: 'discrete', values: [0, 1, 2], weights: [1, 2, -1] },
      'uncertainty[0].weights[2]: -1 is below 0',
    ],
    [
      'discrete weights all zero',
      { variable: 'd', dist: 'discrete', values: [0, 1], weights: [0, 0] },
      'uncertainty[0].weights: are all 0; at least one must be above 0',
    ],
    [
      'discrete weights overflow',
      { variable: 'd', dist: 'discrete', values: [0, 1], weights: [1e308, 1e308] },
      'uncertainty[0].weights: are too large to add up',
    ],
    ['bernoulli p above 1', { variable: 'h', dist: 'bernoulli', p: 1.2 }, 'uncertainty[0].p: 1.2 is above 1'],
    ['bernoulli p below 0', { variable: 'h', dist: 'bernoulli', p: -0.1 }, 'uncertainty[0].p: -0.1 is below 0'],
    [
      'unknown dist',
      { variable: 'h', dist: 'beta', p: 0.5 },
      'uncertainty[0].dist: "beta" is not one of uniform, triangular, normal, discrete, bernoulli',
    ],
    [
      'missing dist',
      { variable: 'h', p: 0.5 },
      'uncertainty[0].dist: is missing; use one of uniform, triangular, normal, discrete, bernoulli',
    ],
    ['empty variable', { variable: '', dist: 'bernoulli', p: 0.5 }, 'uncertainty[0].variable: must name a variable'],
  ])('rejects %s', (_, entry, message) => {
    expect(problems(entry)).toEqual([message]);
  });

  it('rejects unknown keys and non-finite numbers', () => {
    expect(problems({ variable: 'l', dist: 'triangular', min: 0, mde: 1, mode: 1, max: 1 })).toEqual([
      'uncertainty[0]: Unrecognized key: "mde"',
    ]);
    expect(problems({ variable: 'u', dist: 'uniform', min: 0, max: Infinity })).toHaveLength(1);
  });
});
