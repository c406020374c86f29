// Snapshots from the command line as a user runs them: the bundled bin (a private build), a
// document made by `headroom import` of the demo plan in a temp dir, real files, exit codes.
// The steps run in order: a snapshot, the plan replaced, then the comparisons against it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanDocument } from '../../electron/store/plan-document';
import { HISTORY_COLUMNS } from '../../shared/history-csv';
import { planJsonText } from '../../shared/json-text';
import { validatePlan } from '../../shared/validate';
import { DEMO_PLAN_PATH, readJson } from '../core/helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
// A private build inside the repository (its externals resolve from node_modules).
const bin = join(root, 'out/cli-snapshots-test');
const NAME = 'Budget as approved';
const CUT = 'cut-25-june';
const TIME = /^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2} UTC$/;
let dir: string;
let started: number;
/** `headroom export` of the document as imported, before any change. */
let exported: string;

function headroom(...args: string[]) {
  const run = spawnSync(process.execPath, [join(bin, 'headroom.cjs'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function ok(...args: string[]): string {
  const run = headroom(...args);
  expect(run.err, run.err).not.toMatch(/\n\s+at /);
  expect(run.code, run.err).toBe(0);
  return run.out;
}

/** The demo plan with the 25% cut scenario's grant level changed (to 60%), or changed as `edit` says. */
function writePlan(file: string, edit: (plan: any) => void) {
  const plan = readJson(DEMO_PLAN_PATH);
  edit(plan);
  writeFileSync(join(dir, file), JSON.stringify(plan, null, 2));
}
const cutTo60 = (plan: any) => (plan.scenarios.find((s: { id: string }) => s.id === CUT).variables.grantLevel = 0.6);

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'build/scripts/build-cli.mjs'), '--outdir', bin], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'headroom-snapshots-'));
  started = Date.now();
  ok('import', DEMO_PLAN_PATH, 'plan.headroom');
  exported = ok('export', 'plan.headroom');
  writePlan('cut.json', cutTo60);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('headroom snapshot and snapshots', () => {
  it('a document with none says so', () => {
    expect(ok('snapshots', 'plan.headroom')).toMatch(/^plan\.headroom has no snapshots yet/);
    expect(JSON.parse(ok('snapshots', 'plan.headroom', '--json'))).toEqual({ document: 'plan.headroom', snapshots: [] });
  });

  it('takes a snapshot; a duplicate name (spaces and case aside) or an empty one is refused and changes nothing', () => {
    expect(ok('snapshot', 'plan.headroom', '--name', NAME, '--note', 'As approved by\nthe board').trim()).toBe(
      `plan.headroom: snapshot "${NAME}" taken (6 scenarios)`,
    );
    const duplicate = headroom('snapshot', 'plan.headroom', '--name', ' budget  AS approved ');
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toContain(`headroom snapshot: plan.headroom: A snapshot named "${NAME}" already exists`);
    expect(duplicate.err).toContain('nothing was changed');
    const empty = headroom('snapshot', 'plan.headroom', '--name', '   ');
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('a snapshot needs a name');
    const missing = headroom('snapshot', 'plan.headroom');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('--name is required');
    expect(JSON.parse(ok('snapshots', 'plan.headroom', '--json')).snapshots).toHaveLength(1);
  });

  it('lists them as a table and as JSON', () => {
    const { document, snapshots } = JSON.parse(ok('snapshots', 'plan.headroom', '--json'));
    expect(document).toBe('plan.headroom');
    const demo = readJson(DEMO_PLAN_PATH);
    expect(snapshots[0]).toMatchObject({ name: NAME, note: 'As approved by\nthe board', revision: 0, planName: demo.name });
    expect(snapshots[0].scenarios.map((s: { id: string }) => s.id)).toEqual(['base', ...demo.scenarios.map((s: { id: string }) => s.id)]);
    const taken = Date.parse(snapshots[0].takenAt);
    expect(taken).toBeGreaterThanOrEqual(started - 1000);
    expect(taken).toBeLessThanOrEqual(Date.now());
    const lines = ok('snapshots', 'plan.headroom').trimEnd().split('\n');
    expect(lines[0]).toBe('plan.headroom: 1 snapshot, oldest first');
    expect(lines[2]).toMatch(/^Name +Taken +Scenarios +Note$/);
    const row = lines[4];
    expect(row.startsWith(NAME)).toBe(true);
    expect(row).toContain('base, flat-april, flat-june, cut-25-june, no-grant, flat-june-prudent');
    expect(row.endsWith('As approved by the board')).toBe(true);
    const d = new Date(taken);
    const minutes = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    const time = row.slice(lines[2].indexOf('Taken'), lines[2].indexOf('Scenarios')).trim();
    expect(time).toMatch(TIME);
    expect(time).toContain(`${d.getUTCFullYear()} ${minutes} UTC`);
  });

  it('is refused while the document is open elsewhere', async () => {
    const held = await PlanDocument.open(join(dir, 'plan.headroom'));
    try {
      const run = headroom('snapshot', 'plan.headroom', '--name', 'While open');
      expect(run.code).toBe(1);
      expect(run.err).toContain('cannot open plan.headroom: This plan is open in another window or program');
    } finally {
      held.close();
    }
    expect(JSON.parse(ok('snapshots', 'plan.headroom', '--json')).snapshots.map((s: { name: string }) => s.name)).toEqual([NAME]);
  });
});

