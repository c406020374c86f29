// `headroom outturn` as a user runs it: the bundled bin (a private build), real files, exit
// codes. The PDF's pages are left under test-results/outturn/ to be looked at.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJson, WORKED_EXAMPLE_PATH } from '../core/helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WITH_ACTUALS = fileURLToPath(new URL('../fixtures/worked-example-actuals.json', import.meta.url));
const pages = join(root, 'test-results/outturn');
// A private build inside the repository (its externals, exceljs and playwright-core, resolve from node_modules).
const bin = join(root, 'out/cli-outturn-test');
let dir: string;

function headroom(...args: string[]) {
  const run = spawnSync(process.execPath, [join(bin, 'headroom.cjs'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-outturn-'));
  execFileSync(process.execPath, [join(root, 'build/scripts/build-cli.mjs'), '--outdir', bin], { cwd: root });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function noStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe('headroom outturn --json', () => {
  it('gives the worked example with actuals to June 2021 in pounds, exact to the penny', () => {
    const { code, out } = headroom('outturn', WITH_ACTUALS, '--fy', '2021/22', '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      plan: 'Worked example with actuals to June 2021',
      scenario: { id: 'base', name: 'Base' },
      fy: '2021/22',
      underwriter: 'OPCC',
      asAt: '2021-06',
      actualMonths: 3,
      funding: 120000,
      drawn: 300,
      underspend: 0,
      budgetDrawn: 0,
      budgetUnderspend: 0,
      commissionedShare: 0.8961,
      requiredShare: 0.2,
      compliant: true,
    });
    expect(json.totals).toEqual({ budget: 120000, actual: 30300, forecast: 90000, outturn: 120300, variance: 300, varianceShare: 0.0025 });
    const line = (id: string) => json.lines.find((l: { id: string }) => l.id === id);
    expect(line('a')).toMatchObject({
      budget: 60000,
      actual: 14800,
      forecast: 45000,
      outturn: 59800,
      variance: -200,
      varianceShare: -0.0033,
    });
    expect(line('c')).toMatchObject({ category: 'central', system: null, variance: 500, varianceShare: 0.0417, commentary: null });
    expect(line('b').outcome).toEqual({ outcome: 'closes', month: '2022-08' });
    expect(json.byCategory.map((g: { label: string; variance: number }) => [g.label, g.variance])).toEqual([
      ['Commissioned', -200],
      ['Central', 500],
    ]);
  });

  it('defaults to the FY of asAt and the base scenario; takes --scenario', () => {
    const { code, out } = headroom('outturn', WITH_ACTUALS, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ fy: '2021/22', scenario: { id: 'base' } });
    const prudent = JSON.parse(headroom('outturn', WITH_ACTUALS, '--scenario', 'prudent', '--json').out);
    expect(prudent.scenario).toEqual({ id: 'prudent', name: 'Serve notice unless confirmed' });
  });
});

describe('headroom outturn, as tables', () => {
  it('heads the report with plan, scenario, FY and the actuals, then says what lapses', () => {
    const { code, out } = headroom('outturn', WITH_ACTUALS);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Worked example with actuals to June 2021: Base [base]');
    expect(lines[1]).toBe('Forecast outturn 2021/22 · Actuals to June 2021');
    expect(out).toMatch(/Service A \(a\)\s+£60,000\.00\s+£14,800\.00\s+£45,000\.00\s+£59,800\.00\s+-£200\.00\s+-0\.33%/);
    expect(out).toMatch(/Central team \(c\)\s+£12,000\.00\s+£3,500\.00\s+£9,000\.00\s+£12,500\.00\s+\+£500\.00\s+\+4\.17%/);
    expect(out).toMatch(/^Total\s+£120,000\.00\s+£30,300\.00\s+£90,000\.00\s+£120,300\.00\s+\+£300\.00\s+\+0\.25%$/m);
    expect(out).toContain("All of 2021/22's funding is forecast to be spent, with £300.00 drawn from OPCC.");
    expect(out).toContain('Grant condition met: 89.61% commissioned, at least 20% required.');
  });

  it('says when there are no actuals, and prints commentary', () => {
    expect(headroom('outturn', WORKED_EXAMPLE_PATH).out.split('\n')[1]).toBe(
      'Forecast outturn 2021/22 · No actuals yet: every month is forecast',
    );
    const plan = readJson(WITH_ACTUALS);
    plan.actuals.commentary = [{ intervention: 'c', fy: '2021/22', text: 'Agency fee\nin June.' }];
    writeFileSync(join(dir, 'noted.json'), JSON.stringify(plan));
    expect(headroom('outturn', 'noted.json').out).toContain('  Central team (c): Agency fee in June.');
  });
});

describe('headroom outturn: bad input, a clear message and exit 1', () => {
  it.each([
    [['--fy', '2030/31'], /^headroom outturn: 2030\/31 is not an FY of the plan's horizon \(2021\/22, 2022\/23\)$/],
    [['--fy', '2021'], /--fy needs an FY like "2021\/22", not "2021"\nUsage: headroom outturn/],
    [['--scenario', 'nope'], /no scenario "nope" in the plan \(it has: base, prudent\)/],
    [['--xlsx', 'out.csv'], /--xlsx needs a \.xlsx file name, not "out\.csv"/],
  ])('headroom outturn PLAN %j', (args, message) => {
    const { code, out, err } = headroom('outturn', WITH_ACTUALS, ...args);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim()).toMatch(message);
    noStackTrace(err);
  });
});

describe('headroom outturn --xlsx and --pdf', () => {
  it('writes the workbook, and refuses to overwrite it without --force', () => {
    const first = headroom('outturn', WITH_ACTUALS, '--xlsx', 'outturn.xlsx');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Wrote outturn\.xlsx \(4 sheets: Outturn, By system, By category, Funding; [\d.]+ KB\) in [\d.]+ m?s\n$/);
    const bytes = readFileSync(join(dir, 'outturn.xlsx'));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const again = headroom('outturn', WITH_ACTUALS, '--xlsx', 'outturn.xlsx');
    expect(again.code).toBe(1);
    expect(again.err).toContain('outturn.xlsx already exists; give --force to replace it (nothing was written)');
    expect(readFileSync(join(dir, 'outturn.xlsx')).equals(bytes)).toBe(true);
    const forced = headroom('outturn', WITH_ACTUALS, '--xlsx', 'outturn.xlsx', '--force', '--json');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.out).fy).toBe('2021/22');
    expect(forced.err).toMatch(/^Wrote outturn\.xlsx/);
  });

  it('prints an A4 landscape PDF, its pages left under test-results/outturn/', () => {
    const plan = readJson(WITH_ACTUALS);
    plan.interventions[0].system = 'Health';
    plan.actuals.commentary = [{ intervention: 'c', fy: '2021/22', text: 'Agency fee of £500 in June for the analyst post.' }];
    writeFileSync(join(dir, 'sample.json'), JSON.stringify(plan));
    const { code, out, err } = headroom('outturn', 'sample.json', '--pdf', 'outturn.pdf');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Wrote outturn\.pdf \(1 A4 landscape page, [\d.]+ KB\) in [\d.]+ m?s\n$/);
    const pdf = join(dir, 'outturn.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    if (!existsSync('/usr/bin/pdftoppm')) return;
    mkdirSync(pages, { recursive: true });
    for (const f of readdirSync(pages)) if (f.startsWith('page')) rmSync(join(pages, f));
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(pages, 'page')]);
    expect(readdirSync(pages).filter((f) => f.startsWith('page'))).toEqual(['page-1.png']);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s+/g, ' ')).toContain("All of 2021/22's funding is forecast to be spent, with £300.00 drawn from OPCC.");
  });
});
