// A live scenario against a scenario of a snapshot (plan-format.md §8, "Against a snapshot"):
// both plans validated and simulated, compared with the snapshot's scenario first (the
// baseline: differences read as the change since the snapshot), and what changed in the
// inputs in words. The app's Compare screen, the CLI's `compare --against` and the exports
// all present this one structure.
import { headlineFyOf } from './cliff-edge';
import { compare, type Comparison } from './compare';
import { simulate, type SimulationResult } from './engine';
import { inputChanges, type InputChange } from './input-changes';
import type { FyYear } from './months';
import type { Plan } from './plan';
import { scenarioOf, validPlan } from './valid-plan';

export type { InputChange } from './input-changes';

export interface SnapshotComparison {
  /** Scenarios named by `columns`: the snapshot's first, today's second. */
  readonly comparison: Comparison;
  /** [the snapshot's scenario, today's], in the comparison's order. */
  readonly results: readonly [SimulationResult, SimulationResult];
  /** What changed in the inputs since the snapshot, in words (shared/input-changes.ts). */
  readonly changes: readonly InputChange[];
  /** The FY the headlines are about: the live plan's next cliff edge. */
  readonly headlineFy: FyYear | null;
  /** "<snapshot name>: <scenario name>" and "Now: <scenario name>". */
  readonly columns: readonly [string, string];
  /** The live plan's name and the snapshot's, for titles. */
  readonly plan: string;
  readonly snapshot: string;
}

/**
 * `live`'s scenario `scenarioId` against `snapshot`'s scenario `snapshotScenarioId`. Throws a
 * clear Error when either plan is invalid or a scenario is missing.
 */
export function compareWithSnapshot(
  live: Plan,
  scenarioId: string,
  snapshot: { readonly name: string; readonly plan: Plan },
  snapshotScenarioId: string,
): SnapshotComparison {
  const where = `snapshot "${snapshot.name}"`;
  const then = validPlan(snapshot.plan, where);
  const now = validPlan(live, 'the plan');
  const beforeScenario = scenarioOf(then.scenarios, snapshotScenarioId, where);
  const afterScenario = scenarioOf(now.scenarios, scenarioId, 'the plan');
  const before = simulate(beforeScenario);
  const liveResults = new Map(now.scenarios.map((s) => [s.id, simulate(s)]));
  const after = liveResults.get(scenarioId)!;
  // The headline FY is the live plan's next cliff edge, over every scenario (base first), as on screen.
  const headlineFy = headlineFyOf(now.plan, [...liveResults.values()]);
  const columns: [string, string] = [`${snapshot.name}: ${before.name}`, `Now: ${after.name}`];
  const compared = compare([before, after], headlineFy);
  const comparison: Comparison = {
    ...compared,
    scenarios: compared.scenarios.map((s, i) => ({ ...s, name: columns[i] })),
  };
  return {
    comparison,
    results: [before, after],
    changes: inputChanges(beforeScenario, afterScenario, then.plan, now.plan),
    headlineFy,
    columns,
    plan: now.plan.name,
    snapshot: snapshot.name,
  };
}
