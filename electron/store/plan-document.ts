// One .headroom file is one plan document (sqlite.org "SQLite As An Application File
// Format"). Every user command is validated whole and stored, with its undo entry, in one
// synchronous transaction; the file is locked for the document's lifetime.
//
// The shape of the file (electron/store/README.md): the plan is ONE row of JSON, validated
// whole by shared/validate.ts (the zod schema is the plan's only shape) before each write
// and after each read; the undo log beside it holds each command's edit and its inverse.
// Real tables only for what later features will query row by row (actuals, to come, will
// be their own table beside the plan). Schema 4 moved older files' nine tables into the
// row (migrations.ts).
//
// No Electron here: the CLI and the browser harness use this from plain Node.
//
// Never open a plan file with `fs` while this process has a connection to it: closing any
// descriptor of a file drops every POSIX lock the process holds on it (sqlite.org
// howtocorrupt.html §2.2). The registry of open paths below is what keeps that true.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { editSubjects } from '../../shared/edit-subjects';
import { applyEdit, EditError, PlanEditSchema, type EditOp, type PlanEdit } from '../../shared/edits';
import type { DocumentInfo, EditResult, PlanSnapshot } from '../../shared/ipc';
import type { Plan } from '../../shared/plan';
import type { PlanProblem } from '../../shared/resolve';
import type { HistoryEntry, SnapshotInfo, TakeSnapshot } from '../../shared/snapshots';
import { frozenResultsJson } from '../../shared/snapshot-figures';
import { validatePlan } from '../../shared/validate';
import { DocumentError, MESSAGES, StoredDataError } from './document-error';
import { checkIntegrity } from './integrity';
import { HEADROOM_APPLICATION_ID, migrate, MIGRATIONS, PLAN_ROW_VERSION, userVersion, type Migration } from './migrations';
import { readChangeHistory } from './change-history';
import { readPlanRow, storedForm, writePlanRow, type StoredPlan } from './plan-row';
import * as snapshots from './snapshots';

export { DocumentError, type DocumentErrorKind } from './document-error';
export { rebuildIndexes } from './integrity';

export interface OpenOptions {
  /** Open without ever writing. Chosen anyway when the file or its folder cannot be written. */
  readonly readOnly?: boolean;
  /** The schema history to upgrade with (tests inject a failing step). Default: MIGRATIONS. */
  readonly migrations?: readonly Migration[];
  /** Tests: cap the file at this many pages, so that a large change meets a full disk. */
  readonly maxPageCount?: number;
  /** Bytes of undo history kept in the file (default UNDO_MAX_BYTES). */
  readonly undoMaxBytes?: number;
  /** Undo steps kept in the file (default UNDO_LIMIT). */
  readonly undoLimit?: number;
  /** The clock that stamps stored commands and snapshots (tests pin it). Default: the system clock. */
  readonly now?: () => Date;
}

/** Undo entries kept in the file; the oldest go first. */
export const UNDO_LIMIT = 500;
/** The undo log's size cap (edits and inverses as JSON text): the oldest steps go first. */
export const UNDO_MAX_BYTES = 32 * 1024 * 1024;
/** How long to wait for a lock held by someone else before saying the plan is open elsewhere. */
const LOCK_WAIT_MS = 250;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

interface History {
  readonly revision: number;
  readonly undoPosition: number;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  /** Older steps were dropped to keep the history within its cap (by count or size). */
  readonly undoTrimmed: boolean;
}

interface Session {
  /** Reads and writes go here: the file, or for an old read-only file an upgraded copy in memory (never written). */
  readonly db: Database.Database;
  /** The connection to the file, holding its lock. */
  readonly fileDb: Database.Database;
  readonly path: string;
  readonly readOnly: boolean;
  readonly undoLimit: number;
  readonly undoMaxBytes: number;
  readonly now: () => Date;
  /** Snapshot plans already read and checked (a snapshot never changes), by id. */
  readonly snapshotPlans: Map<number, Plan>;
  /** At least the undo log's size in bytes, once known (see apply). */
  undoBytesBound?: number;
  plan: Plan;
  history: History;
}

// Real paths of the plans this process has open (null while one is being opened or saved to).
const openPaths = new Map<string, PlanDocument | null>();

function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync.native(absolute);
  } catch {
    return absolute;
  }
}

/** The document this process has open at `file`, if any. */
export function openDocumentAt(file: string): PlanDocument | undefined {
  return openPaths.get(realPath(file)) ?? undefined;
}

