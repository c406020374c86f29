// The ladder in plain words: the sentence built from the ladder's rows, and a grant level's
// values as percentages of the planned grant.
import { describe, expect, it } from 'vitest';
import { ladder, ladderThreshold, type LadderRow } from '../../shared/uncertainty/ladder';
import { closingSteps, ladderAxisTitle, ladderSentence, ladderValueText, listWords } from '../../shared/uncertainty/ladder-words';
import { demoPlan } from '../fixtures';
import { valid } from './plans';

const level = { name: 'grantLevel', isLevel: true };
const totals = {} as LadderRow['totals'];
const row = (value: number, closes: string[]): LadderRow => ({ value, totals, closes });
const names = new Map([
  ['a', 'ACEs training'],
  ['b', 'Place-based pilot: Three Estates, Kings Norton'],
  ['c', 'Mentors'],
]);

describe('the ladder in plain words', () => {
  it('reads a grant level as a percentage of the planned grant, and another variable as itself', () => {
    expect(ladderValueText(0.9, level)).toBe('90% of the planned grant');
    expect(ladderValueText(0.952, level)).toBe('95.2% of the planned grant');
    expect(ladderValueText(1.05, { name: 'inflation', isLevel: false })).toBe('inflation = 1.05');
    expect(ladderAxisTitle(level)).toBe('grantLevel (% of the planned grant)');
  });

  it('says below which level services start closing, and in what order, names with commas whole', () => {
    const rows = [row(0.8, ['a', 'b', 'c']), row(0.9, ['a']), row(0.95, []), row(1, [])];
    expect(closingSteps(rows)).toEqual([
      { value: 0.9, ids: ['a'] },
      { value: 0.8, ids: ['b', 'c'] },
    ]);
    expect(ladderSentence(rows, level, names)).toBe(
      'Below 95% of the planned grant services start closing: first ACEs training (at 90%), then Place-based pilot: Three Estates, Kings Norton and Mentors (at 80%).',
    );
    expect(listWords(['Place-based pilot: Three Estates, Kings Norton', 'Mentors', 'ACEs training'])).toBe(
      'Place-based pilot: Three Estates, Kings Norton; Mentors and ACEs training',
    );
  });

  it('says when nothing closes, and when services close even at the top of the ladder', () => {
    expect(ladderSentence([row(0.5, []), row(1, [])], level, names)).toBe(
      'No service closes anywhere from 50% of the planned grant to 100% of the planned grant.',
    );
    expect(ladderSentence([row(1, ['c']), row(2, ['c'])], { name: 'x', isLevel: false }, names)).toBe(
      'Even at x = 2 services close: first Mentors (at 2).',
    );
  });

  it('words the demo’s 25% cut from 50% to 100% of the planned grant, closing starting at the break-even', () => {
    const plan = valid(demoPlan());
    const { rows } = ladder(plan, 'cut-25-june', 'grantLevel', 0.5, 1, 0.05);
    const all = new Map(plan.interventions.map((i) => [i.id, i.name]));
    const threshold = ladderThreshold(plan, 'cut-25-june', 'grantLevel', rows);
    expect(threshold).toBeCloseTo(0.952138, 5);
    expect(ladderSentence(rows, level, all).startsWith('Below 100% of the planned grant services start closing')).toBe(true);
    expect(ladderSentence(rows, level, all, threshold)).toBe(
      'Below 95.2% of the planned grant services start closing: first Place-based pilot: Wolverhampton (at 95%), then 6 services (at 90%), then Sports diversionary impact programme (at 85%), then Mentors in Violence Prevention and Place-based pilot: Hillfields (at 80%), then 5 more by 50%.',
    );
  });
});
