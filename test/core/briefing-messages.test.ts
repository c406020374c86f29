// The briefing's sentences, derived in shared/ from the engine's results (plan-format.md §3.2,
// §3.3, §8): the demo's messages word for word, the known month the engine decided (a
// confirmation delay beats a date), and the cliff edge read from each intervention's notices.
import { describe, expect, it } from 'vitest';
import { keyMessages, headlineFy, shareDifferenceText, shareText } from '../../shared/briefing-messages';
import { allPassed, cliffEdgeMessage, cliffEdges, earlyDeadlines, relevantKnown } from '../../shared/cliff-edge';
import { parseMonth } from '../../shared/months';
import { simulateScenarios } from '../../shared/scenario-set';
import { delayedDemoPlan, demoPlan } from '../fixtures';

const m = parseMonth;

describe('key messages', () => {
  it("pins the demo's messages for a flat grant against a 25% cut, both confirmed in June", () => {
    const texts = keyMessages(simulateScenarios(demoPlan(), ['flat-june', 'cut-25-june'])).map((k) => [k.letter, k.scenarioId, k.text]);
    expect(texts).toEqual([
      [
        'A',
        'flat-june',
        'If 2021/22 is confirmed in June 2021 at the planned level, no service closes, and the underwriter (OPCC) is exposed to £566,120 until confirmation. Nothing is drawn from the underwriter; £347,816 of funding lapses unspent.',
      ],
      [
        'B',
        'cut-25-june',
        'If 2021/22 is confirmed in June 2021 at 75% of the planned Home Office funding, 11 services close, 655 people lose support, none of them avoidably, and the underwriter (OPCC) is exposed to £566,120 until confirmation. Over the plan, £166,470 is drawn from the underwriter, within its limit; £48,786 of funding lapses unspent.',
      ],
      [
        'B',
        'cut-25-june',
        'Compared with A, B closes 11 more services, leaves 655 more people without support, and draws £166,470 more from the underwriter.',
      ],
    ]);
  });

  it('says the month the engine knows the year in: confirmDelay 4 beats a June date, so August', () => {
    const plan = delayedDemoPlan({ stance: 'wait' });
    const set = simulateScenarios(plan, ['delayed']);
    expect(headlineFy(set, 0)).toBe(2021);
    expect(set.results[0].years.find((y) => y.fy === 2021)!.known).toBe(m('2021-08'));
    expect(keyMessages(set)[0].text).toMatch(/^If 2021\/22 is confirmed in August 2021 at the planned level, /);
  });
});

describe('the cliff edge comes from the engine’s notices', () => {
  const set = simulateScenarios(demoPlan(), ['flat-june', 'cut-25-june']);
  const edges = cliffEdges(set.results);

  it('has one edge per FY with candidates, each row holding the notice of that FY per scenario', () => {
    expect(edges.map((e) => e.fy)).toEqual([2020, 2021, 2022]);
    for (const edge of edges) {
      expect(edge.known).toEqual(set.results.map((r) => r.years.find((y) => y.fy === edge.fy)!.known));
      for (const row of edge.rows) {
        row.notices.forEach((notice, si) => {
          const engine = set.results[si].interventions.find((r) => r.id === row.id)!.notices.find((n) => n.fy === edge.fy) ?? null;
          expect(notice).toBe(engine);
        });
      }
      // Earliest deadline first.
      const firsts = edge.rows.map((r) => Math.min(...r.notices.flatMap((n) => (n ? [n.deadline] : []))));
      expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    }
  });

  it('counts deadlines before the money is known by the notices’ blind months', () => {
    const fy2021 = edges.find((e) => e.fy === 2021)!;
    expect(relevantKnown(fy2021)).toEqual([[m('2021-06'), [0, 1]]]);
    expect(earlyDeadlines(fy2021)).toHaveLength(fy2021.rows.filter((r) => r.notices.some((n) => n !== null && n.blindMonths > 0)).length);
    expect(cliffEdgeMessage(fy2021)).toBe(
      "For 2021/22, 20 services reach their notice deadline between 1 January 2021 and 1 March 2021, before the funding is known in June 2021 (A, B): each is a choice between serving notice and running on at the underwriter's risk.",
    );
  });

  it('words the deadlines before the plan starts as already passed, with no choice left', () => {
    const fy2020 = edges.find((e) => e.fy === 2020)!;
    expect(allPassed(fy2020)).toBe(true);
    expect(allPassed(edges.find((e) => e.fy === 2021)!)).toBe(false);
    expect(cliffEdgeMessage(fy2020)).toBe(
      "For 2020/21, 21 services’ notice deadlines (1 January 2020 to 1 March 2020) had already passed before the plan starts, ahead of the funding being known in June 2020 (A, B): they run on at the underwriter's risk until then.",
    );
  });

  it('has no warning when every deadline falls after the money is known', () => {
    const plan = demoPlan();
    // Every allocation confirmed the November before its year: before any deadline.
    for (const stream of plan.fundingStreams) {
      for (const a of stream.allocations as { fy: string; confirmedOn?: string; confirmDelay?: number }[]) {
        a.confirmedOn = `${Number(a.fy.slice(0, 4)) - 1}-11-01`;
        delete a.confirmDelay;
      }
    }
    plan.scenarios = [];
    const edges = cliffEdges(simulateScenarios(plan, ['base']).results);
    expect(edges.length).toBeGreaterThan(0);
    for (const edge of edges) {
      expect(edge.rows.every((r) => r.notices.every((n) => n === null || n.blindMonths === 0))).toBe(true);
      expect(cliffEdgeMessage(edge)).toBeNull();
    }
  });
});

describe('shares in the briefing', () => {
  it('prints a share to one decimal and a difference of shares in points', () => {
    expect([0.619, 1, 0.56189, null].map(shareText)).toEqual(['61.9%', '100.0%', '56.2%', '–']);
    expect([0.021, -0.0773, 0.00004, null].map(shareDifferenceText)).toEqual(['+2.1 points', '-7.7 points', 'same', '–']);
    // Ties round half-to-even on the exact decimal, not on binary floating point.
    expect([0.6185, 0.6195, 0.0005].map(shareText)).toEqual(['61.8%', '62.0%', '0.0%']);
    expect(shareDifferenceText(0.619 - 0.5405)).toBe('+7.8 points');
    expect(shareDifferenceText(0.5405 - 0.619)).toBe('-7.8 points');
    expect(shareDifferenceText(0.0015)).toBe('+0.2 points');
  });
});
