// Plan files are hostile input (reliability.md: file identity; hostile plan files): four bad files give four distinct
// plain-English errors and are never changed; byte-mutated files give a clean error or open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HEAD_VERSION } from '../../electron/store/migrations';
import { DocumentError, PlanDocument } from '../../electron/store/plan-document';
import { largePlan, sha256, tempDir, withRaw, workedExample } from './helpers';

async function openError(file: string): Promise<DocumentError> {
  try {
    const doc = await PlanDocument.open(file);
    doc.close();
  } catch (error) {
    if (error instanceof DocumentError) return error;
    throw error;
  }
  throw new Error(`${file} opened`);
}

type Maker = (file: string) => void;

const BAD_FILES: [string, string, RegExp, Maker][] = [
  [
    'a file that is not SQLite',
    'not-sqlite',
    /is not a Headroom plan: it is not a plan document at all/,
    (file) => {
      fs.writeFileSync(file, 'Service,Cost\nIRIS,180000\n'.repeat(200));
    },
  ],
  [
    "another program's SQLite database",
    'not-headroom',
    /is a database made by another program/,
    (file) => {
      const db = new Database(file);
      db.pragma('journal_mode = DELETE');
      db.exec("CREATE TABLE budgets (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO budgets (name) VALUES ('Household');");
      db.pragma('user_version = 2');
      db.close();
    },
  ],
  [
    'a plan from a newer Headroom',
    'newer-version',
    new RegExp(`saved by a newer version of Headroom \\(file version ${HEAD_VERSION + 1}; this version reads up to ${HEAD_VERSION}\\)`),
    (file) => {
      PlanDocument.create(file, workedExample()).close();
      withRaw(file, (db) => db.pragma(`user_version = ${HEAD_VERSION + 1}`));
    },
  ],
  [
    'a truncated plan',
    'corrupt',
    /is damaged or incomplete/,
    (file) => {
      PlanDocument.create(file, largePlan(200)).close();
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2) + 1234);
    },
  ],
];

describe('four bad files', () => {
  it.each(BAD_FILES)('%s: its own error, and the file is unchanged', async (_name, kind, message, make) => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.headroom');
    make(file);
    const hash = sha256(file);
    const error = await openError(file);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dir)).toEqual(['plan.headroom']);
  });

  it('gives four different messages', async () => {
    const messages = new Set<string>();
    for (const [, , , make] of BAD_FILES) {
      const file = path.join(tempDir(), 'plan.headroom');
      make(file);
      messages.add((await openError(file)).message);
    }
    expect(messages.size).toBe(4);
  });

  // With a journal next to the file SQLite may restore an older header first, so the
  // checks run again after SQLite has opened it: same verdicts, file still unchanged.
  it.each(BAD_FILES)('%s, with a stale journal beside it: the same error', async (_name, kind, _message, make) => {
    const file = path.join(tempDir(), 'plan.headroom');
    make(file);
    fs.writeFileSync(`${file}-journal`, '');
    const hash = sha256(file);
    expect((await openError(file)).kind).toBe(kind);
    expect(sha256(file)).toBe(hash);
  });

  it('an empty file and a file cut inside its header are damaged, not foreign', async () => {
    const dir = tempDir();
    const empty = path.join(dir, 'empty.headroom');
    fs.writeFileSync(empty, '');
    expect((await openError(empty)).kind).toBe('corrupt');
    const cut = path.join(dir, 'cut.headroom');
    PlanDocument.create(cut, workedExample()).close();
    fs.truncateSync(cut, 60);
    expect((await openError(cut)).kind).toBe('corrupt');
    expect((await openError(path.join(dir, 'missing.headroom'))).kind).toBe('not-found');
    expect((await openError(dir)).kind).toBe('not-sqlite');
  });

  it('refuses a plan carrying a trigger, without running it', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, workedExample()).close();
    withRaw(file, (db) => db.exec('CREATE TRIGGER wipe AFTER UPDATE ON plan BEGIN DELETE FROM undo_log; END;'));
    const hash = sha256(file);
    const error = await openError(file);
    expect(error.kind).toBe('unsafe-content');
    expect(error.message).toMatch(/contains database code/);
    expect(sha256(file)).toBe(hash);
  });

  it('refuses a stored plan that does not validate, listing its problems', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, workedExample()).close();
    withRaw(file, (db) =>
      db.exec("UPDATE plan SET json = json_set(json, '$.fundingStreams[0].allocations[0].amount', '=cos.constructor')"),
    );
    const hash = sha256(file);
    const error = await openError(file);
    expect(error.kind).toBe('invalid-plan');
    expect(error.problems.map((p) => p.path)).toContain('fundingStreams[0].allocations[0].amount');
    expect(sha256(file)).toBe(hash);
  });
});

describe('fuzz: byte mutations of a valid plan', () => {
  it('500 mutated files each open cleanly or give a DocumentError, and none is changed', async () => {
    const dir = tempDir();
    const original = path.join(dir, 'original.headroom');
    PlanDocument.create(original, workedExample()).close();
    const bytes = fs.readFileSync(original);
    let seed = 20210401;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const mutated = Buffer.from(bytes);
      const count = 1 + Math.floor(random() * 8);
      for (let k = 0; k < count; k++) {
        // Half the mutations hit the first page (header and schema), where damage matters most.
        const at = random() < 0.5 ? Math.floor(random() * 4096) : Math.floor(random() * mutated.length);
        mutated[at] = Math.floor(random() * 256);
      }
      const file = path.join(dir, `m${i}.headroom`);
      fs.writeFileSync(file, mutated);
      const hash = sha256(file);
      let outcome = 'ok';
      try {
        (await PlanDocument.open(file)).close();
      } catch (error) {
        if (!(error instanceof DocumentError)) throw new Error(`mutation ${i}: ${String(error)}`, { cause: error });
        outcome = error.kind;
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      expect(sha256(file), `mutation ${i} (${outcome}) changed the file`).toBe(hash);
      fs.rmSync(file);
      for (const extra of fs.readdirSync(dir)) if (extra.startsWith(`m${i}.`)) fs.rmSync(path.join(dir, extra));
    }
    // Both kinds occur: the mutations reach data that matters and data that does not.
    expect(outcomes.get('ok')).toBeGreaterThan(0);
    expect(outcomes.get('corrupt')).toBeGreaterThan(0);
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(500);
  });
});
