// Which snapshot and which of its scenarios a comparison or an outturn budget is against: the
// newest snapshot unless one is picked, and in it the same scenario as the live one when it
// has it (else its first, the base). Pure, for Compare, Outturn and their tests.
import type { SnapshotInfo } from '../../../shared/snapshots';

/** The snapshot's scenario to pair with a live scenario: the same id when it has it, else its first. */
export function pairedScenarioId(snapshot: SnapshotInfo, liveScenarioId: string): string {
  return snapshot.scenarios.some((s) => s.id === liveScenarioId) ? liveScenarioId : (snapshot.scenarios[0]?.id ?? 'base');
}

/** A picked snapshot's scenario, kept only while the snapshot and the live scenario it was picked with stand. */
export interface PickedScenario {
  readonly snapshotId: number;
  readonly liveScenarioId: string;
  readonly scenarioId: string;
}

export interface SnapshotChoice {
  readonly snapshot: SnapshotInfo;
  readonly snapshotScenarioId: string;
}

/** The snapshot picked (or the newest), and its scenario: the one picked for this pair, else the paired one. */
export function chooseSnapshot(
  snapshots: readonly SnapshotInfo[],
  pickedSnapshotId: number | null,
  liveScenarioId: string,
  picked: PickedScenario | null,
): SnapshotChoice | null {
  const snapshot = snapshots.find((s) => s.id === pickedSnapshotId) ?? snapshots.at(-1);
  if (!snapshot) return null;
  const stands =
    picked !== null &&
    picked.snapshotId === snapshot.id &&
    picked.liveScenarioId === liveScenarioId &&
    snapshot.scenarios.some((s) => s.id === picked.scenarioId);
  return { snapshot, snapshotScenarioId: stands ? picked.scenarioId : pairedScenarioId(snapshot, liveScenarioId) };
}
