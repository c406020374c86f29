import { describe, expect, it } from 'vitest';
import { drawStream, nextUnit, permutationStream } from '../../shared/uncertainty/random';

const M64 = (1n << 64n) - 1n;
const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & M64;
function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
}

/** The published algorithms, on 64-bit BigInts: splitmix64 seeding, then xoroshiro128+ (24, 16, 37). */
function referenceUnits(seed: number, drawIndex: number, count: number): number[] {
  const key = mix64(BigInt.asUintN(64, BigInt(seed))) ^ BigInt(drawIndex);
  let s0 = mix64((key + 0x9e3779b97f4a7c15n) & M64);
  let s1 = mix64((key + 2n * 0x9e3779b97f4a7c15n) & M64);
  const next32 = () => {
    const out = (s0 + s1) & 0xffffffffn; // pure-rand exposes the low 32 bits of each output
    s1 ^= s0;
    s0 = rotl(s0, 24n) ^ s1 ^ ((s1 << 16n) & M64);
    s1 = rotl(s1, 37n);
    return out;
  };
  return Array.from({ length: count }, () => Number(((next32() >> 5n) << 26n) | (next32() >> 6n)) / 2 ** 53);
}

const units = (seed: number, drawIndex: number, count: number) => {
  const g = drawStream(seed, drawIndex);
  return Array.from({ length: count }, () => nextUnit(g));
};
const bits = (xs: number[]) => Array.from(new BigUint64Array(Float64Array.from(xs).buffer));

describe('drawStream and nextUnit', () => {
  it('splitmix64 finaliser matches its published first output for seed 0', () => {
    expect(mix64(0x9e3779b97f4a7c15n)).toBe(0xe220a8397b1dcdafn);
  });

  it('are xoroshiro128+ seeded by splitmix64 from (seed, drawIndex), bit for bit', () => {
    for (const [seed, index] of [
      [0, 0],
      [2024, 7],
      [-1, 1999],
      [Number.MAX_SAFE_INTEGER, 123456],
    ]) {
      expect(bits(units(seed, index, 50))).toEqual(bits(referenceUnits(seed, index, 50)));
    }
  });

  it('are pinned: these exact numbers must not change between releases', () => {
    expect(units(2024, 0, 3)).toEqual([0.4026979460890021, 0.26925547273254413, 0.026629300256212574]);
    expect(units(2024, 1999, 3)).toEqual([0.028328469473753226, 0.1889867755888397, 0.07909795755307247]);
  });

  it('give the same sequence for the same seed and draw', () => {
    expect(bits(units(42, 5, 1000))).toEqual(bits(units(42, 5, 1000)));
  });

  it('differ across seeds and across draws: 10,000 first numbers are all distinct', () => {
    const firsts = new Set<number>();
    for (let seed = 0; seed < 100; seed++) for (let k = 0; k < 100; k++) firsts.add(units(seed, k, 1)[0]);
    expect(firsts.size).toBe(10_000);
  });

  it('give uncorrelated neighbouring draws and neighbouring seeds', () => {
    const n = 20_000;
    const corr = (xs: number[], ys: number[]) => {
      const mx = xs.reduce((a, b) => a + b) / n;
      const my = ys.reduce((a, b) => a + b) / n;
      let sxy = 0,
        sxx = 0,
        syy = 0;
      for (let i = 0; i < n; i++) {
        sxy += (xs[i] - mx) * (ys[i] - my);
        sxx += (xs[i] - mx) ** 2;
        syy += (ys[i] - my) ** 2;
      }
      return sxy / Math.sqrt(sxx * syy);
    };
    const byDraw = Array.from({ length: n + 1 }, (_, k) => units(7, k, 1)[0]);
    const bySeed = Array.from({ length: n + 1 }, (_, s) => units(s, 0, 1)[0]);
    // 5 standard errors of a correlation between independent samples.
    expect(Math.abs(corr(byDraw.slice(0, n), byDraw.slice(1)))).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(corr(bySeed.slice(0, n), bySeed.slice(1)))).toBeLessThan(5 / Math.sqrt(n));
  });

  it('yields multiples of 2^-53 in [0, 1), uniform, with every one of the 53 bits balanced', () => {
    const xs = units(99, 0, 20_000);
    const ones = new Array<number>(53).fill(0);
    for (const x of xs) {
      expect(x >= 0 && x < 1).toBe(true);
      const k = x * 2 ** 53;
      expect(Number.isInteger(k)).toBe(true);
      for (let b = 0; b < 53; b++) ones[b] += Math.floor(k / 2 ** b) % 2;
    }
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / xs.length));
    expect(Math.abs(variance - 1 / 12) / (1 / 12)).toBeLessThan(0.03);
    for (const count of ones) expect(Math.abs(count / xs.length - 0.5)).toBeLessThan((5 * 0.5) / Math.sqrt(xs.length));
  });

  it('refuses a seed or draw index that is not a whole number', () => {
    expect(() => drawStream(1.5, 0)).toThrow('seed must be a whole number, got 1.5');
    expect(() => drawStream(1, -1)).toThrow('drawIndex must be a whole number 0 or more, got -1');
    expect(() => drawStream(2 ** 60, 0)).toThrow(RangeError);
  });

  it('keeps permutation streams apart from draw streams, one per (seed, variable)', () => {
    const take = (g: ReturnType<typeof drawStream>) => Array.from({ length: 8 }, () => nextUnit(g));
    const first = take(permutationStream(4, 0));
    expect(take(permutationStream(4, 0))).toEqual(first);
    for (const other of [permutationStream(4, 1), permutationStream(5, 0), drawStream(4, 0), drawStream(4, 1)]) {
      expect(take(other)).not.toEqual(first);
    }
    expect(() => permutationStream(1, -1)).toThrow('variableIndex must be a whole number 0 or more, got -1');
    expect(() => permutationStream(0.5, 0)).toThrow('seed must be a whole number, got 0.5');
  });
});
