// The forecast outturn report (plan-format.md §10) on the worked example with actuals to June
// 2021; every figure worked out by hand from the fixture.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFy, parseMonth } from '../../shared/months';
import { actualsToWords, defaultOutturnFy, lapseSentence, outturnReport, varianceWords } from '../../shared/outturn';
import type { Plan } from '../../shared/plan';
import { workedExample } from '../fixtures';
import { readJson } from './helpers';

const WITH_ACTUALS = fileURLToPath(new URL('../fixtures/worked-example-actuals.json', import.meta.url));
const plan = (): Plan => readJson(WITH_ACTUALS);
const FY = parseFy('2021/22');

describe('the forecast outturn of 2021/22 with actuals to June', () => {
  const report = outturnReport(plan(), 'base', FY);
  const line = (id: string) => report.lines.find((l) => l.id === id)!;

  it('per service: budget, actual to date, forecast, outturn, variance in pence and as a share of budget', () => {
    // a: planned £60,000; spent 5,000 + 5,000 + 4,800; July to March 9 × £5,000.
    expect(line('a')).toMatchObject({
      budget: 6_000_000,
      actual: 1_480_000,
      forecast: 4_500_000,
      outturn: 5_980_000,
      variance: -20_000,
      varianceShare: -0.0033,
    });
    expect(line('b')).toMatchObject({
      budget: 4_800_000,
      actual: 1_200_000,
      forecast: 3_600_000,
      outturn: 4_800_000,
      variance: 0,
      varianceShare: 0,
    });
    // c: 1,000 + 1,000 + 1,500 then 9 × £1,000: £500 over a £12,000 budget = 4.17%.
    expect(line('c')).toMatchObject({
      budget: 1_200_000,
      actual: 350_000,
      forecast: 900_000,
      outturn: 1_250_000,
      variance: 50_000,
      varianceShare: 0.0417,
    });
  });

  it('totals, by category, funding against outturn and what is drawn', () => {
    expect(report.totals).toEqual({
      budget: 12_000_000,
      actual: 3_030_000,
      forecast: 9_000_000,
      outturn: 12_030_000,
      variance: 30_000,
      varianceShare: 0.0025,
    });
    expect(report.byCategory.map((g) => [g.label, g.budget, g.outturn])).toEqual([
      ['Commissioned', 10_800_000, 10_780_000],
      ['Central', 1_200_000, 1_250_000],
    ]);
    expect(report).toMatchObject({
      funding: 12_000_000,
      drawn: 30_000,
      underspend: 0,
      budgetDrawn: 0,
      budgetUnderspend: 0,
      actualMonths: 3,
      compliant: true,
      commissionedShare: 0.8961,
    });
    expect(lapseSentence(report)).toBe("All of 2021/22's funding is forecast to be spent, with £300.00 drawn from OPCC.");
  });

  it('names the variance, the asAt and the default FY', () => {
    expect(varianceWords(line('a').variance)).toBe('Underspend of £200.00');
    expect(varianceWords(line('c').variance)).toBe('Overspend of £500.00');
    expect(varianceWords(0)).toBe('On budget');
    expect(actualsToWords(report.asAt)).toBe('Actuals to June 2021');
    expect(defaultOutturnFy(plan())).toBe(FY);
  });

  it("carries the treasurer's commentary for the service and FY", () => {
    const withNote = plan();
    withNote.actuals!.commentary = [
      { intervention: 'c', fy: '2021/22', text: 'Agency cover in June' },
      { intervention: 'c', fy: '2022/23', text: 'not this FY' },
    ];
    const r = outturnReport(withNote, 'base', FY);
    expect(r.lines.find((l) => l.id === 'c')!.commentary).toBe('Agency cover in June');
    expect(r.lines.find((l) => l.id === 'a')!.commentary).toBeNull();
  });
});

describe('outturn without actuals, and what lapses', () => {
  it('budget = outturn; an FY with grant left over names what lapses by 31 March', () => {
    const p = workedExample();
    p.fundingStreams[0].allocations[0].amount = 130000;
    const report = outturnReport(p, 'base', FY);
    expect(report.totals).toMatchObject({ budget: 12_000_000, actual: 0, forecast: 12_000_000, variance: 0 });
    expect(report.asAt).toBeNull();
    expect(lapseSentence(report)).toBe("£10,000.00 of 2021/22's grant will lapse unless committed by 31 March 2022.");
  });

  it("groups by the scenario's system and category, as the scenario changes them", () => {
    const p = workedExample();
    (p.interventions[0] as { system?: string }).system = 'North';
    p.scenarios!.push({ id: 's', name: 'Moved', changes: [{ intervention: 'a', system: 'South', category: 'central' }] });
    const report = outturnReport(p, 's', FY);
    expect(report.lines.find((l) => l.id === 'a')).toMatchObject({ system: 'South', category: 'central' });
    expect(report.bySystem.map((g) => g.label)).toEqual(['South', 'No system']);
  });

  it('an FY already over says the grant lapsed; lapse and drawn together are both named', () => {
    const base = { fy: FY, underspend: 120_000, drawn: 0, underwriter: 'OPCC' };
    expect(lapseSentence({ ...base, asAt: parseMonth('2022-04') })).toBe("£1,200.00 of 2021/22's grant lapsed unspent at 31 March 2022.");
    expect(lapseSentence({ ...base, drawn: 5_000, asAt: parseMonth('2021-09') })).toBe(
      "£1,200.00 of 2021/22's grant will lapse unless committed by 31 March 2022, while £50.00 is drawn from OPCC for spend it cannot cover.",
    );
  });

  it('refuses an FY outside the horizon and an unknown scenario in words', () => {
    expect(() => outturnReport(plan(), 'base', parseFy('2025/26'))).toThrow('2025/26 is not an FY of the plan');
    expect(() => outturnReport(plan(), 'nope', FY)).toThrow('no scenario "nope"');
  });
});
