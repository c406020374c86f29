// Differential test: the engine's `simulate --json` path against an independent, literal
// reading of the spec (./reference.ts), on random small valid numeric plans (many with
// actuals, §10) and on the spec's worked examples.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import { simulationJson } from '../../shared/result-json';
import { validatePlan } from '../../shared/validate';
import { WORKED_EXAMPLE_PATH as WORKED } from '../fixtures';
import { WAIT } from '../fixtures/worked-example-expected';
import { planArb } from './generate';
import { referenceJson, type RefDecision } from './reference';

/** What `npx headroom simulate PLAN --json` prints, as plain JSON; null if the plan is invalid. */
function engineJson(plan: unknown): any {
  const validation = validatePlan(plan);
  if (!validation.ok) return null;
  return JSON.parse(JSON.stringify(simulationJson(validation.plan.name, validation.scenarios.map(simulate))));
}

/** Every leaf where the two differ, as "path: engine=… reference=…". */
function differences(engine: unknown, reference: unknown, path = ''): string[] {
  if (typeof engine !== 'object' || engine === null || typeof reference !== 'object' || reference === null) {
    return Object.is(engine, reference) ? [] : [`${path}: engine=${JSON.stringify(engine)} reference=${JSON.stringify(reference)}`];
  }
  const keys = new Set([...Object.keys(engine), ...Object.keys(reference)]);
  return [...keys].flatMap((key) => differences((engine as any)[key], (reference as any)[key], `${path}.${key}`));
}

const plan = (overrides: Record<string, unknown>) => ({
  format: 'headroom-plan',
  version: 1,
  name: 'Pinned',
  horizon: { start: '2021-04', months: 12 },
  fundingStreams: [],
  interventions: [],
  ...overrides,
});

/** A commissioned service `id` (named in capitals) of £12,000 a year at priority 1, and `extra`. */
const service = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id.toUpperCase(),
  category: 'commissioned',
  annualCost: 12000,
  priority: 1,
  ...extra,
});

describe('the reference reading of the spec', () => {
  it('gives section 4 its numbers', () => {
    const worked = JSON.parse(readFileSync(WORKED, 'utf8'));
    const [wait, prudent] = referenceJson(worked).scenarios;
    const fy = (s: typeof wait, label: string) => s.years.find((y) => y.fy === label)!;
    const iv = (s: typeof wait, id: string) => s.interventions.find((i) => i.id === id)!;

    // 2021/22: everything fits (£120,000). Share 108/120 = 0.9.
    expect(fy(wait, '2021/22')).toMatchObject(WAIT.years[0]);
    // wait: a funded; b notice in June, runs to August, run-on £20,000 + exit £6,000, 10 move, 20 lose support;
    // c: deadline March 2022, notice June, runs to June, run-on £3,000.
    expect(iv(wait, 'a').outcome).toBe('continues');
    expect(iv(wait, 'b')).toMatchObject(WAIT.b);
    expect(iv(wait, 'c')).toMatchObject(WAIT.c);
    // Spend £89,000 against £60,000: £29,000 drawn. At risk (April and May): £20,000. Share 86/89.
    expect(fy(wait, '2022/23')).toMatchObject(WAIT.years[1]);
    expect(wait.totals).toMatchObject(WAIT.totals);

    // prudent: all three get notice and close on 31 March 2022; b's exit cost falls in March 2022, so 2021/22
    // spends £126,000 and draws £6,000; a's closure is avoidable; 2022/23 spends nothing, £60,000 lapses,
    // 70 people lose support (50 of them avoidably).
    for (const id of ['a', 'b', 'c']) expect(iv(prudent, id)).toMatchObject({ outcome: 'closes', lastMonth: '2022-03' });
    expect(fy(prudent, '2021/22')).toMatchObject({ spend: 126000, drawn: 6000 });
    expect(iv(prudent, 'a').avoidable).toBe(true);
    expect(iv(prudent, 'b').avoidable).toBe(false);
    expect(iv(prudent, 'c').avoidable).toBe(false);
    expect(fy(prudent, '2022/23')).toMatchObject({ spend: 0, drawn: 0, underspend: 60000, commissionedShare: null, compliant: true });
    expect(prudent.totals.usersLosingSupport).toBe(70);
    expect(iv(prudent, 'a').usersLosingSupport).toBe(50);
  });
});

