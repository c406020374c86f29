// One hand-checked plan per rule of plan-format.md §3
import { describe, expect, it } from 'vitest';
import { formatMonth, parseMonth } from '../../shared/months';
import { intervention, plan, pounds, run, stream } from './helpers';

const month = (m: number | null) => (m === null ? null : formatMonth(m));

/** £12,000 a year for two years, and one £12,000-a-year service `id` with these partner shares. */
function runWithPartner(id: string, partnerShares: unknown[]) {
  return run(
    plan({
      fundingStreams: [
        stream('g', [
          { fy: '2021/22', amount: 12000 },
          { fy: '2022/23', amount: 12000 },
        ]),
      ],
      interventions: [intervention(id, 12000, 1, { partnerShares })],
    }),
  );
}

describe('decision: priority order and pools', () => {
  it('a lower-priority service is funded after a higher one fails', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [stream('g', [{ fy: '2021/22', amount: 10000 }])],
        interventions: [intervention('big', 12000, 1), intervention('small', 6000, 2)],
      }),
    );
    const [big, small] = results.base.interventions;
    // Known at April (no confirmedOn), no notice: served at the deadline (April), gone by 31 March.
    expect(big.outcome).toBe('closes');
    expect(month(big.noticeServed)).toBe('2021-04');
    expect(month(big.lastMonth)).toBe('2021-03');
    expect(big.runOn).toBe(0);
    expect(small.outcome).toBe('continues');
    expect(results.base.years[0]).toMatchObject({ funding: pounds(10000), spend: pounds(6000), underspend: pounds(4000), drawn: 0 });
  });

  it('ties of priority go by id', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [stream('g', [{ fy: '2021/22', amount: 6000 }])],
        interventions: [intervention('zed', 6000, 1), intervention('abc', 6000, 1)],
      }),
    );
    expect(results.base.interventions.map((i) => i.outcome)).toEqual(['closes', 'continues']);
  });

  it('ring-fenced money funds only its interventions, and is drawn first', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [
          stream('general', [{ fy: '2021/22', amount: 9000 }]),
          stream('fenced', [{ fy: '2021/22', amount: 6000 }], { restrictedTo: ['x'] }),
        ],
        interventions: [intervention('y', 12000, 1), intervention('x', 12000, 2)],
      }),
    );
    const [y, x] = results.base.interventions;
    // y may use only the general £9,000: it closes. x uses £6,000 fenced + £6,000 general.
    expect(y.outcome).toBe('closes');
    expect(x.outcome).toBe('continues');
    expect(results.base.years[0]).toMatchObject({ funding: pounds(15000), spend: pounds(12000), drawn: 0, underspend: pounds(3000) });
  });

  it('unspent ring-fenced money lapses even while other spend is drawn', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [
          stream('general', [{ fy: '2021/22', amount: 1200, confirmedOn: '2021-07-01' }]),
          stream('fenced', [{ fy: '2021/22', amount: 5000 }], { restrictedTo: ['x'] }),
        ],
        interventions: [intervention('y', 2400, 1, { noticeMonths: 1 }), intervention('x', 1200, 2)],
      }),
    );
    const [y] = results.base.interventions;
    // y closes at July: notice in July, runs to July: run-on April–July = £800, drawn £0 (general £1,200 covers).
    expect(month(y.lastMonth)).toBe('2021-07');
    expect(y.runOn).toBe(pounds(800));
    expect(results.base.years[0]).toMatchObject({ spend: pounds(2000), drawn: 0, underspend: pounds(400 + 3800) });
  });
});

describe('cost: tapering and handover', () => {
  it('a 0.1 share of 5p is a tie and rounds to 0p; of 15p, to 2p', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [stream('g', [{ fy: '2021/22', amount: 100 }])],
        interventions: [
          intervention('five', 0.6, 1, { partnerShares: [{ from: '2021-04', share: 0.1, partner: 'CCG' }] }),
          intervention('fifteen', 1.8, 2, { partnerShares: [{ from: '2021-04', share: 0.1, partner: 'CCG' }] }),
        ],
      }),
    );
    const months = results.base.months;
    expect(months.every((m) => m.partner === 0 + 2)).toBe(true);
    expect(months.every((m) => m.spend === 5 + 13)).toBe(true);
    expect(results.base.years[0]).toMatchObject({ spend: 12 * 18, partner: 12 * 2 });
  });

  it('a 37.5% share is rounded per month and the plan pays the remainder', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [stream('g', [{ fy: '2021/22', amount: 1000 }])],
        // £1,000.06 a year: April–January get 8,334p, February and March 8,333p.
        interventions: [intervention('t', 1000.06, 1, { partnerShares: [{ from: '2021-04', share: 0.375, partner: 'CCG' }] })],
      }),
    );
    const m = results.base.months;
    // 8,334 × 0.375 = 3,125.25 → 3,125; 8,333 × 0.375 = 3,124.875 → 3,125.
    expect(m[0]).toMatchObject({ partner: 3125, spend: 8334 - 3125 });
    expect(m[11]).toMatchObject({ partner: 3125, spend: 8333 - 3125 });
    expect(results.base.years[0].spend + results.base.years[0].partner).toBe(100006);
  });

  it('a share of 1 is a handover: the plan pays nothing and the outcome names the partner', () => {
    const results = runWithPartner('iris', [
      { from: '2021-04', share: 0.5, partner: 'CCG A' },
      { from: '2021-10', share: 1, partner: 'CCG B' },
    ]);
    const [iris] = results.base.interventions;
    expect(iris).toMatchObject({ outcome: 'transitions', partner: 'CCG B' });
    expect(month(iris.handoverMonth)).toBe('2021-10');
    expect(results.base.years[0].spend).toBe(pounds(3000));
    expect(results.base.years[1].spend).toBe(0);
    expect(iris.status).toBe('T'.repeat(6) + 'H'.repeat(18));
  });

  it('a handover that ends before the horizon does is not a transition', () => {
    const results = runWithPartner('x', [
      { from: '2021-10', share: 1, partner: 'CCG' },
      { from: '2022-04', share: 0, partner: 'CCG' },
    ]);
    expect(results.base.interventions[0].outcome).toBe('continues');
  });
});

