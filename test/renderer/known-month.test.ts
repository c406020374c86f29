// The measured bug of "one source for each fact": with confirmDelay 4 on the 2021/22 Home
// Office allocation, every screen's logic says August 2021 (the engine's K), never the
// 4 June date the delay beats (plan-format.md §3.2).
import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../shared/months';
import { groupDecisions, upcomingDecisions } from '../../renderer/logic/decisions';
import { knownAside, knownWords } from '../../shared/words';
import { runSimulation } from '../../renderer/logic/simulation';
import { cliffEdgeLayout } from '../../renderer/logic/timeline';
import { delayedDemoPlan } from './fixtures';

const AUGUST = parseMonth('2021-08');

function delayed() {
  const plan = delayedDemoPlan({ name: 'Confirmed 4 June, known four months after April' });
  const outcome = runSimulation(plan);
  if (!outcome.ok) throw new Error('expected results');
  const index = outcome.results.findIndex((r) => r.id === 'delayed');
  return { result: outcome.results[index], resolved: outcome.resolved[index], outcome };
}

describe('a confirmation delay beats a date, on every screen', () => {
  it('Scenarios and Funding: the allocation is known in August, from the delay', () => {
    const { resolved } = delayed();
    const allocation = resolved.streams.find((s) => s.id === 'ho-core')!.allocations.find((a) => a.fy === 2021)!;
    expect(allocation).toMatchObject({ known: AUGUST, knownSource: 'confirm-delay', confirmedOn: null });
    expect(knownWords(allocation)).toBe('Known August 2021 (4 months after April)');
  });

  it('Results: the year is known in August', () => {
    const year = delayed().result.years.find((y) => y.fy === 2021)!;
    expect(knownWords(year)).toBe('Known August 2021 (4 months after April)');
  });

  it('the cliff edge puts 2021/22’s known month at August and measures the gap to it', () => {
    const { result } = delayed();
    const layout = cliffEdgeLayout(result);
    const band = layout.fys.find((f) => f.fy === 2021)!;
    expect([band.known, band.knownSource]).toEqual([AUGUST, 'confirm-delay']);
    const marks = layout.rows.flatMap((r) => r.marks).filter((m) => m.fy === 2021);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.blindMonths).toBe(AUGUST - m.deadline);
  });

  it('the decisions list says August for 2021/22', () => {
    const { result } = delayed();
    const groups = groupDecisions(upcomingDecisions(result, parseMonth('2020-11'), 6)).filter((g) => g.fy === 2021);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect([g.known, g.knownSource]).toEqual([AUGUST, 'confirm-delay']);
      expect(knownAside(g)).toBe('August 2021, 4 months after April');
    }
  });

  it('says where a confirmation date, or none, sets the month', () => {
    const { outcome } = delayed();
    const at = (id: string) => outcome.resolved[outcome.results.findIndex((r) => r.id === id)];
    const hoCore = (id: string, fy: number) =>
      at(id)
        .streams.find((s) => s.id === 'ho-core')!
        .allocations.find((a) => a.fy === fy)!;
    expect(knownWords(hoCore('flat-june', 2021))).toBe('Confirmed 4 June 2021');
    expect(knownWords(hoCore('base', 2021))).toBe('Known from April (no confirmation date)');
    const june = outcome.results.find((r) => r.id === 'flat-june')!.years.find((y) => y.fy === 2021)!;
    expect(knownWords(june)).toBe('Confirmed June 2021');
    expect(knownAside(june)).toBe('June 2021, when confirmed');
  });
});

describe('known words', () => {
  it('counts a delay before April, and an FY with no allocations', () => {
    expect(knownWords({ fy: 2021, known: parseMonth('2021-02'), knownSource: 'confirm-delay' })).toBe(
      'Known February 2021 (2 months before April)',
    );
    expect(knownWords({ fy: 2021, known: parseMonth('2021-04'), knownSource: 'confirm-delay' })).toBe(
      'Known April 2021 (no delay after April)',
    );
    expect(knownWords({ fy: 2021, known: parseMonth('2021-04'), knownSource: 'no-allocations' })).toBe('Known from April (no allocations)');
  });
});
