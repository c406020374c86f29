// How a snapshot's scenario is named wherever one is picked or shown: as a budget's source on
// the Outturn screen and in its exports, and in the app's pickers. The comparison's own column
// names come with it from shared/snapshot-compare.ts.
import type { SnapshotInfo } from './snapshots';

/** "Budget as approved, February: Base"; a scenario the snapshot does not have is named by its id. */
export function snapshotScenarioLabel(snapshot: SnapshotInfo, scenarioId: string): string {
  return `${snapshot.name}: ${snapshot.scenarios.find((s) => s.id === scenarioId)?.name ?? scenarioId}`;
}

/** The plain refusal of a scenario a snapshot does not have. */
export function noSnapshotScenarioMessage(snapshot: SnapshotInfo, scenarioId: string): string {
  return `no scenario "${scenarioId}" in snapshot "${snapshot.name}" (it has: ${snapshot.scenarios.map((s) => s.id).join(', ')})`;
}
