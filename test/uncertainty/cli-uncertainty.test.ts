// risk, ladder and breakeven on the command line, and the worker pool behind risk. The CLI
// and its worker are built into a private folder, as `npm install` builds them into out/cli.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { closeRiskPools, runRiskPool } from '../../electron/risk/pool';
import { runDraws } from '../../shared/uncertainty/risk';
import { summariseRisk } from '../../shared/uncertainty/risk-summary';
import { handoverPlanJson, uncertainDemoJson, valid } from './plans';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let workerFile: string;
let demoPath: string;
let handoverPath: string;
let widePath: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-uncertainty-'));
  execFileSync(process.execPath, [join(root, 'build/scripts/build-cli.mjs'), '--outdir', join(dir, 'cli')], { cwd: root });
  workerFile = join(dir, 'cli', 'risk-worker.cjs');
  demoPath = join(dir, 'demo-uncertain.json');
  writeFileSync(demoPath, JSON.stringify(uncertainDemoJson()));
  handoverPath = join(dir, 'handover.json');
  writeFileSync(handoverPath, JSON.stringify(handoverPlanJson({ dist: 'bernoulli', p: 0.7 })));
  widePath = join(dir, 'wide.json');
  writeFileSync(widePath, JSON.stringify(handoverPlanJson({ dist: 'uniform', min: 0.5, max: 1.5 })));
});
afterAll(async () => {
  await closeRiskPools();
  rmSync(dir, { recursive: true, force: true });
});

