// Differential test: the engine's `simulate --json` path against an independent, literal
// reading of the spec (./reference.ts), on random small valid numeric plans and on the
// spec's worked example.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../shared/engine';
import { simulationJson } from '../../shared/result-json';
import { validatePlan } from '../../shared/validate';
import { WORKED_EXAMPLE_PATH as WORKED } from '../fixtures';
import { WAIT } from '../fixtures/worked-example-expected';
import { planArb } from './generate';
import { referenceJson } from './reference';

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
    fc.assert(
      fc.property(planArb(), (p) => {
        const engine = engineJson(p);
        fc.pre(engine !== null); // a change may end a service before it starts: invalid, skipped
        compared++;
        expect(differences(engine, referenceJson(p))).toEqual([]);
      }),
      { numRuns: 2500, seed: Number(process.env.DIFF_SEED ?? 20240611) },
    );
    expect(compared).toBeGreaterThan(2000);
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
      { month: '2021-04', funding: 0, spend: 500, partner: 500 },
      { month: '2021-05', funding: 0, spend: 1500, partner: 500 },
      { month: '2021-06', funding: 0, spend: 0, partner: 0 },
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
