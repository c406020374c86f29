// plan-format.md §10: actual months replace planned costs; decisions use the figures of their
// time; the account is the forecast outturn. Every figure below is worked out by hand.
import { describe, expect, it } from 'vitest';
import { simulationJson } from '../../shared/result-json';
import type { Plan } from '../../shared/plan';
import { workedExample } from '../fixtures';
import { problems as problemsOf, readJson, run } from './helpers';
import { fileURLToPath } from 'node:url';

const WITH_ACTUALS = fileURLToPath(new URL('../fixtures/worked-example-actuals.json', import.meta.url));

const json = (plan: unknown) => {
  const results = run(plan);
  return simulationJson('t', Object.values(results)).scenarios;
};
const byId = <T extends { id: string }>(list: readonly T[], id: string) => list.find((x) => x.id === id)!;

type Entry = [string, string, number];
function withActuals(asAt: string, entries: Entry[], plan: Plan = workedExample()): Plan {
  plan.actuals = { asAt, spend: entries.map(([intervention, month, amount]) => ({ intervention, month, amount })) };
  return plan;
}

describe('the worked example with actuals to June 2021', () => {
  const [wait, prudent] = json(readJson(WITH_ACTUALS));

  it('2021/22 spends £120,300: £30,300 actual and £90,000 forecast; £300 drawn; share 0.8961', () => {
    // Actual: a 5,000 + 5,000 + 4,800; b 4,000 × 3; c 1,000 + 1,000 + 1,500 = 30,300.
    // Forecast: July to March, 9 months × (5,000 + 4,000 + 1,000) = 90,000.
    // Commissioned: 14,800 + 12,000 + 9 × 9,000 = 107,800; 107,800 / 120,300 = 0.89609…
    expect(wait.years[0]).toEqual({
      fy: '2021/22',
      funding: 120000,
      spend: 120300,
      actual: 30300,
      forecast: 90000,
      drawn: 300,
      underspend: 0,
      atRisk: 0,
      commissionedShare: 0.8961,
      compliant: true,
      limitBreached: false,
    });
  });

  it('2022/23 is decided and spent as in the worked example (no actual months in it)', () => {
    expect(wait.years[1]).toMatchObject({ spend: 89000, actual: 0, forecast: 89000, drawn: 29000, atRisk: 20000 });
  });

  it("each intervention's actual to date; April to June are actual months", () => {
    expect(byId(wait.interventions, 'a').actualToDate).toBe(14800);
    expect(byId(wait.interventions, 'b').actualToDate).toBe(12000);
    expect(byId(wait.interventions, 'c').actualToDate).toBe(3500);
    expect(wait.months.map((m) => m.actual)).toEqual([true, true, true, ...new Array(21).fill(false)]);
    expect(wait.months[2]).toEqual({ month: '2021-06', funding: 10000, spend: 10300, partner: 0, actual: true });
  });

  it('under prudent, b’s exit cost in March 2022 (a forecast month) still counts: 2021/22 spends £126,300', () => {
    expect(prudent.years[0]).toMatchObject({ spend: 126300, actual: 30300, forecast: 96000, drawn: 6300 });
    expect(byId(prudent.interventions, 'a')).toMatchObject({ outcome: 'closes', avoidable: true, actualToDate: 14800 });
  });
});

