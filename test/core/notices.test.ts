// The engine's decisions as outputs: each FY's known month and its source, and every
// intervention's notice decision per FY (plan-format.md §3.2, §3.3). Screens, briefings
// and exports present these; they are checked here against the worked example by hand.
import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../shared/months';
import { delayedDemoPlan, workedExample } from '../fixtures';
import { run } from './helpers';

const m = parseMonth;

describe('known month and its source', () => {
  it('takes the latest confirmation, naming the stream it came from', () => {
    const { base } = run(workedExample());
    expect(base.years.map((y) => [y.known, y.knownSource, y.knownStream])).toEqual([
      [m('2021-03'), 'confirmed-on', 'core'],
      [m('2022-06'), 'confirmed-on', 'core'],
    ]);
  });

  it('lets confirmDelay beat confirmedOn: four months after April is August', () => {
    const plan = delayedDemoPlan();
    const year = run(plan).delayed.years.find((y) => y.fy === 2021)!;
    expect([year.known, year.knownSource, year.knownStream]).toEqual([m('2021-08'), 'confirm-delay', 'ho-core']);
    for (const r of run(plan).delayed.interventions) {
      for (const notice of r.notices.filter((n) => n.fy === 2021)) expect(notice.known).toBe(m('2021-08'));
    }
  });

  it('says an FY with no allocations is known at its start', () => {
    const plan = workedExample();
    plan.fundingStreams[0].allocations.pop();
    const year = run(plan).base.years[1];
    expect([year.known, year.knownSource, year.knownStream]).toEqual([m('2022-04'), 'no-allocations', null]);
  });
});

describe('notices per FY', () => {
  it('under wait: b is decided at K (June 2022), five months after its deadline', () => {
    const b = run(workedExample()).base.interventions.find((r) => r.id === 'b')!;
    expect(b.notices).toEqual([
      expect.objectContaining({
        fy: 2021,
        deadline: m('2021-01'),
        passed: true,
        verdict: 'continues',
        blindMonths: 2,
        decidedAt: m('2021-03'),
        decidedBy: 'confirmation',
      }),
      {
        fy: 2022,
        deadline: m('2022-01'),
        passed: false,
        noticeMonths: 3,
        known: m('2022-06'),
        knownSource: 'confirmed-on',
        blindMonths: 5,
        decidedAt: m('2022-06'),
        decidedBy: 'confirmation',
        verdict: 'closes',
        served: m('2022-06'),
        lastMonth: m('2022-08'),
        avoidable: false,
        annualCost: 4800000,
        planCost: 4800000,
        exitCost: 600000,
      },
    ]);
  });

  it('under prudent: the look-ahead decides at the deadline, and a is avoidable', () => {
    const { prudent } = run(workedExample());
    const a = prudent.interventions.find((r) => r.id === 'a')!;
    expect(a.notices[1]).toMatchObject({
      fy: 2022,
      verdict: 'closes',
      decidedAt: m('2022-01'),
      decidedBy: 'look-ahead',
      served: m('2022-01'),
      lastMonth: m('2022-03'),
      avoidable: true,
    });
  });

  it('has no decision for an FY after the one it closed for', () => {
    const plan = workedExample();
    plan.horizon.months = 36;
    plan.fundingStreams[0].allocations.push({ fy: '2023/24', amount: 60000 });
    const b = run(plan).base.interventions.find((r) => r.id === 'b')!;
    expect(b.notices.map((n) => [n.fy, n.verdict])).toEqual([
      [2021, 'continues'],
      [2022, 'closes'],
    ]);
  });

  it('marks an FY whose whole cost a partner carries from its start as handed over', () => {
    const plan = workedExample();
    plan.interventions[2].partnerShares = [{ from: '2022-04', share: 1, partner: 'Council' }];
    const c = run(plan).base.interventions.find((r) => r.id === 'c')!;
    expect(c.outcome).toBe('transitions');
    expect(c.notices.map((n) => [n.fy, n.verdict])).toEqual([
      [2021, 'continues'],
      [2022, 'handed-over'],
    ]);
  });

  it('names a handover during the FY as a transition', () => {
    const plan = workedExample();
    plan.interventions[2].partnerShares = [{ from: '2022-10', share: 1, partner: 'Council' }];
    plan.fundingStreams[0].allocations[1].amount = 120000;
    const c = run(plan).base.interventions.find((r) => r.id === 'c')!;
    expect(c.notices.map((n) => [n.fy, n.verdict])).toEqual([
      [2021, 'continues'],
      [2022, 'transitions'],
    ]);
  });
});