describe('engine against the reference', () => {
  it('agrees on the worked example', () => {
    const worked = JSON.parse(readFileSync(WORKED, 'utf8'));
    expect(differences(engineJson(worked), referenceJson(worked))).toEqual([]);
  });

  it('agrees field by field on random small plans', () => {
    let compared = 0;
    // §10 coverage: plans with actuals, and with a decision taken after asAt in an FY that has
    // actual months (one that closes something; one whose verdict the actuals change).
    const seen = { actuals: 0, afterAsAt: 0, afterAsAtCloses: 0, actualsDecide: 0, negative: 0 };
    fc.assert(
      fc.property(planArb(), (p) => {
        const engine = engineJson(p);
        fc.pre(engine !== null); // a change may end a service before it starts: invalid, skipped
        compared++;
        const flags = new Set<keyof typeof seen>();
        const onDecision = (d: RefDecision) => {
          if (!d.afterAsAt || d.actualMonths === 0) return;
          flags.add('afterAsAt');
          if (d.closed.length > 0) flags.add('afterAsAtCloses');
          if (d.closed.join() !== d.closedPlanned.join()) flags.add('actualsDecide');
        };
        expect(differences(engine, referenceJson(p, { onDecision }))).toEqual([]);
        if (p.actuals) flags.add('actuals');
        if (p.actuals?.spend.some((e: any) => e.amount < 0)) flags.add('negative');
        for (const flag of flags) seen[flag]++;
      }),
      { numRuns: 2500, seed: Number(process.env.DIFF_SEED ?? 20240611) },
    );
    expect(compared).toBeGreaterThan(2000);
    expect(seen.actuals).toBeGreaterThan(1000);
    expect(seen.afterAsAt).toBeGreaterThan(300);
    expect(seen.afterAsAtCloses).toBeGreaterThan(80);
    expect(seen.actualsDecide).toBeGreaterThan(50);
    expect(seen.negative).toBeGreaterThan(200);
  }, 180_000);

  // Places where the spec is silent and the two agree; pinned so that a change is noticed.
  it('rounds commissionedShare half to even at 4 decimals (1/32 = 0.03125 -> 0.0312)', () => {
    const p = plan({
      fundingStreams: [{ id: 's', name: 'S', funder: 'F', kind: 'grant', allocations: [{ fy: '2021/22', amount: 32000 }] }],
      interventions: [
        { id: 'a', name: 'A', category: 'commissioned', annualCost: 1000, priority: 1 },
        { id: 'b', name: 'B', category: 'central', annualCost: 31000, priority: 1 },
      ],
    });
    expect(engineJson(p).scenarios[0].years[0].commissionedShare).toBe(0.0312);
    expect(differences(engineJson(p), referenceJson(p))).toEqual([]);
  });

  it('takes the later of two taper entries with the same from, and the latest from whatever the list order', () => {
    const p = plan({
      fundingStreams: [{ id: 's', name: 'S', funder: 'F', kind: 'grant', allocations: [{ fy: '2021/22', amount: 12000 }] }],
      interventions: [
        service('a', {
          partnerShares: [
            { from: '2021-10', share: 0.5, partner: 'Late' },
            { from: '2021-06', share: 1, partner: 'Tie-first' },
            { from: '2021-06', share: 0.25, partner: 'Tie-second' },
          ],
        }),
      ],
    });
    const months = engineJson(p).scenarios[0].months;
    expect(months.map((m: any) => m.partner)).toEqual([0, 0, 250, 250, 250, 250, 500, 500, 500, 500, 500, 500]);
    expect(differences(engineJson(p), referenceJson(p))).toEqual([]);
  });

  it('knows an FY without allocations at its start, and charges the whole exit cost to the plan', () => {
    // No funding for 2021/22: known in April (README), so a 2-month notice runs April-May.
    // The partner pays half of each month's running cost, none of the exit cost.
    const p = plan({
      interventions: [service('a', { noticeMonths: 2, exitCost: 1000, partnerShares: [{ from: '2021-04', share: 0.5, partner: 'P' }] })],
    });
    const result = engineJson(p).scenarios[0];
    expect(result.interventions[0]).toMatchObject({
      outcome: 'closes',
      noticeServed: '2021-04',
      lastMonth: '2021-05',
      runOn: 1000,
      exitCost: 1000,
    });
    expect(result.months.slice(0, 3)).toEqual([
      { month: '2021-04', funding: 0, spend: 500, partner: 500, actual: false },
      { month: '2021-05', funding: 0, spend: 1500, partner: 500, actual: false },
      { month: '2021-06', funding: 0, spend: 0, partner: 0, actual: false },
    ]);
    expect(result.years[0]).toMatchObject({ spend: 2000, drawn: 2000, atRisk: 0 });
    expect(differences(engineJson(p), referenceJson(p))).toEqual([]);
  });

  it('draws ring-fenced pools in plan order of streams, even when another order would fund more', () => {
    // 3.3 "drawn from them, ring-fenced first" with pools in plan order: a takes r1, which
    // b also needed; b closes and r2 (only for a) lapses.
    const p = plan({
      fundingStreams: [
        { id: 'r1', name: 'R1', funder: 'F', kind: 'grant', restrictedTo: ['a', 'b'], allocations: [{ fy: '2021/22', amount: 12000 }] },
        { id: 'r2', name: 'R2', funder: 'F', kind: 'grant', restrictedTo: ['a'], allocations: [{ fy: '2021/22', amount: 12000 }] },
      ],
      interventions: [service('a'), service('b', { priority: 2 })],
      underwriting: { limit: 100000 },
    });
    const result = engineJson(p).scenarios[0];
    expect(result.interventions[1].outcome).toBe('closes');
    expect(result.years[0]).toMatchObject({ spend: 12000, drawn: 0, underspend: 12000 });
    expect(differences(engineJson(p), referenceJson(p))).toEqual([]);
  });
});

