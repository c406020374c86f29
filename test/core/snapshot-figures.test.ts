// A snapshot's figures: its frozen plan simulated now against the results stored with it.
import { expect, it } from 'vitest';
import { figuresAsFrozen, frozenResultsJson } from '../../shared/snapshot-figures';
import { demoPlan } from '../fixtures';

it('agrees with the figures frozen with the plan, and says so when any figure differs by a penny', () => {
  const plan = demoPlan();
  const stored = frozenResultsJson(plan);
  expect(figuresAsFrozen(plan, stored)).toBe(true);
  // Key order and spacing are not figures.
  expect(figuresAsFrozen(plan, JSON.stringify(JSON.parse(stored), null, 2))).toBe(true);

  const moved = JSON.parse(stored) as { scenarios: { totals: { spend: number } }[] };
  moved.scenarios[2].totals.spend += 0.01;
  expect(figuresAsFrozen(plan, JSON.stringify(moved))).toBe(false);
  expect(figuresAsFrozen(plan, 'not json')).toBe(false);
  // Frozen from another plan: the cost of one service changed since.
  const later = demoPlan();
  later.interventions[0].annualCost = 123_456;
  expect(figuresAsFrozen(later, stored)).toBe(false);
});
