// The schema of a .headroom plan document (sqlite.org "SQLite As An Application File
// Format"): one file is one plan. Migrations are ordered and applied to reach HEAD_VERSION.
//
// A RELEASED MIGRATION IS NEVER EDITED. A user's file records how far it got
// (`user_version`); changing an old step would leave files that claim a schema they do not
// have. To change the schema, append a new migration with the next version number.
import type Database from 'better-sqlite3';
import { readLegacyPlan } from './legacy-v3';

/** `PRAGMA application_id` of every Headroom plan: "HDRP" in ASCII. Never changes. */
export const HEADROOM_APPLICATION_ID = 0x48445250;

export interface Migration {
  /** The `user_version` the file has once this step is applied: 1, 2, 3, ... with no gaps. */
  readonly version: number;
  readonly description: string;
  /** Synchronous schema changes; runs inside the caller's transaction. */
  readonly up: (db: Database.Database) => void;
}

// Money is integer pence (`*_pence INTEGER`) or a formula (`*_formula TEXT`), never both;
// a required amount has exactly one, an optional one at most one. `position` keeps plan order.
const V1_PLAN_TABLES = `
CREATE TABLE plan_meta (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  format TEXT NOT NULL CHECK (format = 'headroom-plan'),
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  horizon_start TEXT NOT NULL,
  horizon_months INTEGER NOT NULL CHECK (horizon_months BETWEEN 1 AND 240),
  variables_json TEXT CHECK (variables_json IS NULL OR json_valid(variables_json)),
  underwriting_by TEXT,
  underwriting_limit_pence INTEGER CHECK (underwriting_limit_pence >= 0),
  underwriting_limit_formula TEXT CHECK (substr(underwriting_limit_formula, 1, 1) = '='),
  -- 1 when the plan has a scenarios list (possibly empty), held in scenarios.
  has_scenarios INTEGER NOT NULL CHECK (has_scenarios IN (0, 1)),
  notes TEXT,
  CHECK (underwriting_limit_pence IS NULL OR underwriting_limit_formula IS NULL),
  CHECK (underwriting_by IS NULL OR underwriting_limit_pence IS NOT NULL OR underwriting_limit_formula IS NOT NULL)
) STRICT;

CREATE TABLE interventions (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE CHECK (position >= 0),
  name TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('commissioned', 'central')),
  system TEXT,
  area TEXT,
  provider TEXT,
  annual_cost_pence INTEGER CHECK (annual_cost_pence >= 0),
  annual_cost_formula TEXT CHECK (substr(annual_cost_formula, 1, 1) = '='),
  -- 1 when the annual cost is a map per FY, held in intervention_costs.
  annual_cost_by_fy INTEGER NOT NULL CHECK (annual_cost_by_fy IN (0, 1)),
  start_month TEXT,
  end_month TEXT,
  notice_months INTEGER CHECK (notice_months >= 0),
  notice_months_formula TEXT CHECK (substr(notice_months_formula, 1, 1) = '='),
  exit_cost_pence INTEGER CHECK (exit_cost_pence >= 0),
  exit_cost_formula TEXT CHECK (substr(exit_cost_formula, 1, 1) = '='),
  service_users INTEGER CHECK (service_users >= 0),
  priority INTEGER NOT NULL CHECK (priority >= 0),
  -- 1 when partnerShares is present (possibly an empty list), held in partner_shares.
  has_partner_shares INTEGER NOT NULL CHECK (has_partner_shares IN (0, 1)),
  transition_to TEXT,
  transition_capacity INTEGER CHECK (transition_capacity >= 0),
  notes TEXT,
  CHECK ((annual_cost_pence IS NOT NULL) + (annual_cost_formula IS NOT NULL) + annual_cost_by_fy = 1),
  CHECK (notice_months IS NULL OR notice_months_formula IS NULL),
  CHECK (exit_cost_pence IS NULL OR exit_cost_formula IS NULL),
  CHECK ((transition_to IS NULL) = (transition_capacity IS NULL))
) STRICT;

CREATE TABLE intervention_costs (
  intervention_id TEXT NOT NULL REFERENCES interventions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  fy TEXT NOT NULL,
  amount_pence INTEGER CHECK (amount_pence >= 0),
  amount_formula TEXT CHECK (substr(amount_formula, 1, 1) = '='),
  PRIMARY KEY (intervention_id, position),
  UNIQUE (intervention_id, fy),
  CHECK ((amount_pence IS NULL) <> (amount_formula IS NULL))
) STRICT;

CREATE TABLE partner_shares (
  intervention_id TEXT NOT NULL REFERENCES interventions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  from_month TEXT NOT NULL,
  share REAL CHECK (share BETWEEN 0 AND 1),
  share_formula TEXT CHECK (substr(share_formula, 1, 1) = '='),
  partner TEXT NOT NULL,
  PRIMARY KEY (intervention_id, position),
  CHECK ((share IS NULL) <> (share_formula IS NULL))
) STRICT;

CREATE TABLE funding_streams (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE CHECK (position >= 0),
  name TEXT NOT NULL,
  funder TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('grant', 'one-off', 'contribution')),
  -- 1 when restrictedTo is present (possibly an empty list), held in stream_restrictions.
  restricted INTEGER NOT NULL CHECK (restricted IN (0, 1)),
  -- 1 when conditions is present (possibly {}).
  has_conditions INTEGER NOT NULL CHECK (has_conditions IN (0, 1)),
  min_commissioned_share REAL CHECK (min_commissioned_share BETWEEN 0 AND 1),
  min_commissioned_share_formula TEXT CHECK (substr(min_commissioned_share_formula, 1, 1) = '='),
  notes TEXT,
  CHECK (min_commissioned_share IS NULL OR min_commissioned_share_formula IS NULL),
  CHECK (has_conditions = 1 OR (min_commissioned_share IS NULL AND min_commissioned_share_formula IS NULL))
) STRICT;

CREATE TABLE allocations (
  stream_id TEXT NOT NULL REFERENCES funding_streams (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  fy TEXT NOT NULL,
  amount_pence INTEGER CHECK (amount_pence >= 0),
  amount_formula TEXT CHECK (substr(amount_formula, 1, 1) = '='),
  confirmed_on TEXT,
  confirm_delay INTEGER,
  confirm_delay_formula TEXT CHECK (substr(confirm_delay_formula, 1, 1) = '='),
  PRIMARY KEY (stream_id, position),
  CHECK ((amount_pence IS NULL) <> (amount_formula IS NULL)),
  CHECK (confirm_delay IS NULL OR confirm_delay_formula IS NULL)
) STRICT;

CREATE TABLE stream_restrictions (
  stream_id TEXT NOT NULL REFERENCES funding_streams (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  intervention_id TEXT NOT NULL REFERENCES interventions (id),
  PRIMARY KEY (stream_id, position)
) STRICT;
CREATE INDEX stream_restrictions_by_intervention ON stream_restrictions (intervention_id);

CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  position INTEGER NOT NULL UNIQUE CHECK (position >= 0),
  name TEXT NOT NULL,
  stance TEXT CHECK (stance IN ('wait', 'prudent')),
  variables_json TEXT CHECK (variables_json IS NULL OR json_valid(variables_json)),
  underwriting_by TEXT,
  underwriting_limit_pence INTEGER CHECK (underwriting_limit_pence >= 0),
  underwriting_limit_formula TEXT CHECK (substr(underwriting_limit_formula, 1, 1) = '='),
  -- A change replaces the fields it gives and null clears one: kept as the JSON it was.
  changes_json TEXT CHECK (changes_json IS NULL OR json_valid(changes_json)),
  notes TEXT,
  CHECK (underwriting_limit_pence IS NULL OR underwriting_limit_formula IS NULL),
  CHECK (underwriting_by IS NULL OR underwriting_limit_pence IS NOT NULL OR underwriting_limit_formula IS NOT NULL)
) STRICT;
`;