function claim(key: string): void {
  if (openPaths.has(key)) throw new DocumentError('open-elsewhere', MESSAGES.openElsewhere());
  openPaths.set(key, null);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// ---- errors -----------------------------------------------------------------------------

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined;
}

/** A DocumentError for what SQLite or the file system said; anything unexpected as it was. */
function asDocumentError(error: unknown, name: string): unknown {
  if (error instanceof DocumentError) return error;
  const cause = { cause: error };
  if (error instanceof StoredDataError) return new DocumentError('corrupt', MESSAGES.corrupt(name), [], cause);
  const code = errnoCode(error);
  if (code === undefined) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new DocumentError('open-elsewhere', MESSAGES.openElsewhere(), [], cause);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new DocumentError('disk-full', MESSAGES.diskFull(), [], cause);
  if (code === 'SQLITE_READONLY_ROLLBACK' || code === 'SQLITE_READONLY_RECOVERY') {
    return new DocumentError('read-only', MESSAGES.readOnlyNeedsRecovery(name), [], cause);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DocumentError('read-only', MESSAGES.readOnly(name), [], cause);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new DocumentError('corrupt', MESSAGES.corrupt(name), [], cause);
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'EIO') {
    return new DocumentError('io', MESSAGES.io(name, code), [], cause);
  }
  if (code === 'ENOENT') return new DocumentError('not-found', MESSAGES.notFound(name), [], cause);
  return error;
}

// ---- opening ----------------------------------------------------------------------------

/**
 * Identity and version from the file's first 100 bytes, read before SQLite touches the
 * file, so that a file that is not ours is never changed. When a rollback journal sits next
 * to it, SQLite may first restore an older header, so then only the magic is checked here
 * and the rest once SQLite has opened it.
 */
/** Checks the header before SQLite reads the file; says whether the file is in WAL mode. */
function inspectHeader(file: string, name: string, knownVersion: number): { wal: boolean } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') throw new DocumentError('not-found', MESSAGES.notFound(file), [], { cause: error });
    throw error;
  }
  if (!stat.isFile()) throw new DocumentError('not-sqlite', MESSAGES.notAFile(name));
  if (stat.size === 0) throw new DocumentError('corrupt', MESSAGES.corrupt(name));
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let length: number;
  try {
    length = fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  const magicLength = Math.min(length, SQLITE_MAGIC.length);
  if (!header.subarray(0, magicLength).equals(SQLITE_MAGIC.subarray(0, magicLength))) {
    throw new DocumentError('not-sqlite', MESSAGES.notSqlite(name));
  }
  if (length < 100) throw new DocumentError('corrupt', MESSAGES.corrupt(name));
  // Bytes 18 and 19 are 2 in a file another program left in write-ahead-log mode.
  const wal = header[18] === 2 || header[19] === 2;
  if (fs.existsSync(`${file}-journal`)) return { wal };

  if (header.readInt32BE(68) !== HEADROOM_APPLICATION_ID) throw new DocumentError('not-headroom', MESSAGES.notHeadroom(name));
  const version = header.readUInt32BE(60);
  if (version > knownVersion) throw new DocumentError('newer-version', MESSAGES.newerVersion(name, version, knownVersion));
  const sizeField = header.readUInt16BE(16);
  const pageSize = sizeField === 1 ? 65536 : sizeField;
  const pageSizeOk = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  // The header's page count is valid when the change counter matches "version valid for".
  const headerPages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  if (version < 1 || !pageSizeOk || stat.size % pageSize !== 0 || headerPages * pageSize > stat.size) {
    throw new DocumentError('corrupt', MESSAGES.corrupt(name));
  }
  return { wal };
}

/** Whether this process may change the file: the file and its folder (where the journal goes) are writable. */
export function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    // The rollback journal is created next to the file.
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const REQUIRED_PRAGMAS: ReadonlyArray<readonly [string, number | string]> = [
  ['foreign_keys', 1],
  ['trusted_schema', 0],
  ['synchronous', 2],
  ['journal_mode', 'delete'],
];

