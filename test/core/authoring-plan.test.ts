// The authoring fixture (test/fixtures/authoring-plan.json): a plan for a fictional unit that the
// authoring e2e tests build through the app. Its results are pinned here so that a change to the
// file that makes it dull (nothing closes, nothing drawn) fails; and the comparison helper those
// tests rely on is shown to notice a difference.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import { authoringPlan } from '../fixtures';
import { jsonDifferences, simulatedFigures, simulationDifferences, withIdsOf } from '../fixtures/same-simulation';

const byId = (figures: ReturnType<typeof simulatedFigures>, id: string) => figures.scenarios.find((s) => s.id === id)!;

describe('the authoring fixture', () => {
  const figures = simulatedFigures(authoringPlan());

  it('is three FYs from April 2023 with base and three scenarios', () => {
    expect(figures.scenarios.map((s) => s.id)).toEqual(['base', 'cut-10', 'cut-20-july', 'prudent']);
    expect(byId(figures, 'base').years.map((y) => y.fy)).toEqual(['2023/24', '2024/25', '2025/26']);
  });

  it('keeps every service in the plan as written, and hands school inclusion over to the council', () => {
    const base = byId(figures, 'base');
    expect(base.totals).toEqual({ spend: 2675933.71, drawn: 0, closures: 0, avoidableClosures: 0, usersLosingSupport: 0 });
    const school = base.interventions.find((i) => i.id === 'school-inclusion')!;
    expect(school).toMatchObject({ outcome: 'transitions', partner: 'Northmoor Council', handoverMonth: '2025-04' });
    expect(base.interventions.filter((i) => i.outcome === 'continues').map((i) => i.id)).toEqual([
      'partnership-team',
      'ae-navigators',
      'trauma-counselling',
      'custody-mentors',
    ]);
  });

  it('closes custody mentoring under the 20% cut known in July, moves 40 to the Youth Justice Service and draws on the OPCC', () => {
    const cut = byId(figures, 'cut-20-july');
    const mentors = cut.interventions.find((i) => i.id === 'custody-mentors')!;
    expect(mentors).toMatchObject({
      outcome: 'closes',
      noticeDeadline: '2023-10',
      noticeServed: '2024-07',
      lastMonth: '2024-12',
      runOn: 225000,
      exitCost: 12000,
      usersMoved: 40,
      usersLosingSupport: 110,
    });
    expect(cut.years[1]).toMatchObject({ fy: '2024/25', funding: 848000, drawn: 14250, underspend: 0 });
    // Only the partnership team is central: with mentoring gone, 2025/26 misses the grant condition.
    expect(cut.years[2].compliant).toBe(false);
    expect(cut.totals.closures).toBe(1);
  });

  it('keeps everything open under a 10% cut, and closes everything, avoidably, when notice is served unless confirmed', () => {
    expect(byId(figures, 'cut-10').totals).toMatchObject({ closures: 0, drawn: 0 });
    expect(byId(figures, 'cut-10').years[1].underspend).toBe(3750);
    expect(byId(figures, 'prudent').totals).toEqual({
      spend: 1056000,
      drawn: 6000,
      closures: 5,
      avoidableClosures: 5,
      usersLosingSupport: 690,
    });
  });
});

describe('comparing two plans by simulating both', () => {
  it('finds none between the fixture and a copy with its keys in another order', () => {
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    expect(simulationDifferences(reverse(authoringPlan()) as Plan, authoringPlan())).toEqual([]);
  });

  it('names the figures that differ when one allocation is a pound lower', () => {
    const other = authoringPlan();
    other.fundingStreams[0].allocations[1].amount = 809999;
    const differences = simulationDifferences(other, authoringPlan());
    expect(differences).toContain('scenario base.years[1].funding: 1009999 ≠ 1010000');
    expect(differences.some((d) => d.startsWith('scenario cut-20-july.years[1].drawn:'))).toBe(true);
  });

  it('counts a scenario missing, and lists differences by path', () => {
    const fewer = authoringPlan();
    fewer.scenarios!.pop();
    expect(simulationDifferences(fewer, authoringPlan())).toEqual([
      '3 scenarios (base, cut-10, cut-20-july) ≠ 4 (base, cut-10, cut-20-july, prudent)',
    ]);
    expect(jsonDifferences({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }], c: null })).toEqual(['.a[1].b: 2 ≠ 3', '.c: undefined ≠ null']);
  });
});

describe('giving a plan built in the app the ids of the plan written by hand', () => {
  it('renames interventions and scenarios by position, with the ring-fence and changes that name them', () => {
    const built = authoringPlan();
    built.interventions.forEach((item, i) => (item.id = i === 0 ? 'new-intervention' : `new-intervention-${i + 1}`));
    built.fundingStreams[1].restrictedTo = ['new-intervention-2', 'new-intervention-4'];
    built.scenarios!.forEach((s, i) => (s.id = `new-scenario-${i + 1}`));
    built.scenarios![0].changes!.push({ intervention: 'new-intervention-5', priority: 9 });
    expect(simulationDifferences(built, authoringPlan()).length).toBeGreaterThan(0);
    const renamed = withIdsOf(built, authoringPlan());
    expect(renamed.scenarios![0].changes!.at(-1)).toEqual({ intervention: 'custody-mentors', priority: 9 });
    renamed.scenarios![0].changes!.pop();
    expect(renamed).toEqual(authoringPlan());
    expect(built.interventions[0].id).toBe('new-intervention');
  });
});