const V2_UNDO_HISTORY = `
CREATE TABLE undo_log (
  id INTEGER PRIMARY KEY,
  -- The step number in the history; entries above document_state.undo_position are the redo tail.
  position INTEGER NOT NULL UNIQUE CHECK (position >= 1),
  label TEXT NOT NULL,
  forward_json TEXT NOT NULL CHECK (json_valid(forward_json)),
  inverse_json TEXT NOT NULL CHECK (json_valid(inverse_json))
) STRICT;

CREATE TABLE document_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision INTEGER NOT NULL CHECK (revision >= 0),
  undo_position INTEGER NOT NULL CHECK (undo_position >= 0)
) STRICT;
INSERT INTO document_state (id, revision, undo_position) VALUES (1, 0, 0);
`;

const V3_UNCERTAINTY = `
ALTER TABLE scenarios ADD COLUMN uncertainty_json TEXT CHECK (uncertainty_json IS NULL OR json_valid(uncertainty_json));
`;

// Schema 4: the plan is one JSON row (electron/store/README.md says why), validated whole by
// shared/validate.ts before every write; CHECK makes SQLite refuse anything but one row of JSON.
const V4_PLAN_ROW = `
CREATE TABLE plan (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL CHECK (json_valid(json))
) STRICT;
`;

