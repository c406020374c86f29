// Shared pieces of the plan-store tests: temp folders, file hashes, plans to store, and
// raw SQLite access for building old-version fixtures and checking files.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { writeLegacyPlan } from '../../electron/store/legacy-v3';
import { migrate, MIGRATIONS } from '../../electron/store/migrations';
import type { Plan } from '../../shared/plan';
import { formatProblem } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export { WORKED_EXAMPLE_PATH, workedExample } from '../fixtures';

/** A fresh folder under the OS temp dir for each call, removed after the test. */
const folders: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-store-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A pinned clock: each reading one minute after the last, from `start`. */
export function pinnedClock(start = '2027-02-03T10:15:00.000Z'): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += 60_000;
    return now;
  };
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function mustBeValid(plan: unknown): Plan {
  const checked = validatePlan(plan);
  if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join('\n'));
  return plan as Plan;
}

/** Recursively sorts object keys: the one normalisation the JSON round trip allows. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export const normalisedJson = (value: unknown) => `${JSON.stringify(sortKeys(value), null, 2)}\n`;

/**
 * A plan using every optional field and every shape of value: formulas for amounts,
 * shares, notice and variables; per-FY cost maps (numbers and formulas); empty lists and
 * empty objects where they differ from absent; pence; notes; scenarios with changes
 * (including null, which clears a field) and uncertainty.
 */
export function richPlan(): Plan {
  return mustBeValid({
    format: 'headroom-plan',
    version: 1,
    name: 'Rich plan: every field',
    horizon: { start: '2020-04', months: 36 },
    variables: { grantLevel: 1, uplift: '=0.02', fte: 3.5 },
    underwriting: { by: 'OPCC', limit: '=250000 * grantLevel' },
    fundingStreams: [
      {
        id: 'ho-core',
        name: 'Home Office core',
        funder: 'Home Office',
        kind: 'grant',
        allocations: [
          { fy: '2020/21', amount: 3307000.45, confirmedOn: '2020-03-20' },
          { fy: '2021/22', amount: '=3307000 * grantLevel', confirmDelay: 2 },
          { fy: '2022/23', amount: 0.01, confirmDelay: '=1 + 1' },
        ],
        conditions: { minCommissionedShare: '=0.2' },
        notes: 'Core grant, confirmed late most years',
      },
      {
        id: 'ring',
        name: 'Ring-fenced',
        funder: 'YJB',
        kind: 'one-off',
        allocations: [{ fy: '2020/21', amount: 50000 }],
        restrictedTo: ['navigators', 'iris'],
        conditions: {},
      },
      { id: 'empty-restriction', name: 'Nothing yet', funder: 'Council', kind: 'contribution', allocations: [], restrictedTo: [] },
      {
        id: 'share-number',
        name: 'Condition as number',
        funder: 'CCG',
        kind: 'contribution',
        allocations: [],
        conditions: { minCommissionedShare: 0.375 },
      },
    ],
    interventions: [
      {
        id: 'iris',
        name: 'IRIS',
        category: 'commissioned',
        system: 'Health',
        area: 'Coventry',
        provider: 'IRISi',
        annualCost: { '2020/21': 180000, '2021/22': '=180000 * (1 + uplift)', '2022/23': 183600.99 },
        start: '2020-06',
        end: '2023-01',
        noticeMonths: '=2',
        exitCost: 6000.5,
        serviceUsers: 40,
        priority: 1,
        partnerShares: [
          { from: '2021-04', share: 0.5, partner: 'Birmingham and Solihull CCG' },
          { from: '2022-04', share: '=min(1, grantLevel)', partner: 'CCG' },
        ],
        transition: { to: 'Local early help teams', capacity: 25 },
        notes: 'Taper to the CCG',
      },
      {
        id: 'navigators',
        name: 'Navigators',
        category: 'central',
        annualCost: '=fte * 30000',
        priority: 2,
        exitCost: '=5000',
        noticeMonths: 0,
        serviceUsers: 0,
        partnerShares: [],
      },
      { id: 'empty-map', name: 'Cost by FY, none yet', category: 'commissioned', annualCost: {}, priority: 3 },
      { id: 'zero', name: 'Zero cost', category: 'commissioned', annualCost: 0, priority: 0, transition: { to: 'Nowhere', capacity: 0 } },
    ],
    scenarios: [
      {
        id: 'cut-25-late',
        name: '25% cut, confirmed in June',
        stance: 'prudent',
        variables: { grantLevel: 0.75 },
        underwriting: { limit: 500000, by: 'PCC' },
        changes: [
          { stream: 'ho-core', fy: '2021/22', amount: '=base * grantLevel', confirmedOn: '2021-06-04', confirmDelay: null },
          { intervention: 'iris', partnerShares: [{ from: '2021-10', share: 1, partner: 'CCG' }], end: null, system: null },
          { stream: 'ring', fy: '2023/24', amount: 1000 },
        ],
        uncertainty: [
          { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 1, max: 1 },
          { variable: 'uplift', dist: 'uniform', min: 0, max: 0.04 },
        ],
        notes: 'What the board fears',
      },
      { id: 'bare', name: 'Bare scenario' },
      { id: 'empty-lists', name: 'Empty lists', stance: 'wait', variables: {}, changes: [], uncertainty: [] },
    ],
    notes: 'A plan that uses everything',
  });
}

