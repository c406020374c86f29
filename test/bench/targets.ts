// The targets, worked out from a run's measurements: each as the target in words,
// the value measured (the worst over the grid where there is one) and whether it is met.
// Pure: the bench hands it what it measured; a part not run gives a value of null, not met.

/** What one grid point gave: ratios of CPU-time medians. */
export interface GridPointRatios {
  /** "N × M × S". */
  readonly at: string;
  readonly editOverFlat: number;
  readonly simulateOverFlat: number;
  /** HyperFormula's recalculation over the engine's edit; null where no workbook was built. */
  readonly hfOverEngineEdit: number | null;
}

export interface TargetInputs {
  /** Empty when the grid was not run. */
  readonly grid: readonly GridPointRatios[];
  /** Draws per CPU second on one thread, 20 × 120 plan. */
  readonly riskDrawsPerCpuSecond: number | null;
  /** Two workers' throughput over one worker's, at 10,000 draws, and whether both gave the same numbers. */
  readonly riskTwoWorkers: { readonly speedup: number; readonly identical: boolean } | null;
  /** Click Run to results in the harness, and the same draws' CPU time in one thread of the CLI's runner (ms). */
  readonly appRisk10k: { readonly clickToResultsMs: number; readonly cliCpuMs: number } | null;
  /** The app's time (ms) against the in-page peer's (the engine's edit + one render of the chart). */
  readonly editToChart: { readonly appMs: number; readonly peerMs: number } | null;
  readonly sliderStep: { readonly appMs: number; readonly peerMs: number } | null;
}

export interface TargetRow {
  readonly target: string;
  readonly value: number | null;
  readonly met: boolean;
  /** The grid point that gave the value, or what else decides the target. */
  readonly note?: string;
}

export const TARGET_NAMES = [
  'engineEditOverFlat',
  'simulateOverFlat',
  'hfOverEngineEdit',
  'riskDrawsPerCpuSecond',
  'riskTwoWorkers',
  'appRisk10k',
  'editToChart',
  'sliderStep',
] as const;
export type TargetName = (typeof TARGET_NAMES)[number];
export type Targets = Readonly<Record<TargetName, TargetRow>>;

const NOT_MEASURED = 'not measured';

type Pick = (point: GridPointRatios) => number | null;

/** The worst of the grid's values (largest for an upper bound, smallest for a lower), and where. */
function worstOver(grid: readonly GridPointRatios[], pick: Pick, worse: (a: number, b: number) => boolean) {
  let worst: { value: number; at: string } | null = null;
  for (const point of grid) {
    const value = pick(point);
    if (value === null || !Number.isFinite(value)) continue;
    if (!worst || worse(value, worst.value)) worst = { value, at: point.at };
  }
  return worst;
}

function atMost(limit: number, value: number | null, note?: string): TargetRow {
  const target = `<= ${limit}`;
  if (value === null) return { target, value: null, met: false, note: note ?? NOT_MEASURED };
  return { target, value, met: value <= limit, ...(note ? { note } : {}) };
}

function atLeast(limit: number, value: number | null, note?: string, also = true): TargetRow {
  const target = `>= ${limit}`;
  if (value === null) return { target, value: null, met: false, note: note ?? NOT_MEASURED };
  return { target, value, met: value >= limit && also, ...(note ? { note } : {}) };
}

function gridMax(grid: readonly GridPointRatios[], limit: number, pick: Pick): TargetRow {
  const worst = worstOver(grid, pick, (a, b) => a > b);
  return worst ? atMost(limit, worst.value, `worst at ${worst.at}`) : atMost(limit, null);
}

const round = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

function overPeer(pair: { readonly appMs: number; readonly peerMs: number } | null): TargetRow {
  return pair ? atMost(2, pair.appMs / pair.peerMs, `app ${round(pair.appMs)} ms / peer ${round(pair.peerMs)} ms`) : atMost(2, null);
}

export function computeTargets(m: TargetInputs): Targets {
  const hf = worstOver(
    m.grid,
    (p) => p.hfOverEngineEdit,
    (a, b) => a < b,
  );
  const two = m.riskTwoWorkers;
  const risk = m.appRisk10k;
  return {
    engineEditOverFlat: gridMax(m.grid, 3, (p) => p.editOverFlat),
    simulateOverFlat: gridMax(m.grid, 2, (p) => p.simulateOverFlat),
    hfOverEngineEdit: hf ? atLeast(100, hf.value, `worst at ${hf.at}`) : atLeast(100, null),
    riskDrawsPerCpuSecond: atLeast(5000, m.riskDrawsPerCpuSecond),
    riskTwoWorkers: two
      ? atLeast(1.7, two.speedup, two.identical ? 'numbers identical' : 'numbers DIFFER', two.identical)
      : atLeast(1.7, null),
    appRisk10k: risk
      ? atMost(
          0.65,
          risk.clickToResultsMs / risk.cliCpuMs,
          `click to results ${round(risk.clickToResultsMs)} ms wall / CLI thread ${round(risk.cliCpuMs)} ms CPU`,
        )
      : atMost(0.65, null),
    editToChart: overPeer(m.editToChart),
    sliderStep: overPeer(m.sliderStep),
  };
}
