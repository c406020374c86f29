// A stored plan comes back as it went in: every field, absent stays absent, amounts exact;
// and the document holds it as one validated JSON row (electron/store/README.md).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import { exportJsonText, importJsonFile, loadPlanFromPath } from '../../electron/store/plan-io';
import type { Plan } from '../../shared/plan';
import { largePlan, mustBeValid, normalisedJson, richPlan, tempDir, withRaw, workedExample, WORKED_EXAMPLE_PATH } from './helpers';

async function throughDocument(plan: Plan): Promise<Plan> {
  const file = path.join(tempDir(), 'plan.headroom');
  const created = PlanDocument.create(file, plan);
  expect(created.plan()).toStrictEqual(plan);
  created.close();
  const doc = await PlanDocument.open(file);
  try {
    return doc.plan();
  } finally {
    doc.close();
  }
}

function minimal(overrides: Record<string, unknown> = {}): Plan {
  return mustBeValid({
    format: 'headroom-plan',
    version: 1,
    name: 'Minimal',
    horizon: { start: '2021-04', months: 12 },
    fundingStreams: [],
    interventions: [],
    ...overrides,
  });
}

const storedJson = (file: string) => withRaw(file, (db) => db.prepare('SELECT id, json FROM plan').all() as { id: number; json: string }[]);

describe('plan ↔ document', () => {
  const plans: [string, () => Plan][] = [
    ['worked example', workedExample],
    ['rich plan (formulas, per-FY maps, notes, scenario changes and uncertainty)', richPlan],
    ['minimal plan (no optional field at all)', () => minimal()],
    ['empty scenarios list (differs from none)', () => minimal({ scenarios: [] })],
    ['empty variables object', () => minimal({ variables: {} })],
    ['500 interventions', () => largePlan(500)],
  ];

  it.each(plans)('%s comes back deep-equal', async (_name, make) => {
    expect(await throughDocument(make())).toStrictEqual(make());
  });

  it('keeps absent and present optional fields apart', async () => {
    const back = await throughDocument(richPlan());
    expect(back.fundingStreams[2]).toHaveProperty('restrictedTo', []);
    expect(back.fundingStreams[0]).not.toHaveProperty('restrictedTo');
    expect(back.fundingStreams[1]).toHaveProperty('conditions', {});
    expect(back.fundingStreams[2]).not.toHaveProperty('conditions');
    expect(back.interventions[1]).toHaveProperty('partnerShares', []);
    expect(back.interventions[2]).toHaveProperty('annualCost', {});
    expect(back.interventions[2]).not.toHaveProperty('noticeMonths');
    expect(back.scenarios?.[1]).toStrictEqual({ id: 'bare', name: 'Bare scenario' });
    expect(await throughDocument(minimal())).not.toHaveProperty('scenarios');
  });

  it('holds the plan as one row of JSON beside the undo log and the snapshots, and nothing else', () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, largePlan(50)).close();
    const tables = withRaw(file, (db) => db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all());
    // sqlite_sequence is SQLite's own record of the highest snapshot id ever given (AUTOINCREMENT).
    expect(tables).toEqual([
      { name: 'document_state' },
      { name: 'plan' },
      { name: 'snapshots' },
      { name: 'sqlite_sequence' },
      { name: 'undo_log' },
    ]);
    expect(withRaw(file, (db) => db.prepare('SELECT count(*) AS n FROM snapshots').get())).toEqual({ n: 0 });
    const rows = storedJson(file);
    expect(rows.map((r) => r.id)).toEqual([1]);
    expect(JSON.parse(rows[0].json)).toStrictEqual(largePlan(50));
  });

  it('SQLite refuses a second plan row and text that is not JSON (STRICT, CHECK)', () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, workedExample()).close();
    withRaw(file, (db) => {
      expect(() => db.prepare('INSERT INTO plan (id, json) VALUES (2, ?)').run('{}')).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare('UPDATE plan SET json = ? WHERE id = 1').run('{"name": ')).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare('UPDATE plan SET json = ? WHERE id = 1').run(Buffer.from('{}'))).toThrow(
        /cannot store BLOB value in TEXT column/,
      );
    });
    expect(JSON.parse(storedJson(file)[0].json)).toStrictEqual(workedExample());
  });

  it('refuses to open a stored amount that is not whole pence', async () => {
    const file = path.join(tempDir(), 'plan.headroom');
    PlanDocument.create(file, workedExample()).close();
    withRaw(file, (db) => db.exec("UPDATE plan SET json = json_set(json, '$.fundingStreams[0].allocations[0].amount', 1234.567)"));
    await expect(PlanDocument.open(file)).rejects.toMatchObject({
      kind: 'invalid-plan',
      problems: [
        { path: 'fundingStreams[0].allocations[0].amount', message: '1234.567 is not an amount in pounds with at most 2 decimals' },
      ],
    });
  });
});

