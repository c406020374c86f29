// The command line as a user runs it: the bundled bin, real files, exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_PATH, readJson, WORKED_EXAMPLE_PATH } from '../core/helpers';
import { PRUDENT, WAIT } from '../fixtures/worked-example-expected';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

function headroom(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'out/cli/headroom.cjs'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(root, 'build/scripts/build-cli.mjs')], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'headroom-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function noStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe('headroom simulate', () => {
  it('--json reproduces section 4 to the penny', () => {
    const { code, out } = headroom('simulate', WORKED_EXAMPLE_PATH, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.plan).toBe('Worked example: wait against prudent');
    expect(json.scenarios.map((s: { id: string }) => s.id)).toEqual(['base', 'prudent']);
    expect(json.scenarios[0].totals).toEqual(WAIT.totals);
    expect(json.scenarios[0].years[1]).toEqual(WAIT.years[1]);
    expect(json.scenarios[1].totals).toEqual(PRUDENT.totals);
  });

  it('--scenario picks scenarios in the order named', () => {
    const { code, out } = headroom('simulate', WORKED_EXAMPLE_PATH, '--scenario', 'prudent', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out).scenarios.map((s: { id: string }) => s.id)).toEqual(['prudent']);
  });

  it('prints a table a treasurer can read for the demo plan', () => {
    const { code, out } = headroom('simulate', DEMO_PLAN_PATH, '--scenario', 'cut-25-june');
    expect(code).toBe(0);
    expect(out).toContain('2021/22');
    expect(out).toMatch(/£3,307,000\.00|£2,680,250\.00/);
    expect(out).toMatch(/\d+ services close/);
  });

  it('with actuals, the table splits each FY into actual and forecast; a closed pipe ends quietly', () => {
    const withActuals = join(root, 'test/fixtures/worked-example-actuals.json');
    const { code, out } = headroom('simulate', withActuals, '--scenario', 'base');
    expect(code).toBe(0);
    expect(out).toContain('Base [base, wait] · actuals to Jun 2021');
    expect(out).toMatch(/2021\/22 +£120,000\.00 +£120,300\.00 +£30,300\.00 +£90,000\.00 +£300\.00/);
    // `headroom simulate ... | head -1`: the reader goes away; no EPIPE stack trace.
    const piped = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${join(root, 'out/cli/headroom.cjs')}" simulate "${DEMO_PLAN_PATH}" | head -1`],
      {
        encoding: 'utf8',
      },
    );
    expect(piped.stdout.trim()).toContain('West Midlands VRU');
    expect(piped.stderr).toBe('');
  });

  it('money in the JSON has at most 2 decimals everywhere', () => {
    const { out } = headroom('simulate', DEMO_PLAN_PATH, '--json');
    const money = [...out.matchAll(/"(funding|spend|drawn|underspend|atRisk|runOn|exitCost|partner)": (-?[\d.]+)/g)];
    expect(money.length).toBeGreaterThan(100);
    for (const [, , value] of money) expect(value).toMatch(/^-?\d+(\.\d{1,2})?$/);
  });
});

describe('bad input: a clear message, exit 1, no stack trace', () => {
  it('a plan with problems lists each with its place', () => {
    const plan = readJson(WORKED_EXAMPLE_PATH);
    plan.fundingStreams[0].allocations[1].fy = '2021/2';
    plan.interventions[2].annualCost = '=12000 * fte';
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(plan));
    const { code, out } = headroom('validate', path);
    expect(code).toBe(1);
    expect(out).toContain('fundingStreams[0].allocations[1].fy: "2021/2" is not an FY like "2021/22"');
    noStackTrace(out);
    const formula = { ...readJson(WORKED_EXAMPLE_PATH) };
    formula.interventions[2].annualCost = '=12000 * fte';
    writeFileSync(path, JSON.stringify(formula));
    const second = headroom('validate', path);
    expect(second.code).toBe(1);
    expect(second.out).toContain('interventions[2].annualCost: unknown name "fte"');
  });

  it.each([
    [['simulate', 'missing.json'], /cannot read missing\.json: no such file/],
    [['simulate', '{file}'], /is not valid JSON/],
    [['simulate', WORKED_EXAMPLE_PATH, '--scenario', 'nope'], /no scenario "nope" in the plan \(it has: base, prudent\)/],
    [['simulate', WORKED_EXAMPLE_PATH, '--bogus'], /Unknown option '--bogus'/],
    [['compare', WORKED_EXAMPLE_PATH, '--scenario', 'base'], /compare needs two to four --scenario options/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['validate'], /missing the plan file/],
  ])('headroom %j', (args, message) => {
    const file = join(dir, 'not-json.json');
    writeFileSync(file, '{ "format": "headroom-plan", ');
    const { code, out, err } = headroom(...args.map((a) => (a === '{file}' ? file : a)));
    expect(code).toBe(1);
    expect(out + err).toMatch(message);
    noStackTrace(out + err);
  });

  it('validate says what is valid', () => {
    const { code, out } = headroom('validate', DEMO_PLAN_PATH);
    expect(code).toBe(0);
    expect(out).toMatch(/valid plan "West Midlands VRU: 2021\/22 cliff edge": 21 interventions, 3 funding streams, 6 scenarios/);
  });
});

