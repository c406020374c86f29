// A live scenario against a snapshot's (shared/snapshot-compare.ts): the snapshot's scenario
// first, columns named for both, differences as the change since the snapshot, the live plan's
// headline FY, what changed in the inputs, clear errors, and the CSV with its "What changed".
import { describe, expect, it } from 'vitest';
import { compareWithSnapshot } from '../../shared/snapshot-compare';
import { NO_INPUT_CHANGES, snapshotComparisonCsv } from '../../shared/snapshot-compare-csv';
import { simulateScenarios } from '../../shared/scenario-set';
import type { Plan } from '../../shared/plan';
import { demoPlan } from '../fixtures';

const approved = () => ({ name: 'Budget as approved', plan: demoPlan() });
/** Today's plan: the grant cut to 75% since the snapshot. */
const cut = (): Plan => {
  const plan = demoPlan();
  plan.variables!.grantLevel = 0.75;
  return plan;
};

describe('compareWithSnapshot', () => {
  const sc = compareWithSnapshot(cut(), 'base', approved(), 'base');

  it('puts the snapshot\'s scenario first, named "<snapshot>: <scenario>", and today\'s as "Now: <scenario>"', () => {
    expect(sc.columns).toEqual(['Budget as approved: Base', 'Now: Base']);
    expect(sc.comparison.scenarios.map((s) => [s.id, s.name])).toEqual([
      ['base', 'Budget as approved: Base'],
      ['base', 'Now: Base'],
    ]);
    expect(sc.plan).toBe('West Midlands VRU: 2021/22 cliff edge');
    expect(sc.snapshot).toBe('Budget as approved');
  });

  it('reads differences as the change since the snapshot: now − then, to the penny', () => {
    const [then, now] = sc.results;
    const funding = sc.comparison.totals.find((r) => r.key === 'funding')!;
    expect(funding.values).toEqual([then.totals.funding, now.totals.funding]);
    // Two FYs of £3,307,000 cut by a quarter: £826,750 each.
    expect(funding.differences).toEqual([null, -2 * 82_675_000]);
    const y2122 = sc.comparison.years.find((y) => y.label === '2021/22')!.rows.find((r) => r.key === 'funding')!;
    expect(y2122.differences[1]).toBe(-82_675_000);
  });

  it("takes the headline FY from the live plan's scenarios, as the Compare screen does", () => {
    expect(sc.headlineFy).toBe(simulateScenarios(cut(), ['base']).headlineFy);
    expect(sc.comparison.headlineFy).toBe(sc.headlineFy);
    expect(sc.comparison.totals.some((r) => r.key === 'atRiskFy')).toBe(true);
  });

  it('lists what changed in the inputs, and puts the services whose outcome changed first', () => {
    expect(sc.changes.map((c) => c.text)).toContain('Serious Violence Fund: VRU grant 2021/22: £3,307,000 → £2,480,250');
    const rows = sc.comparison.interventions;
    const firstSame = rows.findIndex((r) => !r.differs);
    expect(rows.some((r) => r.differs)).toBe(true);
    expect(rows.slice(firstSame).every((r) => !r.differs)).toBe(true);
  });

  it('compares any two scenarios: a snapshot scenario against a different live one', () => {
    const other = compareWithSnapshot(demoPlan(), 'no-grant', approved(), 'flat-june');
    expect(other.columns).toEqual(['Budget as approved: Flat grant, confirmed in June', 'Now: No grant after March 2021']);
    expect(other.results.map((r) => r.id)).toEqual(['flat-june', 'no-grant']);
  });

  it('names a missing scenario with the scenarios there are, and an invalid plan', () => {
    expect(() => compareWithSnapshot(demoPlan(), 'base', approved(), 'cut25')).toThrow(
      'no scenario "cut25" in snapshot "Budget as approved" (it has: base, flat-april, flat-june, cut-25-june, no-grant, flat-june-prudent)',
    );
    expect(() => compareWithSnapshot(demoPlan(), 'nope', approved(), 'base')).toThrow(/^no scenario "nope" in the plan \(it has: base, /);
    const broken = demoPlan();
    broken.interventions[0].priority = -1 as never;
    expect(() => compareWithSnapshot(demoPlan(), 'base', { name: 'Old', plan: broken }, 'base')).toThrow(/^snapshot "Old" is not valid:\n/);
  });
});

describe('snapshotComparisonCsv', () => {
  it('is the comparison CSV headed by the column names, then one "What changed" row per change', () => {
    const sc = compareWithSnapshot(cut(), 'base', approved(), 'base');
    const csv = snapshotComparisonCsv(sc);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Section,FY,Item,Budget as approved: Base,Now: Base,Now: Base − Budget as approved: Base');
    expect(lines).toContain('Totals,,Funding,10606158.00,8952658.00,-1653500.00');
    const changed = lines.filter((l) => l.startsWith('What changed,'));
    expect(changed).toEqual(sc.changes.map((c) => `What changed,,${c.text.includes(',') ? `"${c.text}"` : c.text},${c.kind},${c.subject}`));
    expect(changed.length).toBe(3);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('says so when no input changed', () => {
    const csv = snapshotComparisonCsv(compareWithSnapshot(demoPlan(), 'base', approved(), 'base'));
    expect(csv).toContain(`\r\nWhat changed,,${NO_INPUT_CHANGES}\r\n`);
  });
});
