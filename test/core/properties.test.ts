// Properties that must hold for any plan: the split sums to the year, partner plus plan is
// the cost, spend is covered funding plus drawn, and money is never both drawn and lapsing
// where one pool could have covered it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate, STATUS } from '../../shared/engine';
import { formatFy, formatMonth, fyOfMonth, fyStart } from '../../shared/months';
import { divRoundHalfEven, monthlyPart, monthlySplit, ratioFromNumber, shareOf } from '../../shared/money';
import { formatProblem } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';

const penceArb = fc.integer({ min: 0, max: 2_000_000_000 });
const shareArb = fc.oneof(
  fc.constantFrom(0, 0.1, 0.25, 0.375, 0.5, 0.9, 1),
  fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
);

describe('money', () => {
  it('the 12 months of an FY sum to the FY, April first for the extra pennies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000 }), (p) => {
        const months = monthlySplit(p);
        expect(months.reduce((a, b) => a + b, 0)).toBe(p);
        expect(Math.max(...months) - Math.min(...months)).toBeLessThanOrEqual(1);
        expect(months).toEqual([...months].sort((a, b) => b - a));
      }),
    );
  });

  it('a share rounds half-to-even exactly, and the plan pays the remainder', () => {
    fc.assert(
      fc.property(penceArb, shareArb, (cost, share) => {
        const r = ratioFromNumber(share);
        const partner = shareOf(cost, r);
        expect(partner).toBe(Number(divRoundHalfEven(BigInt(cost) * r.num, r.den)));
        expect(partner).toBeGreaterThanOrEqual(0);
        expect(cost - partner).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('half-to-even on ties', () => {
    expect(divRoundHalfEven(5n, 10n)).toBe(0n);
    expect(divRoundHalfEven(15n, 10n)).toBe(2n);
    expect(divRoundHalfEven(25n, 10n)).toBe(2n);
    expect(divRoundHalfEven(-5n, 10n)).toBe(0n);
    expect(divRoundHalfEven(-15n, 10n)).toBe(-2n);
    expect(shareOf(5, ratioFromNumber(0.1))).toBe(0);
  });
});

const amountArb = fc.integer({ min: 0, max: 60_000_000 }).map((p) => p / 100);
const planArb = fc
  .record({
    start: fc.integer({ min: 2020 * 12, max: 2023 * 12 }),
    months: fc.integer({ min: 6, max: 40 }),
    streams: fc.array(
      fc.record({
        fenced: fc.boolean(),
        amounts: fc.array(amountArb, { minLength: 5, maxLength: 5 }),
        delays: fc.array(fc.option(fc.integer({ min: -2, max: 8 })), { minLength: 5, maxLength: 5 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    interventions: fc.array(
      fc.record({
        cost: amountArb,
        priority: fc.integer({ min: 1, max: 5 }),
        notice: fc.integer({ min: 0, max: 7 }),
        exit: fc.integer({ min: 0, max: 500_000 }).map((p) => p / 100),
        users: fc.integer({ min: 0, max: 200 }),
        capacity: fc.option(fc.integer({ min: 0, max: 100 })),
        startOffset: fc.option(fc.integer({ min: -3, max: 20 })),
        length: fc.option(fc.integer({ min: 1, max: 30 })),
        shares: fc.array(fc.record({ offset: fc.integer({ min: -6, max: 40 }), share: shareArb }), { maxLength: 3 }),
        central: fc.boolean(),
      }),
      { minLength: 1, maxLength: 7 },
    ),
    stance: fc.constantFrom('wait', 'prudent'),
    minShare: fc.option(shareArb),
  })
  .map((g) => {
    const firstFy = fyOfMonth(g.start);
    const interventions = g.interventions.map((iv, i) => {
      const out: Record<string, unknown> = {
        id: `i${i}`,
        name: `Service ${i}`,
        category: iv.central ? 'central' : 'commissioned',
        annualCost: iv.cost,
        priority: iv.priority,
        noticeMonths: iv.notice,
        exitCost: iv.exit,
        serviceUsers: iv.users,
      };
      if (iv.capacity !== null) out.transition = { to: 'Elsewhere', capacity: iv.capacity };
      if (iv.startOffset !== null) out.start = formatMonth(g.start + iv.startOffset);
      if (iv.startOffset !== null && iv.length !== null) out.end = formatMonth(g.start + iv.startOffset + iv.length);
      if (iv.shares.length)
        out.partnerShares = iv.shares.map((s) => ({ from: formatMonth(g.start + s.offset), share: s.share, partner: 'Partner' }));
      return out;
    });
    const streams = g.streams.map((s, si) => ({
      id: `s${si}`,
      name: `Stream ${si}`,
      funder: 'Funder',
      kind: 'grant',
      allocations: s.amounts.map((amount, k) => {
        const allocation: Record<string, unknown> = { fy: formatFy(firstFy + k), amount };
        if (s.delays[k] !== null) allocation.confirmDelay = s.delays[k];
        return allocation;
      }),
      ...(s.fenced ? { restrictedTo: interventions.filter((_, i) => i % 2 === si % 2).map((iv) => iv.id) } : {}),
      ...(g.minShare !== null && si === 0 ? { conditions: { minCommissionedShare: g.minShare } } : {}),
    }));
    return {
      format: 'headroom-plan',
      version: 1,
      name: 'Generated',
      horizon: { start: formatMonth(g.start), months: g.months },
      underwriting: { by: 'OPCC', limit: 1000 },
      fundingStreams: streams,
      interventions,
      scenarios: [{ id: 'other', name: 'Other stance', stance: g.stance === 'wait' ? 'prudent' : 'wait', changes: [] }],
    };
  });

describe('simulation of generated plans', () => {
  it('keeps every account exact', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const validation = validatePlan(input);
        if (!validation.ok) throw new Error(validation.problems.map(formatProblem).join('\n'));
        for (const scenario of validation.scenarios) {
          const result = simulate(scenario);
          const H0 = scenario.horizonStart;
          const onlyGeneral = scenario.streams.every((s) => s.restrictedTo === null);
          for (const year of result.years) {
            // Spend is covered funding plus drawn.
            expect(year.spend - year.drawn).toBe(year.funding - year.underspend);
            expect(year.drawn).toBeGreaterThanOrEqual(0);
            expect(year.underspend).toBeGreaterThanOrEqual(0);
            if (onlyGeneral && year.drawn > 0) expect(year.underspend).toBe(0);
            const months = result.months.filter((m) => fyOfMonth(m.month) === year.fy);
            expect(months.reduce((a, m) => a + m.spend, 0)).toBe(year.spend);
            expect(months.reduce((a, m) => a + m.partner, 0)).toBe(year.partner);
            if (months.length === 12) expect(months.reduce((a, m) => a + m.funding, 0)).toBe(year.funding);
            expect(year.atRisk).toBeLessThanOrEqual(year.spend);
          }
          // Month by month, spend plus partner equals the cost of every service running, plus exit costs.
          result.months.forEach((m, k) => {
            let expected = 0;
            let partnerExpected = 0;
            scenario.interventions.forEach((item, i) => {
              const outcome = result.interventions[i];
              // The exit cost falls in the last month of service, even one before the service began.
              if (outcome.outcome === 'closes' && outcome.lastMonth === m.month) expected += item.exitCost.get(outcome.closedFor!) ?? 0;
              const status = outcome.status[k];
              if (status === STATUS.inactive || status === STATUS.closed) return;
              const fy = fyOfMonth(m.month);
              const cost = monthlyPart(item.annualCost.get(fy) ?? 0, m.month - fyStart(fy));
              const entry = [...item.partnerShares].reverse().find((p) => p.from <= m.month);
              const partner = entry ? Number(divRoundHalfEven(BigInt(cost) * entry.share.num, entry.share.den)) : 0;
              expected += cost;
              partnerExpected += partner;
            });
            expect(m.spend + m.partner, `month ${formatMonth(m.month)}`).toBe(expected);
            expect(m.partner).toBe(partnerExpected);
          });
          // Totals add up; closed services lose people or move them, never both beyond the users.
          expect(result.totals.spend).toBe(result.years.reduce((a, y) => a + y.spend, 0));
          for (const r of result.interventions) {
            expect(r.usersMoved + r.usersLosingSupport).toBe(
              r.outcome === 'closes' ? scenario.interventions.find((i) => i.id === r.id)!.serviceUsers : 0,
            );
            if (r.outcome === 'closes') {
              expect(r.noticeServed!).toBeGreaterThanOrEqual(Math.max(r.noticeDeadline!, H0));
              if (scenario.stance === 'wait') expect(r.avoidable).toBe(false);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