/** Opens and locks the file: a write lock for the document's lifetime, or a read lock when read-only. */
function connect(file: string, readOnly: boolean, wal = false): Database.Database {
  const db = new Database(file, { readonly: readOnly, fileMustExist: true, timeout: LOCK_WAIT_MS });
  try {
    // A file left in WAL mode is read as it is (an exclusive read lock cannot be had on it);
    // opened for writing, it is turned back into one self-contained file below.
    if (readOnly && wal) {
      db.pragma('trusted_schema = 0');
      db.pragma('foreign_keys = 1');
      return db;
    }
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('trusted_schema = 0');
    db.pragma('foreign_keys = 1');
    db.pragma('synchronous = 2'); // FULL: a committed change survives power loss
    // In EXCLUSIVE locking mode the lock taken here is kept until close: another process
    // gets SQLITE_BUSY. Neither statement changes the file.
    if (readOnly) db.exec('BEGIN; SELECT count(*) FROM sqlite_schema; COMMIT');
    else db.exec('BEGIN EXCLUSIVE; COMMIT');
    // DELETE keeps a plan one self-contained file, safe to copy, email or keep on a network drive.
    if (!readOnly) db.pragma('journal_mode = DELETE');
    for (const [pragma, expected] of REQUIRED_PRAGMAS) {
      const actual = db.pragma(pragma, { simple: true });
      if (actual !== expected) throw new Error(`PRAGMA ${pragma} is ${String(actual)}; a plan document needs ${expected}`);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs after SQLite has opened the file (and rolled back any hot journal): returns its schema version. */
function checkIdentity(db: Database.Database, file: string, name: string, knownVersion: number): number {
  checkIntegrity(db, file, name);
  if (db.pragma('application_id', { simple: true }) !== HEADROOM_APPLICATION_ID) {
    throw new DocumentError('not-headroom', MESSAGES.notHeadroom(name));
  }
  const version = userVersion(db);
  if (version > knownVersion) throw new DocumentError('newer-version', MESSAGES.newerVersion(name, version, knownVersion));
  if (version < 1) throw new DocumentError('corrupt', MESSAGES.corrupt(name));
  // A plan never holds code: a trigger or view in a shared file is someone else's.
  const code = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type IN ('trigger', 'view')").get() as { n: number };
  // Nor computed (generated) columns: their expressions run on every read or write.
  const computed = db
    .prepare("SELECT count(*) AS n FROM sqlite_schema AS t, pragma_table_xinfo(t.name) AS c WHERE t.type = 'table' AND c.hidden IN (2, 3)")
    .get() as { n: number };
  if (code.n > 0 || computed.n > 0) throw new DocumentError('unsafe-content', MESSAGES.unsafeContent(name));
  return version;
}

const historyStatements = new WeakMap<Database.Database, ReturnType<typeof prepareHistory>>();

function prepareHistory(db: Database.Database) {
  return {
    state: db.prepare('SELECT revision, undo_position AS undoPosition FROM document_state WHERE id = 1'),
    entry: db.prepare('SELECT label, forward_json AS forward, inverse_json AS inverse FROM undo_log WHERE position = ?'),
    dropRedo: db.prepare('DELETE FROM undo_log WHERE position > ?'),
    dropOldest: db.prepare('DELETE FROM undo_log WHERE position <= ?'),
    // Steps older than the newest that, counted back from it, no longer fit in the byte cap.
    dropOverSize: db.prepare(`DELETE FROM undo_log WHERE position < @newest AND position <= (
      SELECT max(position) FROM (
        SELECT position, sum(length(CAST(forward_json AS BLOB)) + length(CAST(inverse_json AS BLOB))) OVER (ORDER BY position DESC) AS kept
        FROM undo_log WHERE position <= @newest
      ) WHERE kept > @cap)`),
    oldest: db.prepare('SELECT min(position) AS position FROM undo_log'),
    undoBytes: db.prepare(
      'SELECT coalesce(sum(length(CAST(forward_json AS BLOB)) + length(CAST(inverse_json AS BLOB))), 0) AS n FROM undo_log',
    ),
    push: db.prepare(`INSERT INTO undo_log (position, label, forward_json, inverse_json, stored_at, revision, subjects_json)
      VALUES (@position, @label, @forward, @inverse, @storedAt, @revision, @subjects)`),
    move: db.prepare('UPDATE document_state SET revision = revision + 1, undo_position = ? WHERE id = 1'),
    reapplied: db.prepare('UPDATE undo_log SET revision = (SELECT revision FROM document_state WHERE id = 1) WHERE position = ?'),
  };
}

function history(db: Database.Database) {
  let statements = historyStatements.get(db);
  if (!statements) {
    statements = prepareHistory(db);
    historyStatements.set(db, statements);
  }
  return statements;
}

interface UndoEntry {
  readonly label: string;
  readonly forward: string;
  readonly inverse: string;
}

function readHistory(db: Database.Database): History {
  const h = history(db);
  const state = h.state.get() as { revision: number; undoPosition: number } | undefined;
  if (!state || !Number.isSafeInteger(state.revision) || !Number.isSafeInteger(state.undoPosition)) {
    throw new StoredDataError('the document state is missing');
  }
  const label = (position: number) => (h.entry.get(position) as UndoEntry | undefined)?.label ?? null;
  return {
    revision: state.revision,
    undoPosition: state.undoPosition,
    undoLabel: state.undoPosition > 0 ? label(state.undoPosition) : null,
    redoLabel: label(state.undoPosition + 1),
    undoTrimmed: ((h.oldest.get() as { position: number | null }).position ?? 1) > 1,
  };
}

/** The stored plan, checked whole: any problem refuses the file. */
function loadStored(db: Database.Database, name: string): { plan: Plan; history: History } {
  if ((db.pragma('foreign_key_check') as unknown[]).length > 0) throw new DocumentError('corrupt', MESSAGES.corrupt(name));
  const checked = validatePlan(readPlanRow(db));
  if (!checked.ok) throw new DocumentError('invalid-plan', MESSAGES.invalidPlan(name, checked.problems), checked.problems);
  return { plan: deepFreeze(checked.plan), history: readHistory(db) };
}

function unusedName(base: string): string {
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

function syncFolder(folder: string): void {
  // Makes a new directory entry durable; not possible (nor needed) on every platform.
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* Windows cannot open a folder; NTFS journals the entry itself. */
  }
}

/**
 * A crash can leave an emptied journal beside the file (with EXCLUSIVE locking SQLite
 * empties it rather than deleting it). It is inert, but SQLite deletes it only when a
 * connection that has written closes, so a valid, locked file gets one write that changes
 * nothing (SQLite skips an UPDATE that sets a value to itself, hence the +1 and -1).
 */
function removeStaleJournal(db: Database.Database, file: string): void {
  if (!fs.existsSync(`${file}-journal`)) return;
  db.transaction(() => {
    db.prepare('UPDATE document_state SET revision = revision + 1 WHERE id = 1').run();
    db.prepare('UPDATE document_state SET revision = revision - 1 WHERE id = 1').run();
  })();
}

/**
 * Gives back the pages of the tables schema 4 dropped (a new file passes through schemas
 * 1-3 too). VACUUM is atomic like any write; when it fails (no room for its copy) the file
 * is merely bigger than it need be.
 */
function compact(db: Database.Database): void {
  try {
    db.exec('VACUUM');
  } catch {
    /* the document is sound either way */
  }
}

type SessionSettings = Pick<Session, 'undoLimit' | 'undoMaxBytes' | 'now' | 'snapshotPlans'>;

/** How much undo history a session keeps (by count and by size), and its clock. */
function sessionSettings(options: Pick<OpenOptions, 'undoLimit' | 'undoMaxBytes' | 'now'>): SessionSettings {
  return {
    undoLimit: Math.max(1, Math.trunc(options.undoLimit ?? UNDO_LIMIT)),
    undoMaxBytes: options.undoMaxBytes ?? UNDO_MAX_BYTES,
    now: options.now ?? (() => new Date()),
    snapshotPlans: new Map(),
  };
}

type Opened =
  | { readonly session: Session }
  | { readonly upgrade: { readonly fileDb: Database.Database; readonly version: number; readonly migrations: readonly Migration[] } };

/** Opens a file the caller has claimed in the registry, as far as can be done synchronously. */
function openNow(file: string, name: string, options: OpenOptions): Opened {
  const migrations = options.migrations ?? MIGRATIONS;
  const head = migrations.length;
  const { wal } = inspectHeader(file, name, head);
  const readOnly = options.readOnly === true || !canWrite(file);
  const fileDb = connect(file, readOnly, wal);
  let memory: Database.Database | undefined;
  try {
    const version = checkIdentity(fileDb, file, name, head);
    if (options.maxPageCount !== undefined) fileDb.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
    if (version === head) {
      const stored = loadStored(fileDb, name);
      if (!readOnly) removeStaleJournal(fileDb, file);
      return {
        session: {
          db: fileDb,
          fileDb,
          path: file,
          readOnly,
          ...sessionSettings(options),
          ...stored,
        },
      };
    }
    if (!readOnly) return { upgrade: { fileDb, version, migrations } };
    // An older file that cannot be written: upgrade a copy in memory to show it. Edits are
    // refused as for any read-only plan; Save As writes a current-version copy.
    memory = new Database(fileDb.serialize());
    memory.pragma('trusted_schema = 0');
    memory.pragma('foreign_keys = 1');
    migrate(memory, migrations);
    const stored = loadStored(memory, name);
    memory.pragma('query_only = 1');
    return {
      session: {
        db: memory,
        fileDb,
        path: file,
        readOnly,
        ...sessionSettings(options),
        ...stored,
      },
    };
  } catch (error) {
    memory?.close();
    fileDb.close();
    // A generic SQL error from a file that passed the header checks is a damaged schema
    // (a table or a CHECK's function renamed by a bad byte): the file is not what it claims.
    if (errnoCode(error) === 'SQLITE_ERROR') throw new DocumentError('corrupt', MESSAGES.corrupt(name), [], { cause: error });
    throw error;
  }
}

async function openSession(file: string, name: string, options: OpenOptions): Promise<Session> {
  const opened = openNow(file, name, options);
  if ('session' in opened) return opened.session;
  const { fileDb, version, migrations } = opened.upgrade;
  try {
    // Back up first (the backup API, never a file copy), then upgrade and check the plan in
    // one transaction: a failure anywhere leaves the file exactly as it was.
    const backup = unusedName(`${file}.v${version}-backup`);
    await fileDb.backup(backup);
    try {
      const stored = fileDb.transaction(() => {
        migrate(fileDb, migrations);
        return loadStored(fileDb, name);
      })();
      if (version < PLAN_ROW_VERSION) compact(fileDb);
      return {
        db: fileDb,
        fileDb,
        path: file,
        readOnly: false,
        ...sessionSettings(options),
        ...stored,
      };
    } catch (error) {
      if (fileDb.inTransaction) fileDb.exec('ROLLBACK');
      const mapped = asDocumentError(error, name);
      if (mapped instanceof DocumentError) throw mapped;
      throw new DocumentError('migration-failed', MESSAGES.migrationFailed(name, backup), [], { cause: error });
    }
  } catch (error) {
    fileDb.close();
    throw error;
  }
}

// ---- the document -----------------------------------------------------------------------

export class PlanDocument {
  #session: Session | null;

  private constructor(session: Session) {
    this.#session = session;
    openPaths.set(session.path, this);
  }

  /** A new document at `file` holding `plan` (validated whole). Refuses a path that exists. */
  static create(
    file: string,
    plan: unknown,
    options: Pick<OpenOptions, 'maxPageCount' | 'undoLimit' | 'undoMaxBytes' | 'now'> = {},
  ): PlanDocument {
    const key = realPath(file);
    const name = path.basename(key);
    const checked = validatePlan(plan);
    if (!checked.ok) throw new DocumentError('invalid-plan', MESSAGES.invalidPlan(name, checked.problems), checked.problems);
    claim(key);
    let created = false;
    let db: Database.Database | undefined;
    try {
      try {
        // 'wx' creates the file only if nothing is there: never replaces another file.
        fs.closeSync(fs.openSync(key, 'wx'));
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'EEXIST') throw new DocumentError('exists', MESSAGES.exists(name), [], { cause: error });
        if (code === 'ENOENT') throw new DocumentError('not-found', MESSAGES.noFolder(path.dirname(key)), [], { cause: error });
        throw error;
      }
      created = true;
      const fresh = connect(key, false);
      db = fresh;
      const stored = storedForm(checked.plan);
      fresh.transaction(() => {
        migrate(fresh, MIGRATIONS);
        writePlanRow(fresh, stored.json);
      })();
      compact(fresh);
      if (options.maxPageCount !== undefined) fresh.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
      syncFolder(path.dirname(key));
      return new PlanDocument({
        db: fresh,
        fileDb: fresh,
        path: key,
        readOnly: false,
        ...sessionSettings(options),
        plan: deepFreeze(stored.plan),
        history: readHistory(fresh),
      });
    } catch (error) {
      db?.close();
      // Remove only what this call created.
      if (created) {
        fs.rmSync(key, { force: true });
        fs.rmSync(`${key}-journal`, { force: true });
      }
      openPaths.delete(key);
      throw asDocumentError(error, name);
    }
  }

  /**
   * Opens a plan document. Asynchronous because an older file is first backed up (the
   * backup API steps through the event loop) before it is upgraded.
   */
  static async open(file: string, options: OpenOptions = {}): Promise<PlanDocument> {
    const key = realPath(file);
    const name = path.basename(key);
    claim(key);
    try {
      return new PlanDocument(await openSession(key, name, options));
    } catch (error) {
      openPaths.delete(key);
      throw asDocumentError(error, name);
    }
  }

  #open(): Session {
    if (!this.#session) throw new DocumentError('closed', MESSAGES.closed());
    return this.#session;
  }

  #writable(): Session {
    const session = this.#open();
    if (session.readOnly) throw new DocumentError('read-only', MESSAGES.readOnly(path.basename(session.path)));
    return session;
  }

  info(): DocumentInfo {
    const session = this.#open();
    return {
      path: session.path,
      fileName: path.basename(session.path),
      readOnly: session.readOnly,
      revision: session.history.revision,
      undoLabel: session.history.undoLabel,
      redoLabel: session.history.redoLabel,
      undoTrimmed: session.history.undoTrimmed,
    };
  }

  /** The current plan (frozen; change it with apply). */
  plan(): Plan {
    return this.#open().plan;
  }

  snapshot(): PlanSnapshot {
    return { info: this.info(), plan: this.plan() };
  }

  /** True only while a command is being stored; false again after any failure. */
  get inTransaction(): boolean {
    return this.#session?.db.inTransaction ?? false;
  }

  /**
   * Applies an edit: the whole new plan is validated; if it has problems nothing is stored.
   * Otherwise the plan and its undo entry are written in one transaction and the redo tail
   * is dropped. Throws DocumentError when the file cannot take it (read-only, disk full).
   */
  apply(edit: PlanEdit): EditResult {
    const session = this.#writable();
    const parsed = PlanEditSchema.safeParse(edit);
    if (!parsed.success) {
      return {
        ok: false,
        problems: parsed.error.issues.map((issue) => ({ path: ['(edit)', ...issue.path.map(String)].join('.'), message: issue.message })),
      };
    }
    let next: unknown;
    let inverse: PlanEdit;
    try {
      ({ plan: next, inverse } = applyEdit(session.plan, parsed.data));
    } catch (error) {
      if (error instanceof EditError) return { ok: false, problems: [{ path: '(edit)', message: error.message }] };
      throw error;
    }
    const checked = validatePlan(next);
    if (!checked.ok) return { ok: false, problems: checked.problems };
    const h = history(session.db);
    const position = session.history.undoPosition + 1;
    const forward = JSON.stringify(parsed.data);
    const backward = JSON.stringify(inverse);
    const record = {
      position,
      label: parsed.data.label,
      forward,
      inverse: backward,
      storedAt: session.now().toISOString(),
      // `move` below adds one to the revision.
      revision: session.history.revision + 1,
      subjects: JSON.stringify(editSubjects(session.plan, checked.plan, parsed.data)),
    };
    // An upper bound on the log's size (drops only shrink it): the log is measured, and trimmed,
    // only when the bound passes the cap, so an ordinary edit never reads the whole log.
    let bound = (session.undoBytesBound ?? this.#undoBytes(session)) + Buffer.byteLength(forward) + Buffer.byteLength(backward);
    this.#commit(session, storedForm(checked.plan), () => {
      h.dropRedo.run(position - 1);
      h.push.run(record);
      h.dropOldest.run(position - session.undoLimit);
      if (bound > session.undoMaxBytes) {
        h.dropOverSize.run({ newest: position, cap: session.undoMaxBytes });
        bound = (h.undoBytes.get() as { n: number }).n;
      }
      h.move.run(position);
    });
    session.undoBytesBound = bound;
    return { ok: true, snapshot: this.snapshot() };
  }

  /** Replaces the whole plan (an import): validated whole, stored as one undoable step. */
  replacePlan(input: unknown, label: string): EditResult {
    const session = this.#writable();
    const checked = validatePlan(input);
    if (!checked.ok) return { ok: false, problems: checked.problems };
    const next = storedForm(checked.plan).plan as unknown as Record<string, unknown>;
    const current = session.plan as unknown as Record<string, unknown>;
    const ops: EditOp[] = [];
    for (const key of Object.keys(current)) if (!Object.hasOwn(next, key)) ops.push({ op: 'set', path: [key] });
    for (const [key, value] of Object.entries(next)) {
      if (JSON.stringify(current[key]) !== JSON.stringify(value)) ops.push({ op: 'set', path: [key], value });
    }
    if (ops.length === 0) return { ok: true, snapshot: this.snapshot() };
    return this.apply({ label, ops });
  }

  /** Undoes the last stored change; nothing happens when there is none. */
  undo(): PlanSnapshot {
    const session = this.#writable();
    const position = session.history.undoPosition;
    const entry = position > 0 ? (history(session.db).entry.get(position) as UndoEntry | undefined) : undefined;
    if (!entry) return this.snapshot();
    return this.#step(session, entry.inverse, position - 1);
  }

  /** Redoes the last undone change; nothing happens when there is none. */
  redo(): PlanSnapshot {
    const session = this.#writable();
    const position = session.history.undoPosition + 1;
    const entry = history(session.db).entry.get(position) as UndoEntry | undefined;
    if (!entry) return this.snapshot();
    return this.#step(session, entry.forward, position);
  }

  #step(session: Session, editJson: string, newPosition: number): PlanSnapshot {
    const name = path.basename(session.path);
    let stored: StoredPlan;
    try {
      const edit = PlanEditSchema.parse(JSON.parse(editJson));
      const checked = validatePlan(applyEdit(session.plan, edit).plan);
      if (!checked.ok) throw new Error('the recorded change gives a plan with problems');
      stored = storedForm(checked.plan);
    } catch (error) {
      throw new DocumentError('corrupt', MESSAGES.badHistory(name), [], { cause: error });
    }
    const h = history(session.db);
    const redoing = newPosition > session.history.undoPosition;
    this.#commit(session, stored, () => {
      h.move.run(newPosition);
      // A redone command is applied again now: the snapshots it comes after are those taken before this moment.
      if (redoing) h.reapplied.run(newPosition);
    });
    return this.snapshot();
  }

  #undoBytes(session: Session): number {
    return (history(session.db).undoBytes.get() as { n: number }).n;
  }

  /** Writes the plan and the history change in one transaction; on failure the file (and this object) stay as they were. */
  #commit(session: Session, stored: StoredPlan, recordHistory: () => void): void {
    const db = session.db;
    try {
      db.transaction(() => {
        writePlanRow(db, stored.json);
        recordHistory();
      })();
    } catch (error) {
      // SQLite may already have rolled back on its own (SQLITE_FULL, I/O errors): make sure.
      // session.plan is still the plan from before the command, which is what the file holds.
      if (db.inTransaction) db.exec('ROLLBACK');
      try {
        session.history = readHistory(db);
      } catch {
        /* keep the history from before the command, likewise */
      }
      throw asDocumentError(error, path.basename(session.path));
    }
    session.plan = deepFreeze(stored.plan);
    session.history = readHistory(db);
  }

  // ---- snapshots and the change history (snapshots.ts, change-history.ts) ----------------

  /**
   * Freezes the plan as it is stored now, with its results (every scenario, base first),
   * under a name no other snapshot of this document has. One transaction; the plan, the
   * undo history and the revision stay as they are.
   */
  takeSnapshot(input: TakeSnapshot): { ok: true; snapshot: SnapshotInfo } | { ok: false; problems: PlanProblem[] } {
    const session = this.#writable();
    const checked = snapshots.checkTakeSnapshot(session.db, input);
    if (!checked.ok) return checked;
    const results = frozenResultsJson(session.plan);
    const takenAt = session.now().toISOString();
    const id = this.#write(session, () =>
      snapshots.insertSnapshot(session.db, { ...checked.value, takenAt, revision: session.history.revision, results }),
    );
    return { ok: true, snapshot: this.#snapshotInfo(session, id) };
  }

  /** The snapshots in the order they were taken, oldest first. */
  snapshots(): SnapshotInfo[] {
    return snapshots.listSnapshots(this.#open().db);
  }

  snapshotInfo(id: number): SnapshotInfo | undefined {
    return snapshots.snapshotById(this.#open().db, id);
  }

  /** The snapshot of that name, spaces and case aside. */
  snapshotNamed(name: string): SnapshotInfo | undefined {
    return snapshots.snapshotByName(this.#open().db, name);
  }

  /** The snapshot's plan exactly as it was stored when it was taken. */
  snapshotPlanJson(id: number): string {
    const session = this.#open();
    return snapshots.snapshotText(session.db, id, 'plan') ?? this.#noSnapshot(session, id);
  }

  /** The snapshot's plan, checked whole and frozen. */
  snapshotPlan(id: number): Plan {
    const session = this.#open();
    const known = session.snapshotPlans.get(id);
    if (known) return known;
    const text = this.snapshotPlanJson(id);
    let checked: ReturnType<typeof validatePlan>;
    try {
      checked = validatePlan(JSON.parse(text));
    } catch {
      checked = { ok: false, problems: [] };
    }
    if (!checked.ok) {
      const name = this.#snapshotInfo(session, id).name;
      throw new DocumentError('corrupt', MESSAGES.damagedSnapshot(name, path.basename(session.path)), checked.problems);
    }
    const plan = deepFreeze(checked.plan);
    session.snapshotPlans.set(id, plan);
    return plan;
  }

  /** The snapshot's results as they were stored when it was taken (the CLI's `--json` shape). */
  snapshotResultsJson(id: number): string {
    const session = this.#open();
    return snapshots.snapshotText(session.db, id, 'results') ?? this.#noSnapshot(session, id);
  }

  /**
   * Deletes a snapshot, only when `confirmName` is its name exactly (the explicit, confirmed
   * command). False when there is no such snapshot; throws when the name does not match.
   */
  deleteSnapshot(id: number, confirmName: string): boolean {
    const session = this.#writable();
    const info = snapshots.snapshotById(session.db, id);
    if (!info) return false;
    if (confirmName !== info.name) throw new DocumentError('not-confirmed', MESSAGES.deleteNotConfirmed(info.name, confirmName));
    const deleted = this.#write(session, () => snapshots.deleteSnapshotRow(session.db, id));
    session.snapshotPlans.delete(id);
    return deleted;
  }

  /** Every stored command, oldest first: a view of the undo log. */
  changeHistory(): HistoryEntry[] {
    const session = this.#open();
    return readChangeHistory(session.db, session.history.undoPosition);
  }

  #snapshotInfo(session: Session, id: number): SnapshotInfo {
    return snapshots.snapshotById(session.db, id) ?? this.#noSnapshot(session, id);
  }

  #noSnapshot(session: Session, id: number): never {
    throw new DocumentError('no-snapshot', MESSAGES.noSnapshot(id, path.basename(session.path)));
  }

  /** One transaction beside the plan (a snapshot); on failure the file stays as it was. */
  #write<T>(session: Session, write: () => T): T {
    try {
      return session.db.transaction(write)();
    } catch (error) {
      if (session.db.inTransaction) session.db.exec('ROLLBACK');
      throw asDocumentError(error, path.basename(session.path));
    }
  }

  /**
   * Save As: writes a copy with SQLite's backup API (a consistent snapshot even while
   * changes are being stored, never a file copy), then carries on with the copy, which
   * keeps the undo history. Replaces a file at `target` unless it is open somewhere.
   */
  async saveAs(target: string): Promise<DocumentInfo> {
    const session = this.#open();
    const key = realPath(target);
    const name = path.basename(key);
    if (key === session.path) return this.info();
    claim(key);
    const temp = `${key}.saving-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      if (!fs.existsSync(path.dirname(key))) throw new DocumentError('not-found', MESSAGES.noFolder(path.dirname(key)));
      if (fs.existsSync(key)) refuseIfLockedElsewhere(key);
      await session.db.backup(temp);
      if (this.#session !== session) throw new DocumentError('closed', MESSAGES.closed());
      // From here to the switch nothing yields, so no change can land in the old file unseen.
      fs.renameSync(temp, key);
      syncFolder(path.dirname(key));
      const opened = openNow(key, name, { undoLimit: session.undoLimit, undoMaxBytes: session.undoMaxBytes, now: session.now });
      if (!('session' in opened)) {
        opened.upgrade.fileDb.close();
        throw new Error('Save As wrote an older schema than this version of Headroom uses');
      }
      this.#session = opened.session;
      openPaths.delete(session.path);
      openPaths.set(key, this);
      if (session.db !== session.fileDb) session.db.close();
      session.fileDb.close();
      return this.info();
    } catch (error) {
      fs.rmSync(temp, { force: true });
      if (openPaths.get(key) === null) openPaths.delete(key);
      throw asDocumentError(error, name);
    }
  }

  /** Releases the file. Safe to call twice. */
  close(): void {
    const session = this.#session;
    if (!session) return;
    this.#session = null;
    openPaths.delete(session.path);
    if (session.db !== session.fileDb) session.db.close();
    session.fileDb.close();
  }
}

/** Save As must not replace a plan that another program has open. */
function refuseIfLockedElsewhere(file: string): void {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, timeout: 0 });
    probe.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (errnoCode(error)?.startsWith('SQLITE_BUSY'))
      throw new DocumentError('open-elsewhere', MESSAGES.openElsewhere(), [], { cause: error });
    // Not a database, or unreadable: nothing holds it, so it may be replaced.
  } finally {
    probe?.close();
  }
}

export type { PlanProblem };