/** The bundled CLI, as `npx headroom` runs it. */
function headroom(...args: string[]) {
  const run = spawnSync(process.execPath, [join(dir, 'cli', 'headroom.cjs'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** The CLI in this process (ladder and breakeven need no worker). */
async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `headroom ladder` on the demo plan with uncertain variables, then `rest`. */
function ladderArgs(scenario: string, variable: string, from: string, to: string, ...rest: string[]) {
  return ['ladder', demoPath, '--scenario', scenario, '--variable', variable, '--from', from, '--to', to, ...rest];
}

/** `headroom breakeven` on the demo plan with uncertain variables, then `rest`. */
function breakevenArgs(scenario: string, variable: string, target: string, lo: string, hi: string, ...rest: string[]) {
  return ['breakeven', demoPath, '--scenario', scenario, '--variable', variable, '--target', target, '--lo', lo, '--hi', hi, ...rest];
}

function noStackTrace(text: string) {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
}

describe('headroom risk', () => {
  it('gives identical JSON with 1, 2 and 3 workers', () => {
    const runs = [1, 2, 3].map((workers) =>
      headroom('risk', demoPath, '--scenario', 'uncertain', '--draws', '200', '--seed', '42', '--workers', String(workers), '--json'),
    );
    for (const run of runs) expect(run.code).toBe(0);
    expect(runs[1].out).toBe(runs[0].out);
    expect(runs[2].out).toBe(runs[0].out);
    const json = JSON.parse(runs[0].out);
    expect(Object.keys(json)).toEqual(['draws', 'seed', 'interventions', 'drawn', 'usersLosingSupport', 'atRisk']);
    expect(json.draws).toBe(200);
    expect(json.seed).toBe(42);
    expect(Object.keys(json.drawn)).toEqual(['mean', 'p10', 'p50', 'p90']);
    for (const money of [json.drawn, json.atRisk]) {
      for (const value of Object.values(money) as number[]) expect(Math.round(value * 100) / 100).toBe(value);
    }
    // Something is uncertain here: some pilots close in some draws only.
    expect(json.interventions.some((r: { pClose: number }) => r.pClose > 0 && r.pClose < 1)).toBe(true);
  });

  it('defaults to 2000 draws and seed 1, and prints a table a treasurer can read', () => {
    const json = JSON.parse(headroom('risk', handoverPath, '--scenario', 'maybe', '--json').out);
    expect(json.draws).toBe(2000);
    expect(json.seed).toBe(1);
    expect(headroom('risk', handoverPath, '--scenario', 'maybe', '--json', '--seed', '1', '--draws', '2000').out).toBe(
      JSON.stringify(json, null, 2) + '\n',
    );
    const { code, out } = headroom('risk', handoverPath, '--scenario', 'maybe');
    expect(code).toBe(0);
    expect(out).toContain('2,000 draws, seed 1.');
    expect(out).toContain('handover: 1 with probability 0.7, else 0');
    expect(out).toMatch(/Drawn from the underwriter +£[\d,]+\.\d\d +£0\.00 +£0\.00 +£12,000\.00/);
    expect(out).toMatch(/Service b \(b\) +\d\d\.\d% +\d\d\.\d%/);
  });

  it('names the first draw whose formulas fail, the same with any number of workers', () => {
    const one = headroom('risk', widePath, '--scenario', 'maybe', '--workers', '1', '--draws', '500');
    const two = headroom('risk', widePath, '--scenario', 'maybe', '--workers', '2', '--draws', '500');
    expect(one.code).toBe(1);
    expect(one.out).toBe('');
    expect(one.err).toMatch(
      /^headroom risk: draw \d+ \(seed 1; handover = 1\.\d+\): scenarios\[0\]\.changes\[0\]\.partnerShares\[0\]\.share: 1\.\d+ is not a share between 0 and 1 \(scenario "maybe"\)\n$/,
    );
    expect(two).toEqual(one);
    noStackTrace(one.err);
  });

  it.each([
    [['--draws', '0'], '--draws needs a whole number from 1 to 1,000,000, not "0"'],
    [['--draws', 'many'], '--draws needs a number, not "many"'],
    [['--draws', '2.5'], '--draws needs a whole number'],
    [['--workers', '0'], '--workers needs a whole number from 1 to 64, not "0"'],
    [['--seed', '1.5'], '--seed needs a whole number'],
  ])('refuses %j with a usage message', async (args, message) => {
    const { code, err } = await cli('risk', handoverPath, '--scenario', 'maybe', ...args);
    expect(code).toBe(1);
    expect(err).toContain(`headroom risk: ${message}`);
    expect(err).toContain('Usage: headroom risk PLAN.json --scenario ID [--draws N (default 2000)] [--seed S (default 1)]');
  });

  it('runs in this process with --workers 1, without the worker bundle', async () => {
    const inProcess = await cli('risk', handoverPath, '--scenario', 'maybe', '--workers', '1', '--draws', '500', '--json');
    expect(inProcess.code).toBe(0);
    expect(inProcess.out + '\n').toBe(
      headroom('risk', handoverPath, '--scenario', 'maybe', '--workers', '2', '--draws', '500', '--json').out,
    );
  });

  it('needs a scenario the plan has', async () => {
    expect(await cli('risk', handoverPath)).toMatchObject({
      code: 1,
      err: expect.stringContaining('headroom risk: --scenario is required'),
    });
    const unknown = await cli('risk', handoverPath, '--scenario', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('headroom risk: no scenario "nope" in the plan (it has: base, maybe)');
  });
});

describe('headroom ladder', () => {
  it('prints a row per value, and the JSON of section 9', async () => {
    const json = await cli(...ladderArgs('uncertain', 'grantLevel', '0.6', '1', '--step', '0.1', '--json'));
    expect(json.code).toBe(0);
    const { rows } = JSON.parse(json.out);
    expect(rows.map((r: { value: number }) => r.value)).toEqual([0.6, 0.7, 0.8, 0.9, 1]);
    expect(Object.keys(rows[0])).toEqual(['value', 'totals', 'closes']);
    expect(Object.keys(rows[0].totals)).toEqual(['spend', 'drawn', 'closures', 'avoidableClosures', 'usersLosingSupport']);
    expect(rows[0].closes.length).toBeGreaterThan(rows[4].closes.length);
    const text = await cli(...ladderArgs('uncertain', 'grantLevel', '0.6', '1', '--step', '0.1'));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/\n +0\.7 +£[\d,]+\.\d\d +£[\d,]+\.\d\d +\d+ +\d+ +[a-z-]/);
  });

  it('refuses an unknown variable, naming those the scenario has', async () => {
    const { code, out, err } = await cli(...ladderArgs('uncertain', 'grantlevel', '0', '1', '--step', '0.1'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toBe(
      'headroom ladder: no variable "grantlevel" in scenario "uncertain" (it has: grantLevel, payUplift, delay)\n' +
        'Usage: headroom ladder PLAN.json --scenario ID --variable V --from A --to B --step D [--json]',
    );
  });

  it.each([
    [['--step', '0'], 'the step must be above 0, not 0'],
    [['--step=-0.1'], 'the step must be above 0, not -0.1'],
    [['--step', '0.000001'], 'from 0 to 1 in steps of 0.000001 is 1000001 rows; the most is 10000'],
    [['--step', 'tiny'], '--step needs a number, not "tiny"'],
    [[], '--step is required'],
  ])('refuses %j', async (args, message) => {
    const { code, err } = await cli(...ladderArgs('uncertain', 'grantLevel', '0', '1', ...args));
    expect(code).toBe(1);
    expect(err).toContain(`headroom ladder: ${message}\nUsage: headroom ladder`);
  });

  it('refuses a range that runs backwards, through the bundled CLI too', () => {
    const { code, err } = headroom(...ladderArgs('base', 'grantLevel', '1', '0', '--step', '0.1'));
    expect(code).toBe(1);
    expect(err).toContain('headroom ladder: from (1) is above to (0)');
    noStackTrace(err);
  });
});

describe('headroom breakeven', () => {
  it('prints {"value", "target"} with --json, and a sentence without', async () => {
    const json = await cli(...breakevenArgs('uncertain', 'grantLevel', 'no-drawn', '0.6', '1', '--json'));
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out);
    expect(Object.keys(result)).toEqual(['value', 'target']);
    expect(result.target).toBe('no-drawn');
    expect(result.value).toBeGreaterThan(0.6);
    expect(result.value).toBeLessThanOrEqual(1);
    const text = await cli(...breakevenArgs('uncertain', 'grantLevel', 'no-drawn', '0.6', '1'));
    expect(text.out).toContain(`nothing is drawn from the underwriter from grantLevel = ${result.value} (searched 0.6 to 1`);
  });

  it('says so when the target already holds at lo', async () => {
    const { code, out } = await cli(...breakevenArgs('base', 'grantLevel', 'compliant', '0.9', '1'));
    expect(code).toBe(0);
    expect(out).toContain('every FY meets the grant condition already at grantLevel = 0.9, the bottom of the range.');
  });

  it('exits 1 with a message when the target fails at hi', async () => {
    const { code, out, err } = await cli(...breakevenArgs('base', 'grantLevel', 'no-closures', '0', '0.5'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(
      /^headroom breakeven: no-closures does not hold at grantLevel = 0\.5, the top of the range: \d+ interventions close \(custody-reachable, /,
    );
    expect(err).not.toContain('Usage');
    const bundled = headroom(...breakevenArgs('base', 'grantLevel', 'no-closures', '0', '0.5', '--json'));
    expect(bundled.code).toBe(1);
    expect(bundled.out).toBe('');
    noStackTrace(bundled.err);
  });

  it.each([
    [['--target', 'solvent', '--variable', 'grantLevel'], '--target "solvent" is not a target (no-closures, no-drawn, compliant)'],
    [['--target', 'no-drawn', '--variable', 'nope'], 'no variable "nope" in the plan (it has: grantLevel, payUplift)'],
    [['--target', 'no-drawn'], '--variable is required'],
  ])('refuses %j', async (args, message) => {
    const { code, err } = await cli('breakeven', demoPath, '--scenario', 'base', '--lo', '0', '--hi', '1', ...args);
    expect(code).toBe(1);
    expect(err).toContain(`headroom breakeven: ${message}\nUsage: headroom breakeven`);
  });
});

describe('the risk worker pool', () => {
  const demo = () => valid(uncertainDemoJson());

  it('reports progress slice by slice and gives exactly the draws computed in one thread', async () => {
    const p = demo();
    const progress: number[] = [];
    const batch = await runRiskPool({
      plan: p,
      scenarioId: 'uncertain',
      draws: 90,
      seed: 3,
      workers: 2,
      sliceSize: 20,
      workerFile,
      onProgress: (done, total) => {
        expect(total).toBe(90);
        progress.push(done);
      },
    });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress).toHaveLength(5);
    expect(progress.at(-1)).toBe(90);
    expect(batch).toEqual(runDraws(p, 'uncertain', 3, 0, 90));
  });

  it('can count this thread as a worker: the same draws, and no worker thread at all for 1', async () => {
    const p = demo();
    const expected = runDraws(p, 'uncertain', 5, 0, 60);
    const nowhere = join(dir, 'nowhere.cjs');
    expect(
      await runRiskPool({ plan: p, scenarioId: 'uncertain', draws: 60, seed: 5, workers: 1, useThisThread: true, workerFile: nowhere }),
    ).toEqual(expected);
    const progress: number[] = [];
    const mixed = await runRiskPool({
      plan: p,
      scenarioId: 'uncertain',
      draws: 60,
      seed: 5,
      workers: 3,
      sliceSize: 7,
      useThisThread: true,
      workerFile,
      onProgress: (done) => progress.push(done),
    });
    expect(mixed).toEqual(expected);
    expect(progress).toHaveLength(9);
    expect(progress.at(-1)).toBe(60);
  });

  it('stops when cancelled, and says when the worker bundle is missing', async () => {
    const p = demo();
    const controller = new AbortController();
    const started = performance.now();
    const run = runRiskPool({
      plan: p,
      scenarioId: 'uncertain',
      draws: 100_000,
      seed: 1,
      workers: 2,
      sliceSize: 10,
      workerFile,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(performance.now() - started).toBeLessThan(30_000);
    await expect(
      runRiskPool({ plan: p, scenarioId: 'uncertain', draws: 10, seed: 1, workers: 1, workerFile: join(dir, 'nowhere.cjs') }),
    ).rejects.toThrow(`the risk worker ${join(dir, 'nowhere.cjs')} is missing: run "npm run build:cli"`);
  });

  it('measures draws per second on the demo plan with 1 and 2 workers (same numbers)', async () => {
    const p = demo();
    const draws = 400;
    const rates: string[] = [];
    const summaries: string[] = [];
    for (const workers of [1, 2]) {
      const started = performance.now();
      const batch = await runRiskPool({ plan: p, scenarioId: 'uncertain', draws, seed: 1, workers, useThisThread: true, workerFile });
      const seconds = (performance.now() - started) / 1000;
      rates.push(`${workers} worker${workers === 1 ? '' : 's'}: ${Math.round(draws / seconds)} draws/s`);
      summaries.push(JSON.stringify(summariseRisk(p, 'uncertain', draws, 1, [batch])));
    }
    console.log(
      `risk on the demo plan, ${draws} draws as the CLI runs it (this thread is one worker; start-up included): ${rates.join(', ')}`,
    );
    expect(summaries[1]).toBe(summaries[0]);
  });
});