describe('headroom import --replace', () => {
  it('without --replace an existing document is refused', () => {
    const run = headroom('import', 'cut.json', 'plan.headroom');
    expect(run.code).toBe(1);
    expect(run.err).toContain('plan.headroom already exists');
  });

  it('a plan with problems: every problem listed, the document untouched', () => {
    writePlan('bad.json', (plan) => {
      cutTo60(plan);
      plan.interventions[0].priority = 'first';
      plan.interventions[1].noticeMonth = 3;
    });
    const run = headroom('import', 'bad.json', 'plan.headroom', '--replace');
    expect(run.code).toBe(1);
    expect(run.err).toContain('bad.json is not a valid plan (2 problems)');
    expect(run.err).toMatch(/interventions\[0\]\.priority/);
    expect(run.err).toMatch(/interventions\[1\]/);
    expect(ok('history', 'plan.headroom').trim()).toBe('plan.headroom: no changes stored yet');
  });

  it('replaces the plan as one step and says what changed; the same plan again stores nothing', () => {
    const lines = ok('import', 'cut.json', 'plan.headroom', '--replace').trimEnd().split('\n');
    expect(lines[0]).toBe('plan.headroom: replaced the plan from cut.json: 3 changes stored as one step; undo it in the app');
    expect(lines.slice(1)).toEqual([
      '  In "25% cut, confirmed in June": Serious Violence Fund: VRU grant 2021/22: £2,480,250 → £1,984,200',
      '  In "25% cut, confirmed in June": Serious Violence Fund: VRU grant 2022/23: £2,480,250 → £1,984,200',
      '  In "25% cut, confirmed in June": Variable grantLevel: 0.75 → 0.6 in each FY',
    ]);
    expect(ok('import', 'cut.json', 'plan.headroom', '--replace').trim()).toBe(
      'plan.headroom: already the same plan as cut.json; nothing was stored',
    );
    expect(JSON.parse(ok('snapshots', 'plan.headroom', '--json')).snapshots).toHaveLength(1);
    const history = ok('history', 'plan.headroom', '--csv').trimEnd().split('\n');
    expect(history).toHaveLength(2);
  });
});

