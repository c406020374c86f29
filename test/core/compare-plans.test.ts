// The comparison across two plans (plan-format.md §8): services lined up by id and years by FY.
// Within one plan it must be what pairing by index gave; across plans (a snapshot with other
// services or another horizon) a missing service or FY is null, "not in plan".
import { describe, expect, it } from 'vitest';
import { compare, comparisonJson, type Comparison } from '../../shared/compare';
import { comparisonCsv } from '../../shared/compare-csv';
import type { SimulationResult } from '../../shared/engine';
import { parseFy } from '../../shared/months';
import { simulateScenarios } from '../../shared/scenario-set';
import { decisionRows } from '../../shared/service-detail';
import { outcomeAt, outcomeCode, outcomePhrase, sameOutcome } from '../../shared/words';
import { demoPlan, workedExample } from '../fixtures';
import { run } from './helpers';

/** The comparison as it was made before plans could differ: interventions and years paired by index. */
function byIndex(results: readonly SimulationResult[], headlineFy: number | null): Omit<Comparison, 'totals'> {
  const row = (key: string, label: string, kind: string, values: (number | null)[]) => ({
    key,
    label,
    kind,
    values,
    differences: values.map((v, i) => (i === 0 || v === null || values[0] === null ? null : v - values[0])),
  });
  const years = results[0].years.map((first, yi) => {
    const at = (r: SimulationResult) => r.years[yi];
    return {
      fy: first.fy,
      rows: [
        row(
          'funding',
          'Funding',
          'money',
          results.map((r) => at(r).funding),
        ),
        row(
          'spend',
          'Spend',
          'money',
          results.map((r) => at(r).spend),
        ),
        row(
          'drawn',
          'Drawn from underwriter',
          'money',
          results.map((r) => at(r).drawn),
        ),
        row(
          'underspend',
          'Underspend',
          'money',
          results.map((r) => at(r).underspend),
        ),
        row(
          'atRisk',
          'At risk before confirmation',
          'money',
          results.map((r) => at(r).atRisk),
        ),
        row(
          'commissionedShare',
          'Commissioned share',
          'share',
          results.map((r) => at(r).commissionedShare),
        ),
        row(
          'compliant',
          'Grant condition met',
          'flag',
          results.map((r) => (at(r).compliant ? 1 : 0)),
        ),
        row(
          'limitBreached',
          'Underwriting limit breached',
          'flag',
          results.map((r) => (at(r).limitBreached ? 1 : 0)),
        ),
      ],
    };
  });
  const rows = results[0].interventions.map((first, ii) => {
    const outcomes = results.map((r) => outcomeAt(r.interventions[ii]));
    return { id: first.id, name: first.name, outcomes, differs: outcomes.some((o) => !sameOutcome(o, outcomes[0])) };
  });
  return {
    headlineFy,
    scenarios: results.map((r) => ({ id: r.id, name: r.name, stance: r.stance })),
    years: years as never,
    interventions: [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)],
  };
}

describe('within one plan', () => {
  it('is exactly the index-paired comparison on the demo plan, for every pair of its scenarios', () => {
    const plan = demoPlan();
    const ids = ['base', ...plan.scenarios!.map((s) => s.id)];
    const set = simulateScenarios(plan, ids);
    expect(set.headlineFy).not.toBeNull();
    for (const a of ids)
      for (const b of ids) {
        const results = [a, b].map((id) => set.results[ids.indexOf(id)]);
        const made = compare(results, set.headlineFy);
        const expected = byIndex(results, set.headlineFy);
        expect(made.headlineFy).toBe(expected.headlineFy);
        expect(made.scenarios).toEqual(expected.scenarios);
        expect(made.interventions).toEqual(expected.interventions);
        expect(made.years.map((y) => ({ fy: y.fy, rows: y.rows }))).toEqual(expected.years);
        expect(made.years.map((y) => y.label)).toEqual(['2020/21', '2021/22', '2022/23']);
      }
    // All the scenarios at once, too.
    const all = byIndex(set.results, set.headlineFy);
    expect(set.comparison.interventions).toEqual(all.interventions);
    expect(set.comparison.years.map((y) => ({ fy: y.fy, rows: y.rows }))).toEqual(all.years);
  });

  it('never says "not in plan" within one plan, and its CSV and JSON have no absent cells', () => {
    const set = simulateScenarios(demoPlan(), ['base', 'cut-25-june', 'no-grant']);
    expect(set.comparison.interventions.flatMap((r) => r.outcomes).every((o) => o !== null)).toBe(true);
    expect(comparisonCsv(set.comparison, set.results)).not.toContain('not in plan');
    const json = comparisonJson('Demo', set.comparison);
    expect(json.interventions.flatMap((r) => r.outcomes).every((o) => typeof o === 'string')).toBe(true);
  });
});

