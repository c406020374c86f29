// A scenario's correlations and sampling (plan-format.md §9.1): every problem named by its place.
import { describe, expect, it } from 'vitest';
import { validatePlan } from '../../shared/validate';
import { cholesky, correlationMatrix, normalCorrelation } from '../../shared/uncertainty/correlation';
import { plan, problems } from './helpers';

const uncertainty = [
  { variable: 'level', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
  { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
  { variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 },
];

/** A plan whose third scenario (index 2) has these extra fields. */
const withScenario = (extra: Record<string, unknown>) =>
  plan({
    scenarios: [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B', uncertainty: [{ variable: 'other', dist: 'bernoulli', p: 0.5 }] },
      { id: 'c', name: 'C', uncertainty, ...extra },
    ],
  });

describe('correlations and sampling are accepted', () => {
  it('with ranks within -1..1 between uncertain variables, and either sampling', () => {
    for (const extra of [
      { correlations: [{ between: ['level', 'delay'], rank: -0.6 }] },
      {
        correlations: [
          { between: ['level', 'delay'], rank: 0.5 },
          { between: ['uplift', 'level'], rank: 0.5 },
          { between: ['delay', 'uplift'], rank: 0.5 },
        ],
        sampling: 'latin-hypercube',
      },
      { correlations: [{ between: ['level', 'uplift'], rank: 0.99 }], sampling: 'random' },
      { correlations: [] },
    ]) {
      const validation = validatePlan(withScenario(extra));
      expect(validation.ok, JSON.stringify(extra)).toBe(true);
    }
  });
});

describe('correlations and sampling are refused at their place', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'a rank above 1',
      { correlations: [{ between: ['level', 'delay'], rank: 1.2 }] },
      ['scenarios[2].correlations[0].rank: 1.2 is above 1; a rank correlation is between -1 and 1'],
    ],
    [
      'a rank below -1',
      {
        correlations: [
          { between: ['level', 'delay'], rank: 0.3 },
          { between: ['level', 'uplift'], rank: -1.5 },
        ],
      },
      ['scenarios[2].correlations[1].rank: -1.5 is below -1; a rank correlation is between -1 and 1'],
    ],
    [
      'a pair of one name',
      { correlations: [{ between: ['level'], rank: 0.3 }] },
      ['scenarios[2].correlations[0].between: must name two uncertain variables'],
    ],
    [
      'an unknown field and an unknown sampling',
      { correlations: [{ between: ['level', 'delay'], rank: 0.3, kind: 'rank' }], sampling: 'sobol' },
      [
        'scenarios[2].correlations[0].kind: is not a field Headroom knows',
        'scenarios[2].sampling: "sobol" is not a sampling (random or latin-hypercube)',
      ],
    ],
    [
      'a variable that is not uncertain in this scenario (but is in another)',
      { correlations: [{ between: ['level', 'other'], rank: 0.3 }] },
      ['scenarios[2].correlations[0].between[1]: "other" is not uncertain in this scenario'],
    ],
    [
      'a self-pair',
      { correlations: [{ between: ['delay', 'delay'], rank: 0.3 }] },
      ['scenarios[2].correlations[0].between: pairs "delay" with itself'],
    ],
    [
      'a pair given twice, in the other order',
      {
        correlations: [
          { between: ['level', 'delay'], rank: 0.3 },
          { between: ['level', 'uplift'], rank: 0.3 },
          { between: ['delay', 'level'], rank: 0.4 },
        ],
      },
      ['scenarios[2].correlations[2].between: "delay" and "level" are already correlated at correlations[0]'],
    ],
    [
      'a pair given twice in the same order, beside a self-pair and an unknown name',
      {
        correlations: [
          { between: ['level', 'delay'], rank: 0.3 },
          { between: ['level', 'delay'], rank: 0.3 },
          { between: ['uplift', 'uplift'], rank: 0.1 },
          { between: ['nobody', 'level'], rank: 0.1 },
        ],
      },
      [
        'scenarios[2].correlations[1].between: "level" and "delay" are already correlated at correlations[0]',
        'scenarios[2].correlations[2].between: pairs "uplift" with itself',
        'scenarios[2].correlations[3].between[0]: "nobody" is not uncertain in this scenario',
      ],
    ],
    [
      'three ranks that cannot hold together',
      {
        correlations: [
          { between: ['level', 'delay'], rank: 0.9 },
          { between: ['delay', 'uplift'], rank: 0.9 },
          { between: ['level', 'uplift'], rank: -0.9 },
        ],
      },
      [
        'scenarios[2].correlations: cannot hold together: the ranks between "level", "delay" and "uplift" contradict each other (the matrix of 2·sin(π·rank/6) is not positive definite); weaken one of them',
      ],
    ],
    [
      'two strong ranks with the third pair left uncorrelated',
      {
        correlations: [
          { between: ['level', 'delay'], rank: 0.9 },
          { between: ['delay', 'uplift'], rank: 0.9 },
        ],
      },
      [
        'scenarios[2].correlations: cannot hold together: the ranks between "level", "delay" and "uplift" contradict each other (the matrix of 2·sin(π·rank/6) is not positive definite); weaken one of them',
      ],
    ],
    [
      'a rank of exactly 1 (within range, but the matrix is singular)',
      {
        correlations: [
          { between: ['level', 'delay'], rank: 0.2 },
          { between: ['uplift', 'level'], rank: -1 },
        ],
      },
      [
        'scenarios[2].correlations[1].rank: -1 would make "uplift" and "level" move as one, which a copula cannot draw (its matrix is not positive definite); use a rank strictly between -1 and 1, such as -0.99',
      ],
    ],
  ])('%s', (_, extra, expected) => expect(problems(withScenario(extra))).toEqual(expected));

  it('adding the third rank makes two that could not hold alone hold together', () => {
    const correlations = [
      { between: ['level', 'delay'], rank: 0.9 },
      { between: ['delay', 'uplift'], rank: 0.9 },
      { between: ['level', 'uplift'], rank: 0.8 },
    ];
    expect(validatePlan(withScenario({ correlations })).ok).toBe(true);
  });
});

describe('the normals’ correlation matrix and its Cholesky factor', () => {
  it('2·sin(π·rank/6): 0 at 0, ±1 at ±1, 0.5176 at 0.5', () => {
    expect([normalCorrelation(0), normalCorrelation(1), normalCorrelation(-1)]).toEqual([0, 1, -1].map((x) => expect.closeTo(x, 15)));
    expect(normalCorrelation(0.5)).toBeCloseTo(0.5176380902, 9);
  });

  it('L·Lᵀ gives the matrix back; a singular or indefinite matrix has none', () => {
    const matrix = correlationMatrix(
      ['a', 'b', 'c'],
      [
        { between: ['a', 'b'], rank: 0.6 },
        { between: ['c', 'b'], rank: -0.3 },
      ],
    );
    expect(matrix[0][1]).toBe(normalCorrelation(0.6));
    expect(matrix[2][1]).toBe(matrix[1][2]);
    expect(matrix[0][2]).toBe(0);
    const factor = cholesky(matrix)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let k = 0; k < 3; k++) sum += factor[i][k] * factor[j][k];
        expect(sum).toBeCloseTo(matrix[i][j], 14);
      }
      for (let j = i + 1; j < 3; j++) expect(factor[i][j]).toBe(0);
    }
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(
      cholesky([
        [1, 0.9, 0],
        [0.9, 1, 0.9],
        [0, 0.9, 1],
      ]),
    ).toBeNull();
  });
});