describe('JSON → document → JSON', () => {
  // Normalisation: object keys sorted recursively (exportJsonText writes them in the plan
  // format's order, which need not be the order of a hand-written file); nothing else.
  it.each([
    ['worked example', () => fs.readFileSync(WORKED_EXAMPLE_PATH, 'utf8')],
    ['rich plan', () => JSON.stringify(richPlan(), null, 2)],
  ])('%s: equal byte for byte after sorting keys, and export is a fixed point', async (_name, text) => {
    const dir = tempDir();
    const jsonPath = path.join(dir, 'in.json');
    fs.writeFileSync(jsonPath, text());
    const doc = importJsonFile(jsonPath, path.join(dir, 'plan.headroom'));
    doc.close();
    const reopened = await PlanDocument.open(path.join(dir, 'plan.headroom'));
    const exported = exportJsonText(reopened);
    reopened.close();
    expect(normalisedJson(JSON.parse(exported))).toBe(normalisedJson(JSON.parse(text())));

    // Exported text imported again exports to the same bytes, without any normalisation.
    fs.writeFileSync(path.join(dir, 'again.json'), exported);
    const again = importJsonFile(path.join(dir, 'again.json'), path.join(dir, 'again.headroom'));
    expect(exportJsonText(again)).toBe(exported);
    again.close();
  });

  it('import refuses a plan with problems, listing every one, and writes nothing', () => {
    const dir = tempDir();
    const bad = { ...workedExample(), name: 7, interventions: [{ ...workedExample().interventions[0], annualCost: -5 }] };
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
    let error: unknown;
    try {
      importJsonFile(path.join(dir, 'bad.json'), path.join(dir, 'bad.headroom'));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'invalid-plan' });
    const message = (error as Error).message;
    expect(message).toContain('name: expected text, found 7');
    expect(message).toContain('interventions[0].annualCost: -5 is negative');
    expect(fs.readdirSync(dir)).toEqual(['bad.json']);
  });

  it('import refuses to replace an existing file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'in.json'), JSON.stringify(workedExample()));
    fs.writeFileSync(path.join(dir, 'taken.headroom'), 'mine');
    expect(() => importJsonFile(path.join(dir, 'in.json'), path.join(dir, 'taken.headroom'))).toThrow(/already exists/);
    expect(fs.readFileSync(path.join(dir, 'taken.headroom'), 'utf8')).toBe('mine');
  });

  it('loadPlanFromPath reads a .json plan and a .headroom document, and lists problems', async () => {
    const dir = tempDir();
    const docPath = path.join(dir, 'plan.headroom');
    PlanDocument.create(docPath, richPlan()).close();
    expect(await loadPlanFromPath(docPath)).toStrictEqual(richPlan());
    expect(await loadPlanFromPath(WORKED_EXAMPLE_PATH)).toStrictEqual(workedExample());

    // While this process has it open, the plan comes from the open document.
    const doc = await PlanDocument.open(docPath);
    expect(await loadPlanFromPath(docPath)).toBe(doc.plan());
    doc.close();

    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...workedExample(), horizon: { start: '2021-13', months: 0 } }));
    await expect(loadPlanFromPath(path.join(dir, 'bad.json'))).rejects.toThrow(
      /horizon\.start: "2021-13" is not a month[\s\S]*horizon\.months: 0 is below the minimum 1/,
    );
    await expect(loadPlanFromPath(path.join(dir, 'missing.json'))).rejects.toMatchObject({ kind: 'not-found' });
  });
});
