// The Risk screen's preview of a pair of uncertain variables: the first 500 draws of the
// scenario's sampling and correlations (shared/uncertainty/sampler.ts), the values of the two,
// and the rank correlation they show. Cheap enough for the page: no engine, no worker.
import type { Scenario } from '../../shared/plan';
import { DrawSampler } from '../../shared/uncertainty/sampler';
import { spearman } from '../../shared/uncertainty/stats';

export const PREVIEW_DRAWS = 500;

export interface PairPreview {
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** The Spearman rank correlation of the drawn pairs; null when one side never varies. */
  readonly rank: number | null;
}

/** Null when the scenario cannot be drawn as stored (a variable missing, correlations that do not hold). */
export function pairPreview(scenario: Scenario, x: string, y: string, seed: number): PairPreview | null {
  const uncertainty = scenario.uncertainty ?? [];
  if (!uncertainty.some((u) => u.variable === x) || !uncertainty.some((u) => u.variable === y)) return null;
  let sampler: DrawSampler;
  try {
    sampler = new DrawSampler({
      uncertainty,
      correlations: scenario.correlations,
      sampling: scenario.sampling,
      seed,
      draws: PREVIEW_DRAWS,
    });
  } catch {
    return null;
  }
  const xs = new Float64Array(PREVIEW_DRAWS);
  const ys = new Float64Array(PREVIEW_DRAWS);
  const points: { x: number; y: number }[] = [];
  for (let k = 0; k < PREVIEW_DRAWS; k++) {
    const values = sampler.values(k);
    xs[k] = values[x];
    ys[k] = values[y];
    points.push({ x: values[x], y: values[y] });
  }
  return { points, rank: spearman(xs, ys) };
}