describe('formulas, fixed terms and confirmation', () => {
  it('a formula with fy and a scenario change with base', () => {
    const results = run(
      plan({
        variables: { uplift: 0.5 },
        fundingStreams: [
          stream('g', [
            { fy: '2021/22', amount: 5000 },
            { fy: '2022/23', amount: '=5000 * (1 + uplift) ^ fy' },
          ]),
        ],
        interventions: [intervention('x', '=1200 * (1 + uplift) ^ fy', 1)],
        scenarios: [{ id: 'half', name: 'Half', changes: [{ stream: 'g', fy: '2022/23', amount: '=base / 2' }] }],
      }),
    );
    expect(results.base.years.map((y) => [y.funding, y.spend])).toEqual([
      [500000, 120000],
      [750000, 180000],
    ]);
    expect(results.half.years[1].funding).toBe(375000);
  });

  it('a fixed-term intervention costs only until its end and then has ended', () => {
    const results = run(
      plan({
        fundingStreams: [stream('g', [{ fy: '2021/22', amount: 12000 }])],
        interventions: [intervention('pilot', 12000, 1, { start: '2021-07', end: '2021-12' })],
      }),
    );
    expect(results.base.interventions[0].outcome).toBe('ended');
    expect(results.base.years[0].spend).toBe(pounds(6000));
    expect(results.base.years[1].spend).toBe(0);
  });

  it('a late confirmation with no notice: served when known, runs to the month before', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 24 },
        underwriting: { by: 'OPCC', limit: 1000 },
        fundingStreams: [
          stream('g', [
            { fy: '2021/22', amount: 12000 },
            { fy: '2022/23', amount: 0, confirmedOn: '2022-08-31' },
          ]),
        ],
        interventions: [intervention('x', 12000, 1)],
      }),
    );
    const [x] = results.base.interventions;
    expect(month(x.noticeDeadline)).toBe('2022-04');
    expect(month(x.noticeServed)).toBe('2022-08');
    expect(month(x.lastMonth)).toBe('2022-07');
    expect(x.runOn).toBe(pounds(4000));
    // £4,000 drawn against a £1,000 limit: breached. Everything before August was at risk.
    expect(results.base.years[1]).toMatchObject({ drawn: pounds(4000), atRisk: pounds(4000), limitBreached: true });
    expect(results.base.years[0].limitBreached).toBe(false);
  });

  it("a scenario's underwriting limit replaces the plan's", () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        underwriting: { by: 'OPCC', limit: 100 },
        fundingStreams: [stream('g', [{ fy: '2021/22', amount: 1000 }])],
        interventions: [intervention('x', 1200, 1, { noticeMonths: 0 }), intervention('y', 0, 2)],
        scenarios: [{ id: 'generous', name: 'Generous', underwriting: { limit: 5000 }, changes: [] }],
      }),
    );
    // x closes with no notice, known at April: gone before the FY, nothing drawn.
    expect(results.base.years[0]).toMatchObject({ drawn: 0, limitBreached: false });
    expect(results.generous.years[0].limit).toBe(pounds(5000));
  });

  it("the grant condition takes the largest minimum share of the FY's streams", () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [
          stream('a', [{ fy: '2021/22', amount: 6000 }], { conditions: { minCommissionedShare: 0.2 } }),
          stream('b', [{ fy: '2021/22', amount: 6000 }], { conditions: { minCommissionedShare: 0.5 } }),
          stream('c', [], { conditions: { minCommissionedShare: 0.9 } }),
        ],
        interventions: [intervention('team', 7200, 1, { category: 'central' }), intervention('service', 4800, 2)],
      }),
    );
    // 4,800 / 12,000 = 0.4: meets 0.2 but not 0.5 (stream c has no allocation in the FY).
    expect(results.base.years[0]).toMatchObject({ commissionedShare: 0.4, requiredShare: 0.5, compliant: false });
  });
});

