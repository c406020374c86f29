// Each distribution's quantile function (plan-format.md §9, §9.1): the one way a value is
// drawn, whether its uniform comes from a draw's stream, a Latin hypercube stratum or a
// correlated normal through the copula.
import type { Uncertainty } from './distributions';
import { standardMass, truncatedStandardQuantile } from './normal';

type Normal = Extract<Uncertainty, { dist: 'normal' }>;

/** The largest uniform a quantile takes: the last multiple of 2^-53 below 1. */
export const LAST_UNIT = 1 - 2 ** -53;

const within = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * The value with probability `v` below it, for v in [0, 1), always within the distribution's
 * range. A continuous distribution's quantile is increasing in v; a discrete one's steps at the
 * cumulative weights (a value with weight 0 is never returned). The normal is read at the middle
 * of v's 2^-53 cell, so that v = 0 gives a finite value even when it is not truncated.
 */
export function quantile(v: number, u: Uncertainty): number {
  switch (u.dist) {
    case 'uniform':
      return Math.min(u.max, u.min + v * (u.max - u.min));
    case 'triangular': {
      const { min, mode, max } = u;
      if (min === max) return min;
      const x =
        v * (max - min) < mode - min
          ? min + Math.sqrt(v * (max - min) * (mode - min))
          : max - Math.sqrt((1 - v) * (max - min) * (max - mode));
      return within(x, min, max);
    }
    case 'normal': {
      const { mean, sd, min = -Infinity, max = Infinity } = u;
      if (sd === 0) return mean;
      const [a, b] = standardBounds(u);
      return within(mean + sd * truncatedStandardQuantile(a, b, v), min, max);
    }
    case 'discrete': {
      const weights = u.weights ?? u.values.map(() => 1);
      const target = v * weights.reduce((sum, w) => sum + w, 0);
      let cumulative = 0;
      let last = 0;
      for (let i = 0; i < weights.length; i++) {
        if (weights[i] === 0) continue;
        cumulative += weights[i];
        last = i;
        if (target < cumulative) return u.values[i];
      }
      return u.values[last]; // target rounded up to the total
    }
    case 'bernoulli':
      return v < u.p ? 1 : 0;
  }
}

function standardBounds({ mean, sd, min, max }: Normal): [number, number] {
  return [min === undefined ? -Infinity : (min - mean) / sd, max === undefined ? Infinity : (max - mean) / sd];
}

/** The normal's probability inside its bounds: 0 when sampling it is impossible. */
export function normalMass(u: Normal): number {
  if (u.sd === 0) return (u.min ?? -Infinity) <= u.mean && u.mean <= (u.max ?? Infinity) ? 1 : 0;
  const [a, b] = standardBounds(u);
  return standardMass(a, b);
}
