// Hostile and careless input to the core: formulas whose cost or depth is out of
// proportion to their length, names that mean something else, and chains deep enough to
// exhaust the stack. Each is refused with its place in the file, or evaluated quickly.
import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaProblem } from '../../shared/formula';
import { workedExample } from '../fixtures';
import { problems, run } from './helpers';

const withVariables = (variables: Record<string, unknown>) => ({ ...workedExample(), variables });

describe('formula cost', () => {
  it('refuses numbers written with enormous or tiny exponents', () => {
    expect(formulaProblem('=1e-100000000')).toMatch(/^the number 1e-100000000 is out of range/);
    expect(formulaProblem('=2 * 1e31')).toMatch(/out of range/);
    expect(formulaProblem('=1e30 * 1e-30')).toBeNull();
  });

  it('counts a result smaller than 1e-30 as 0, without expanding its digits', () => {
    expect(evaluateFormula('=10^-1000000', () => undefined).isZero()).toBe(true);
    expect(evaluateFormula('=0.1^100000', () => undefined).isZero()).toBe(true);
    expect(evaluateFormula('=0.1^30', () => undefined).toString()).toBe('1e-30');
  });

  it('measures nesting, not the length of a flat sum', () => {
    const flat = `=${Array.from({ length: 42 }, (_, i) => i + 1).join(' + ')}`;
    expect(formulaProblem(flat)).toBeNull();
    expect(evaluateFormula(flat, () => undefined).toNumber()).toBe(903);
    expect(formulaProblem(`=${'('.repeat(41)}1${')'.repeat(41)}`)).toMatch(/nested more than 40 deep/);
  });
});

describe('variable names', () => {
  it('names a reserved word as reserved, at its place', () => {
    expect(problems(withVariables({ fy: 1, base: 2 }))).toEqual([
      'variables.fy: "fy" is reserved in formulas and cannot be a variable name',
      'variables.base: "base" is reserved in formulas and cannot be a variable name',
    ]);
  });

  it('refuses __proto__ and constructor as variable names', () => {
    const plan = JSON.parse('{"__proto__": 1, "constructor": 2}');
    expect(problems(withVariables(plan))).toEqual([
      'variables.__proto__: "__proto__" is reserved in formulas and cannot be a variable name',
      'variables.constructor: "constructor" is reserved in formulas and cannot be a variable name',
    ]);
  });
});

describe('chains deeper than the stack', () => {
  it('refuses a chain of 3,000 variables with its place, not a stack overflow', () => {
    const variables: Record<string, unknown> = { v0: 1 };
    for (let i = 1; i < 3000; i++) variables[`v${i}`] = `=v${i - 1} + 1`;
    const plan = withVariables(variables);
    plan.fundingStreams[0].allocations[0].amount = '=v2999';
    const found = problems(plan);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(/^variables\.v\d+: refers through more than \d+ variables/m);
    expect(found.join('\n')).not.toMatch(/call stack/);
  });

  it('still evaluates a chain of 100 variables', () => {
    const variables: Record<string, unknown> = { v0: 1 };
    for (let i = 1; i < 100; i++) variables[`v${i}`] = `=v${i - 1} + 1`;
    const plan = withVariables(variables);
    plan.fundingStreams[0].allocations[0].amount = '=v99 * 1200';
    expect(run(plan).base.years[0].funding).toBe(12000000);
  });

  it('refuses 10,000 changes to one field with its place', () => {
    const plan = workedExample();
    const changes = Array.from({ length: 10000 }, () => ({ stream: 'core', fy: '2021/22', amount: '=base + 1' }));
    plan.scenarios = [{ id: 'many', name: 'Many', changes }] as never;
    const found = problems(plan).join('\n');
    expect(found).toMatch(/^scenarios\[0\]\.changes: more than 500 changes in one scenario/m);
    expect(found).not.toMatch(/call stack/);
  });
});

describe('money near the ceiling', () => {
  it('refuses a literal of a trillion pounds, naming the ceiling', () => {
    const plan = workedExample();
    plan.fundingStreams[0].allocations[0].amount = 1e12;
    expect(problems(plan)).toEqual([
      'fundingStreams[0].allocations[0].amount: £1,000,000,000,000.00 is more than Headroom holds (an amount must be below £1,000,000,000,000)',
    ]);
  });

  it('applies the same ceiling to a formula result', () => {
    const plan = workedExample();
    plan.fundingStreams[0].allocations[0].amount = '=1e12';
    expect(problems(plan)[0]).toMatch(/^fundingStreams\[0\]\.allocations\[0\]\.amount: £1,000,000,000,000\.00 is more than Headroom holds/);
  });

  it('refuses totals over the ceiling although each amount is below it', () => {
    const plan = workedExample();
    plan.fundingStreams[0].allocations = [
      { fy: '2021/22', amount: 600_000_000_000.01 },
      { fy: '2022/23', amount: 600_000_000_000.01 },
    ];
    expect(problems(plan)).toEqual([
      'fundingStreams: £1,200,000,000,000.02 is more than Headroom holds (the funding of all streams over the horizon must be below £1,000,000,000,000)',
    ]);
  });

  it('keeps the largest amount exact to the penny', () => {
    const plan = workedExample();
    plan.fundingStreams[0].allocations = [{ fy: '2021/22', amount: 999_999_999_999.99 }];
    expect(run(plan).base.years[0].funding).toBe(99_999_999_999_999);
  });

  it('refuses a formula result between -£0.005 and 0 as negative', () => {
    const plan = workedExample();
    plan.fundingStreams[0].allocations[0].amount = '=-0.004';
    expect(problems(plan)).toEqual(['fundingStreams[0].allocations[0].amount: -0.004 is negative; an amount must be 0 or more']);
  });
});