// Schema 5: snapshots, named frozen copies of the plan and its results (electron/store/README.md),
// never changed once written; and when each command was stored, at which revision, and what it
// touched, for the change history (NULL in commands stored before schema 5). AUTOINCREMENT: a
// deleted snapshot's id is never given to another.
const V5_SNAPSHOTS = `
CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  -- The name trimmed and case-folded: two snapshots may not differ only in case or spaces.
  name_key TEXT NOT NULL UNIQUE,
  note TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 0),
  plan_json TEXT NOT NULL CHECK (json_valid(plan_json)),
  results_json TEXT NOT NULL CHECK (json_valid(results_json))
) STRICT;
ALTER TABLE undo_log ADD COLUMN stored_at TEXT;
ALTER TABLE undo_log ADD COLUMN revision INTEGER CHECK (revision >= 0);
ALTER TABLE undo_log ADD COLUMN subjects_json TEXT CHECK (subjects_json IS NULL OR json_valid(subjects_json));
`;

// Children before the tables they reference, so that no drop trips a foreign key.
const V3_PLAN_TABLES = [
  'stream_restrictions',
  'allocations',
  'partner_shares',
  'intervention_costs',
  'funding_streams',
  'interventions',
  'scenarios',
  'plan_meta',
];

/** Moves the plan from schema 3's nine tables into the JSON row, then drops those tables. */
function planToJsonRow(db: Database.Database): void {
  db.exec(V4_PLAN_ROW);
  const plan = readLegacyPlan(db);
  if (plan !== undefined) db.prepare('INSERT INTO plan (id, json) VALUES (1, ?)').run(JSON.stringify(plan));
  for (const table of V3_PLAN_TABLES) db.exec(`DROP TABLE ${table}`);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'plan tables',
    up: (db) => {
      db.pragma(`application_id = ${HEADROOM_APPLICATION_ID}`);
      db.exec(V1_PLAN_TABLES);
    },
  },
  { version: 2, description: 'undo history that survives a restart', up: (db) => db.exec(V2_UNDO_HISTORY) },
  { version: 3, description: 'uncertain variables of scenarios (plan-format.md §9)', up: (db) => db.exec(V3_UNCERTAINTY) },
  { version: 4, description: 'the plan as one validated JSON row', up: planToJsonRow },
  { version: 5, description: 'snapshots, and the time, revision and subjects of each stored command', up: (db) => db.exec(V5_SNAPSHOTS) },
];

export const HEAD_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The schema that moved the plan into its JSON row: files from before it have free pages to give back. */
export const PLAN_ROW_VERSION = 4;

/** Refuses a history with gaps or out of order: a mistake to fix in code, never to guess around. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${index} has version ${migration.version}; versions must run 1, 2, 3, ... without gaps`);
    }
  });
}

checkMigrations(MIGRATIONS);

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings a file from `user_version` `from` to the last of `migrations`: the whole run is one
 * transaction (a throw anywhere leaves the file as it was), and each step is a nested
 * transaction together with its own `user_version` bump. Call inside an outer
 * `db.transaction()` to add more work to the same all-or-nothing unit.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  checkMigrations(migrations);
  db.transaction(() => {
    const from = userVersion(db);
    for (const migration of migrations) {
      if (migration.version <= from) continue;
      db.transaction(() => {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
  })();
}
