import { describe, expect, it } from 'vitest';
import { STATUS } from '../../shared/engine';
import { parseMonth } from '../../shared/months';
import { clampAsAt, defaultAsAt, groupDecisions, upcomingDecisions } from '../../renderer/logic/decisions';
import { runSimulation } from '../../renderer/logic/simulation';
import { cliffEdgeLayout, monthTicks, statusRuns } from '../../renderer/logic/timeline';
import { demoPlan, workedExample } from './fixtures';

function simulated(plan = workedExample()) {
  const outcome = runSimulation(plan);
  if (!outcome.ok) throw new Error('expected results');
  return outcome;
}

describe('upcoming decisions', () => {
  it('lists notice deadlines in the window with what they put at stake (worked example, wait)', () => {
    const { results } = simulated();
    const list = upcomingDecisions(results[0], parseMonth('2021-12'), 6);
    expect(list.map((d) => [d.interventionId, d.deadline])).toEqual([
      ['a', parseMonth('2022-01')],
      ['b', parseMonth('2022-01')],
      ['c', parseMonth('2022-03')],
    ]);
    const b = list[1];
    expect(b).toMatchObject({
      fy: 2022,
      known: parseMonth('2022-06'),
      knownSource: 'confirmed-on',
      blindMonths: 5,
      noticeMonths: 3,
      serviceUsers: 30,
      annualCost: 4_800_000,
      exitCost: 600_000,
      verdict: 'closes',
      noticeServed: parseMonth('2022-06'),
      lastMonth: parseMonth('2022-08'),
      usersLosingSupport: 20,
      avoidable: false,
      decidedBy: 'confirmation',
    });
    expect(list[0].verdict).toBe('continues');
  });

  it('leaves out deadlines outside the window, and FYs a service has already closed for', () => {
    const { results } = simulated();
    // Prudent closes everything for 2022/23: no decisions remain after that.
    expect(upcomingDecisions(results[1], parseMonth('2022-04'), 12)).toEqual([]);
    expect(upcomingDecisions(results[0], parseMonth('2021-04'), 3)).toEqual([]);
  });

  it('groups decisions that share a deadline', () => {
    const { results } = simulated();
    const groups = groupDecisions(upcomingDecisions(results[0], parseMonth('2021-12'), 6));
    expect(groups.map((g) => [g.deadline, g.decisions.length, g.serviceUsers, g.closing])).toEqual([
      [parseMonth('2022-01'), 2, 80, 1],
      [parseMonth('2022-03'), 1, 0, 1],
    ]);
  });

  it('opens two months before the first deadline inside the horizon', () => {
    const { results } = simulated(demoPlan());
    // Demo: the first deadlines inside the horizon are 1 January 2021 (for 2021/22).
    expect(defaultAsAt(results[0])).toBe(parseMonth('2020-11'));
    expect(clampAsAt(null, results[0])).toBe(parseMonth('2020-11'));
    expect(clampAsAt(parseMonth('2030-01'), results[0])).toBe(parseMonth('2023-03'));
  });
});

describe('timelines', () => {
  it('turns the engine’s status line into runs', () => {
    const { inactive, running, notice, closed } = STATUS;
    expect(statusRuns(`${inactive}${inactive}${running}${running}${notice}${notice}${closed}`, 100)).toEqual([
      { status: 'inactive', offset: 0, length: 2, from: 100, to: 101 },
      { status: 'running', offset: 2, length: 2, from: 102, to: 103 },
      { status: 'notice', offset: 4, length: 2, from: 104, to: 105 },
      { status: 'closed', offset: 6, length: 1, from: 106, to: 106 },
    ]);
    expect(statusRuns('', 0)).toEqual([]);
  });

  it('labels ticks with the year at April and at the start', () => {
    const ticks = monthTicks(parseMonth('2021-02'), 3);
    expect(ticks.map((t) => t.label)).toEqual(['Feb 2021', 'Mar', 'Apr 2021']);
    expect(ticks[2].fyStart).toBe(true);
  });

  it('lays out the cliff edge: deadlines against the month funding is known', () => {
    const { results } = simulated();
    const layout = cliffEdgeLayout(results[0]);
    expect(layout.fys.map((f) => [f.label, f.offset, f.length, f.knownOffset])).toEqual([
      ['2021/22', 0, 12, -1],
      ['2022/23', 12, 12, 14],
    ]);
    // 2021/22 deadlines fall before the horizon (passed); 2022/23: January and March 2022.
    const b = layout.rows.find((r) => r.id === 'b')!;
    expect(b.marks).toEqual([
      {
        fy: 2022,
        deadline: parseMonth('2022-01'),
        offset: 9,
        knownOffset: 14,
        blindMonths: 5,
        closes: true,
        noticeServed: parseMonth('2022-06'),
        noticeServedOffset: 14,
      },
    ]);
    expect(layout.rows.find((r) => r.id === 'c')!.marks[0]).toMatchObject({ offset: 11, blindMonths: 3 });
    expect(layout.widestGap).toBe(5);
  });

  it('drops rows of services already closed or handed over by then', () => {
    const { results } = simulated(demoPlan());
    const noGrant = cliffEdgeLayout(results.find((r) => r.id === 'no-grant')!);
    // Everything closes for 2021/22, so no 2022/23 deadlines are left.
    expect(noGrant.rows.every((row) => row.marks.every((m) => m.fy === 2021))).toBe(true);
    const base = cliffEdgeLayout(results[0]);
    expect(base.rows.find((r) => r.id === 'iris')!.marks.map((m) => m.fy)).toEqual([2021]);
  });
});
