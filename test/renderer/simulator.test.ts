// The worker's simulator, sent plan after plan (copies, as postMessage gives them), answers
// each exactly as validating and simulating that plan from nothing does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanValidator } from '../../shared/compiled/validator';
import { simulate } from '../../shared/engine';
import { withoutActuals } from '../../shared/outturn';
import type { Plan } from '../../shared/plan';
import { resolveScenario } from '../../shared/resolve';
import { uncertainVariableUses } from '../../shared/uncertainty/variable-use';
import { validatePlan } from '../../shared/validate';
import { createSimulator, type SimOutcome } from '../../renderer/logic/simulation';
import { resolvedView } from '../../renderer/logic/resolved';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { generatePlan } from '../bench/generate';
import { BREAKING_EDITS, EDITS } from '../core/plan-edits';

/** What the worker answered before it kept anything between plans. */
function fromNothing(plan: unknown): SimOutcome {
  const validation = validatePlan(plan);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  const checked = validation.plan;
  const planned = checked.actuals ? withoutActuals(checked) : null;
  const uses = (id: string) =>
    checked.scenarios?.find((s) => s.id === id)?.uncertainty?.length ? uncertainVariableUses(checked, id) : null;
  return {
    ok: true,
    results: validation.scenarios.map(simulate),
    resolved: validation.scenarios.map((s) => resolvedView(s, uses(s.id))),
    budgets: planned ? validation.scenarios.map((s) => simulate(resolveScenario(planned, s.id).scenario!)) : null,
  };
}

const ALL = { ...EDITS, ...BREAKING_EDITS };

describe('the simulator kept between requests', () => {
  it('validates and simulates each plan of a run of edits as from nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(ALL)), fc.nat(10_000)), { minLength: 1, maxLength: 6 }),
        (seed, edits) => {
          const run = createSimulator();
          const validator = new PlanValidator();
          let plan: Plan = generatePlan({
            interventions: 6 + (seed % 6),
            months: 24,
            scenarios: 1 + (seed % 4),
            seed,
            uncertain: seed % 3 === 0,
          });
          const check = (p: Plan) => {
            const sent = structuredClone(p);
            expect(validator.validate(structuredClone(p)).validation).toStrictEqual(validatePlan(sent));
            expect(run(structuredClone(p))).toStrictEqual(fromNothing(sent));
          };
          check(plan);
          for (const [name, pick] of edits) {
            const next = ALL[name](plan, pick);
            check(next);
            // A breaking edit is undone by the next one, as a person correcting a typo.
            if (!(name in BREAKING_EDITS)) plan = next;
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('takes the unchanged parts of a plan from the plan before', () => {
    const validator = new PlanValidator();
    const plan = generatePlan({ interventions: 10, months: 24, scenarios: 3 });
    const first = validator.validate(structuredClone(plan)).validation;
    const next = validator.validate(structuredClone(EDITS.annualCost(plan, 3))).validation;
    if (!first.ok || !next.ok) throw new Error('the generated plan is valid');
    expect(next.plan.interventions[2]).toBe(first.plan.interventions[2]);
    expect(next.plan.interventions[3]).not.toBe(first.plan.interventions[3]);
    expect(next.scenarios[1].streams).toBe(first.scenarios[1].streams);
  });

  it('simulates again only the scenarios an edit reaches', () => {
    const run = createSimulator();
    const plan = structuredClone(demoPlan) as Plan;
    const first = run(structuredClone(plan));
    const cut = plan.scenarios!.findIndex((s) => s.id === 'cut-25-june');
    plan.scenarios![cut].variables = { ...plan.scenarios![cut].variables, grantLevel: 0.6 };
    const next = run(structuredClone(plan));
    if (!first.ok || !next.ok) throw new Error('the demo plan is valid');
    expect(next).toStrictEqual(fromNothing(plan));
    // Base (first) and the scenarios the edit leaves alone keep their results; the cut's are new.
    next.results.forEach((result, i) => {
      if (i === cut + 1) expect(result).not.toBe(first.results[i]);
      else expect(result).toBe(first.results[i]);
    });
    expect(next.results[cut + 1].totals.closures).toBeGreaterThan(first.results[cut + 1].totals.closures);
  });
});
