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

/** 1-based ranks of `values`, tied values sharing the average of the ranks they span. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2; // the mean of ranks start+1 .. end
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    start = end;
  }
  return ranks;
}

/**
 * Spearman's rank correlation of paired values: the Pearson correlation of their average ranks
 * (ties handled as statisticians do). Null when either side has one value only, so no ordering.
 */
export function spearman(xs: ArrayLike<number>, ys: ArrayLike<number>): number | null {
  if (xs.length !== ys.length) throw new RangeError(`cannot pair ${xs.length} values with ${ys.length}`);
  return pearson(averageRanks(xs), averageRanks(ys));
}

function pearson(xs: Float64Array, ys: Float64Array): number | null {
  const n = xs.length;
  if (n === 0) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
