// Correlations between a scenario's uncertain variables (plan-format.md §9.1): their schema,
// the matrix of the normals that carries them (2·sin(π·rank/6), so that the Gaussian copula
// gives each pair its Spearman rank correlation), its Cholesky factor, and the checks that
// name each problem by its place.
import { z } from 'zod';
import { VariableNameSchema, type Uncertainty } from './distributions';

export const CorrelationSchema = z.strictObject({
  between: z.array(VariableNameSchema).length(2, { error: 'must name two uncertain variables' }),
  rank: z
    .number()
    .min(-1, { error: (iss) => `${iss.input} is below -1; a rank correlation is between -1 and 1` })
    .max(1, { error: (iss) => `${iss.input} is above 1; a rank correlation is between -1 and 1` }),
});

export const SamplingSchema = z.enum(['random', 'latin-hypercube'], {
  error: (iss) => `${JSON.stringify(iss.input)} is not a sampling (random or latin-hypercube)`,
});

export type Correlation = z.infer<typeof CorrelationSchema>;
export type Sampling = z.infer<typeof SamplingSchema>;

/** The correlation of two standard normals whose Φ values have Spearman correlation `rank`. */
export const normalCorrelation = (rank: number): number => 2 * Math.sin((Math.PI * rank) / 6);

/** A pivot at or below this leaves the matrix singular to working precision: not positive definite. */
const PIVOT_FLOOR = 1e-12;

/**
 * The lower-triangular L with L·Lᵀ = `matrix` (symmetric, rows of equal length), or null when
 * the matrix is not positive definite.
 */
export function cholesky(matrix: readonly (readonly number[])[]): Float64Array[] | null {
  const { factor, failsAt } = decompose(matrix);
  return failsAt === null ? factor : null;
}

/** The row at which the Cholesky decomposition fails (its leading block is not positive definite), or null. */
const choleskyFailure = (matrix: readonly (readonly number[])[]): number | null => decompose(matrix).failsAt;

function decompose(matrix: readonly (readonly number[])[]): { factor: Float64Array[]; failsAt: number | null } {
  const n = matrix.length;
  const factor = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i][j];
      for (let k = 0; k < j; k++) sum -= factor[i][k] * factor[j][k];
      if (i === j) {
        if (!(sum > PIVOT_FLOOR)) return { factor, failsAt: i };
        factor[i][i] = Math.sqrt(sum);
      } else factor[i][j] = sum / factor[j][j];
    }
  }
  return { factor, failsAt: null };
}

/** The normals' correlation matrix over `variables` (in that order), 1 on the diagonal. */
export function correlationMatrix(variables: readonly string[], correlations: readonly Correlation[]): number[][] {
  const index = new Map(variables.map((name, i) => [name, i]));
  const matrix: number[][] = variables.map((_, i) => variables.map((__, j) => (i === j ? 1 : 0)));
  for (const { between, rank } of correlations) {
    const [i, j] = between.map((name) => index.get(name));
    if (i === undefined || j === undefined) throw new RangeError(`"${between.join('", "')}" are not all uncertain`);
    matrix[i][j] = matrix[j][i] = normalCorrelation(rank);
  }
  return matrix;
}

export interface CorrelationProblem {
  /** The place inside the scenario, such as ['correlations', 0, 'rank']. */
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Every problem of a scenario's correlations: a variable that is not uncertain in it, a
 * variable paired with itself, a pair given twice (in either order), and, once each entry is
 * sound, a matrix that is not positive definite.
 */
export function correlationProblems(uncertainty: readonly Uncertainty[], correlations: readonly Correlation[]): CorrelationProblem[] {
  const problems: CorrelationProblem[] = [];
  const uncertain = new Set(uncertainty.map((u) => u.variable));
  const seen = new Map<string, number>();
  correlations.forEach(({ between }, ci) => {
    const before = problems.length;
    between.forEach((name, bi) => {
      if (!uncertain.has(name))
        problems.push({ path: ['correlations', ci, 'between', bi], message: `"${name}" is not uncertain in this scenario` });
    });
    const [a, b] = between;
    if (a === b) problems.push({ path: ['correlations', ci, 'between'], message: `pairs "${a}" with itself` });
    if (problems.length > before) return;
    const key = [a, b].sort().join('\u0000');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, ci);
    else
      problems.push({
        path: ['correlations', ci, 'between'],
        message: `"${a}" and "${b}" are already correlated at correlations[${first}]`,
      });
  });
  if (problems.length > 0) return problems;

  const variables = uncertainty.map((u) => u.variable);
  const matrix = correlationMatrix(variables, correlations);
  const failsAt = choleskyFailure(matrix);
  if (failsAt === null) return [];
  const whole = correlations.findIndex(({ rank }) => Math.abs(rank) === 1);
  if (whole >= 0) {
    const { between, rank } = correlations[whole];
    return [
      {
        path: ['correlations', whole, 'rank'],
        message: `${rank} would make "${between[0]}" and "${between[1]}" move as one, which a copula cannot draw (its matrix is not positive definite); use a rank strictly between -1 and 1, such as ${rank * 0.99}`,
      },
    ];
  }
  // The first `failsAt` variables' correlations hold together; with the next one's they do not.
  const involved = variables.slice(0, failsAt + 1).filter((_, i) => matrix[i].some((r, j) => j !== i && j <= failsAt && r !== 0));
  const names = involved.map((name) => `"${name}"`);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
  problems.push({
    path: ['correlations'],
    message: `cannot hold together: the ranks between ${listed} contradict each other (the matrix of 2·sin(π·rank/6) is not positive definite); weaken one of them`,
  });
  return problems;
}
