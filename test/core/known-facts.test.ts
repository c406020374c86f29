// Facts the screens read straight from the resolver and the engine: the date that sets an
// allocation's known month, and each intervention's priority as the scenario has it
// (plan-format.md §3.2, §9).
import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../shared/months';
import { validatePlan } from '../../shared/validate';
import { delayedDemoPlan, demoPlan } from '../fixtures';
import { run } from './helpers';

function resolved(plan: unknown) {
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error('expected a valid plan');
  return Object.fromEntries(validation.scenarios.map((s) => [s.id, s]));
}

describe('an allocation’s known month and the date behind it', () => {
  it('keeps the confirmation date only where it sets the month; a delay beats it', () => {
    const plan = delayedDemoPlan();
    const { base, 'flat-june': june, delayed } = resolved(plan);
    const hoCore = (s: typeof base) => s.streams.find((x) => x.id === 'ho-core')!.allocations;
    expect(hoCore(base).get(2020)).toEqual(
      expect.objectContaining({ known: parseMonth('2020-06'), knownSource: 'confirmed-on', confirmedOn: '2020-06-04' }),
    );
    expect(hoCore(base).get(2021)).toEqual(
      expect.objectContaining({ known: parseMonth('2021-04'), knownSource: 'fy-start', confirmedOn: null }),
    );
    expect(hoCore(june).get(2021)).toEqual(
      expect.objectContaining({ known: parseMonth('2021-06'), knownSource: 'confirmed-on', confirmedOn: '2021-06-04' }),
    );
    expect(hoCore(delayed).get(2021)).toEqual(
      expect.objectContaining({ known: parseMonth('2021-08'), knownSource: 'confirm-delay', confirmedOn: null }),
    );
  });
});

describe('priority in the result', () => {
  it('is the scenario’s priority, not the plan’s', () => {
    const plan = demoPlan();
    const first = plan.interventions[0];
    plan.scenarios!.push({ id: 'reordered', name: 'Reordered', changes: [{ intervention: first.id, priority: 99 }] } as never);
    const results = run(plan);
    expect(results.base.interventions[0].priority).toBe(first.priority);
    expect(results.reordered.interventions[0].priority).toBe(99);
  });
});
