// What changed between two whole plans (shared/plan-changes.ts): base's changes once, another
// scenario's own changes named with it, scenarios added and removed, nothing for the same plan.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import { planChanges } from '../../shared/plan-changes';
import { demoPlan } from '../fixtures';

const scenario = (plan: Plan, id: string) => plan.scenarios!.find((s) => s.id === id)!;

describe('planChanges', () => {
  it('is empty for the same plan', () => {
    expect(planChanges(demoPlan(), demoPlan())).toEqual([]);
  });

  it("lists a change to base once, though every scenario's inputs change with it", () => {
    const after = demoPlan();
    const mvp = after.interventions.find((i) => i.id === 'mvp')!;
    const before = demoPlan().interventions.find((i) => i.id === 'mvp')!;
    mvp.priority = before.priority + 1;
    expect(planChanges(demoPlan(), after)).toEqual([
      { kind: 'priority', subject: 'mvp', text: `Mentors in Violence Prevention: priority ${before.priority} → ${before.priority + 1}` },
    ]);
  });

  it("names a scenario's own change with the scenario, and lists scenarios added and removed", () => {
    const after = demoPlan();
    scenario(after, 'cut-25-june').variables = { grantLevel: 0.5 };
    after.scenarios = after.scenarios!.filter((s) => s.id !== 'no-grant');
    after.scenarios.push({ id: 'half', name: 'Half the grant', stance: 'wait', variables: { grantLevel: 0.5 } } as never);
    const changes = planChanges(demoPlan(), after);
    expect(changes.filter((c) => c.kind !== 'scenario').every((c) => c.text.startsWith('In "25% cut, confirmed in June": '))).toBe(true);
    expect(changes.map((c) => c.text)).toContain('In "25% cut, confirmed in June": Variable grantLevel: 0.75 → 0.5 in each FY');
    expect(changes.slice(-2)).toEqual([
      { kind: 'scenario', subject: 'half', text: 'Added scenario: Half the grant' },
      { kind: 'scenario', subject: 'no-grant', text: 'Removed scenario: No grant after March 2021' },
    ]);
  });

  it('names the plan that does not validate', () => {
    const bad = { ...demoPlan(), interventions: [] } as Plan;
    bad.horizon = { start: 'soon', months: 0 } as never;
    expect(() => planChanges(demoPlan(), bad)).toThrow(/^the plan after is not valid:/);
  });
});
