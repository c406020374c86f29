// Latin hypercube sampling (plan-format.md §9.1): in a run of N draws, each variable's
// uniforms fall one in each of N equal strata. Variable v's strata are dealt to the draws by
// a permutation fixed by (seed, v, N), which a worker makes once per run; draw k's place in
// its stratum comes from draw k's own stream. So draw k is the same whichever worker
// computes it, alone or with others.
import { nextUnit, permutationStream } from './random';

/** The largest double below x, for x > 0. */
function below(x: number): number {
  const bits = new Float64Array([x]);
  const word = new BigInt64Array(bits.buffer);
  word[0] -= 1n;
  return bits[0];
}

/**
 * The stratum of each draw for variable `variableIndex` in a run of `draws` draws seeded with
 * `seed`: a permutation of 0..draws−1 (a Fisher–Yates shuffle from the variable's own stream).
 */
export function strataOrder(seed: number, variableIndex: number, draws: number): Uint32Array {
  if (!Number.isSafeInteger(draws) || draws < 1 || draws > 2 ** 32)
    throw new RangeError(`draws must be a whole number 1 or more, got ${draws}`);
  const order = new Uint32Array(draws);
  for (let i = 0; i < draws; i++) order[i] = i;
  const g = permutationStream(seed, variableIndex);
  for (let i = draws - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(nextUnit(g) * (i + 1)));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}

/**
 * The uniform at fraction `jitter` (in [0, 1)) of stratum `stratum` of `draws`: always within
 * [stratum/draws, (stratum + 1)/draws) as the divisions round, and so below 1.
 */
export function stratifiedUnit(stratum: number, jitter: number, draws: number): number {
  const lo = stratum / draws;
  const hi = (stratum + 1) / draws;
  const u = lo + jitter * (hi - lo);
  return u < hi ? u : Math.max(lo, below(hi));
}
