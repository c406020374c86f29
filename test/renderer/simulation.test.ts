import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../shared/edits';
import { parseMonth } from '../../shared/months';
import { runSimulation } from '../../renderer/logic/simulation';
import { demoPlan, workedExample } from './fixtures';

describe('runSimulation (the worker’s job)', () => {
  it('simulates base and every scenario, with resolved values per FY', () => {
    const outcome = runSimulation(workedExample());
    if (!outcome.ok) throw new Error('expected results');
    expect(outcome.results.map((r) => r.id)).toEqual(['base', 'prudent']);
    const [base, prudent] = outcome.results;
    // plan-format.md §4: wait draws £29,000 in 2022/23; prudent closes everything, 70 lose support.
    expect(base.years[1].drawn).toBe(2_900_000);
    expect(prudent.totals.usersLosingSupport).toBe(70);
    const resolved = outcome.resolved[0];
    expect(resolved.fys).toEqual([2021, 2022]);
    expect(resolved.streams[0].allocations).toEqual([
      { fy: 2021, amount: 12_000_000, known: parseMonth('2021-03'), knownSource: 'confirmed-on', confirmedOn: '2021-03-01' },
      { fy: 2022, amount: 6_000_000, known: parseMonth('2022-06'), knownSource: 'confirmed-on', confirmedOn: '2022-06-10' },
    ]);
    // Notice periods per FY (the deadlines themselves are the engine's: results[].interventions[].notices).
    expect(resolved.interventions.map((i) => i.noticeMonths)).toEqual([
      [3, 3],
      [3, 3],
      [1, 1],
    ]);
  });

  it('gives formulas their value', () => {
    const outcome = runSimulation(demoPlan());
    if (!outcome.ok) throw new Error('expected results');
    const central = outcome.resolved[0].interventions.find((i) => i.id === 'central-team')!;
    // "=650000 * (1 + payUplift) ^ fy" with payUplift 0.02: £650,000, £663,000, £676,260.
    expect(central.annualCost).toEqual([65_000_000, 66_300_000, 67_626_000]);
  });

  it('returns the validator’s problems for a plan that does not validate', () => {
    const { plan } = applyEdit(demoPlan(), {
      label: 'bad',
      ops: [{ op: 'set', path: ['interventions', 2, 'annualCost'], value: '=fte * 2' }],
    });
    const outcome = runSimulation(plan);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContainEqual({ path: 'interventions[2].annualCost', message: expect.stringContaining('fte') });
  });
});
