// The plan's place in a document since schema 4: one row of JSON in the table `plan`
// (migrations.ts; electron/store/README.md says why). Nothing here validates: the caller
// validates the whole plan with shared/validate.ts before writing it and after reading it.
import type Database from 'better-sqlite3';
import type { Plan } from '../../shared/plan';
import { StoredDataError } from './document-error';

/** A plan as the file holds it: the JSON text and that text read back, so memory and file agree exactly. */
export interface StoredPlan {
  readonly json: string;
  readonly plan: Plan;
}

export function storedForm(plan: Plan): StoredPlan {
  const json = JSON.stringify(plan);
  return { json, plan: JSON.parse(json) as Plan };
}

const statements = new WeakMap<Database.Database, { read: Database.Statement; write: Database.Statement }>();

function prepared(db: Database.Database) {
  let s = statements.get(db);
  if (!s) {
    s = {
      read: db.prepare('SELECT json FROM plan'),
      write: db.prepare('INSERT INTO plan (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json'),
    };
    statements.set(db, s);
  }
  return s;
}

/** Stores the plan's JSON text (already validated). Call inside a transaction. */
export function writePlanRow(db: Database.Database, json: string): void {
  prepared(db).write.run(json);
}

/** The stored plan, parsed but not yet validated. Throws StoredDataError when the row is missing or unreadable. */
export function readPlanRow(db: Database.Database): unknown {
  const rows = prepared(db).read.all() as { json: unknown }[];
  if (rows.length !== 1) throw new StoredDataError(`the file holds ${rows.length} plans; a plan document holds exactly one`);
  const { json } = rows[0];
  if (typeof json !== 'string') throw new StoredDataError('the stored plan is not text');
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new StoredDataError('the stored plan is not readable JSON');
  }
}
