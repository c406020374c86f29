// One draw's sampled values (plan-format.md §9, §9.1): each uncertain variable's uniform from
// the draw's own stream (random) or its Latin hypercube stratum, then the copula when the
// scenario correlates variables, then each distribution's quantile. Made once per run (the
// strata orders and the Cholesky factor); draw k then depends on (seed, k) and the run's
// settings only, so any split of the draws across workers gives the same values.
import { copulaFor, correlateUnits, type Copula } from './copula';
import type { Correlation, Sampling } from './correlation';
import type { Uncertainty } from './distributions';
import { stratifiedUnit, strataOrder } from './latin-hypercube';
import { quantile } from './quantiles';
import { drawStream, nextUnit } from './random';

export interface SamplingSettings {
  readonly uncertainty: readonly Uncertainty[];
  readonly correlations?: readonly Correlation[];
  readonly sampling?: Sampling;
  readonly seed: number;
  /** Draws in the run: Latin hypercube strata are 1/draws wide. */
  readonly draws: number;
}

export class DrawSampler {
  private readonly uncertainty: readonly Uncertainty[];
  private readonly seed: number;
  private readonly draws: number;
  private readonly copula: Copula | null;
  /** Each variable's strata order, when sampling by Latin hypercube. */
  private readonly strata: readonly Uint32Array[] | null;

  constructor(settings: SamplingSettings) {
    const { uncertainty, correlations = [], sampling = 'random', seed, draws } = settings;
    if (!Number.isSafeInteger(draws) || draws < 1) throw new RangeError(`draws must be a whole number 1 or more, got ${draws}`);
    this.uncertainty = uncertainty;
    this.seed = seed;
    this.draws = draws;
    this.copula = copulaFor(uncertainty, correlations);
    this.strata = sampling === 'latin-hypercube' ? uncertainty.map((_, v) => strataOrder(seed, v, draws)) : null;
  }

  /** Draw k's uniforms, one per variable in list order, after the copula. */
  units(drawIndex: number): Float64Array {
    if (drawIndex >= this.draws) throw new RangeError(`draw ${drawIndex} is beyond the run's ${this.draws} draws`);
    const g = drawStream(this.seed, drawIndex);
    const units = new Float64Array(this.uncertainty.length);
    for (let v = 0; v < units.length; v++) {
      const unit = nextUnit(g);
      units[v] = this.strata ? stratifiedUnit(this.strata[v][drawIndex], unit, this.draws) : unit;
    }
    if (this.copula) correlateUnits(this.copula, units);
    return units;
  }

  /** Draw k's value of every uncertain variable. */
  values(drawIndex: number): Record<string, number> {
    const units = this.units(drawIndex);
    return Object.fromEntries(this.uncertainty.map((u, v) => [u.variable, quantile(units[v], u)]));
  }
}

/** Draw k's values, for a caller that needs one draw; a run makes one DrawSampler and reuses it. */
export function sampleDraw(settings: SamplingSettings, drawIndex: number): Record<string, number> {
  return new DrawSampler(settings).values(drawIndex);
}
