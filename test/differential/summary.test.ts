// The summary (simulateSummary) against the full result (simulate) on random plans (many
// with actuals) and the shared fixtures: every figure the summary gives is the full result's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOME_CODE, simulate, simulateSummary } from '../../shared/engine';
import type { ResolvedScenario } from '../../shared/resolve';
import { exposureByMonth, writeExposure } from '../../shared/uncertainty/exposure';
import { validatePlan } from '../../shared/validate';
import { generatePlan } from '../bench/generate';
import { authoringPlan, delayedDemoPlan, demoPlan, demoWithActuals, workedExample } from '../fixtures';
import { planArb } from './generate';

/** The summary's view of the full result, built from the full result's objects. */
function fromFull(scenario: ResolvedScenario) {
  const result = simulate(scenario);
  return {
    id: result.id,
    underwriter: result.underwriter,
    totals: result.totals,
    outcomes: Array.from(result.interventions, (r) => OUTCOME_CODE[r.outcome]),
    closes: result.interventions.filter((r) => r.outcome === 'closes').map((r) => r.id),
    atRiskByYear: result.years.map((y) => y.atRisk),
    byMonth: {
      spend: result.months.map((m) => m.spend),
      funding: result.months.map((m) => m.funding),
      atRisk: result.months.map((m) => (m.atRisk ? 1 : 0)),
    },
    exposure: exposureByMonth(result),
  };
}

function fromSummary(scenario: ResolvedScenario) {
  const summary = simulateSummary(scenario, { byMonth: true });
  const months = summary.byMonth!;
  const exposure = new Float64Array(scenario.horizonMonths);
  writeExposure(scenario.horizonStart, months, exposure, 0);
  return {
    id: summary.id,
    underwriter: summary.underwriter,
    totals: summary.totals,
    outcomes: Array.from(summary.outcomes),
    closes: summary.closes,
    atRiskByYear: Array.from(summary.atRiskByYear),
    byMonth: { spend: Array.from(months.spend), funding: Array.from(months.funding), atRisk: Array.from(months.atRisk) },
    exposure: Array.from(exposure),
  };
}

function scenariosOf(plan: unknown): readonly ResolvedScenario[] {
  const validation = validatePlan(plan);
  return validation.ok ? validation.scenarios : [];
}

describe('the summary', () => {
  it('equals the full result on 200 random plans', () => {
    let compared = 0;
    fc.assert(
      fc.property(planArb(), (plan) => {
        for (const scenario of scenariosOf(plan)) {
          expect(fromSummary(scenario)).toEqual(fromFull(scenario));
          compared++;
        }
      }),
      { numRuns: 200, seed: 20261202 },
    );
    // Most random plans are valid: the comparison is not vacuous.
    expect(compared).toBeGreaterThan(200);
  });

  it('equals the full result on the shared plans and a generated one', () => {
    const plans = [
      workedExample(),
      demoPlan(),
      demoWithActuals(),
      delayedDemoPlan(),
      authoringPlan(),
      generatePlan({ interventions: 40, months: 60, scenarios: 9, prudent: true }),
    ];
    let closures = 0;
    for (const plan of plans) {
      for (const scenario of scenariosOf(plan)) {
        const summary = fromSummary(scenario);
        expect(summary).toEqual(fromFull(scenario));
        closures += summary.totals.closures;
      }
    }
    expect(closures).toBeGreaterThan(0);
  });

  it('is not changed by the simulations after it', () => {
    const [a, b] = scenariosOf(generatePlan({ interventions: 20, months: 36, scenarios: 2 }));
    const first = simulateSummary(a, { byMonth: true });
    const copy = structuredClone(first);
    simulateSummary(b, { byMonth: true });
    simulate(b);
    expect(first).toEqual(copy);
  });
});