/** A plan of `n` interventions with mixed cost shapes, for bulk tests. */
export function largePlan(n: number): Plan {
  const interventions = Array.from({ length: n }, (_, i) => {
    const id = `svc-${String(i + 1).padStart(4, '0')}`;
    const cost = 10000 + (i % 97) * 1000.25;
    const annualCost =
      i % 3 === 0 ? cost : i % 3 === 1 ? { '2020/21': cost, '2021/22': `=${cost} * 1.02`, '2022/23': cost + 1 } : `=${cost} * grantLevel`;
    return {
      id,
      name: `Service ${i + 1}`,
      category: i % 4 === 0 ? 'central' : 'commissioned',
      system: ['Health', 'Education', 'Justice'][i % 3],
      area: `Area ${i % 7}`,
      annualCost,
      priority: i % 10,
      noticeMonths: i % 4,
      serviceUsers: i % 50,
      ...(i % 5 === 0
        ? {
            partnerShares: [
              { from: '2021-04', share: 0.25, partner: 'CCG' },
              { from: '2022-04', share: 1, partner: 'CCG' },
            ],
          }
        : {}),
      ...(i % 6 === 0 ? { transition: { to: 'Early help', capacity: 5 }, exitCost: 1500 } : {}),
    };
  });
  return mustBeValid({
    format: 'headroom-plan',
    version: 1,
    name: `Large plan (${n} interventions)`,
    horizon: { start: '2020-04', months: 36 },
    variables: { grantLevel: 1 },
    underwriting: { by: 'OPCC', limit: 1000000 },
    fundingStreams: [
      {
        id: 'core',
        name: 'Core',
        funder: 'Home Office',
        kind: 'grant',
        allocations: [
          { fy: '2020/21', amount: 4000000, confirmedOn: '2020-03-01' },
          { fy: '2021/22', amount: 3500000, confirmedOn: '2021-06-10' },
          { fy: '2022/23', amount: 3000000 },
        ],
      },
    ],
    interventions,
    scenarios: [
      {
        id: 'cut',
        name: 'Cut',
        variables: { grantLevel: 0.8 },
        changes: [{ stream: 'core', fy: '2021/22', amount: '=base * grantLevel' }],
      },
      { id: 'prudent', name: 'Prudent', stance: 'prudent' },
    ],
  });
}

/** A raw connection for checks a document does not expose (integrity_check, schema). */
export function withRaw<T>(file: string, fn: (db: Database.Database) => T, options: Database.Options = {}): T {
  const db = new Database(file, { fileMustExist: true, ...options });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function integrity(file: string): string {
  return withRaw(file, (db) => db.pragma('integrity_check', { simple: true }) as string);
}

/** The schema as SQLite records it, plus the header values the version gate reads. */
export function schemaOf(file: string) {
  return withRaw(
    file,
    (db) => ({
      userVersion: db.pragma('user_version', { simple: true }),
      applicationId: db.pragma('application_id', { simple: true }),
      sql: db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all(),
    }),
    { readonly: true },
  );
}

/**
 * A file as schema version `version` (1-4) of Headroom wrote it: the plan and history of
 * `source` (a current document, whose plan must not use fields that version could not
 * hold). For 1-3, written into schema 3's tables by the code those versions used
 * (legacy-v3.ts), then copied into the columns that existed at `version`; for 4, the plan
 * row and the undo log's columns of that schema (no times, revisions or subjects).
 */
export function buildOldFixture(source: string, target: string, version: number): void {
  if (version < 1 || version > 4) throw new Error(`buildOldFixture builds schema 1, 2, 3 or 4, not ${version}`);
  const held = withRaw(
    source,
    (db) => ({
      plan: JSON.parse((db.prepare('SELECT json FROM plan').get() as { json: string }).json) as Plan,
      undo: db.prepare('SELECT * FROM undo_log ORDER BY position').all() as Record<string, unknown>[],
      state: db.prepare('SELECT * FROM document_state').get() as Record<string, unknown>,
    }),
    { readonly: true },
  );
  const writeHistory = (db: Database.Database) => {
    const insert = db.prepare(
      'INSERT INTO undo_log (id, position, label, forward_json, inverse_json) VALUES (@id, @position, @label, @forward_json, @inverse_json)',
    );
    for (const { id, position, label, forward_json, inverse_json } of held.undo)
      insert.run({ id, position, label, forward_json, inverse_json });
    db.prepare('UPDATE document_state SET revision = @revision, undo_position = @undo_position WHERE id = 1').run(held.state);
  };
  if (version === 4) {
    withRaw(
      target,
      (db) => {
        db.pragma('journal_mode = DELETE');
        migrate(db, MIGRATIONS.slice(0, 4));
        db.transaction(() => {
          db.prepare('INSERT INTO plan (id, json) VALUES (1, ?)').run(JSON.stringify(held.plan));
          writeHistory(db);
        })();
      },
      { fileMustExist: false },
    );
    return;
  }
  const v3 = path.join(tempDir(), 'schema-3.headroom');
  withRaw(
    v3,
    (db) => {
      migrate(db, MIGRATIONS.slice(0, 3));
      db.transaction(() => {
        writeLegacyPlan(db, held.plan);
        writeHistory(db);
      })();
    },
    { fileMustExist: false },
  );

  const db = new Database(target);
  try {
    db.pragma('journal_mode = DELETE');
    migrate(db, MIGRATIONS.slice(0, version));
    db.prepare('ATTACH DATABASE ? AS v3').run(v3);
    db.transaction(() => {
      // document_state holds one row from its migration: replace it rather than add.
      const tables = db.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' ORDER BY rowid").all() as { name: string }[];
      for (const { name } of tables) db.exec(`DELETE FROM main.${name}`);
      for (const { name } of tables) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).all(name) as { name: string }[]).map((c) => c.name);
        const list = columns.join(', ');
        db.exec(`INSERT INTO main.${name} (${list}) SELECT ${list} FROM v3.${name}`);
      }
    })();
    db.exec('DETACH DATABASE v3');
  } finally {
    db.close();
  }
}
