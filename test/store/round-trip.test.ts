// readPlan(writePlan(plan)) is the plan: every field, absent stays absent, pence exact.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../electron/store/migrations';
import { PlanDocument } from '../../electron/store/plan-document';
import { exportJsonText, importJsonFile, loadPlanFromPath } from '../../electron/store/plan-io';
import { canonicalPlan, readPlan, writePlan } from '../../electron/store/plan-tables';
import type { Plan } from '../../shared/plan';
import { largePlan, mustBeValid, normalisedJson, richPlan, tempDir, withRaw, workedExample, WORKED_EXAMPLE_PATH } from './helpers';

function throughSqlite(plan: Plan): Plan {
  const db = new Database(':memory:');
  try {
    migrate(db);
    db.transaction(() => writePlan(db, plan))();
    return readPlan(db);
  } finally {
    db.close();
  }
}

function minimal(overrides: Record<string, unknown> = {}): Plan {
  return mustBeValid({
    format: 'headroom-plan', version: 1, name: 'Minimal', horizon: { start: '2021-04', months: 12 },
    fundingStreams: [], interventions: [], ...overrides,
  });
}

describe('plan ↔ tables', () => {
  const plans: [string, () => Plan][] = [
    ['worked example', workedExample],
    ['rich plan (formulas, per-FY maps, notes, scenario changes and uncertainty)', richPlan],
    ['minimal plan (no optional field at all)', () => minimal()],
    ['empty scenarios list (differs from none)', () => minimal({ scenarios: [] })],
    ['empty variables object', () => minimal({ variables: {} })],
    ['500 interventions', () => largePlan(500)],
  ];

  it.each(plans)('%s comes back deep-equal', (_name, make) => {
    const plan = make();
    expect(throughSqlite(plan)).toStrictEqual(plan);
    expect(canonicalPlan(plan)).toStrictEqual(plan);
  });

  it('keeps absent and present optional fields apart', () => {
    const back = throughSqlite(richPlan());
    expect(back.fundingStreams[2]).toHaveProperty('restrictedTo', []);
    expect(back.fundingStreams[0]).not.toHaveProperty('restrictedTo');
    expect(back.fundingStreams[1]).toHaveProperty('conditions', {});
    expect(back.fundingStreams[2]).not.toHaveProperty('conditions');
    expect(back.interventions[1]).toHaveProperty('partnerShares', []);
    expect(back.interventions[2]).toHaveProperty('annualCost', {});
    expect(back.interventions[2]).not.toHaveProperty('noticeMonths');
    expect(back.scenarios?.[1]).toStrictEqual({ id: 'bare', name: 'Bare scenario' });
    expect(throughSqlite(minimal())).not.toHaveProperty('scenarios');
  });

  it('stores money as integer pence or a formula, never both (STRICT tables)', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.transaction(() => writePlan(db, richPlan()))();
    const iris = db.prepare("SELECT annual_cost_pence, annual_cost_formula, exit_cost_pence FROM interventions WHERE id = 'iris'").get();
    expect(iris).toEqual({ annual_cost_pence: null, annual_cost_formula: null, exit_cost_pence: 600050 });
    const costs = db.prepare("SELECT fy, amount_pence, amount_formula FROM intervention_costs WHERE intervention_id = 'iris' ORDER BY position").all();
    expect(costs).toEqual([
      { fy: '2020/21', amount_pence: 18000000, amount_formula: null },
      { fy: '2021/22', amount_pence: null, amount_formula: '=180000 * (1 + uplift)' },
      { fy: '2022/23', amount_pence: 18360099, amount_formula: null },
    ]);
    const insert = db.prepare("INSERT INTO allocations (stream_id, position, fy, amount_pence, amount_formula) VALUES ('ring', 9, '2030/31', ?, ?)");
    expect(() => insert.run(1.5, null)).toThrow(/cannot store REAL value in INTEGER column/);
    // '12.30' is converted to REAL 12.3 on the way in, and refused all the same.
    expect(() => insert.run('12.30', null)).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => insert.run(100, '=1')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(null, null)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(-1, null)).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('refuses to read pence that are not exact integers', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.transaction(() => writePlan(db, workedExample()))();
    db.prepare("UPDATE allocations SET amount_pence = 9007199254740993 WHERE position = 0").run();
    expect(() => readPlan(db)).toThrow(/not a whole number this program can hold exactly/);
    db.close();
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

  it('a document stores the plan in its tables, one row per intervention', () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.headroom');
    PlanDocument.create(file, largePlan(50)).close();
    const count = withRaw(file, (db) => db.prepare('SELECT count(*) AS n FROM interventions').get());
    expect(count).toEqual({ n: 50 });
  });
});
