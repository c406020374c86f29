import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { averageRanks, exactSum, nearestRank, spearman, summarise } from '../../shared/uncertainty/stats';

describe('summarise', () => {
  // Nearest rank: the p-th percentile is the value at 1-based rank ceil(p/100 × N) in ascending order.
  it.each([
    // N = 5: p10 → rank ceil(0.5) = 1, p50 → ceil(2.5) = 3, p90 → ceil(4.5) = 5.
    [[15, 20, 35, 40, 50], { mean: 32, p10: 15, p50: 35, p90: 50 }],
    [[50, 15, 40, 20, 35], { mean: 32, p10: 15, p50: 35, p90: 50 }],
    // N = 4, sorted [-1, 2, 3, 3]: ranks ceil(0.4) = 1, ceil(2) = 2, ceil(3.6) = 4.
    [[3, -1, 3, 2], { mean: 1.75, p10: -1, p50: 2, p90: 3 }],
    // N = 10, 1..10: ranks 1, 5, 9 exactly.
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], { mean: 5.5, p10: 1, p50: 5, p90: 9 }],
    [[7], { mean: 7, p10: 7, p50: 7, p90: 7 }],
  ])('%j → %j', (values, expected) => expect(summarise(values)).toEqual(expected));

  it('takes ranks from exact integer arithmetic: N = 30 gives p10 at rank 3, where 0.1 × 30 would give 4', () => {
    const values = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(summarise(values)).toEqual({ mean: 15.5, p10: 3, p50: 15, p90: 27 });
    expect(nearestRank(values, 100)).toBe(30);
    expect(nearestRank(values, 0)).toBe(1);
  });

  it('gives nulls for no values, since zeros would read as a result', () => {
    expect(summarise([])).toEqual({ mean: null, p10: null, p50: null, p90: null });
  });

  it('gives a correctly rounded mean, identical however the values are ordered or split', () => {
    expect(summarise(new Array(10).fill(0.1)).mean).toBe(0.1); // a plain running sum gives 0.09999999999999999
    expect(exactSum([1e16, 1, -1e16])).toBe(1); // a plain running sum gives 0
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1 }), fc.nat(), (values, seed) => {
        const k = seed % values.length;
        const reordered = [...values.slice(k), ...values.slice(0, k)].reverse();
        expect(Object.is(summarise(reordered).mean, summarise(values).mean)).toBe(true);
      }),
    );
  });
});

describe('exactSum', () => {
  it('equals the exact sum rounded once to the nearest double, ties to even', () => {
    // Values k × 2^e are exact in BigInt units of 2^-60, and Number(bigint) rounds to nearest, ties to even.
    const term = fc.tuple(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: -60, max: 60 }));
    fc.assert(
      fc.property(fc.array(term, { maxLength: 40 }), (terms) => {
        const exact = terms.reduce((sum, [k, e]) => sum + (BigInt(k) << BigInt(e + 60)), 0n);
        expect(exactSum(terms.map(([k, e]) => k * 2 ** e))).toBe(Number(exact) * 2 ** -60);
      }),
      { numRuns: 500 },
    );
    expect(exactSum([2 ** 53, 1, 2 ** -60])).toBe(2 ** 53 + 2); // the tiny term breaks the tie upwards
    expect(exactSum([2 ** 53, 1])).toBe(2 ** 53); // a true tie goes to even
  });

  it('refuses values that are not finite', () => {
    expect(() => exactSum([1, NaN])).toThrow('cannot sum NaN');
    expect(() => summarise([1, Infinity])).toThrow(RangeError);
  });
});

describe('spearman', () => {
  // scipy.stats.rankdata and spearmanr.
  const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
  const ys = [2, 7, 1, 8, 2, 8, 1, 8, 2, 8];

  it('ranks from 1, ties sharing the average of their ranks', () => {
    expect(Array.from(averageRanks(xs))).toEqual([4.5, 1.5, 6, 1.5, 7.5, 10, 3, 9, 7.5, 4.5]);
    expect(Array.from(averageRanks([]))).toEqual([]);
  });

  it('is the Pearson correlation of the average ranks, ties included', () => {
    expect(spearman(xs, ys)).toBeCloseTo(0.13471506281091267, 14);
    expect(spearman(ys, xs)).toBe(spearman(xs, ys));
  });

  it('is ±1 for any increasing or decreasing relation, and unchanged by one', () => {
    const x = [0.3, -2, 5, 1e9, 7];
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(v / 1e9)),
      ),
    ).toBe(1);
    expect(
      spearman(
        x,
        x.map((v) => -(v ** 3)),
      ),
    ).toBe(-1);
    expect(
      spearman(
        x.map((v) => v ** 3),
        ys.slice(0, 5),
      ),
    ).toBe(spearman(x, ys.slice(0, 5)));
  });

  it('is null when a side never varies or there are no values, and refuses unequal lengths', () => {
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(spearman([], [])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow('cannot pair 2 values with 1');
  });
});
