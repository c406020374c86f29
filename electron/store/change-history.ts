// The change history: the undo log read as a record (no second store). Each stored command
// with its label, when it was stored, whether it is undone, what it touched and the snapshot
// it came after. Commands stored before schema 5 have no time, revision or subjects.
import type Database from 'better-sqlite3';
import type { EditSubjects, HistoryEntry } from '../../shared/snapshots';
import { snapshotMarks } from './snapshots';

interface LogRow {
  readonly position: number;
  readonly label: string;
  readonly storedAt: string | null;
  readonly revision: number | null;
  readonly subjects: string | null;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

function rowsOf(db: Database.Database): LogRow[] {
  let statement = statements.get(db);
  if (!statement) {
    statement = db.prepare(
      'SELECT position, label, stored_at AS storedAt, revision, subjects_json AS subjects FROM undo_log ORDER BY position',
    );
    statements.set(db, statement);
  }
  return statement.all() as LogRow[];
}

const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');

/** The stored subjects, or null when there are none or they cannot be read (the history is a record, not the plan). */
export function parseSubjects(text: string | null): EditSubjects | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    if (!value || !isIdList(value.interventions) || !isIdList(value.streams) || !isIdList(value.scenarios)) return null;
    return { interventions: value.interventions, streams: value.streams, scenarios: value.scenarios };
  } catch {
    return null;
  }
}

/**
 * Every command in the undo log, oldest first. A command "came after" the latest snapshot
 * that froze an earlier revision than the one the command produced (the later-taken one
 * when two froze the same revision).
 */
export function readChangeHistory(db: Database.Database, undoPosition: number): HistoryEntry[] {
  const marks = snapshotMarks(db);
  return rowsOf(db).map((row, index) => {
    let after: { id: number; name: string } | null = null;
    if (row.revision !== null) {
      for (const mark of marks) {
        if (mark.revision >= row.revision) break;
        after = { id: mark.id, name: mark.name };
      }
    }
    return {
      position: index + 1,
      label: row.label,
      storedAt: row.storedAt,
      undone: row.position > undoPosition,
      afterSnapshot: after,
      subjects: parseSubjects(row.subjects),
    };
  });
}
