// Filling the months an import leaves empty "as spent as planned" (shared/actuals-fill.ts):
// only months that were forecast before the import, at what the plan spends after closures.
import { describe, expect, it } from 'vitest';
import { plannedEntries, withEarlierMonths } from '../../shared/actuals-fill';
import { parseMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { workedExample } from '../fixtures';
import { intervention, plan as testPlan, stream } from './helpers';

describe('months filled as planned', () => {
  // £12,000 for 2021/22 funds a (priority 1) only: b (notice 0) closes for 2021/22 and never runs.
  const closing = (): Plan =>
    testPlan({
      fundingStreams: [stream('s', [{ fy: '2021/22', amount: 12000 }])],
      interventions: [intervention('a', 12000, 1), intervention('b', 12000, 2, { noticeMonths: 0 })],
      actuals: {
        asAt: '2021-06',
        spend: ['2021-04', '2021-05', '2021-06'].map((month) => ({ intervention: 'a', month, amount: 1000 })),
      },
    });

  it('records nothing for a service the plan closes, and never touches months already actual', () => {
    const imported = closing();
    imported.actuals!.asAt = '2021-09';
    imported.actuals!.spend.push({ intervention: 'a', month: '2021-09', amount: 1200 });
    const { plan, earlier } = withEarlierMonths(imported, '2021-06', ['2021-09'], true);
    // July and August were forecast before the import: a spends £1,000 in each; b nothing.
    expect(earlier).toEqual({ from: '2021-07', to: '2021-08', entries: 2, planned: 200_000, filled: true });
    expect(plan.actuals!.spend.map((e) => `${e.intervention} ${e.month} ${e.amount}`)).toEqual([
      'a 2021-04 1000',
      'a 2021-05 1000',
      'a 2021-06 1000',
      'a 2021-07 1000',
      'a 2021-08 1000',
      'a 2021-09 1200',
    ]);
  });

  it('unticked, the plan is unchanged and the gap is still named', () => {
    const imported = closing();
    imported.actuals!.asAt = '2021-09';
    const { plan, earlier } = withEarlierMonths(imported, '2021-06', ['2021-09'], false);
    expect(plan).toBe(imported);
    expect(earlier).toMatchObject({ from: '2021-07', to: '2021-08', filled: false });
  });

  it('an exit cost is spent in its last month (worked example, prudent closures do not apply to base)', () => {
    const worked = workedExample();
    // Base: b closes at June 2022 and runs to August with its £6,000 exit cost there.
    const entries = plannedEntries(worked, parseMonth('2022-08'), parseMonth('2022-08'));
    expect(entries).toEqual([
      { intervention: 'a', month: '2022-08', amount: 5000 },
      { intervention: 'b', month: '2022-08', amount: 10000 },
    ]);
  });
});
