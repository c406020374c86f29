import { describe, expect, it } from 'vitest';
import { filterChoices, matchesFilters, moveCell, nextSort, visibleRows } from '../../renderer/logic/grid';
import { isTypingTarget, shortcutFor } from '../../renderer/logic/keys';
import { pathText, pathWithin, problemsAt, unclaimedProblems } from '../../renderer/logic/paths';
import { atRiskRuns, axisMoney, niceTicks, overlayRows, monthRows } from '../../renderer/logic/chart-data';
import { difference, measure, outcomeCell, plural } from '../../renderer/logic/format';
import { runSimulation } from '../../renderer/logic/simulation';
import { demoPlan, workedExample } from './fixtures';

describe('grid', () => {
  const items = demoPlan().interventions;

  it('offers each filter’s distinct values, sorted', () => {
    expect(filterChoices(items, 'category')).toEqual(['central', 'commissioned']);
    expect(filterChoices(items, 'area')).toContain('Coventry');
  });

  it('filters by field and by text', () => {
    expect(items.filter((i) => matchesFilters(i, { area: 'Birmingham' })).map((i) => i.id)).toEqual([
      'pilot-three-estates',
      'pilot-lozells',
    ]);
    expect(items.filter((i) => matchesFilters(i, { system: 'Health' }, 'iris')).map((i) => i.id)).toEqual(['iris']);
  });

  it('sorts numbers and text, ties in plan order, empty last', () => {
    const key = (i: number, column: string) =>
      column === 'cost' ? (typeof items[i].annualCost === 'number' ? (items[i].annualCost as number) : null) : items[i].name;
    const byCost = visibleRows(items, { system: 'Place-based' }, { column: 'cost', direction: 'desc' }, key);
    expect(byCost.map((i) => items[i].annualCost)).toEqual([36000, 34000, 32000, 30000, 30000, 28000, 26000, 20000]);
    const withFormulas = visibleRows(items, { system: 'Central capability' }, { column: 'cost', direction: 'asc' }, key);
    expect(withFormulas.map((i) => items[i].id)).toEqual(['evaluation', 'central-team', 'navigators']);
    expect(nextSort(null, 'cost')).toEqual({ column: 'cost', direction: 'asc' });
    expect(nextSort({ column: 'cost', direction: 'asc' }, 'cost')).toEqual({ column: 'cost', direction: 'desc' });
    expect(nextSort({ column: 'cost', direction: 'desc' }, 'cost')).toBeNull();
  });

  it('moves the active cell with arrows, Home/End and pages, inside the grid', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 5, 4)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'ArrowDown', 5, 4)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 2, col: 3 }, 'ArrowRight', 5, 4)).toEqual({ row: 2, col: 3 });
    expect(moveCell({ row: 2, col: 2 }, 'Home', 5, 4)).toEqual({ row: 2, col: 0 });
    expect(moveCell({ row: 2, col: 2 }, 'End', 5, 4, { ctrl: true })).toEqual({ row: 4, col: 3 });
    expect(moveCell({ row: 2, col: 2 }, 'PageDown', 5, 4)).toEqual({ row: 4, col: 2 });
    expect(moveCell({ row: 2, col: 2 }, 'a', 5, 4)).toBeNull();
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('maps Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(key('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(key('z'))).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
  });
  it('leaves Ctrl+Z to fields being typed in', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'range' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('problem paths', () => {
  const problems = [
    { path: 'interventions[3].annualCost', message: 'unknown name "fte"' },
    { path: 'interventions[3].annualCost["2021/22"]', message: 'is negative' },
    { path: 'interventions[30].name', message: 'is required' },
    { path: 'scenarios[1].changes[0].amount', message: 'bad', scenario: 'x' },
  ];
  it('spells paths as the validator does', () => {
    expect(pathText(['interventions', 3, 'annualCost'])).toBe('interventions[3].annualCost');
    expect(pathText(['interventions', 3, 'annualCost', '2021/22'])).toBe('interventions[3].annualCost["2021/22"]');
    expect(pathText([])).toBe('(plan)');
  });
  it('matches a field and what lies inside it, not its neighbours', () => {
    expect(pathWithin('interventions[30].name', 'interventions[3]')).toBe(false);
    expect(problemsAt(problems, ['interventions', 3, 'annualCost']).map((p) => p.message)).toEqual(['unknown name "fte"', 'is negative']);
    expect(problemsAt(problems, 'scenarios[1].changes[0]')).toHaveLength(1);
    expect(unclaimedProblems(problems, ['interventions[3]', 'scenarios[1]'])).toEqual([problems[2]]);
  });
});

describe('chart data and formats', () => {
  it('makes round axis ticks', () => {
    expect(niceTicks(340_000)).toEqual([0, 100_000, 200_000, 300_000, 400_000]);
    expect(niceTicks(90)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0)).toEqual([0, 1]);
    // A tie rounds half-to-even, as every rounding in Headroom does: 1.25m → 1.2m, 1.35m → 1.4m.
    expect(axisMoney(1_250_000)).toBe('£1.2m');
    expect(axisMoney(1_350_000)).toBe('£1.4m');
    expect(axisMoney(250_000)).toBe('£250k');
  });

  it('finds the runs of months before funding is known, and rows for the charts', () => {
    const outcome = runSimulation(workedExample());
    if (!outcome.ok) throw new Error('expected results');
    const base = outcome.results[0];
    expect(atRiskRuns(base)).toEqual([{ from: 'Apr 2022', to: 'May 2022', months: 2 }]);
    const rows = monthRows(base);
    expect(rows[0]).toMatchObject({
      label: 'Apr 2021',
      funding: 10000,
      spend: 10000,
      atRisk: false,
      pence: { funding: 1_000_000, spend: 1_000_000, partner: 0 },
    });
    expect(overlayRows(outcome.results)[12]).toMatchObject({ label: 'Apr 2022', spend0: 10000, spend1: 0 });
  });

  it('formats differences, measures and outcomes in words', () => {
    expect(difference(-2_900_000, 'money')).toBe('−£29,000');
    expect(difference(3, 'count')).toBe('+3');
    expect(difference(0, 'money')).toBe('no change');
    expect(measure(0.96631, 'share')).toBe('96.6%');
    expect(measure(1, 'flag')).toBe('Yes');
    expect(outcomeCell({ outcome: 'closes', month: 2022 * 12 + 7 })).toBe('Closes after Aug 2022');
    expect(outcomeCell({ outcome: 'transitions', month: 2021 * 12 + 9 })).toBe('Handed over from Oct 2021');
    expect(outcomeCell({ outcome: 'continues', month: null })).toBe('Continues');
    expect(outcomeCell({ outcome: 'ended', month: null })).toBe('Ends as planned');
    expect(plural(1, 'person', 'people')).toBe('1 person');
    expect(plural(1200, 'person', 'people')).toBe('1,200 people');
  });
});

describe('stableJson', () => {
  it('ignores key order, keeps list order', async () => {
    const { stableJson } = await import('../../renderer/logic/json');
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(stableJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
  });
});