describe('across two plans', () => {
  // The snapshot: the worked example as it was. Today: service c removed, d added, one more FY.
  const then = workedExample();
  const now = workedExample();
  now.interventions = now.interventions.filter((i) => i.id !== 'c');
  now.interventions.push({ id: 'd', name: 'Mentoring', category: 'commissioned', annualCost: 10000, priority: 9 } as never);
  now.horizon = { ...now.horizon, months: now.horizon.months + 12 };
  const before = run(then).base;
  const after = run(now).base;
  const comparison = compare([before, after], parseFy('2021/22'));

  it('lines services up by id: the first plan\'s order, then those only in the second; a missing one is "not in plan"', () => {
    const ids = comparison.interventions.map((r) => r.id);
    expect([...ids].sort()).toEqual(['a', 'b', 'c', 'd']);
    const c = comparison.interventions.find((r) => r.id === 'c')!;
    const d = comparison.interventions.find((r) => r.id === 'd')!;
    expect(c.outcomes[1]).toBeNull();
    expect(c.outcomes[0]).not.toBeNull();
    expect(d.outcomes[0]).toBeNull();
    expect(d.name).toBe('Mentoring');
    expect(c.differs && d.differs).toBe(true);
    // Rows that differ come first; among them, the first plan's order, then the second's.
    const differing = comparison.interventions.filter((r) => r.differs).map((r) => r.id);
    expect(differing.indexOf('c')).toBeLessThan(differing.indexOf('d'));
    expect(outcomeCode(c.outcomes[1])).toBe('not in plan');
    expect(outcomePhrase(d.outcomes[0])).toBe('Not in plan');
  });

  it('lines years up by FY over both horizons: an FY only one plan has is null in the other, with no difference', () => {
    expect(comparison.years.map((y) => y.fy)).toEqual([...after.years.map((y) => y.fy)]);
    expect(before.years.length).toBe(after.years.length - 1);
    const last = comparison.years[comparison.years.length - 1];
    const funding = last.rows.find((r) => r.key === 'funding')!;
    expect(funding.values[0]).toBeNull();
    expect(funding.values[1]).toBe(after.years[after.years.length - 1].funding);
    expect(funding.differences).toEqual([null, null]);
    const first = comparison.years[0].rows.find((r) => r.key === 'spend')!;
    expect(first.differences[1]).toBe(after.years[0].spend - before.years[0].spend);
  });

  it('writes the CSV, JSON and the decisions with the missing services said so', () => {
    const csv = comparisonCsv(comparison, [before, after]);
    expect(csv).toMatch(/\r\nOutcome,,Mentoring \(d\),not in plan,closes 2022-05,differs\r\n/);
    expect(csv).toMatch(/\r\nDecision,2021\/22,2021-04 Mentoring \(d\) notice deadline,not in plan,Continues/);
    expect(csv).toMatch(/Service,,Mentoring \(d\): Notice deadline,not in plan,/);
    const json = comparisonJson('Worked', comparison);
    expect(json.interventions.find((r) => r.id === 'c')!.outcomes[1]).toBeNull();
    const decisions = decisionRows([before, after]);
    expect(decisions.some((d) => d.id === 'd')).toBe(true);
    for (const d of decisions.filter((row) => row.id === 'c')) expect(d.notices[1]).toBeNull();
  });
});