describe('a decision after asAt counts the actuals of its FY', () => {
  // 2022/23 is known in June 2022. To May 2022, a has spent £10,000 a month (planned £5,000).
  const entries: Entry[] = [
    ['a', '2022-04', 10000],
    ['a', '2022-05', 10000],
    ['b', '2022-04', 4000],
    ['b', '2022-05', 4000],
    ['c', '2022-04', 1000],
    ['c', '2022-05', 1000],
  ];
  const [wait] = json(withActuals('2022-05', entries));

  it('a needs £20,000 actual + 10 × £5,000 = £70,000 > £60,000, so it closes at June', () => {
    expect(byId(wait.interventions, 'a')).toMatchObject({
      outcome: 'closes',
      noticeServed: '2022-06',
      lastMonth: '2022-08',
      // April and May as spent, June to August as planned.
      runOn: 35000,
      actualToDate: 20000,
    });
    // a's wind-down (£35,000) leaves £25,000: b's £48,000 does not fit; nor does c's £12,000.
    expect(byId(wait.interventions, 'b')).toMatchObject({ outcome: 'closes', runOn: 20000, exitCost: 6000 });
    expect(byId(wait.interventions, 'c')).toMatchObject({ outcome: 'closes', lastMonth: '2022-06', runOn: 3000 });
  });

  it('the account: £30,000 actual, £34,000 forecast (run-on and b’s exit cost), £4,000 drawn', () => {
    expect(wait.years[1]).toEqual({
      fy: '2022/23',
      funding: 60000,
      spend: 64000,
      actual: 30000,
      forecast: 34000,
      drawn: 4000,
      underspend: 0,
      // April and May are at risk: what was spent in them.
      atRisk: 30000,
      // (35,000 + 26,000) / 64,000 = 0.953125
      commissionedShare: 0.9531,
      compliant: true,
      limitBreached: false,
    });
  });

  it('every month of 2021/22 is an actual month: with no entries it spent nothing', () => {
    expect(wait.years[0]).toMatchObject({ spend: 0, actual: 0, forecast: 0, underspend: 120000 });
  });
});

describe('a decision taken by asAt is history: planned costs alone', () => {
  // asAt June 2022 = K: the decision at K used the plan, so a (planned £60,000) is funded.
  const entries: Entry[] = [
    ['a', '2022-04', 10000],
    ['a', '2022-05', 10000],
    ['a', '2022-06', 5000],
    ['b', '2022-04', 4000],
    ['b', '2022-05', 4000],
    ['b', '2022-06', 4000],
    ['c', '2022-04', 1000],
    ['c', '2022-05', 1000],
    ['c', '2022-06', 1000],
  ];
  const [wait] = json(withActuals('2022-06', entries));

  it('a continues; b and c close at June as in the worked example', () => {
    expect(byId(wait.interventions, 'a').outcome).toBe('continues');
    expect(byId(wait.interventions, 'b')).toMatchObject({ outcome: 'closes', lastMonth: '2022-08', runOn: 20000 });
    // c's last month is June, an actual month: its run-on is what it spent, £3,000.
    expect(byId(wait.interventions, 'c')).toMatchObject({ outcome: 'closes', lastMonth: '2022-06', runOn: 3000 });
  });

  it('spend: £40,000 actual + a 9 × £5,000 + b July–August £8,000 + exit £6,000 = £99,000', () => {
    expect(wait.years[1]).toMatchObject({ spend: 99000, actual: 40000, forecast: 59000, drawn: 39000, atRisk: 30000 });
  });
});

describe('actual amounts count whatever the rules say of the month', () => {
  it('a late invoice after a closure, and an exit cost in an actual month adds nothing', () => {
    // Prudent: a, b and c close on 31 March 2022 (decided at their deadlines, before asAt:
    // history). b's exit cost falls in March 2022, an actual month: the actuals hold it.
    const entries: Entry[] = [
      ['b', '2022-03', 10000],
      ['a', '2022-04', 500],
    ];
    const [, prudent] = json(withActuals('2022-04', entries));
    expect(prudent.years[0]).toMatchObject({ spend: 10000, actual: 10000, forecast: 0 });
    expect(prudent.years[1]).toMatchObject({ spend: 500, actual: 500, forecast: 0, underspend: 59500 });
    // At K (June 2022) under wait, a needs £500 + 11 × £5,000 = £55,500 ≤ £60,000: avoidable.
    expect(byId(prudent.interventions, 'a')).toMatchObject({ outcome: 'closes', avoidable: true, actualToDate: 500 });
  });

  it('a partner still pays its share of the planned cost in an actual month', () => {
    const plan = workedExample();
    (plan.interventions[0] as { partnerShares?: unknown }).partnerShares = [{ from: '2021-04', share: 0.5, partner: 'CCG' }];
    const [wait] = json(withActuals('2021-04', [['a', '2021-04', 3000]], plan));
    // a: £3,000 actual; partner £2,500 of the planned £5,000; b and c spent nothing recorded.
    expect(wait.months[0]).toEqual({ month: '2021-04', funding: 10000, spend: 3000, partner: 2500, actual: true });
  });

  it('a refund may be negative while the FY stays at or above £0', () => {
    const [wait] = json(
      withActuals('2021-05', [
        ['a', '2021-04', 5000],
        ['a', '2021-05', -1234.56],
      ]),
    );
    expect(byId(wait.interventions, 'a').actualToDate).toBe(3765.44);
  });
});

