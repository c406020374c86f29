// Draws resolved through the compiled plan (only what the sampled values reach is resolved
// again) equal draws resolved from nothing: every draw's scenario, and the draw runner's batch.
import { describe, expect, it } from 'vitest';
import { compilePlan } from '../../shared/compiled/compile';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { resolveScenario } from '../../shared/resolve';
import { sampleAll } from '../../shared/uncertainty/distributions';
import { CLOSES, TRANSITIONS } from '../../shared/uncertainty/draws';
import { createDrawRunner } from '../../shared/uncertainty/risk';
import { generatePlan, RISK_SCENARIO_ID } from '../bench/generate';
import { uncertainDemoJson, valid } from './plans';

const DRAWS = 200;

/** The draws as the runner gave them before plans were compiled: each resolved from nothing. */
function drawsFromNothing(plan: Plan, scenarioId: string, seed: number) {
  const uncertainty = plan.scenarios!.find((s) => s.id === scenarioId)!.uncertainty!;
  return Array.from({ length: DRAWS }, (_, k) => {
    const resolved = resolveScenario(plan, scenarioId, sampleAll(uncertainty, seed, k)).scenario!;
    const result = simulate(resolved);
    return {
      flags: result.interventions.map((r) => (r.outcome === 'closes' ? CLOSES : r.outcome === 'transitions' ? TRANSITIONS : 0)),
      drawn: result.totals.drawn,
      atRisk: result.totals.peakAtRisk,
      users: result.totals.usersLosingSupport,
    };
  });
}

const cases: [string, () => Plan, string][] = [
  ['the generated 20 × 120 plan', () => generatePlan({ interventions: 20, months: 120, scenarios: 3, uncertain: true }), RISK_SCENARIO_ID],
  ['the demo plan', () => valid(uncertainDemoJson()), 'uncertain'],
];

describe.each(cases)('draws of %s', (_name, makePlan, scenarioId) => {
  const plan = makePlan();
  const uncertainty = plan.scenarios!.find((s) => s.id === scenarioId)!.uncertainty!;

  it(`resolves each of ${DRAWS} draws as resolveScenario does with the same values`, () => {
    const compiled = compilePlan(plan);
    for (let k = 0; k < DRAWS; k++) {
      const values = sampleAll(uncertainty, 11, k);
      expect(compiled.resolve(scenarioId, values)).toStrictEqual(resolveScenario(plan, scenarioId, values));
    }
  });

  it(`gives the batch of ${DRAWS} draws that resolving each from nothing gives`, () => {
    const batch = createDrawRunner(plan, scenarioId, 11).run(0, DRAWS);
    const expected = drawsFromNothing(plan, scenarioId, 11);
    const n = plan.interventions.length;
    expected.forEach((draw, k) => {
      expect([...batch.outcomes.subarray(k * n, (k + 1) * n)]).toEqual(draw.flags);
      expect([batch.drawn[k], batch.atRisk[k], batch.usersLosingSupport[k]]).toEqual([draw.drawn, draw.atRisk, draw.users]);
    });
    // The draws differ from one another: the sampled values reach the results.
    expect(new Set(batch.drawn).size + new Set(batch.atRisk).size).toBeGreaterThan(2);
  });
});
