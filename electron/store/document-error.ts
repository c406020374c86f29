// What can go wrong with a plan document, in words a finance lead reads. Each kind is a
// distinct situation the app can act on (offer a backup, suggest Save As, ...).
import type { PlanProblem } from '../../shared/resolve';
import { formatProblem } from '../../shared/resolve';

export type DocumentErrorKind =
  | 'not-found'
  | 'exists'
  | 'not-sqlite'
  | 'not-headroom'
  | 'newer-version'
  | 'corrupt'
  | 'damaged-index'
  | 'unsafe-content'
  | 'open-elsewhere'
  | 'read-only'
  | 'disk-full'
  | 'invalid-plan'
  | 'migration-failed'
  | 'io'
  | 'closed'
  | 'no-snapshot'
  | 'not-confirmed';

export class DocumentError extends Error {
  override readonly name = 'DocumentError';

  constructor(
    readonly kind: DocumentErrorKind,
    message: string,
    readonly problems: readonly PlanProblem[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A stored value that no valid plan document could hold (a hostile or damaged file): reported as 'corrupt'. */
export class StoredDataError extends Error {}

const quoted = (fileName: string) => `"${fileName}"`;

/** The plain-English message for each kind (the file's name where it helps). */
export const MESSAGES = {
  notFound: (file: string) => `There is no plan file at ${file}.`,
  noFolder: (folder: string) => `The folder ${folder} does not exist.`,
  notAFile: (name: string) => `${quoted(name)} is a folder, not a plan file.`,
  exists: (name: string) => `A file called ${quoted(name)} already exists there. Choose another name.`,
  notSqlite: (name: string) =>
    `${quoted(name)} is not a Headroom plan: it is not a plan document at all (perhaps another kind of file, renamed).`,
  empty: (name: string) => `${quoted(name)} is empty: it holds no plan (it may have been cut short while being copied or saved).`,
  notHeadroom: (name: string) => `${quoted(name)} is a database made by another program, not a Headroom plan.`,
  newerVersion: (name: string, fileVersion: number, known: number) =>
    `${quoted(name)} was saved by a newer version of Headroom (file version ${fileVersion}; this version reads up to ${known}). Update Headroom to open it.`,
  corrupt: (name: string) =>
    `${quoted(name)} is damaged or incomplete (it may have been cut short while being copied or saved). Open a backup copy instead.`,
  damagedIndex: (name: string) =>
    `${quoted(name)} has damaged indexes, but the plan in it is intact. Headroom can rebuild them after keeping a copy of the file as it is (from the command line: npx headroom repair "${name}").`,
  unsafeContent: (name: string) =>
    `${quoted(name)} contains database code that Headroom plans never contain (triggers, views or computed columns), so it was not opened.`,
  openElsewhere: () => 'This plan is open in another window or program. Close it there first.',
  readOnly: (name: string) => `${quoted(name)} is read-only, so changes cannot be saved. Use Save As to keep a copy you can change.`,
  readOnlyNeedsRecovery: (name: string) =>
    `${quoted(name)} needs repair after a crash, but it is read-only. Open it from a folder you can write to.`,
  diskFull: () => 'Disk full – last change not saved',
  invalidPlan: (name: string, problems: readonly PlanProblem[]) =>
    [`${quoted(name)} holds a plan Headroom cannot use:`, ...problems.map(formatProblem)].join('\n'),
  migrationFailed: (name: string, backup: string) =>
    `${quoted(name)} could not be upgraded to this version of Headroom, so it was left as it was. A copy made before the upgrade is at ${backup}.`,
  io: (name: string, code: string) => `${quoted(name)} could not be read or saved: the disk reported an error (${code}).`,
  closed: () => 'This plan has been closed.',
  noSnapshot: (id: number, name: string) => `${quoted(name)} has no snapshot number ${id} (it may have been deleted).`,
  damagedSnapshot: (snapshot: string, name: string) =>
    `Snapshot "${snapshot}" in ${quoted(name)} is damaged, so it cannot be opened. The plan itself and the other snapshots are unaffected.`,
  deleteNotConfirmed: (snapshot: string, typed: string) =>
    `The snapshot "${snapshot}" was not deleted: to delete it, type its name exactly as it is ("${typed}" does not match).`,
  badHistory: (name: string) => `The undo history in ${quoted(name)} is damaged; the plan itself is unchanged.`,
} as const;
