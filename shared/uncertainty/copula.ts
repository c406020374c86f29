// The Gaussian copula (plan-format.md §9.1): independent standard normals z made correlated
// as L·z, L the Cholesky factor of the normals' correlation matrix; each variable then takes
// its distribution's quantile at Φ of its correlated normal.
import { cholesky, correlationMatrix, type Correlation } from './correlation';
import type { Uncertainty } from './distributions';
import { normalCdf, normalQuantile } from './normal';
import { LAST_UNIT } from './quantiles';

/** The copula of one scenario's uncertain variables, in list order. */
export interface Copula {
  /**
   * Row i of the Cholesky factor, or null when it is the unit row (variable i is correlated
   * with no variable before it): its normal is its own, so its uniform is kept as it is.
   */
  readonly rows: readonly (Float64Array | null)[];
}

/** The copula for a scenario's uncertainty and correlations; null when nothing is correlated. Throws on a matrix validation refuses. */
export function copulaFor(uncertainty: readonly Uncertainty[], correlations: readonly Correlation[]): Copula | null {
  if (correlations.length === 0) return null;
  const names = uncertainty.map((u) => u.variable);
  const factor = cholesky(correlationMatrix(names, correlations));
  if (!factor) throw new RangeError('the correlations are not positive definite');
  return { rows: factor.map((row, i) => (row.subarray(0, i).every((x) => x === 0) ? null : row.slice(0, i + 1))) };
}

/** Correlated normals L·z for independent standard normals z (the unit rows' normals unchanged). */
export function correlatedNormals(copula: Copula, z: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(z);
  copula.rows.forEach((row, i) => {
    if (!row) return;
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += row[j] * z[j];
    out[i] = sum;
  });
  return out;
}

/**
 * The copula applied to independent uniforms (from a draw's stream or a Latin hypercube), in
 * place: each correlated variable's uniform becomes Φ of its correlated normal, kept in
 * [0, 1 − 2^-53] as the quantiles require. The others are left bit for bit.
 */
export function correlateUnits(copula: Copula, units: Float64Array): void {
  // A uniform of 0 is read as the middle of its 2^-53 cell, as the quantiles read it.
  const z = Array.from(units, (u) => normalQuantile(Math.max(u, 2 ** -54)));
  const correlated = correlatedNormals(copula, z);
  copula.rows.forEach((row, i) => {
    if (row) units[i] = Math.min(LAST_UNIT, normalCdf(correlated[i]));
  });
}
