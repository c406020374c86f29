// plan-format.md §4, reproduced to the penny: every figure of both scenarios.
import { describe, expect, it } from 'vitest';
import { formatMonth } from '../../shared/months';
import { simulationJson } from '../../shared/result-json';
import { PRUDENT, WAIT } from '../fixtures/worked-example-expected';
import { readJson, run, WORKED_EXAMPLE_PATH } from './helpers';

const example = readJson(WORKED_EXAMPLE_PATH);
const results = run(example);
const json = simulationJson(example.name, [results.base, results.prudent]);
const [wait, prudent] = json.scenarios;
const byId = (s: typeof wait, id: string) => s.interventions.find((i) => i.id === id)!;

describe('worked example under wait', () => {
  it('2021/22: everything fits; share 108/120', () => {
    expect(wait.years[0]).toEqual(WAIT.years[0]);
  });

  it('2022/23: a funded, b and c close at June with run-on; £29,000 drawn; £20,000 at risk', () => {
    expect(wait.years[1]).toEqual(WAIT.years[1]);
    expect(byId(wait, 'a').outcome).toBe('continues');
    expect(byId(wait, 'b')).toEqual(WAIT.b);
    expect(byId(wait, 'c')).toMatchObject(WAIT.c);
    expect(wait.totals).toEqual(WAIT.totals);
  });

  it('months spread each FY by the monthly split', () => {
    expect(wait.months).toHaveLength(24);
    expect(wait.months[12]).toEqual({ month: '2022-04', funding: 5000, spend: 10000, partner: 0, actual: false });
    expect(wait.months[17]).toEqual({ month: '2022-09', funding: 5000, spend: 5000, partner: 0, actual: false });
    // August: a, b's last month and b's exit cost.
    expect(wait.months[16].spend).toBe(5000 + 4000 + 6000);
  });
});

describe('worked example under prudent', () => {
  it('all three get notice before June and close on 31 March 2022', () => {
    for (const id of ['a', 'b', 'c']) {
      const r = byId(prudent, id);
      expect(r.outcome).toBe('closes');
      expect(r.lastMonth).toBe('2022-03');
      expect(r.runOn).toBe(0);
      expect(r.noticeServed).toBe(r.noticeDeadline);
    }
    expect(byId(prudent, 'a').noticeDeadline).toBe('2022-01');
    expect(byId(prudent, 'c').noticeDeadline).toBe('2022-03');
  });

  it("b's exit cost falls in March 2022: 2021/22 spends £126,000 and draws £6,000", () => {
    expect(prudent.years[0]).toMatchObject({ fy: '2021/22', spend: 126000, drawn: 6000, underspend: 0 });
    expect(prudent.months[11]).toEqual({ month: '2022-03', funding: 10000, spend: 10000 + 6000, partner: 0, actual: false });
  });

  it("a's closure is avoidable; £60,000 lapses; 70 lose support, 50 avoidably", () => {
    expect(byId(prudent, 'a').avoidable).toBe(true);
    expect(byId(prudent, 'b').avoidable).toBe(false);
    expect(byId(prudent, 'c').avoidable).toBe(false);
    expect(prudent.years[1]).toMatchObject({ spend: 0, underspend: 60000, drawn: 0, commissionedShare: null, compliant: true });
    expect(prudent.totals).toEqual(PRUDENT.totals);
    expect(results.prudent.totals.usersLosingSupportAvoidably).toBe(50);
  });

  it('status lines show running, then closed', () => {
    const a = results.prudent.interventions.find((i) => i.id === 'a')!;
    expect(a.status).toBe('R'.repeat(9) + 'N'.repeat(3) + 'C'.repeat(12));
    const b = results.base.interventions.find((i) => i.id === 'b')!;
    expect(b.status).toBe('R'.repeat(14) + 'N'.repeat(3) + 'C'.repeat(7));
    expect(formatMonth(b.noticeServed!)).toBe('2022-06');
  });
});
