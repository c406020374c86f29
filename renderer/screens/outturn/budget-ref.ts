// The outturn's budget as the page names it: the plan as made (null) or a scenario of a
// snapshot, and the picker's value for each. Pure, for the Outturn screen and its tests.
import type { SnapshotInfo } from '../../../shared/snapshots';

/** A snapshot's scenario as the budget; null is the plan as made. */
export type BudgetRef = { readonly snapshotId: number; readonly snapshotScenarioId: string } | null;

export const valueOf = (b: BudgetRef) => (b ? `${b.snapshotId}:${b.snapshotScenarioId}` : '');

export function refOf(value: string): BudgetRef {
  const at = value.indexOf(':');
  return at < 0 ? null : { snapshotId: Number(value.slice(0, at)), snapshotScenarioId: value.slice(at + 1) };
}

/** The budget chosen while its snapshot and scenario still exist, else the plan as made. */
export function standingBudget(budget: BudgetRef, snapshots: readonly SnapshotInfo[]): { ref: BudgetRef; snapshot: SnapshotInfo | null } {
  const snapshot = budget ? snapshots.find((s) => s.id === budget.snapshotId) : undefined;
  if (!budget || !snapshot || !snapshot.scenarios.some((s) => s.id === budget.snapshotScenarioId)) return { ref: null, snapshot: null };
  return { ref: budget, snapshot };
}