describe('headroom compare --against', () => {
  const args = ['compare', 'plan.headroom', '--scenario', CUT, '--against', `budget as approved:${CUT}`];

  it('prints the comparison with the snapshot first, then what changed since it', () => {
    const out = ok(...args);
    expect(out.split('\n')[0]).toBe(
      `West Midlands VRU: 2021/22 cliff edge: ${NAME}: 25% cut, confirmed in June [${CUT}] against Now: 25% cut, confirmed in June [${CUT}]`,
    );
    expect(out).toMatch(new RegExp(` +${NAME} +Now +Now − ${NAME}\n`));
    const outcomes = out
      .slice(out.indexOf('Outcomes (those that differ first)'), out.indexOf('What changed'))
      .trimEnd()
      .split('\n')
      .slice(3);
    const marked = outcomes.map((line) => line.startsWith('* '));
    expect(marked[0]).toBe(true);
    expect(marked.indexOf(false)).toBe(marked.lastIndexOf(true) + 1);
    expect(out.trimEnd().split('\n').slice(-4)).toEqual([
      `What changed since "${NAME}":`,
      '  Serious Violence Fund: VRU grant 2021/22: £2,480,250 → £1,984,200',
      '  Serious Violence Fund: VRU grant 2022/23: £2,480,250 → £1,984,200',
      '  Variable grantLevel: 0.75 → 0.6 in each FY',
    ]);
  });

  it('--json: the snapshot compared against, the closures that changed first, the allocation named; figures as simulated', () => {
    const json = JSON.parse(ok(...args, '--json'));
    const snapshot = JSON.parse(ok('snapshots', 'plan.headroom', '--json')).snapshots[0];
    expect(json.plan).toBe('West Midlands VRU: 2021/22 cliff edge');
    expect(json.against).toEqual({ snapshot, scenario: CUT });
    const differs = json.interventions.map((r: { differs: boolean }) => r.differs);
    expect(differs.indexOf(false)).toBe(differs.lastIndexOf(true) + 1);
    const newlyClosed = json.interventions.filter(
      (r: { outcomes: string[] }) => r.outcomes[1].startsWith('closes') && !r.outcomes[0].startsWith('closes'),
    );
    expect(newlyClosed.map((r: { id: string }) => r.id)).toEqual(['hospital-reachable', 'resettlement', 'iris']);
    expect(json.interventions.slice(0, 3)).toEqual(newlyClosed);
    expect(json.changes).toContainEqual({
      kind: 'allocation',
      subject: 'ho-core',
      text: 'Serious Violence Fund: VRU grant 2021/22: £2,480,250 → £1,984,200',
    });
    // The snapshot's column is the original plan simulated, today's the changed one (compare --json is in pence).
    const then = JSON.parse(ok('simulate', DEMO_PLAN_PATH, '--scenario', CUT, '--json')).scenarios[0];
    const now = JSON.parse(ok('simulate', 'cut.json', '--scenario', CUT, '--json')).scenarios[0];
    const spend = json.totals.find((r: { key: string }) => r.key === 'spend');
    expect(spend.values).toEqual([Math.round(then.totals.spend * 100), Math.round(now.totals.spend * 100)]);
    expect(spend.differences[1]).toBe(spend.values[1] - spend.values[0]);
  });

  it('--csv ends with a What changed row per change', () => {
    const lines = ok(...args, '--csv')
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]).toContain(`"${NAME}: 25% cut, confirmed in June","Now: 25% cut, confirmed in June"`);
    expect(lines.slice(-3)).toEqual([
      'What changed,,"Serious Violence Fund: VRU grant 2021/22: £2,480,250 → £1,984,200",allocation,ho-core',
      'What changed,,"Serious Violence Fund: VRU grant 2022/23: £2,480,250 → £1,984,200",allocation,ho-core',
      'What changed,,Variable grantLevel: 0.75 → 0.6 in each FY,other,grantLevel',
    ]);
  });

  it('--xlsx writes the workbook with its Changes sheet', async () => {
    const out = ok(...args, '--xlsx', 'against.xlsx');
    expect(out).toMatch(/^Wrote against\.xlsx \(6 sheets: Summary, Changes, Years, Interventions, Decisions, Monthly; [\d.]+ KB\) in /);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'against.xlsx')) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Changes', 'Years', 'Interventions', 'Decisions', 'Monthly']);
    const texts: unknown[] = [];
    book.getWorksheet('Changes')!.eachRow((row) => texts.push(row.getCell(1).value));
    expect(texts).toContain('Serious Violence Fund: VRU grant 2022/23: £2,480,250 → £1,984,200');
  });

  it('refuses an unknown snapshot, a bad reference, two scenarios and a JSON plan, each plainly', () => {
    const unknown = headroom('compare', 'plan.headroom', '--scenario', CUT, '--against', 'Forecast Q2:base');
    expect(unknown.code).toBe(1);
    expect(unknown.err.trim()).toBe(`headroom compare: no snapshot "Forecast Q2" in plan.headroom (it has: "${NAME}")`);
    const bad = headroom('compare', 'plan.headroom', '--scenario', CUT, '--against', 'NoColon');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--against needs "SNAPSHOT NAME:SCENARIO"');
    expect(bad.err).toContain('not "NoColon"');
    const two = headroom('compare', 'plan.headroom', '--scenario', CUT, '--scenario', 'base', '--against', `${NAME}:${CUT}`);
    expect(two.code).toBe(1);
    expect(two.err).toContain('with --against, give exactly one --scenario');
    const json = headroom('compare', 'cut.json', '--scenario', CUT, '--against', `${NAME}:${CUT}`);
    expect(json.code).toBe(1);
    expect(json.err).toContain('--against needs a .headroom document');
    expect(json.err).toContain('Usage: ');
    const scenario = headroom('compare', 'plan.headroom', '--scenario', CUT, '--against', `${NAME}:nope`);
    expect(scenario.err).toContain(`no scenario "nope" in snapshot "${NAME}" (it has: base,`);
    for (const run of [unknown, bad, two, json, scenario]) expect(run.err).not.toMatch(/\n\s+at /);
  });
});

