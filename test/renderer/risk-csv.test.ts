import { describe, expect, it } from 'vitest';
import type { LadderRow } from '../../shared/uncertainty/ladder';
import { ladderCsv, riskSummaryCsv } from '../../renderer/logic/risk-csv';
import { breakevenSentence } from '../../renderer/logic/breakeven-words';
import type { RiskView } from '../../renderer/logic/risk-run';

const view: RiskView = {
  scenarioId: 'cut',
  draws: 4,
  seed: 7,
  summary: {
    draws: 4,
    seed: 7,
    interventions: [],
    // Pence, as the summary keeps money.
    drawn: { mean: 123450, p10: 0, p50: 100025, p90: 300000 },
    usersLosingSupport: { mean: 12.5, p10: 0, p50: 10, p90: 30 },
    atRisk: { mean: 5000000, p10: 4000000, p50: 5000000, p90: 6000010 },
    atRiskByYear: [],
  },
  interventions: [
    { id: 'evil', name: '=HYPERLINK("x")', pClose: 0.75, pTransition: 0 },
    { id: 'b', name: 'Service, B', pClose: 0.25, pTransition: 0.5 },
  ],
  people: [],
  fan: [{ month: 2021 * 12 + 3, p10: 0, p50: 150, p90: 1234567 }],
};

describe('risk summary CSV', () => {
  it('has the totals in pounds, the chances as fractions, the exposure by month, and defuses formulas', () => {
    const lines = riskSummaryCsv(view, { scenarioName: '+25% cut', underwriter: 'OPCC' }).split('\r\n');
    expect(lines[0]).toBe('Section,Item,Mean,P10,P50,P90,Probability of closing,Probability of transitioning');
    expect(lines[1]).toBe(`Run,'+25% cut (cut); 4 draws; seed 7,,,,,,`);
    expect(lines[2]).toBe('Totals,Drawn from OPCC (£),1234.50,0.00,1000.25,3000.00,,');
    expect(lines[3]).toBe('Totals,People losing support,12.5,0,10,30,,');
    expect(lines[4]).toBe('Totals,Largest FY at risk (£),50000.00,40000.00,50000.00,60000.10,,');
    expect(lines[5]).toBe(`Intervention,"'=HYPERLINK(""x"") (evil)",,,,,0.75,0`);
    expect(lines[6]).toBe('Intervention,"Service, B (b)",,,,,0.25,0.5');
    expect(lines[7]).toBe('Exposure by month (£),Apr 2021,,0.00,1.50,12345.67,,');
    expect(lines[8]).toBe('');
  });
});

describe('ladder CSV', () => {
  it('has a row per value with the services that close by name', () => {
    const rows: LadderRow[] = [
      { value: 0.5, totals: { spend: 1000.5, drawn: 20, closures: 2, avoidableClosures: 0, usersLosingSupport: 30 }, closes: ['b', 'a'] },
      { value: 1, totals: { spend: 2000, drawn: 0, closures: 0, avoidableClosures: 0, usersLosingSupport: 0 }, closes: [] },
    ];
    const text = ladderCsv(
      rows,
      'grantLevel',
      new Map([
        ['a', 'Service A'],
        ['b', '@B'],
      ]),
    );
    expect(text.split('\r\n')).toEqual([
      'grantLevel,Spend (£),Drawn (£),Closures,Avoidable closures,People losing support,Services that close',
      `0.5,1000.50,20.00,2,0,30,'@B; Service A`,
      '1,2000.00,0.00,0,0,0,',
      '',
    ]);
  });
});

describe('break-even in words', () => {
  it('says the smallest level and the amounts it gives', () => {
    expect(
      breakevenSentence({
        answer: {
          status: 'found',
          value: 0.952,
          atBottom: false,
          amounts: [{ stream: 'ho', streamName: 'VRU grant', fy: '2021/22', amount: 314872000 }],
        },
        variable: 'grantLevel',
        target: 'no-closures',
        isLevel: true,
        underwriter: 'OPCC',
      }),
    ).toBe('The smallest grant level that keeps every service open is 95.2% (VRU grant £3,148,720 in 2021/22).');
  });

  it('says plainly when the target fails at the top of the range', () => {
    expect(
      breakevenSentence({
        answer: { status: 'not-met', hi: 1, closures: [], drawn: 500000, nonCompliantYears: 0 },
        variable: 'grantLevel',
        target: 'no-drawn',
        isLevel: true,
        underwriter: 'OPCC',
      }),
    ).toBe('No grant level in this range needs nothing from OPCC: even at 100%, the top of the range, £5,000 is still drawn from OPCC.');
  });
});
