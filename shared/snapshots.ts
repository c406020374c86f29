// Snapshots (named, frozen versions of a plan kept in its .headroom document) and the change
// history (the document's stored commands, read as a record). The shapes are named here once:
// the store (electron/store/snapshots.ts) writes them, main and the harness send them over the
// typed IPC contract, and the CLI's `snapshots`, `compare --against` and `history` print them.
import { z } from 'zod';

/** A snapshot's name: what the treasurer calls it ("Budget as approved, February"). Unique in a document. */
export const SnapshotNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'a snapshot needs a name' })
  .max(120, { error: 'a snapshot name is at most 120 characters' });

/** Why it was taken, for whoever reads it later ("as approved by the board on 3 February"). */
export const SnapshotNoteSchema = z.string().max(2000, { error: 'a snapshot note is at most 2,000 characters' });

export const TakeSnapshotSchema = z.strictObject({ name: SnapshotNameSchema, note: SnapshotNoteSchema.optional() });
export type TakeSnapshot = z.infer<typeof TakeSnapshotSchema>;

export interface SnapshotInfo {
  /** The store's key, never reused within a document. */
  readonly id: number;
  readonly name: string;
  /** '' when none was given. */
  readonly note: string;
  /** When it was taken: ISO 8601 in UTC ("2027-02-03T10:15:00.000Z"). */
  readonly takenAt: string;
  /** The document's revision it froze (DocumentInfo.revision at the time). */
  readonly revision: number;
  /** The frozen plan's name and its scenarios, base first (what `NAME:SCENARIO` may name). */
  readonly planName: string;
  readonly scenarios: readonly { readonly id: string; readonly name: string }[];
}

/** A snapshot as a window looks at it: whether its frozen plan, simulated now, still gives the figures frozen with it. */
export interface ViewedSnapshot extends SnapshotInfo {
  readonly figuresAsFrozen: boolean;
}

/** What the banner and the CLI say when a snapshot's figures, simulated now, differ from those frozen with it. */
export const FIGURES_RECOMPUTED =
  'Its figures are recomputed by this version of Headroom and differ from those frozen when it was taken; its plan is exactly as it was';

/** The services, streams and scenarios a stored command touched (by id), for filtering the history. */
export interface EditSubjects {
  readonly interventions: readonly string[];
  readonly streams: readonly string[];
  readonly scenarios: readonly string[];
}

export interface HistoryEntry {
  /** Its step in the undo history (1 = the oldest kept). */
  readonly position: number;
  /** The command in words, as stored ("Youth outreach: annual cost £330,000 → £345,000"). */
  readonly label: string;
  /** When it was stored (ISO 8601 UTC); null for commands stored before the file kept times. */
  readonly storedAt: string | null;
  /** Undone and not redone yet (the redo tail): it is not part of the plan now. */
  readonly undone: boolean;
  /** The latest snapshot taken before this command, or null. */
  readonly afterSnapshot: { readonly id: number; readonly name: string } | null;
  /** null for commands stored before the file kept them. */
  readonly subjects: EditSubjects | null;
}

/** "SNAPSHOT NAME:SCENARIO": split at the last colon (a name may hold colons; an id never does). */
export function parseSnapshotRef(text: string): { readonly snapshot: string; readonly scenario: string } | null {
  const at = text.lastIndexOf(':');
  if (at <= 0 || at === text.length - 1) return null;
  const snapshot = text.slice(0, at).trim();
  const scenario = text.slice(at + 1).trim();
  return snapshot && scenario ? { snapshot, scenario } : null;
}