describe('prudent stance', () => {
  it('never calls a closure decided at K avoidable, even where waiting would have funded it', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 24 },
        fundingStreams: [
          stream('early', [
            { fy: '2021/22', amount: 26000 },
            { fy: '2022/23', amount: 4000, confirmedOn: '2021-12-01' },
          ]),
          stream('late', [{ fy: '2022/23', amount: 10000, confirmedOn: '2022-04-01' }]),
        ],
        interventions: [
          intervention('x', 8000, 1, { noticeMonths: 3 }),
          intervention('z', 12000, 2, { noticeMonths: 0 }),
          intervention('y', 6000, 3, { noticeMonths: 0, serviceUsers: 5 }),
        ],
        scenarios: [{ id: 'prudent', name: 'Prudent', stance: 'prudent', changes: [] }],
      }),
    );
    // Under wait at K (April 2022, £14,000): x takes £8,000, z (£12,000) closes, y (£6,000) fits.
    expect(results.base.interventions.map((r) => r.outcome)).toEqual(['continues', 'closes', 'continues']);
    // Prudent: at x's January deadline only £4,000 is known, so x gets notice (avoidable: waiting funds it).
    // At K, z is funded first and y no longer fits: y closes at K, and that is not avoidable.
    const [x, z, y] = results.prudent.interventions;
    expect(x).toMatchObject({ outcome: 'closes', decidedAt: 'look-ahead', avoidable: true });
    expect(z.outcome).toBe('continues');
    expect(y).toMatchObject({ outcome: 'closes', decidedAt: 'confirmation', avoidable: false, usersLosingSupport: 5 });
    expect(results.prudent.totals).toMatchObject({ avoidableClosures: 1, usersLosingSupportAvoidably: 0 });
  });

  it('serves notice at a deadline only with what is known by then; the rest wait for K', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 24 },
        fundingStreams: [
          stream('early', [
            { fy: '2021/22', amount: 24000 },
            { fy: '2022/23', amount: 6000, confirmedOn: '2022-01-10' },
          ]),
          stream('late', [
            { fy: '2021/22', amount: 0 },
            { fy: '2022/23', amount: 6000, confirmedOn: '2022-05-10' },
          ]),
        ],
        interventions: [
          intervention('first', 6000, 1, { noticeMonths: 2 }),
          intervention('second', 6000, 2, { noticeMonths: 2, serviceUsers: 10 }),
          intervention('third', 6000, 3, { noticeMonths: 0 }),
        ],
        scenarios: [{ id: 'prudent', name: 'Prudent', stance: 'prudent', changes: [] }],
      }),
    );
    const out = results.prudent.interventions;
    // Deadline Feb 2022 (2 months): only "early" (£6,000) known: first funded, second gets notice.
    expect(out[0].outcome).toBe('continues');
    expect(out[1]).toMatchObject({ outcome: 'closes', avoidable: true, usersLosingSupport: 10 });
    expect(month(out[1].noticeServed)).toBe('2022-02');
    expect(month(out[1].lastMonth)).toBe('2022-03');
    // third's deadline (April) is before K (May) too: with £6,000 known, first takes it all: notice in April.
    // Not avoidable: waiting for May, first and second would have taken all £12,000.
    expect(out[2]).toMatchObject({ outcome: 'closes', avoidable: false });
    expect(month(out[2].lastMonth)).toBe('2022-03');
    // Under wait all three fit £12,000? No: two of £6,000 fit, third closes at May with a month of run-on.
    const wait = results.base.interventions;
    expect(wait.map((i) => i.outcome)).toEqual(['continues', 'continues', 'closes']);
    expect(month(wait[2].noticeServed)).toBe('2022-05');
    expect(month(wait[2].lastMonth)).toBe('2022-04');
  });

  it('a deadline before the horizon has passed: no look-ahead for it', () => {
    const results = run(
      plan({
        horizon: { start: '2021-04', months: 12 },
        fundingStreams: [stream('g', [{ fy: '2021/22', amount: 12000, confirmedOn: '2021-06-01' }])],
        interventions: [intervention('x', 12000, 1, { noticeMonths: 3 })],
        scenarios: [{ id: 'prudent', name: 'Prudent', stance: 'prudent', changes: [] }],
      }),
    );
    expect(results.prudent.interventions[0].outcome).toBe('continues');
    expect(results.prudent.years[0].atRisk).toBe(pounds(2000));
  });
});

describe('months', () => {
  it('parses and formats', () => {
    expect(formatMonth(parseMonth('2021-04'))).toBe('2021-04');
  });
});
