/** Mean and nearest-rank percentiles of a risk run's values. All null for an empty run: 0 would read as a real result. */
export type Summary = { mean: number; p10: number; p50: number; p90: number } | { mean: null; p10: null; p50: null; p90: null };

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { mean: null, p10: null, p50: null, p90: null };
  const sorted = Float64Array.from(values).sort();
  return {
    mean: exactSum(values) / values.length,
    p10: nearestRank(sorted, 10),
    p50: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
  };
}

/** The value at 1-based rank ceil(p/100 × N) of ascending values; p is a whole percentage. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  // p × N is an exact integer, so the quotient's ceiling is right: 0.1 × 30 would give rank 4.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1];
}

/**
 * The correctly rounded sum of finite values (Shewchuk's exact partials, as Python's
 * math.fsum). Being exact, it does not depend on the order or grouping of the values,
 * so a mean is identical however the draws were split across workers.
 */
export function exactSum(values: readonly number[]): number {
  const partials: number[] = []; // non-overlapping, increasing in magnitude; their sum is exact
  for (let x of values) {
    if (!Number.isFinite(x)) throw new RangeError(`cannot sum ${x}`);
    let kept = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    partials.length = kept;
    partials.push(x);
  }
  // Add from the largest down until a rounding error appears; then fix a half-way tie
  // that the remaining partials break (CPython's fsum).
  let n = partials.length;
  if (n === 0) return 0;
  let hi = partials[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = partials[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
