// Snapshots in a plan document (schema 5, migrations.ts): named, frozen copies of the plan's
// stored JSON text and of its results, one row each (electron/store/README.md says why the
// text is kept whole). A snapshot is never changed once written: nothing here, or anywhere,
// UPDATEs the table, and deleteSnapshotRow is its only DELETE. No transactions here: the
// caller (plan-document.ts) runs each write in its own.
import type Database from 'better-sqlite3';
import { monthShort } from '../../shared/format';
import { parseMonth } from '../../shared/months';
import type { PlanProblem } from '../../shared/resolve';
import { TakeSnapshotSchema, type SnapshotInfo, type TakeSnapshot } from '../../shared/snapshots';

/** The key that makes names unique: trimmed, runs of spaces as one, case-folded ("Q2  Forecast " is "q2 forecast"). */
export function snapshotNameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

interface InfoRow {
  readonly id: number;
  readonly name: string;
  readonly note: string;
  readonly takenAt: string;
  readonly revision: number;
  readonly planName: unknown;
  readonly scenarios: string | null;
}

/** What a list shows; the plan's name and its scenarios are read from the stored JSON by SQLite. */
const INFO = `SELECT id, name, note, taken_at AS takenAt, revision,
  json_extract(plan_json, '$.name') AS planName,
  (SELECT json_group_array(json_object('id', json_extract(value, '$.id'), 'name', json_extract(value, '$.name')))
     FROM json_each(results_json, '$.scenarios')) AS scenarios
  FROM snapshots`;

function prepare(db: Database.Database) {
  return {
    ids: db.prepare('SELECT id FROM snapshots ORDER BY id').pluck(),
    byId: db.prepare(`${INFO} WHERE id = ?`),
    byKey: db.prepare('SELECT id FROM snapshots WHERE name_key = ?').pluck(),
    planJson: db.prepare('SELECT plan_json AS json FROM snapshots WHERE id = ?'),
    resultsJson: db.prepare('SELECT results_json AS json FROM snapshots WHERE id = ?'),
    // The plan's text is copied by SQLite from its row, byte for byte.
    insert: db.prepare(`INSERT INTO snapshots (name, name_key, note, taken_at, revision, plan_json, results_json)
      SELECT @name, @key, @note, @takenAt, @revision, json, @results FROM plan WHERE id = 1`),
    remove: db.prepare('DELETE FROM snapshots WHERE id = ?'),
    marks: db.prepare('SELECT id, name, revision FROM snapshots ORDER BY revision, id'),
  };
}

// A snapshot never changes and its id is never reused, so what was read of it holds for
// the connection's lifetime (reading a list of large plans' results again is not free).
const statements = new WeakMap<Database.Database, ReturnType<typeof prepare> & { infos: Map<number, SnapshotInfo> }>();

function prepared(db: Database.Database): ReturnType<typeof prepare> & { infos: Map<number, SnapshotInfo> } {
  let s = statements.get(db);
  if (!s) {
    s = { ...prepare(db), infos: new Map() };
    statements.set(db, s);
  }
  return s;
}

function scenarioList(text: string | null): SnapshotInfo['scenarios'] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((s: { id?: unknown; name?: unknown }) =>
    typeof s?.id === 'string' && typeof s.name === 'string' ? [{ id: s.id, name: s.name }] : [],
  );
}

/** A row as SnapshotInfo. A damaged row still lists (with what can be read); opening it says it is damaged. */
function toInfo(row: InfoRow): SnapshotInfo {
  return {
    id: row.id,
    name: row.name,
    note: row.note,
    takenAt: row.takenAt,
    revision: row.revision,
    planName: typeof row.planName === 'string' ? row.planName : '',
    scenarios: scenarioList(row.scenarios),
  };
}

export function snapshotById(db: Database.Database, id: number): SnapshotInfo | undefined {
  if (!Number.isSafeInteger(id)) return undefined;
  const s = prepared(db);
  const known = s.infos.get(id);
  if (known) return known;
  const row = s.byId.get(id) as InfoRow | undefined;
  if (!row) return undefined;
  const info = toInfo(row);
  s.infos.set(id, info);
  return info;
}

export function listSnapshots(db: Database.Database): SnapshotInfo[] {
  return (prepared(db).ids.all() as number[]).flatMap((id) => snapshotById(db, id) ?? []);
}

export function snapshotByName(db: Database.Database, name: string): SnapshotInfo | undefined {
  const id = prepared(db).byKey.get(snapshotNameKey(name)) as number | undefined;
  return id === undefined ? undefined : snapshotById(db, id);
}

/** The stored text of a snapshot's plan or results; undefined when there is no such snapshot. */
export function snapshotText(db: Database.Database, id: number, which: 'plan' | 'results'): string | undefined {
  if (!Number.isSafeInteger(id)) return undefined;
  const s = prepared(db);
  const row = (which === 'plan' ? s.planJson : s.resultsJson).get(id) as { json: unknown } | undefined;
  return row === undefined ? undefined : String(row.json);
}

/** Snapshots by the revision they froze, then by id: what the change history places commands after. */
export function snapshotMarks(db: Database.Database): { id: number; name: string; revision: number }[] {
  return prepared(db).marks.all() as { id: number; name: string; revision: number }[];
}

/** "3 Feb 2027" from "2027-02-03T10:15:00.000Z" (the day in UTC, as stored). */
function takenOn(takenAt: string): string {
  const match = /^(\d{4}-\d{2})-(\d{2})/.exec(takenAt);
  return match ? `${Number(match[2])} ${monthShort(parseMonth(match[1]))}` : takenAt;
}

/** The name and note checked, or the problems, at `snapshot.name` / `snapshot.note`. */
export function checkTakeSnapshot(
  db: Database.Database,
  input: unknown,
): { ok: true; value: { name: string; note: string } } | { ok: false; problems: PlanProblem[] } {
  const parsed = TakeSnapshotSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.flatMap((issue) => {
        const at = ['snapshot', ...issue.path.map(String)].join('.');
        if (issue.code === 'unrecognized_keys')
          return issue.keys.map((key) => ({ path: `${at}.${key}`, message: 'is not a field of a snapshot' }));
        return [{ path: at, message: issue.message }];
      }),
    };
  }
  const { name, note = '' } = parsed.data as TakeSnapshot;
  const clash = snapshotByName(db, name);
  if (clash) {
    return {
      ok: false,
      problems: [{ path: 'snapshot.name', message: `A snapshot named "${clash.name}" already exists (taken ${takenOn(clash.takenAt)})` }],
    };
  }
  return { ok: true, value: { name, note } };
}

/** Writes a snapshot of the plan row as it is. Call inside a transaction; returns the new id. */
export function insertSnapshot(
  db: Database.Database,
  row: { name: string; note: string; takenAt: string; revision: number; results: string },
): number {
  const result = prepared(db).insert.run({ ...row, key: snapshotNameKey(row.name) });
  if (result.changes !== 1) throw new Error('the document holds no plan to snapshot');
  return Number(result.lastInsertRowid);
}

/** The only DELETE of a snapshot (the caller has checked the confirmation). */
export function deleteSnapshotRow(db: Database.Database, id: number): boolean {
  const s = prepared(db);
  s.infos.delete(id);
  return s.remove.run(id).changes === 1;
}
