// One wording for what the engine decided (shared/words.ts) and one format for figures
// (shared/format.ts), used by the app, the CLI and the exports alike.
import { describe, expect, it } from 'vitest';
import { compare, comparisonJson, outcomeLabel } from '../../shared/compare';
import {
  axisMoney,
  calendarDateText,
  differenceText,
  formatComparisonValue,
  formatProblem,
  measureText,
  momentText,
  moneyFull,
  moneyShort,
  moneyWhole,
  niceStep,
  niceTicks,
  plural,
  points,
} from '../../shared/format';
import { documentBaseName, exportFileName, riskFileName } from '../../shared/file-name';
import { parseMonth } from '../../shared/months';
import {
  knownWords,
  outcomeAt,
  outcomeCode,
  outcomeLower,
  outcomePhrase,
  sameOutcome,
  stanceLabel,
  stanceSentence,
  verdictWords,
} from '../../shared/words';
import { workedExample } from '../fixtures';
import { run } from './helpers';

const m = parseMonth;

describe('outcome words', () => {
  it('says each outcome one way, with short or long months', () => {
    expect(outcomePhrase({ outcome: 'closes', month: m('2021-06') })).toBe('Closes after Jun 2021');
    expect(outcomePhrase({ outcome: 'closes', month: m('2021-06') }, false)).toBe('Closes after June 2021');
    expect(outcomePhrase({ outcome: 'transitions', month: m('2021-10') })).toBe('Handed over from Oct 2021');
    expect(outcomePhrase({ outcome: 'ended', month: null })).toBe('Ends as planned');
    expect(outcomePhrase({ outcome: 'continues', month: null })).toBe('Continues');
    expect(outcomeLower({ outcome: 'ended', month: null })).toBe('ends as planned');
  });

  it('codes outcomes for machine-readable cells as the comparison always has', () => {
    expect(outcomeCode({ outcome: 'closes', month: m('2022-08') })).toBe('closes 2022-08');
    expect(outcomeCode({ outcome: 'transitions', month: m('2021-10') })).toBe('transitions 2021-10');
    expect(outcomeCode({ outcome: 'ended', month: null })).toBe('ended');
  });

  it('gives a comparison structured outcomes, and its JSON the old cells', () => {
    const r = run(workedExample());
    const comparison = compare([r.base, r.prudent]);
    const a = comparison.interventions.find((row) => row.id === 'a')!;
    const closing = r.prudent.interventions.find((i) => i.id === 'a')!;
    expect(a.outcomes).toEqual([
      { outcome: 'continues', month: null },
      { outcome: 'closes', month: closing.lastMonth },
    ]);
    expect(a.differs).toBe(true);
    expect(sameOutcome(a.outcomes[0], outcomeAt(r.base.interventions.find((i) => i.id === 'a')!))).toBe(true);
    const json = comparisonJson('Plan', comparison);
    expect(json.plan).toBe('Plan');
    expect(json.interventions.find((row) => row.id === 'a')!.outcomes).toEqual(['continues', 'closes 2022-03']);
    expect(outcomeLabel(closing)).toBe('closes 2022-03');
  });

  it('words stances, verdicts and where a known month comes from', () => {
    expect(stanceLabel('wait')).toBe('Wait for confirmation');
    expect(stanceLabel('prudent')).toBe('Serve notice where unconfirmed');
    expect(stanceSentence('wait')).toBe('waits for confirmation before serving notice');
    expect(verdictWords('handed-over')).toBe('Already handed over');
    expect(verdictWords('closes')).toBe('Closes');
    expect(knownWords({ fy: 2021, known: parseMonth('2021-08'), knownSource: 'confirm-delay' })).toBe(
      'Known August 2021 (4 months after April)',
    );
    expect(knownWords({ fy: 2021, known: parseMonth('2021-04'), knownSource: 'no-allocations' })).toBe('Known from April (no allocations)');
  });
});

