import { z } from 'zod';
import { variableNameProblem } from '../names';
import { normalMass, quantile } from './quantiles';
import { drawStream, nextUnit, type UniformSource } from './random';

const DISTS = 'uniform, triangular, normal, discrete, bernoulli';
export const VariableNameSchema = z
  .string()
  .min(1, 'must name a variable')
  .superRefine((name, ctx) => {
    const problem = name === '' ? null : variableNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const atLeast0 = z.number().min(0, { error: (iss) => `${iss.input} is below 0` });
const fail = (ctx: z.RefinementCtx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

const UniformSchema = z
  .strictObject({ variable: VariableNameSchema, dist: z.literal('uniform'), min: z.number(), max: z.number() })
  .superRefine(({ min, max }, ctx) => {
    if (min > max) fail(ctx, ['min'], `${min} is above max ${max}`);
  });

// min <= mode <= max already forces all three to be equal when min = max.
const TriangularSchema = z
  .strictObject({ variable: VariableNameSchema, dist: z.literal('triangular'), min: z.number(), mode: z.number(), max: z.number() })
  .superRefine(({ min, mode, max }, ctx) => {
    if (min > max) fail(ctx, ['min'], `${min} is above max ${max}`);
    else if (mode < min) fail(ctx, ['mode'], `${mode} is below min ${min}`);
    else if (mode > max) fail(ctx, ['mode'], `${mode} is above max ${max}`);
  });

const NormalSchema = z
  .strictObject({
    variable: VariableNameSchema,
    dist: z.literal('normal'),
    mean: z.number(),
    sd: atLeast0,
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((u, ctx) => {
    const { mean, sd, min, max } = u;
    if (min !== undefined && max !== undefined && min >= max) fail(ctx, ['min'], `${min} is not below max ${max}`);
    else if (normalMass(u) === 0) {
      const [bound, side] = min !== undefined && min > mean ? (['min', 'above'] as const) : (['max', 'below'] as const);
      fail(ctx, [bound], `${u[bound]} is too far ${side} mean ${mean} (sd ${sd}) for the range to have any probability`);
    }
  });

const DiscreteSchema = z
  .strictObject({
    variable: VariableNameSchema,
    dist: z.literal('discrete'),
    values: z.array(z.number()).min(1, 'must list at least one value'),
    weights: z.array(atLeast0).optional(),
  })
  .superRefine(({ values, weights }, ctx) => {
    if (!weights) return;
    const total = weights.reduce((sum, w) => sum + w, 0);
    if (weights.length !== values.length) fail(ctx, ['weights'], `has ${weights.length} entries for ${values.length} values`);
    else if (total === 0) fail(ctx, ['weights'], 'are all 0; at least one must be above 0');
    else if (!Number.isFinite(total)) fail(ctx, ['weights'], 'are too large to add up');
  });

const BernoulliSchema = z.strictObject({
  variable: VariableNameSchema,
  dist: z.literal('bernoulli'),
  p: atLeast0.max(1, { error: (iss) => `${iss.input} is above 1` }),
});

export const UncertaintySchema = z.discriminatedUnion(
  'dist',
  [UniformSchema, TriangularSchema, NormalSchema, DiscreteSchema, BernoulliSchema],
  {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return undefined;
      const dist = (iss.input as { dist?: unknown } | undefined)?.dist;
      return dist === undefined ? `is missing; use one of ${DISTS}` : `${JSON.stringify(dist)} is not one of ${DISTS}`;
    },
  },
);

export type Uncertainty = z.infer<typeof UncertaintySchema>;

const within = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Draws one value by inverse CDF. It consumes exactly one uniform whatever the parameters,
 * so editing one entry leaves the draws of the entries after it unchanged.
 */
export function sample(u: Uncertainty, g: UniformSource): number {
  return quantile(nextUnit(g), u);
}

/** The value a deterministic run uses. */
export function centralValue(u: Uncertainty): number {
  switch (u.dist) {
    case 'uniform':
      return (u.min + u.max) / 2;
    case 'triangular':
      return u.mode;
    case 'normal':
      return within(u.mean, u.min ?? -Infinity, u.max ?? Infinity);
    case 'discrete': {
      const weights = u.weights ?? [];
      let best = 0;
      for (let i = 1; i < weights.length; i++) if (weights[i] > weights[best]) best = i;
      return u.values[best];
    }
    case 'bernoulli':
      return u.p >= 0.5 ? 1 : 0;
  }
}

/** One draw of every entry, in list order, from draw `drawIndex`'s own stream. */
export function sampleAll(list: Uncertainty[], seed: number, drawIndex: number): Record<string, number> {
  const g = drawStream(seed, drawIndex);
  return Object.fromEntries(list.map((u) => [u.variable, sample(u, g)]));
}