describe('actuals and forecast outturn (section 10)', () => {
  const check = (p: unknown) => {
    const engine = engineJson(p);
    expect(engine).not.toBeNull();
    const reference = referenceJson(p);
    expect(differences(engine, reference)).toEqual([]);
    return { engine, reference };
  };
  const spend = (entries: [string, string, number][]) => entries.map(([intervention, month, amount]) => ({ intervention, month, amount }));
  const stream = (amount: number, confirmedOn?: string) => ({
    id: 's',
    name: 'S',
    funder: 'F',
    kind: 'grant',
    allocations: [{ fy: '2021/22', amount, ...(confirmedOn ? { confirmedOn } : {}) }],
  });

  it("gives section 10's example its figures: the worked example with actuals to June 2021", () => {
    const worked = JSON.parse(readFileSync(WORKED, 'utf8'));
    worked.actuals = {
      asAt: '2021-06',
      spend: spend([
        ['a', '2021-04', 5000],
        ['a', '2021-05', 5000],
        ['a', '2021-06', 4800],
        ['b', '2021-04', 4000],
        ['b', '2021-05', 4000],
        ['b', '2021-06', 4000],
        ['c', '2021-04', 1000],
        ['c', '2021-05', 1000],
        ['c', '2021-06', 1500],
      ]),
    };
    for (const result of Object.values(check(worked))) {
      const [base, prudent] = result.scenarios;
      // 2021/22 under wait: £120,300 = £30,300 actual + £90,000 forecast; £300 drawn; share 107,800/120,300.
      expect(base.years[0]).toMatchObject({ fy: '2021/22', spend: 120300, actual: 30300, forecast: 90000, drawn: 300 });
      expect(base.years[0].commissionedShare).toBe(0.8961);
      expect(base.years[1]).toMatchObject({ spend: 89000, actual: 0, forecast: 89000, drawn: 29000 });
      expect(base.months.map((m: any) => m.actual)).toEqual([true, true, true, ...Array(21).fill(false)]);
      expect(base.months.slice(0, 3).map((m: any) => m.spend)).toEqual([10000, 10000, 10300]);
      expect(base.interventions.map((i: any) => i.actualToDate)).toEqual([14800, 12000, 3500]);
      // prudent: the same actuals; b's exit cost in March 2022 (a forecast month) still adds £6,000.
      expect(prudent.years[0]).toMatchObject({ spend: 126300, actual: 30300, forecast: 96000, drawn: 6300 });
      expect(prudent.interventions.map((i: any) => i.actualToDate)).toEqual([14800, 12000, 3500]);
    }
    // The fixture the engine's own tests use holds the same actuals.
    const fixture = JSON.parse(readFileSync(WORKED.replace('worked-example.json', 'worked-example-actuals.json'), 'utf8'));
    expect(differences(engineJson(fixture), referenceJson(fixture))).toEqual([]);
    expect(referenceJson(fixture).scenarios[0].years[0]).toMatchObject({ spend: 120300, actual: 30300, drawn: 300 });
  });

  it('decides after asAt with the actual amounts of the actual months, and with planned costs at or before it', () => {
    // K is August 2021. a plans £1,000 a month against £10,000; a refund in May brings its actuals
    // to £500 for April-June, so at K (after asAt June) d = £500 + 9 x £1,000 = £9,500: funded.
    const p = (asAt: string) =>
      plan({
        fundingStreams: [stream(10000, '2021-08-02')],
        interventions: [service('a', { noticeMonths: 1 })],
        actuals: {
          asAt,
          spend: spend([
            ['a', '2021-04', 1000],
            ['a', '2021-05', -500],
          ]),
        },
      });
    const after = check(p('2021-06')).engine.scenarios[0];
    expect(after.interventions[0]).toMatchObject({ outcome: 'continues', actualToDate: 500 });
    expect(after.months.slice(0, 4).map((m: any) => m.spend)).toEqual([1000, -500, 0, 1000]);
    expect(after.years[0]).toMatchObject({ spend: 9500, actual: 500, forecast: 9000, drawn: 0, underspend: 500 });
    // asAt August: the decision at K is history, d = £12,000 planned: it closes, notice in August,
    // last month August; runOn = its actuals April-August, £500.
    const history = check(p('2021-08')).engine.scenarios[0];
    expect(history.interventions[0]).toMatchObject({ outcome: 'closes', noticeServed: '2021-08', lastMonth: '2021-08', runOn: 500 });
    expect(history.years[0]).toMatchObject({ spend: 500, actual: 500, forecast: 0 });
  });

  it('adds nothing for an exit cost in an actual month, counts actuals after the last month, keeps partner shares planned', () => {
    // a: £1,000 a month, half paid by a partner; £5,000 known in April (history at asAt June) against
    // £6,000 planned: closes, notice April, last May, exit £3,000 in May (an actual month).
    const p = plan({
      fundingStreams: [stream(5000)],
      interventions: [service('a', { noticeMonths: 2, exitCost: 3000, partnerShares: [{ from: '2021-04', share: 0.5, partner: 'P' }] })],
      actuals: {
        asAt: '2021-06',
        spend: spend([
          ['a', '2021-04', 1000],
          ['a', '2021-05', 4000],
          ['a', '2021-06', 250],
        ]),
      },
    });
    const result = check(p).engine.scenarios[0];
    expect(result.interventions[0]).toMatchObject({
      outcome: 'closes',
      lastMonth: '2021-05',
      runOn: 5000,
      exitCost: 3000,
      actualToDate: 5250,
    });
    expect(result.months.slice(0, 4)).toEqual([
      { month: '2021-04', funding: 416.67, spend: 1000, partner: 500, actual: true },
      { month: '2021-05', funding: 416.67, spend: 4000, partner: 500, actual: true },
      { month: '2021-06', funding: 416.67, spend: 250, partner: 0, actual: true },
      { month: '2021-07', funding: 416.67, spend: 0, partner: 0, actual: false },
    ]);
    expect(result.years[0]).toMatchObject({ spend: 5250, actual: 5250, forecast: 0, drawn: 250 });
  });

  it('counts actual amounts before a start, after an end and after a look-ahead closure', () => {
    // prudent, 2022/23 known in June 2022: b (deadline January 2022) gets notice and closes in March
    // 2022, yet was paid £700 in April 2022; c starts in October 2021 and was paid £300 in May 2021;
    // d ended in May 2021 and was refunded £100 in June (its FY still sums above 0).
    const p = plan({
      horizon: { start: '2021-04', months: 24 },
      fundingStreams: [
        {
          id: 's',
          name: 'S',
          funder: 'F',
          kind: 'grant',
          allocations: [
            { fy: '2021/22', amount: 50000 },
            { fy: '2022/23', amount: 50000, confirmedOn: '2022-06-10' },
          ],
        },
      ],
      interventions: [service('b', { noticeMonths: 3 }), service('c', { start: '2021-10' }), service('d', { end: '2021-05' })],
      scenarios: [{ id: 'p', name: 'Prudent', stance: 'prudent' }],
      actuals: {
        asAt: '2022-04',
        spend: spend([
          ['b', '2022-04', 700],
          ['c', '2021-05', 300],
          ['d', '2021-05', 1000],
          ['d', '2021-06', -100],
        ]),
      },
    });
    const prudent = check(p).engine.scenarios[1];
    expect(prudent.interventions[0]).toMatchObject({ outcome: 'closes', lastMonth: '2022-03', runOn: 0, actualToDate: 700 });
    expect(prudent.years[1]).toMatchObject({ actual: 700 });
    expect(prudent.years[0]).toMatchObject({ actual: 1200 });
  });

  it('takes a wind-down after asAt from the actuals: an exit cost in an actual month adds nothing', () => {
    // K July 2021, asAt June. a (£2,000 a month, zero notice, exit £5,000) closes at K: last month
    // June, an actual month, so its wind-down is its actuals (£6,000) and the pool keeps £6,000,
    // enough for b (£1,500 actual + 9 x £500). §10 reading: were the exit cost added, b would close.
    const p = plan({
      fundingStreams: [stream(12000, '2021-07-05')],
      interventions: [
        service('a', { annualCost: 24000, noticeMonths: 0, exitCost: 5000 }),
        service('b', { annualCost: 6000, priority: 2 }),
      ],
      actuals: {
        asAt: '2021-06',
        spend: spend([
          ['a', '2021-04', 2000],
          ['a', '2021-05', 2000],
          ['a', '2021-06', 2000],
          ['b', '2021-04', 500],
          ['b', '2021-05', 500],
          ['b', '2021-06', 500],
        ]),
      },
    });
    const result = check(p).reference.scenarios[0];
    expect(result.interventions.map((i) => [i.outcome, i.lastMonth])).toEqual([
      ['closes', '2021-06'],
      ['continues', null],
    ]);
    expect(result.years[0]).toMatchObject({ spend: 12000, actual: 7500, drawn: 0 });
    expect(referenceJson(p, { windDownExitInActualMonth: 'adds' }).scenarios[0].interventions[1].outcome).toBe('closes');
  });

  it('takes a wind-down after asAt from all the actual months of the FY, even after the last month', () => {
    // K July 2021, asAt June. a ended in May but was paid £3,000 in June: d = £7,000 > £6,000, it
    // closes (last month May) and its wind-down is all its actuals, £7,000, emptying the pool; b
    // (9 x £200) closes too. §10 reading: counting only the run-on months' actuals would fund b.
    const p = plan({
      fundingStreams: [stream(6000, '2021-07-05')],
      interventions: [
        service('a', { annualCost: 24000, noticeMonths: 3, end: '2021-05' }),
        service('b', { annualCost: 2400, priority: 2, noticeMonths: 0 }),
      ],
      actuals: {
        asAt: '2021-06',
        spend: spend([
          ['a', '2021-04', 2000],
          ['a', '2021-05', 2000],
          ['a', '2021-06', 3000],
        ]),
      },
    });
    const result = check(p).reference.scenarios[0];
    expect(result.interventions.map((i) => [i.outcome, i.lastMonth])).toEqual([
      ['closes', '2021-05'],
      ['closes', '2021-06'],
    ]);
    expect(referenceJson(p, { windDownActualMonths: 'run-on' }).scenarios[0].interventions[1].outcome).toBe('continues');
  });

  it('leaves a service with actual amounts but no active month in f out of the candidates', () => {
    // §10 reading: candidates (3.3) are still those with an active month in f. x ended before the
    // horizon but was paid £6,000 in April-June: it is no candidate at K (July, after asAt June), so y
    // is funded; the account still covers x's £6,000 first and draws y's £1,800.
    const p = plan({
      fundingStreams: [stream(6000, '2021-07-05')],
      interventions: [service('x', { end: '2021-03' }), service('y', { annualCost: 2400, priority: 2 })],
      actuals: {
        asAt: '2021-06',
        spend: spend([
          ['x', '2021-04', 2000],
          ['x', '2021-05', 2000],
          ['x', '2021-06', 2000],
        ]),
      },
    });
    const result = check(p).reference.scenarios[0];
    expect(result.interventions.map((i) => [i.outcome, i.actualToDate])).toEqual([
      ['ended', 6000],
      ['continues', 0],
    ]);
    expect(result.years[0]).toMatchObject({ spend: 7800, actual: 6000, forecast: 1800, drawn: 1800, atRisk: 6000 });
  });
});
