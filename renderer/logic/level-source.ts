// Where a scenario's level for one allocation comes from, so that the level control shows
// the effective level whatever produces it and edits that: the scenario's own change to
// the allocation (`=base * L`), a funding variable the plan's amount uses and the scenario
// sets (such as grantLevel), or the plan itself.
import type { Plan, Scenario } from '../../shared/plan';
import { fundingVariables, grantLevelOf, setGrantLevelEdit, setVariableEdit, roundLevel, type GrantLevel } from './scenario-edits';
import type { PlanEdit } from '../../shared/edits';

export type LevelSource =
  | { readonly kind: 'change'; readonly level: GrantLevel }
  | { readonly kind: 'variable'; readonly variable: string; readonly planValue: number; readonly value: number }
  | { readonly kind: 'plan' };

const uses = (formula: string, name: string) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(formula);

export function levelSourceOf(plan: Plan, scenario: Scenario, stream: string, fy: string): LevelSource {
  const level = grantLevelOf(scenario, stream, fy);
  if (level.kind !== 'plan') return { kind: 'change', level };
  const amount = plan.fundingStreams.find((s) => s.id === stream)?.allocations.find((a) => a.fy === fy)?.amount;
  if (typeof amount !== 'string') return { kind: 'plan' };
  const set = fundingVariables(plan).filter((name) => uses(amount, name) && typeof scenario.variables?.[name] === 'number');
  const planValue = set.length === 1 ? plan.variables?.[set[0]] : undefined;
  if (set.length !== 1 || typeof planValue !== 'number' || planValue === 0) return { kind: 'plan' };
  return { kind: 'variable', variable: set[0], planValue, value: scenario.variables![set[0]] as number };
}

/**
 * The level the control shows, as a fraction: the change's own level; else the amount the
 * scenario gives over the plan's (both the resolver's pence, a display ratio never summed).
 */
export function effectiveLevel(source: LevelSource, amount: number | null, planAmount: number | null): number | null {
  if (source.kind === 'change') return source.level.level;
  if (amount === null || planAmount === null || planAmount === 0) return source.kind === 'plan' ? 1 : null;
  return amount / planAmount;
}

/** The edit a new level makes: the variable behind it (scaled from the plan's value), or the allocation's own change. */
export function levelEdit(plan: Plan, scenarioId: string, stream: string, fy: string, source: LevelSource, level: number): PlanEdit {
  if (source.kind === 'variable') return setVariableEdit(plan, scenarioId, source.variable, roundLevel(level * source.planValue));
  return setGrantLevelEdit(plan, scenarioId, stream, fy, level);
}

/** Where the level comes from, in words under the control. */
export function levelSourceWords(source: LevelSource): string {
  if (source.kind === 'variable')
    return `From ${source.variable} = ${source.value} in this scenario (every year whose amount uses it); changing this level changes ${source.variable}`;
  if (source.kind === 'change')
    return source.level.kind === 'custom' ? 'Set by this scenario’s own amount' : 'This scenario’s change to this year';
  return 'As in the plan';
}