describe('headroom compare', () => {
  it('puts scenarios side by side with differences, differing outcomes first', () => {
    const { code, out } = headroom('compare', WORKED_EXAMPLE_PATH, '--scenario', 'base', '--scenario', 'prudent', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const drawn = json.totals.find((r: { key: string }) => r.key === 'drawn');
    expect(drawn.values).toEqual([2900000, 600000]);
    expect(drawn.differences).toEqual([null, -2300000]);
    expect(json.interventions[0]).toEqual({ id: 'a', name: 'Service A', outcomes: ['continues', 'closes 2022-03'], differs: true });
  });

  it('--csv writes pounds, outcomes, and defused text', () => {
    const plan = readJson(WORKED_EXAMPLE_PATH);
    plan.interventions[0].name = '=HYPERLINK("http://evil")';
    const path = join(dir, 'evil.json');
    writeFileSync(path, JSON.stringify(plan));
    const { code, out } = headroom('compare', path, '--scenario', 'base', '--scenario', 'prudent', '--csv');
    expect(code).toBe(0);
    const lines = out.trim().split(/\r?\n/);
    // Columns are headed by scenario names (plan-format.md §8).
    expect(lines[0]).toBe('Section,FY,Item,Base,Serve notice unless confirmed,Serve notice unless confirmed − Base');
    // Each service's detail per scenario, and every notice deadline in date order.
    expect(lines).toContain('Service,,Service B (b): Notice served,2022-06,2022-01,differs');
    expect(lines).toContain(
      'Decision,2022/23,2022-01 Service B (b) notice deadline,"Closes: decided 2022-06, notice served 2022-06, last month 2022-08","Closes: notice at the deadline 2022-01, notice served 2022-01, last month 2022-03",differs',
    );
    expect(lines).toContain('Totals,,Drawn from underwriter,29000.00,6000.00,-23000.00');
    expect(out).toContain(`"'=HYPERLINK(""http://evil"") (a)",continues,closes 2022-03,differs`);
  });
});

describe('headroom import / export', () => {
  it('round-trips the worked example and the demo plan through a .headroom document exactly', () => {
    for (const source of [WORKED_EXAMPLE_PATH, DEMO_PLAN_PATH]) {
      const doc = join(dir, `round-${source.length}.headroom`);
      const back = join(dir, `round-${source.length}.json`);
      expect(headroom('import', source, doc).code).toBe(0);
      expect(headroom('export', doc, back).code).toBe(0);
      expect(readJson(back)).toEqual(readJson(source));
      // Simulating the document gives the same result, field for field, as the JSON.
      expect(headroom('simulate', doc, '--json').out).toBe(headroom('simulate', source, '--json').out);
    }
  });

  it('refuses an invalid plan whole and creates nothing', () => {
    const plan = readJson(WORKED_EXAMPLE_PATH);
    plan.interventions[0].annualCost = -5;
    const json = join(dir, 'negative.json');
    writeFileSync(json, JSON.stringify(plan));
    const doc = join(dir, 'negative.headroom');
    const { code, err } = headroom('import', json, doc);
    expect(code).toBe(1);
    expect(err).toContain('interventions[0].annualCost: -5 is negative; an amount must be 0 or more');
    expect(existsSync(doc)).toBe(false);
  });

  it('never overwrites an existing document, and explains a file that is not a plan', () => {
    const doc = join(dir, 'twice.headroom');
    expect(headroom('import', WORKED_EXAMPLE_PATH, doc).code).toBe(0);
    const again = headroom('import', WORKED_EXAMPLE_PATH, doc);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    const junk = join(dir, 'junk.headroom');
    writeFileSync(junk, 'SQLite format 3\u0000 but not really');
    const result = headroom('simulate', junk);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot open .*junk\.headroom/);
    noStackTrace(result.err);
  });
});