describe('headroom history', () => {
  it('lists the replace with its time, after the snapshot; --csv gives the same', () => {
    const lines = ok('history', 'plan.headroom').trimEnd().split('\n');
    expect(lines[0]).toBe('plan.headroom: 1 stored change, oldest first');
    expect(lines[2]).toMatch(/^Step +Time +Change +State +After snapshot$/);
    const cells = lines[4].trim().split(/ {2,}/);
    expect(cells[0]).toBe('1');
    expect(cells[1]).toMatch(TIME);
    expect(cells.slice(2)).toEqual(['Import plan from cut.json', NAME]);
    const csv = ok('history', 'plan.headroom', '--csv').trimEnd().split(/\r?\n/);
    expect(csv[0]).toBe(HISTORY_COLUMNS.join(','));
    const [step, time, label, state, after, , , scenarios] = csv[1].split(',');
    expect([step, label, state, after, scenarios]).toEqual(['1', 'Import plan from cut.json', '', NAME, CUT]);
    expect(Date.parse(time)).toBeGreaterThanOrEqual(started - 1000);
    expect(Date.parse(time)).toBeLessThanOrEqual(Date.now());
  });

  it('--service and --stream keep the changes that touched them', () => {
    writePlan('mvp.json', (plan) => {
      cutTo60(plan);
      plan.interventions.find((i: { id: string }) => i.id === 'mvp').annualCost = 250000;
    });
    expect(ok('import', 'mvp.json', 'plan.headroom', '--replace')).toContain('1 change stored as one step');
    const mvp = ok('history', 'plan.headroom', '--service', 'mvp').trimEnd().split('\n');
    expect(mvp[0]).toBe('plan.headroom: 1 stored change touching service "mvp", oldest first');
    expect(mvp[4]).toMatch(/^ +2 .+ Import plan from mvp\.json +Budget as approved$/);
    expect(ok('history', 'plan.headroom').trimEnd().split('\n')).toHaveLength(6);
    const csv = ok('history', 'plan.headroom', '--service', 'mvp', '--csv').trimEnd().split(/\r?\n/);
    expect(csv.map((line) => line.split(',')[0])).toEqual(['Step', '2']);
    // The cut to 60% is the scenario's grantLevel, which the grant's allocations use: it is filed under the stream.
    const grant = ok('history', 'plan.headroom', '--stream', 'ho-core').trimEnd().split('\n');
    expect(grant[0]).toBe('plan.headroom: 1 stored change touching funding stream "ho-core", oldest first');
    expect(grant[4]).toMatch(/^ +1 .+ Import plan from cut\.json +Budget as approved$/);
    expect(grant).toHaveLength(5);
  });
});

describe('headroom outturn --budget and export --snapshot', () => {
  it("forecasts the outturn against the snapshot's scenario as it was", () => {
    const base = ['outturn', 'plan.headroom', '--scenario', CUT, '--fy', '2021/22', '--json'];
    const against = JSON.parse(ok(...base, '--budget', `${NAME}:${CUT}`));
    expect(against.budgetSource).toBe(`${NAME}: 25% cut, confirmed in June`);
    const then = JSON.parse(ok('simulate', DEMO_PLAN_PATH, '--scenario', CUT, '--json')).scenarios[0];
    const now = JSON.parse(ok('simulate', 'plan.headroom', '--scenario', CUT, '--json')).scenarios[0];
    const fy = (r: { years: { fy: string; spend: number }[] }) => r.years.find((y) => y.fy === '2021/22')!.spend;
    expect(against.totals.budget).toBe(fy(then));
    expect(against.totals.outturn).toBe(fy(now));
    expect(against.totals.variance).toBe(Math.round((fy(now) - fy(then)) * 100) / 100);
    expect(against.totals.variance).not.toBe(0);
    // Without --budget the budget is the plan as it is now.
    expect(JSON.parse(ok(...base)).totals.budget).toBe(fy(now));
    expect(ok(...base.slice(0, -1), '--budget', `${NAME}:${CUT}`)).toContain(`Budget: ${NAME}: 25% cut, confirmed in June`);
    const json = headroom('outturn', 'cut.json', '--budget', `${NAME}:${CUT}`);
    expect(json.code).toBe(1);
    expect(json.err).toContain('--budget needs a .headroom document');
  });

  it("writes the snapshot's plan JSON exactly as the plan was when it was taken", () => {
    const checked = validatePlan(readJson(DEMO_PLAN_PATH));
    if (!checked.ok) throw new Error('the demo plan does not validate');
    const original = planJsonText(checked.plan);
    expect(exported).toBe(original);
    ok('export', 'plan.headroom', 'snapshot.json', '--snapshot', 'BUDGET as approved');
    expect(readFileSync(join(dir, 'snapshot.json'), 'utf8')).toBe(original);
    expect(ok('export', 'plan.headroom', '--snapshot', NAME)).toBe(original);
    expect(ok('export', 'plan.headroom')).not.toBe(original);
    const unknown = headroom('export', 'plan.headroom', '--snapshot', 'Nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err.trim()).toBe(`headroom export: no snapshot "Nope" in plan.headroom (it has: "${NAME}")`);
  });
});
