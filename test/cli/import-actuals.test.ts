// `headroom import-actuals` as a user runs it: the bundled bin, real files, exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPlan } from '../fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MESSY = join(root, 'test/fixtures/extracts/messy-extract.csv');
let dir: string;
let planPath: string;

function headroom(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'out/cli/headroom.cjs'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

beforeAll(async () => {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(root, 'build/scripts/build-cli.mjs')], { cwd: root });
  dir = mkdtempSync(join(tmpdir(), 'headroom-actuals-cli-'));
  const plan = demoPlan();
  plan.interventions.find((i) => i.id === 'navigators')!.ledgerCodes = ['CC1002'];
  plan.interventions.find((i) => i.id === 'iris')!.ledgerCodes = ['CC1009', 'PRJ-IRIS'];
  planPath = join(dir, 'plan.json');
  writeFileSync(planPath, JSON.stringify(plan, null, 2));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function noStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
}

describe('headroom import-actuals', () => {
  it('refuses an unmapped code with its place and the codes to map; writes nothing', () => {
    const out = join(dir, 'refused.json');
    const run = headroom('import-actuals', planPath, MESSY, '--out', out);
    expect(run.code).toBe(1);
    expect(run.err).toContain('messy-extract.csv was not imported (1 problem); the plan is unchanged and nothing was written');
    expect(run.err).toContain("Sheet 'messy-extract', row 11, column B: the code 'cc1000' (and 1 more row) is not a ledger code or id");
    expect(run.err).toContain("'cc1000': 2 rows, £16,000.00");
    noStackTrace(run.err);
    expect(existsSync(out)).toBe(false);
  });

  it('--map writes the ledger code, --out the new plan; an existing file needs --force', () => {
    const out = join(dir, 'new.json');
    const run = headroom('import-actuals', planPath, MESSY, '--map', 'CC1000=central-team', '--out', out);
    expect(run.code).toBe(0);
    expect(run.out).toContain('8 postings matched');
    expect(run.out).toMatch(/navigators\s+£12,630\.10/);
    expect(run.out).toContain('Months replaced for every service: September 2021, October 2021');
    expect(run.out).toContain('Actuals as at October 2021');
    expect(run.out).toContain("+ ledger code 'CC1000' for central-team");
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan.actuals.asAt).toBe('2021-10');
    expect(plan.interventions[0].ledgerCodes).toEqual(['CC1000']);
    expect(headroom('validate', out).code).toBe(0);

    const again = headroom('import-actuals', planPath, MESSY, '--map', 'CC1000=central-team', '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists; give --force to replace it (nothing was written)');
    const forced = headroom(
      'import-actuals',
      planPath,
      MESSY,
      '--map',
      'CC1000=central-team',
      '--out',
      out,
      '--force',
      '--as-at',
      '2021-11',
    );
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).actuals.asAt).toBe('2021-11');
  });

  it('without --out the plan is on standard output and the summary on standard error', () => {
    const run = headroom('import-actuals', planPath, MESSY, '--map', 'CC1000=central-team');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).actuals.spend).toHaveLength(6);
    expect(run.err).toContain('8 postings matched');
  });

  it('--dry-run checks and writes nothing; bad options are usage errors', () => {
    const dry = headroom('import-actuals', planPath, MESSY, '--map', 'CC1000=central-team', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('nothing written (--dry-run)');
    const badMap = headroom('import-actuals', planPath, MESSY, '--map', 'CC1000');
    expect(badMap.code).toBe(1);
    expect(badMap.err).toContain('--map needs CODE=ID');
    const badMonth = headroom('import-actuals', planPath, MESSY, '--as-at', 'Oct 2021');
    expect(badMonth.code).toBe(1);
    expect(badMonth.err).toContain('--as-at needs a month like 2021-09');
    const missing = headroom('import-actuals', planPath, join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.csv: no such file');
    noStackTrace(missing.err);
  });
});