describe('a plan without actuals', () => {
  it('has actual 0, forecast = spend, and every month a forecast month', () => {
    for (const scenario of json(workedExample())) {
      for (const year of scenario.years) expect(year).toMatchObject({ actual: 0, forecast: year.spend });
      expect(scenario.months.every((m) => m.actual === false)).toBe(true);
      expect(scenario.interventions.every((i) => i.actualToDate === 0)).toBe(true);
    }
  });
});

describe('validation of actuals (each problem at its place)', () => {
  const problems = (asAt: string, entries: unknown[], extra: Record<string, unknown> = {}) => {
    const plan = workedExample() as Plan & { actuals: unknown };
    plan.actuals = { asAt, spend: entries, ...extra } as never;
    return problemsOf(plan);
  };

  it('an entry after asAt', () => {
    expect(problems('2021-09', [{ intervention: 'a', month: '2021-10', amount: 1 }])).toEqual([
      'actuals.spend[0].month: "2021-10" is after asAt "2021-09"',
    ]);
  });

  it('asAt outside the horizon, an entry before it, an unknown intervention, a duplicate', () => {
    expect(problems('2030-01', [])).toEqual(['actuals.asAt: "2030-01" is outside the horizon (2021-04 to 2023-03)']);
    expect(
      problems('2021-06', [
        { intervention: 'a', month: '2021-03', amount: 1 },
        { intervention: 'zz', month: '2021-04', amount: 1 },
        { intervention: 'b', month: '2021-04', amount: 1 },
        { intervention: 'b', month: '2021-04', amount: 2 },
      ]),
    ).toEqual([
      'actuals.spend[0].month: "2021-03" is before the horizon\'s first month "2021-04"',
      'actuals.spend[1].intervention: no intervention "zz"',
      'actuals.spend[3].month: "b" already has an actual for 2021-04 (actuals.spend[2]); give one entry per month',
    ]);
  });

  it('a formula, three decimals, and an FY that sums below £0', () => {
    expect(
      problems('2021-06', [
        { intervention: 'a', month: '2021-04', amount: '=100*2' },
        { intervention: 'b', month: '2021-04', amount: 1.005 },
        { intervention: 'c', month: '2021-04', amount: 100 },
        { intervention: 'c', month: '2021-05', amount: -150.5 },
      ]),
    ).toEqual([
      'actuals.spend[0].amount: an actual amount is what was spent, in pounds: never a formula',
      'actuals.spend[1].amount: 1.005 is not an amount in pounds with at most 2 decimals',
    ]);
    expect(
      problems('2021-06', [
        { intervention: 'c', month: '2021-04', amount: 100 },
        { intervention: 'c', month: '2021-05', amount: -150.5 },
      ]),
    ).toEqual([
      'actuals.spend[1].amount: "c"\'s actual amounts for 2021/22 sum to -£50.50; refunds and corrections may not take an FY below £0',
    ]);
  });

  it('scenarios may not change actuals', () => {
    const plan = workedExample() as unknown as { scenarios: Record<string, unknown>[] };
    plan.scenarios[0].actuals = { asAt: '2021-04', spend: [] };
    expect(problemsOf(plan)).toEqual(['scenarios[0].actuals: is not a field Headroom knows']);
  });
});
