// 1,000 random formulas of at most 500 characters from the allowed grammar (numbers with
// huge and tiny exponents, deep and flat nesting, every function and operator), each put
// through validation of a whole plan: every one is refused with a message or evaluated,
// and none takes more than the 500 ms a person would wait for one field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_FUNCTIONS, MAX_FORMULA_LENGTH } from '../../shared/formula';
import { validatePlan } from '../../shared/validate';
import { workedExample } from '../fixtures';

const number = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999 })).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -200_000_000, max: 200_000_000 })).map(([m, e]) => `${m}e${e}`),
  fc.constantFrom('0', '1', '0.5', '1e-30', '1e30', '1e-31', '1e31', '9.99e15'),
);
const name = fc.constantFrom('fy', 'level', 'uplift', 'base', 'missing');
const binary = fc.constantFrom('+', '-', '*', '/', '^', ' mod ', ' > ', ' < ', ' >= ', ' <= ', ' == ', ' != ', ' and ', ' or ', ' xor ');

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    name,
    fc.tuple(tie('expr'), binary, tie('expr')).map(([a, op, b]) => `${a}${op}${b}`),
    tie('expr').map((a) => `(${a})`),
    tie('expr').map((a) => `-${a}`),
    tie('expr').map((a) => `not ${a}`),
    fc
      .tuple(fc.constantFrom(...FORMULA_FUNCTIONS), fc.array(tie('expr'), { minLength: 1, maxLength: 4 }))
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    // Deep nesting and long flat runs, the shapes that stress a recursive evaluator.
    fc.tuple(fc.integer({ min: 1, max: 120 }), tie('expr')).map(([n, a]) => `${'('.repeat(n)}${a}${')'.repeat(n)}`),
    fc.tuple(fc.integer({ min: 2, max: 150 }), number, binary).map(([n, a, op]) => Array.from({ length: n }, () => a).join(op)),
    fc.tuple(fc.integer({ min: 2, max: 60 }), tie('expr')).map(([n, a]) => `${'abs('.repeat(n)}${a}${')'.repeat(n)}`),
  ),
}));

const formula = expr.map((body) => `=${body}`.slice(0, MAX_FORMULA_LENGTH));

function planWith(text: string) {
  const plan = workedExample() as any;
  plan.variables = { level: 1, uplift: 0.02 };
  plan.fundingStreams[0].allocations[1].amount = text;
  plan.interventions[0].partnerShares = [{ from: '2022-04', share: text, partner: 'Partner' }];
  plan.scenarios.push({ id: 'cut', name: 'Cut', variables: { level: text }, changes: [{ stream: 'core', fy: '2021/22', amount: text }] });
  return plan;
}

describe('random formulas through validation', () => {
  it('refuses or evaluates each of 1,000 formulas within 500 ms', () => {
    let refused = 0;
    fc.assert(
      fc.property(formula, (text) => {
        // CPU time of this process, so that other work on the machine does not count.
        const started = process.cpuUsage();
        const result = validatePlan(planWith(text));
        const used = process.cpuUsage(started);
        const took = (used.user + used.system) / 1000;
        if (!result.ok) {
          refused++;
          for (const problem of result.problems) expect(problem.message).not.toMatch(/call stack|Invalid string length|out of memory/i);
        }
        expect(took, text.slice(0, 120)).toBeLessThan(500);
      }),
      { numRuns: 1000, seed: 20261201 },
    );
    // Both kinds occur: the grammar produces valid formulas as well as refused ones.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(1000);
  });
});