describe('figures', () => {
  it('writes money in full, in whole pounds and short', () => {
    expect(moneyFull(123456789)).toBe('£1,234,567.89');
    expect(moneyFull(-5)).toBe('-£0.05');
    expect(moneyWhole(56612050)).toBe('£566,120');
    expect(moneyWhole(150)).toBe('£2');
    expect(moneyShort(120_000_000)).toBe('£1.2m');
    expect(moneyShort(56_612_050)).toBe('£566k');
    expect(moneyShort(95_000)).toBe('£950');
  });

  it('writes counts, shares, points, dates and axis ticks', () => {
    expect(plural(1200, 'person', 'people')).toBe('1,200 people');
    expect(points(0.0123)).toBe('1.23 pts');
    expect(calendarDateText(new Date(2026, 4, 4))).toBe('4 May 2026');
    // A moment in the local calendar and 24-hour clock, in a list or in a sentence.
    const taken = new Date(2027, 1, 3, 10, 15).toISOString();
    expect(momentText(taken)).toBe('3 February 2027, 10:15');
    expect(momentText(taken, 'sentence')).toBe('3 February 2027 at 10:15');
    expect(momentText(new Date(2026, 11, 2, 9, 4).toISOString())).toBe('2 December 2026, 09:04');
    expect(momentText('not a time')).toBe('not a time');
    expect(axisMoney(250_000)).toBe('£250k');
    // A tie rounds half-to-even, as every rounding in Headroom does: 1.25m → 1.2m, 1.35m → 1.4m.
    expect(axisMoney(1_250_000)).toBe('£1.2m');
    expect(axisMoney(1_350_000)).toBe('£1.4m');
    expect(axisMoney(2_000_000)).toBe('£2m');
    expect(niceTicks(900)).toEqual([0, 250, 500, 750, 1000]);
    expect(niceStep(56_612_050, 4)).toBe(20_000_000);
  });

  it('writes comparison values exact for the CLI and briefing, rounded for screens', () => {
    expect(measureText('money', 123456)).toBe('£1,234.56');
    expect(measureText('money', 123456, 'rounded')).toBe('£1,235');
    expect(measureText('share', 0.48456)).toBe('48.46%');
    expect(measureText('share', 0.48456, 'rounded')).toBe('48.5%');
    expect(measureText('flag', 1)).toBe('yes');
    expect(measureText('flag', 0, 'rounded')).toBe('No');
    expect(measureText('count', null)).toBe('–');
    expect(differenceText('money', -2_900_000)).toBe('-£29,000.00');
    expect(differenceText('money', 2_900_000)).toBe('+£29,000.00');
    expect(differenceText('money', -2_900_000, 'rounded')).toBe('−£29,000');
    expect(differenceText('flag', 0)).toBe('same');
    expect(differenceText('flag', -1, 'rounded')).toBe('now no');
    expect(differenceText('share', 0.0123, 'rounded')).toBe('+1.23 pts');
    expect(differenceText('count', 0, 'rounded')).toBe('no change');
    expect(formatComparisonValue({ kind: 'count' }, 3, true)).toBe('+3');
  });

  it('puts a problem’s place first', () => {
    expect(formatProblem({ path: 'interventions[3].annualCost', message: 'unknown name "fte"' })).toBe(
      'interventions[3].annualCost: unknown name "fte"',
    );
    expect(formatProblem({ path: 'x', message: 'bad', scenario: 'cut' })).toBe('x: bad (scenario "cut")');
  });
});

describe('exported file names', () => {
  it('names exports after the plan, safe on any OS', () => {
    expect(exportFileName('WMVRU: 2021/22', 'briefing', 'pdf')).toBe('WMVRU 2021 22 briefing.pdf');
    expect(exportFileName('  ', 'comparison', 'csv')).toBe('Plan comparison.csv');
    expect(documentBaseName('WMVRU.headroom')).toBe('WMVRU');
    expect(documentBaseName(undefined)).toBe('plan');
    expect(riskFileName('WMVRU.headroom', ['ladder', 'base', 'grantLevel'])).toBe('WMVRU-ladder-base-grantLevel.csv');
  });
});
