// Every validation rule, each problem named by its place in the file (plan-format.md §2, §5, §6).
import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaProblem } from '../../shared/formula';
import { intervention, plan, problems, stream } from './helpers';

const withCost = (annualCost: unknown, extra: Record<string, unknown> = {}, planExtra: Record<string, unknown> = {}) =>
  plan({
    fundingStreams: [stream('g', [{ fy: '2021/22', amount: 1000 }])],
    interventions: [intervention('x', annualCost, 1, extra)],
    ...planExtra,
  });

describe('structure', () => {
  it('lists every problem at once, each with its place', () => {
    const found = problems(
      plan({
        horizon: { start: '2021-13', months: 0 },
        fundingStreams: [stream('Core', [{ fy: '2021/2', amount: 12.345 }], { kind: 'gift' })],
        interventions: [intervention('x', 100, 1.5, { category: 'other', noticeMonth: 3 })],
      }),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'horizon.start: "2021-13" is not a month like "2021-04"',
        'horizon.months: 0 is below the minimum 1',
        'fundingStreams[0].id: "Core" is not an id (lower-case letters, digits and "-", starting with a letter or digit)',
        'fundingStreams[0].kind: "gift" is not a kind (grant, one-off or contribution)',
        'fundingStreams[0].allocations[0].fy: "2021/2" is not an FY like "2021/22"',
        'fundingStreams[0].allocations[0].amount: 12.345 is not an amount in pounds with at most 2 decimals',
        'interventions[0].category: "other" is not a category (commissioned or central)',
        'interventions[0].priority: expected a whole number, found 1.5',
        'interventions[0].noticeMonth: is not a field Headroom knows',
      ]),
    );
    expect(found).toHaveLength(9);
  });

  it('names missing fields and wrong types', () => {
    const broken = plan();
    delete broken.name;
    broken.interventions = [{ id: 'x', name: 'X', category: 'central', annualCost: '12,000' }];
    expect(problems(broken)).toEqual([
      'name: is required',
      'interventions[0].annualCost: "12,000" is not a number or a formula (a formula starts with "=")',
      'interventions[0].priority: is required',
    ]);
  });

  it('refuses a file from a newer version, and one that is not a plan', () => {
    expect(problems(plan({ version: 2 }))).toEqual([
      'version: version 2 was written by a newer version of Headroom; this one reads version 1',
    ]);
    expect(problems({ hello: 'world' })[0]).toMatch(/^format: .*not a Headroom plan/);
    expect(problems([1, 2])).toEqual(['(plan): expected an object ({ ... }), found a list']);
  });

  it('checks ids, references and ranges across the plan', () => {
    expect(
      problems(
        plan({
          fundingStreams: [
            stream(
              'g',
              [
                { fy: '2021/22', amount: 1 },
                { fy: '2021/22', amount: 2 },
              ],
              { restrictedTo: ['nobody'] },
            ),
            stream('g', []),
          ],
          interventions: [intervention('x', 1, 1), intervention('x', 1, 2)],
          scenarios: [
            { id: 'base', name: 'Base again', changes: [] },
            {
              id: 's',
              name: 'S',
              changes: [],
              uncertainty: [
                { variable: 'v', dist: 'bernoulli', p: 0.5 },
                { variable: 'v', dist: 'bernoulli', p: 0.2 },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      'fundingStreams[1].id: "g" is used by another funding stream',
      'interventions[1].id: "x" is used by another intervention',
      'fundingStreams[0].allocations[1].fy: 2021/22 has another allocation in this stream',
      'fundingStreams[0].restrictedTo[0]: no intervention "nobody"',
      'scenarios[0].id: "base" is the plan itself and cannot name a scenario',
      'scenarios[1].uncertainty[1].variable: "v" is already uncertain in this scenario',
    ]);
  });

  it('refuses a change to something the plan does not have, and an end before a start', () => {
    /** A service that ends before it starts, and a scenario `s` with these changes. */
    const withChanges = (changes: unknown[]) =>
      problems(
        plan({
          interventions: [intervention('x', 1, 1, { start: '2022-01', end: '2021-06' })],
          scenarios: [{ id: 's', name: 'S', changes }],
        }),
      );
    expect(withChanges([{ stream: 'nope', fy: '2021/22', amount: 1 }, { intervention: 'ghost', priority: 1 }, { fy: '2021/22' }])).toEqual([
      'scenarios[0].changes[2]: a change names a stream allocation ("stream" and "fy") or an "intervention"',
    ]);
    expect(
      withChanges([
        { stream: 'nope', fy: '2021/22', amount: 1 },
        { intervention: 'ghost', priority: 1 },
      ]),
    ).toEqual([
      'interventions[0].end: ends (2021-06) before it starts (2022-01)',
      'scenarios[0].changes[0].stream: no funding stream "nope" (scenario "s")',
      'scenarios[0].changes[1].intervention: no intervention "ghost" (scenario "s")',
    ]);
  });
});

describe('formulas', () => {
  it('an unknown name is named at its place', () => {
    expect(problems(withCost('=100 * fte'))).toEqual(['interventions[0].annualCost: unknown name "fte"']);
  });

  it('a cycle between variables is named', () => {
    expect(problems(withCost('=a', {}, { variables: { a: '=b + 1', b: '=a * 2' } }))).toEqual([
      'variables.a: cycle between variables a → b → a',
    ]);
  });

  it('a result that is not a finite number, a negative amount, a share outside 0..1', () => {
    expect(problems(withCost('=1 / 0'))).toEqual(['interventions[0].annualCost: result is not a finite number']);
    expect(problems(withCost('=100 - 200'))).toEqual(['interventions[0].annualCost: -100 is negative; an amount must be 0 or more']);
    expect(problems(withCost(100, { partnerShares: [{ from: '2021-04', share: '=0.5 + 0.6', partner: 'CCG' }] }))).toEqual([
      'interventions[0].partnerShares[0].share: 1.1 is not a share between 0 and 1',
    ]);
    expect(problems(withCost('=1 > 0'))).toEqual(['interventions[0].annualCost: result is true, not a number']);
    expect(problems(withCost(100, { noticeMonths: '=1.5' }))).toEqual([
      'interventions[0].noticeMonths: 1.5 is not a whole number of months (0 or more)',
    ]);
  });

  it('a formula failing in one scenario only names the scenario', () => {
    expect(
      problems(
        plan({
          variables: { level: 1 },
          fundingStreams: [stream('g', [{ fy: '2021/22', amount: '=1000 * level' }])],
          scenarios: [{ id: 'neg', name: 'Negative', variables: { level: -1 }, changes: [] }],
        }),
      ),
    ).toEqual(['fundingStreams[0].allocations[0].amount: -1000 is negative; an amount must be 0 or more (scenario "neg")']);
  });

  const hostile: [string, RegExp][] = [
    ['=cos.constructor', /property and index access are not allowed/],
    ['=cos.constructor("return process")()', /cannot be read|not allowed/],
    ['=[1,2]._data.map(cos.constructor)', /not allowed/],
    ['=import({matrix: cos.constructor}, {override: true})', /function "import" is not allowed/],
    ['=evaluate("1 + 1")', /not allowed/],
    ['=parse("1")', /function "parse" is not allowed/],
    ['=createUnit("pound")', /function "createUnit" is not allowed/],
    ['=simplify("x")', /function "simplify" is not allowed/],
    ['=x = 5', /assignment is not allowed/],
    ['=f(x) = x', /assignment is not allowed/],
    ['=a[1]', /property and index access are not allowed/],
    ['={a: 1}', /an object is not allowed/],
    ['=1:10', /a range is not allowed/],
    ['=1; 2', /more than one expression is not allowed/],
    ['="text"', /text "text" is not allowed/],
    ['=5!', /operator "!" is not allowed/],
    ['=cos(1)', /function "cos" is not allowed/],
    ['=zeros(1000000, 1000000)', /function "zeros" is not allowed/],
    ['=1 < 2 < 3', /a chained comparison is not allowed/],
    ['=' + '('.repeat(60) + '1' + ')'.repeat(60), /nested more than 40 deep/],
    ['=' + '1+'.repeat(300) + '1', /longer than 500 characters/],
    ['=1 +', /cannot be read/],
    ['=', /formula is empty/],
  ];
  it.each(hostile)('rejects %s', (formula, message) => {
    const found = problems(withCost(formula));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^interventions\[0\]\.annualCost: /);
    expect(found[0]).toMatch(message);
  });

  it('accepts the allowed vocabulary', () => {
    for (const formula of [
      '=min(1, 2) + max(3, 4)',
      '=round(2.5) + floor(1.7) + ceil(1.2) + abs(-3)',
      '=fy > 0 ? 2 : 1',
      '=10 mod 3',
      '=-(2 ^ 3)',
      '=not (1 == 2) and 3 != 4',
    ]) {
      expect(formulaProblem(formula), formula).toBeNull();
    }
  });

  it('evaluates decimals exactly, not in binary floating point', () => {
    expect(evaluateFormula('=1.015 * 100', () => undefined).toString()).toBe('101.5');
    expect(evaluateFormula('=0.1 + 0.2', () => undefined).toString()).toBe('0.3');
  });
});
