// The bench's targets from its measurements: the worst grid point decides, bounds are
// inclusive, a part not run is never met, and two workers must give the same numbers.
import { describe, expect, it } from 'vitest';
import { computeTargets, TARGET_NAMES, type TargetInputs } from './targets';

const none: TargetInputs = {
  grid: [],
  riskDrawsPerCpuSecond: null,
  riskTwoWorkers: null,
  appRisk10k: null,
  editToChart: null,
  sliderStep: null,
};

const all: TargetInputs = {
  grid: [
    { at: '50 × 60 × 1', editOverFlat: 2.5, simulateOverFlat: 1.5, hfOverEngineEdit: 400 },
    { at: '50 × 120 × 8', editOverFlat: 3.2, simulateOverFlat: 1.9, hfOverEngineEdit: 120 },
    { at: '500 × 240 × 32', editOverFlat: 1.1, simulateOverFlat: 2.4, hfOverEngineEdit: null },
  ],
  riskDrawsPerCpuSecond: 5200,
  riskTwoWorkers: { speedup: 1.8, identical: true },
  appRisk10k: { clickToResultsMs: 600, cliCpuMs: 1000 },
  editToChart: { appMs: 30, peerMs: 20 },
  sliderStep: { appMs: 50, peerMs: 20 },
};

describe('computeTargets', () => {
  it('takes the worst grid point for each ratio and says which it is', () => {
    const t = computeTargets(all);
    expect(t.engineEditOverFlat).toEqual({ target: '<= 3', value: 3.2, met: false, note: 'worst at 50 × 120 × 8' });
    expect(t.simulateOverFlat).toEqual({ target: '<= 2', value: 2.4, met: false, note: 'worst at 500 × 240 × 32' });
    // The point without a workbook does not count for HyperFormula.
    expect(t.hfOverEngineEdit).toEqual({ target: '>= 100', value: 120, met: true, note: 'worst at 50 × 120 × 8' });
  });

  it('works out the risk and screen ratios against their bounds', () => {
    const t = computeTargets(all);
    expect(t.riskDrawsPerCpuSecond).toMatchObject({ value: 5200, met: true });
    expect(t.riskTwoWorkers).toEqual({ target: '>= 1.7', value: 1.8, met: true, note: 'numbers identical' });
    expect(t.appRisk10k).toEqual({
      target: '<= 0.65',
      value: 0.6,
      met: true,
      note: 'click to results 600 ms wall / CLI thread 1000 ms CPU',
    });
    expect(t.editToChart).toEqual({ target: '<= 2', value: 1.5, met: true, note: 'app 30.0 ms / peer 20.0 ms' });
    expect(t.sliderStep).toMatchObject({ target: '<= 2', value: 2.5, met: false });
  });

  it('meets a bound exactly on it', () => {
    const t = computeTargets({
      ...all,
      grid: [{ at: 'a', editOverFlat: 3, simulateOverFlat: 2, hfOverEngineEdit: 100 }],
      riskDrawsPerCpuSecond: 5000,
      appRisk10k: { clickToResultsMs: 650, cliCpuMs: 1000 },
      editToChart: { appMs: 40, peerMs: 20 },
    });
    for (const name of [
      'engineEditOverFlat',
      'simulateOverFlat',
      'hfOverEngineEdit',
      'riskDrawsPerCpuSecond',
      'appRisk10k',
      'editToChart',
    ] as const)
      expect(t[name].met, name).toBe(true);
  });

  it('does not meet the two-worker target when the numbers differ, however fast', () => {
    const t = computeTargets({ ...all, riskTwoWorkers: { speedup: 1.95, identical: false } });
    expect(t.riskTwoWorkers).toEqual({ target: '>= 1.7', value: 1.95, met: false, note: 'numbers DIFFER' });
  });

  it('reports every target, unmet with no value, when nothing was measured', () => {
    const t = computeTargets(none);
    expect(Object.keys(t)).toEqual([...TARGET_NAMES]);
    for (const name of TARGET_NAMES) expect(t[name]).toMatchObject({ value: null, met: false, note: 'not measured' });
  });

  it('reports HyperFormula as not measured when no grid point built a workbook', () => {
    const t = computeTargets({ ...none, grid: [{ at: 'a', editOverFlat: 1, simulateOverFlat: 1, hfOverEngineEdit: null }] });
    expect(t.hfOverEngineEdit).toMatchObject({ value: null, met: false });
    expect(t.engineEditOverFlat).toMatchObject({ value: 1, met: true });
  });
});
