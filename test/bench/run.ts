// `npm run bench`: the engine against a spreadsheet engine (HyperFormula) and against the
// floor (a flat typed-array loop), then risk, screens and store.
// Bundled and started by build/scripts/bench.mjs: argv[2] is the project's root.
// Warm-up, interleaved repetitions, medians (and p95); results in bench-results/latest.json.
// Single-threaded work is timed in process CPU time as well as wall time: the table shows
// CPU time, which a busy machine disturbs least; both are in the JSON.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startHarness } from '../../electron/harness/server';
import { runRiskPool } from '../../electron/risk/pool';
import { PlanDocument } from '../../electron/store/plan-document';
import demoPlan from '../../shared/demo/wmvru-plan.json';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { resolveScenario, type ResolvedScenario } from '../../shared/resolve';
import { createDrawRunner } from '../../shared/uncertainty/risk';
import { validatePlan } from '../../shared/validate';
import { flatLoop, flatten, flatTotals } from './flat-loop';
import { editableIntervention, generatePlan, RISK_SCENARIO_ID, withAnnualCost } from './generate';
import { buildWorkbook, compareFigures, engineFigures, layoutWorkbook, type Figures, type Workbook } from './hyperformula-model';

const root = path.resolve(process.argv[2] ?? process.cwd());
const flags = process.argv.slice(3);
const quick = flags.includes('--quick');
const PARTS = ['grid', 'risk', 'screens', 'store'] as const;
type Part = (typeof PARTS)[number];
const partsFlag = flags.find((f) => f.startsWith('--parts='));
const parts = new Set<Part>(partsFlag ? (partsFlag.slice('--parts='.length).split(',') as Part[]) : PARTS);

const GRID = quick
  ? { interventions: [50], months: [60, 120], scenarios: [1, 8] }
  : { interventions: [50, 500], months: [60, 120, 240], scenarios: [1, 8, 32] };
/**
 * HyperFormula builds at roughly 50-100 µs a formula cell: workbooks are capped by taking the
 * leading scenarios (at least the base) that fit; a grid point whose plan and base alone are
 * above the hard cap gets no workbook.
 */
const HF_CELL_CAP = 30_000;
const HF_HARD_CAP = 200_000;
const TARGET_HF_RATIO = 100;
const TARGET_FLAT_RATIO = 3;

const exposed = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
/** A full collection (between parts of the bench). */
const gc = () => exposed?.();
/**
 * A young-generation collection before each sample, so that each starts with an empty
 * nursery; a full one would cost seconds once a large workbook is in the heap.
 */
const scavenge = () => exposed?.({ type: 'minor' });

// --- measurement --------------------------------------------------------------------------

interface Stat {
  readonly median: number;
  readonly p95: number;
  readonly samples: number;
}

function stat(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  // p95 by nearest rank.
  const p95 = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1))];
  return { median, p95, samples: sorted.length };
}

/** One measurement: process CPU time (the table's) and wall time, in ms. */
interface Timing {
  readonly cpu: Stat;
  readonly wall: Stat;
}

interface Task {
  readonly name: string;
  /** Runs once; `round` is -1 during warm-up. */
  readonly run: (round: number) => void;
  /** Tasks with side effects (a recalculation) are never batched. */
  readonly batchable: boolean;
}

function measure(run: () => void): { cpu: number; wall: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  const wall = performance.now() - t;
  const d = process.cpuUsage(c);
  return { cpu: (d.user + d.system) / 1000, wall };
}

/**
 * Warm-up, then rounds in which every task runs once (in an order that rotates), until
 * `minRounds` are done and either `maxRounds` or the time budget is reached. A sample of a
 * fast task is a batch of runs long enough for the clocks (about 2 ms), divided by its size.
 */
function interleave(
  tasks: readonly Task[],
  opts: { warmup?: number; minRounds?: number; maxRounds?: number; budgetMs?: number } = {},
): Map<string, Timing> {
  const { warmup = 2, maxRounds = 41, budgetMs = 4000 } = opts;
  const batch = new Map<string, number>();
  let roundMs = 0;
  for (const task of tasks) {
    // At least one warm-up run; more (up to `warmup`) while they are quick.
    let last = 0;
    let spent = 0;
    for (let w = 0; w < warmup && (w === 0 || spent < 300); w++) spent += last = measure(() => task.run(-1)).wall;
    roundMs += last;
    batch.set(task.name, task.batchable ? Math.max(1, Math.min(10_000, Math.ceil(2 / Math.max(last, 1e-4)))) : 1);
  }
  // Rounds of a second or more: three are enough for a median, and keep the bench in its budget.
  const minRounds = opts.minRounds ?? (roundMs > 1000 ? 3 : 5);
  gc();
  const cpu = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  const wall = new Map<string, number[]>(tasks.map((t) => [t.name, []]));
  const start = performance.now();
  for (let round = 0; round < minRounds || (round < maxRounds && performance.now() - start < budgetMs); round++) {
    for (let k = 0; k < tasks.length; k++) {
      const task = tasks[(round + k) % tasks.length];
      const size = batch.get(task.name)!;
      scavenge();
      const t = measure(() => {
        for (let b = 0; b < size; b++) task.run(round);
      });
      cpu.get(task.name)!.push(t.cpu / size);
      wall.get(task.name)!.push(t.wall / size);
    }
  }
  return new Map(tasks.map((t) => [t.name, { cpu: stat(cpu.get(t.name)!), wall: stat(wall.get(t.name)!) }]));
}

// --- the environment ----------------------------------------------------------------------

function git(...args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: { model: cpus[0]?.model ?? 'unknown', count: cpus.length, availableParallelism: os.availableParallelism() },
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    v8: process.versions.v8,
  };
}

function hyperformulaVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/hyperformula/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// --- 1 and 2: the engine against HyperFormula and against the flat loop --------------------

function resolveAll(plan: Plan, ids: readonly string[]): ResolvedScenario[] {
  return ids.map((id) => {
    const resolved = resolveScenario(plan, id);
    if (!resolved.scenario) throw new Error(`${id}: ${resolved.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    return resolved.scenario;
  });
}

interface HfResult {
  readonly scenarios: number;
  readonly sampled: boolean;
  readonly formulaCells: number;
  readonly buildMs: number;
  readonly recalc: Timing;
  /** The engine's edit of the same scenarios (resolve + simulate). */
  readonly engineEdit: Timing;
  /** HF recalculation over the engine's edit, CPU-time medians (wall in `ratioWall`). */
  readonly ratio: number;
  readonly ratioWall: number;
  readonly equal: boolean;
  readonly mismatches: readonly string[];
  readonly closures: number;
}

interface GridResult {
  readonly interventions: number;
  readonly months: number;
  readonly scenarios: number;
  readonly closures: number;
  /** simulate(): every resolved scenario; edit: one annual cost changed, then resolve + simulate of every scenario. */
  readonly engine: { readonly simulate: Timing; readonly edit: Timing };
  readonly flat: Timing;
  /** The flat loop's FY spend and partner equal the engine's for the base scenario (which closes nothing). */
  readonly flatMatchesBase: boolean;
  readonly simulateOverFlat: number;
  readonly editOverFlat: number;
  readonly hf: HfResult | { readonly skipped: string };
  /** Wall time this grid point took, workbook build included. */
  readonly durationS: number;
}

/** Built workbooks, shared by grid points whose sampled scenarios are the same. */
const workbooks = new Map<string, { workbook: Workbook; buildMs: number }>();

function dropWorkbooks(): void {
  for (const entry of workbooks.values()) entry.workbook.destroy();
  workbooks.clear();
  gc();
}

/** The editing value of round r: alternates around the original so that every recalculation changes something. */
function editedPounds(original: number, round: number): number {
  // In pence, so that the result is a pounds figure with at most 2 decimals, as a plan holds.
  const step = ((round + 2) % 9) * 123_457 + 1;
  const pence = Math.round(original * 100);
  return (round % 2 ? pence + step : Math.max(100, pence - step)) / 100;
}

/**
 * How many leading scenarios (base first) fit the cell cap, from the layout of the base alone
 * (every scenario's sheet is about the size of the base's); 0 when not even the base fits.
 */
function sampleSize(planCells: number, baseCells: number, scenarios: number): number {
  if (planCells + baseCells > HF_HARD_CAP) return 0;
  return Math.max(1, Math.min(scenarios, Math.floor((HF_CELL_CAP - planCells) / Math.max(1, baseCells))));
}

function benchPlan(interventions: number, months: number, scenarios: number): GridResult {
  const started = performance.now();
  const plan = generatePlan({ interventions, months, scenarios });
  const validation = validatePlan(plan);
  if (!validation.ok)
    throw new Error(
      `generated plan is not valid: ${validation.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    );
  const ids = validation.scenarios.map((s) => s.id);
  const resolved = validation.scenarios;
  const k = editableIntervention(plan);
  const original = plan.interventions[k].annualCost as number;
  const results = resolved.map(simulate);
  const closures = results.reduce((sum, r) => sum + r.totals.closures, 0);

  const flats = resolved.map(flatten);
  const totals = flatTotals(flats[0]);
  flatLoop(flats[0], totals);
  const baseYears = results[0].years;
  const flatMatchesBase =
    results[0].totals.closures === 0 && baseYears.every((y, j) => totals.spendByFy[j] === y.spend && totals.partnerByFy[j] === y.partner);

  // HyperFormula: size the workbook from the base's layout, then build the leading scenarios that fit the cap.
  const baseLayout = layoutWorkbook(plan, resolved.slice(0, 1));
  const count = sampleSize(baseLayout.planCells, baseLayout.scenarioCells[0], ids.length);
  let hfTasks: Task[] = [];
  let hfResult: (stats: Map<string, Timing>) => GridResult['hf'] = () => ({
    skipped: `${baseLayout.formulaCells} formula cells for the base scenario alone, over the ${HF_HARD_CAP} cap`,
  });
  if (count > 0) {
    const subsetIds = ids.slice(0, count);
    // The same leading scenarios of a plan with more scenarios after them give the same workbook.
    const key = JSON.stringify({ ...plan, name: '', scenarios: plan.scenarios?.slice(0, count - 1) ?? [] });
    let cached = workbooks.get(key);
    if (!cached) {
      dropWorkbooks();
      const layout = count === 1 ? baseLayout : layoutWorkbook(plan, resolved.slice(0, count));
      const t = performance.now();
      const workbook = buildWorkbook(layout);
      cached = { workbook, buildMs: performance.now() - t };
      workbooks.set(key, cached);
    }
    const { workbook, buildMs } = cached;
    const engineOn = (edited: Plan): Figures[] => resolveAll(edited, subsetIds).map((s) => engineFigures(simulate(s)));
    const check = (edited: Plan) => {
      const model = workbook.figures();
      return engineOn(edited).flatMap((figures, s) => compareFigures(figures, model[s]));
    };
    // Equal before timing (this also resets a shared workbook to the plan's own cost).
    workbook.setAnnualCost(k, Math.round(original * 100));
    const before = check(plan);
    let lastRound = -1;
    const sameEdit = count === ids.length;
    hfTasks = [
      {
        name: 'hf-recalc',
        batchable: false,
        run: (round) => {
          lastRound = round;
          workbook.setAnnualCost(k, Math.round(editedPounds(original, round) * 100));
        },
      },
    ];
    // Over every scenario the engine's side is the `edit` task itself.
    if (!sameEdit) {
      hfTasks.push({
        name: 'engine-edit-subset',
        batchable: true,
        run: (round) => {
          const edited = withAnnualCost(plan, k, editedPounds(original, round));
          for (const id of subsetIds) simulate(resolveScenario(edited, id).scenario!);
        },
      });
    }
    hfResult = (stats) => {
      // Equal after the last recalculation, too.
      const value = editedPounds(original, lastRound);
      workbook.setAnnualCost(k, Math.round(value * 100));
      const all = [...before, ...check(withAnnualCost(plan, k, value))];
      const recalc = stats.get('hf-recalc')!;
      const engineEdit = stats.get(sameEdit ? 'edit' : 'engine-edit-subset')!;
      return {
        scenarios: count,
        sampled: count < ids.length,
        formulaCells: workbook.layout.formulaCells,
        buildMs,
        recalc,
        engineEdit,
        ratio: recalc.cpu.median / engineEdit.cpu.median,
        ratioWall: recalc.wall.median / engineEdit.wall.median,
        equal: all.length === 0,
        mismatches: all.slice(0, 10),
        closures: results.slice(0, count).reduce((sum, r) => sum + r.totals.closures, 0),
      };
    };
  }

  const tasks: Task[] = [
    { name: 'simulate', batchable: true, run: () => resolved.forEach((s) => simulate(s)) },
    { name: 'flat', batchable: true, run: () => flats.forEach((f) => flatLoop(f, totals)) },
    {
      name: 'edit',
      batchable: true,
      run: (round) => {
        const edited = withAnnualCost(plan, k, editedPounds(original, round));
        for (const id of ids) simulate(resolveScenario(edited, id).scenario!);
      },
    },
    ...hfTasks,
  ];
  const stats = interleave(tasks, { budgetMs: 1000 });
  const engineSim = stats.get('simulate')!;
  const flat = stats.get('flat')!;
  const edit = stats.get('edit')!;
  return {
    interventions,
    months,
    scenarios,
    closures,
    engine: { simulate: engineSim, edit },
    flat,
    flatMatchesBase,
    simulateOverFlat: engineSim.cpu.median / flat.cpu.median,
    editOverFlat: edit.cpu.median / flat.cpu.median,
    hf: hfResult(stats),
    durationS: Math.round((performance.now() - started) / 100) / 10,
  };
}

// --- 3: risk draws per second -------------------------------------------------------------

interface RiskResult {
  readonly plan: string;
  readonly draws: number;
  readonly rounds: number;
  /** Draws per second of wall time for the whole run, start-up included; start-up alone is a run of one draw. */
  readonly oneWorker: { readonly drawsPerSecond: number; readonly startupMs: number; readonly wall: Stat };
  readonly allWorkers: { readonly workers: number; readonly drawsPerSecond: number; readonly startupMs: number; readonly wall: Stat };
  readonly speedup: number;
  /** Draws per CPU second run on the bench's own thread (createDrawRunner): no worker start-up, no messages. */
  readonly inProcessDrawsPerCpuSecond: number;
  /** The same numbers from one worker and from all. */
  readonly sameNumbers: boolean;
}

async function benchRisk(): Promise<RiskResult | { skipped: string }> {
  const workerFile = [process.env.HEADROOM_BENCH_RISK_WORKER, path.join(root, 'out/cli/risk-worker.cjs')].find(
    (f) => f && fs.existsSync(f),
  );
  if (!workerFile) return { skipped: 'risk: no bundled risk worker (build/scripts/bench.mjs bundles electron/risk/worker.ts)' };
  const plan = generatePlan({ interventions: 20, months: 120, scenarios: 1, uncertain: true });
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(`risk plan is not valid: ${validation.problems[0].path}: ${validation.problems[0].message}`);
  const all = os.availableParallelism();
  const run = (draws: number, workers: number) => runRiskPool({ plan, scenarioId: RISK_SCENARIO_ID, draws, seed: 42, workers, workerFile });

  // The draws on this thread, without worker start-up or messages: sizes the runs.
  const runner = createDrawRunner(plan, RISK_SCENARIO_ID, 42);
  runner.run(1000, 1050);
  const c = process.cpuUsage();
  runner.run(0, 200);
  const d = process.cpuUsage(c);
  const inProcess = 200 / ((d.user + d.system) / 1e6);
  const draws = Math.max(200, Math.min(20_000, Math.round((inProcess * (quick ? 0.5 : 1.5)) / 100) * 100));

  // Start-up: a pool of one draw (worker threads loading the bundle and setting up the plan).
  const startup = new Map<number, number[]>([
    [1, []],
    [all, []],
  ]);
  for (let round = 0; round < 2; round++) {
    for (const workers of [1, all]) {
      const t = performance.now();
      await run(1, workers);
      startup.get(workers)!.push(performance.now() - t);
    }
  }
  const one: number[] = [];
  const many: number[] = [];
  let same = true;
  const batches = new Map<number, Awaited<ReturnType<typeof run>>>();
  const rounds = quick ? 2 : 3;
  for (let round = 0; round < rounds; round++) {
    // Interleaved, the order alternating.
    for (const workers of round % 2 ? [all, 1] : [1, all]) {
      gc();
      const start = performance.now();
      const batch = await run(draws, workers);
      (workers === 1 ? one : many).push(performance.now() - start);
      batches.set(workers, batch);
    }
    const [a, b] = [batches.get(1)!, batches.get(all)!];
    same &&=
      Buffer.compare(Buffer.from(a.drawn.buffer), Buffer.from(b.drawn.buffer)) === 0 &&
      Buffer.compare(Buffer.from(a.outcomes.buffer), Buffer.from(b.outcomes.buffer)) === 0;
  }
  const oneStat = stat(one);
  const manyStat = stat(many);
  const startOne = stat(startup.get(1)!).median;
  const startAll = stat(startup.get(all)!).median;
  return {
    plan: `20 interventions × 120 months, scenario "${RISK_SCENARIO_ID}" (grant level, uplift and confirmation delay uncertain)`,
    draws,
    rounds,
    oneWorker: { drawsPerSecond: draws / (oneStat.median / 1000), startupMs: startOne, wall: oneStat },
    allWorkers: { workers: all, drawsPerSecond: draws / (manyStat.median / 1000), startupMs: startAll, wall: manyStat },
    speedup: oneStat.median / manyStat.median,
    inProcessDrawsPerCpuSecond: inProcess,
    sameNumbers: same,
  };
}

// --- 4: screens in Chromium (the browser harness) -----------------------------------------

const CHROMIUM = process.env.HEADROOM_CHROMIUM ?? '/usr/bin/chromium';

interface ScreensResult {
  readonly plan: string;
  readonly renderer: string;
  readonly edit: string;
  readonly editToChart: Stat;
  readonly firstLoad: number;
}

/**
 * Waits until no simulation or save is on its way and the scenario chart shows a result other
 * than `before` (its data-result: scenario, total spend, total drawn); returns that result.
 */
async function chartSettled(page: Page, before: string): Promise<string> {
  const handle = await page.waitForFunction(
    (previous) => {
      const chart = document.querySelector('[data-testid="scenario-chart"] [data-testid="month-chart"]');
      const busy = document.querySelector('.sim-state.busy');
      const saving = document.querySelector('[data-testid="save-state"]')?.textContent === 'Saving…';
      const shown = chart?.getAttribute('data-result') ?? null;
      return shown !== null && !busy && !saving && shown !== previous ? shown : false;
    },
    before,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as string;
}

async function benchScreens(): Promise<ScreensResult | { skipped: string }> {
  const fresh = process.env.HEADROOM_BENCH_RENDERER;
  const rendererDir = fresh ?? path.join(root, 'out/renderer');
  const missing = [path.join(root, 'electron/harness/server.ts'), path.join(rendererDir, 'index.html')].filter((f) => !fs.existsSync(f));
  if (missing.length) return { skipped: `screens: harness not ready (${missing.map((f) => path.relative(root, f)).join(', ')} missing)` };
  if (!fs.existsSync(CHROMIUM)) return { skipped: `screens: no Chromium at ${CHROMIUM} (set HEADROOM_CHROMIUM)` };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-screens-'));
  const browserTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-chromium-'));
  const harness = await startHarness({ dataDir, rendererDir, onError: () => {} });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
    ],
    env: { ...process.env, TMPDIR: browserTmp },
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const t = performance.now();
    await page.goto(harness.url, { waitUntil: 'load' });
    await page.getByTestId('screen-overview').waitFor();
    const firstLoad = performance.now() - t;
    await page.getByTestId('nav-scenarios').click();
    await page.getByTestId('screen-scenarios').waitFor();
    await page.getByTestId('scenario-item-cut-25-june').click();
    const field = page.getByTestId('level-ho-core-2021/22');
    await field.waitFor();
    let chart = await chartSettled(page, '');
    const samples: number[] = [];
    const levels = [70, 80, 65, 85];
    const rounds = quick ? 6 : 14;
    for (let round = -2; round < rounds; round++) {
      const level = levels[(round + 4) % levels.length];
      const start = performance.now();
      await field.fill(String(level));
      await field.press('Enter');
      chart = await chartSettled(page, chart);
      if (round >= 0) samples.push(performance.now() - start);
    }
    return {
      plan: 'the demo plan (21 interventions, 36 months), scenario cut-25-june',
      renderer: fresh ? 'built fresh from renderer/' : 'out/renderer as found',
      edit: 'type a 2021/22 grant level for ho-core and press Enter, until the scenario chart has redrawn and nothing is simulating or saving (includes Playwright round trips)',
      editToChart: stat(samples),
      firstLoad,
    };
  } finally {
    await browser.close();
    await harness.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(browserTmp, { recursive: true, force: true });
  }
}

// --- 5: the plan store ---------------------------------------------------------------------

interface StoreRow {
  readonly plan: string;
  readonly fileKb: number;
  readonly open: Timing;
  readonly editAndSave: Timing;
  readonly undo: Timing;
}

async function benchStore(): Promise<{ rows: StoreRow[] } | { skipped: string }> {
  if (!fs.existsSync(path.join(root, 'electron/store/plan-document.ts')))
    return { skipped: 'store not built (electron/store/plan-document.ts missing)' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bench-store-'));
  const plans: [string, unknown][] = [
    ['demo plan (21 interventions, 36 months, 6 scenarios)', demoPlan],
    ['500 interventions, 120 months, 8 scenarios', generatePlan({ interventions: 500, months: 120, scenarios: 8 })],
  ];
  const rows: StoreRow[] = [];
  try {
    for (const [index, [name, plan]] of plans.entries()) {
      const file = path.join(dir, `plan-${index}.headroom`);
      PlanDocument.create(file, plan).close();
      const opens: { cpu: number; wall: number }[] = [];
      for (let round = -1; round < (quick ? 3 : 5); round++) {
        gc();
        const c = process.cpuUsage();
        const t = performance.now();
        const doc = await PlanDocument.open(file);
        const wall = performance.now() - t;
        const d = process.cpuUsage(c);
        doc.close();
        if (round >= 0) opens.push({ cpu: (d.user + d.system) / 1000, wall });
      }
      const doc = await PlanDocument.open(file);
      try {
        const costs = doc.plan().interventions;
        const k = Math.floor(costs.length / 2);
        let value = 123456.78;
        const stats = interleave(
          [
            {
              name: 'edit',
              batchable: false,
              run: () => {
                const result = doc.apply({
                  label: 'Change annual cost',
                  ops: [{ op: 'set', path: ['interventions', k, 'annualCost'], value: (value += 1) }],
                });
                if (!result.ok) throw new Error(`store edit refused: ${result.problems[0]?.message}`);
              },
            },
            { name: 'undo', batchable: false, run: () => void doc.undo() },
          ],
          { warmup: 1, minRounds: quick ? 3 : 5, maxRounds: 21, budgetMs: quick ? 500 : 1500 },
        );
        rows.push({
          plan: name,
          fileKb: Math.round(fs.statSync(file).size / 1024),
          open: { cpu: stat(opens.map((o) => o.cpu)), wall: stat(opens.map((o) => o.wall)) },
          editAndSave: stats.get('edit')!,
          undo: stats.get('undo')!,
        });
      } finally {
        doc.close();
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rows };
}

// --- report -------------------------------------------------------------------------------

const ms = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value >= 1 ? value.toFixed(2) : value.toFixed(3);
const times = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;

function table(head: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padStart(widths[c])).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

function gridTable(rows: readonly GridResult[]): string {
  const head = [
    'N',
    'M',
    'S',
    'closures',
    'simulate',
    'flat',
    'sim/flat',
    'edit',
    'edit/flat',
    'HF S',
    'HF recalc',
    'engine edit',
    'HF/engine',
    'equal',
  ];
  return table(
    head,
    rows.map((r) => {
      const hf = 'skipped' in r.hf ? null : r.hf;
      return [
        r.interventions,
        r.months,
        r.scenarios,
        r.closures,
        ms(r.engine.simulate.cpu.median),
        ms(r.flat.cpu.median),
        times(r.simulateOverFlat),
        ms(r.engine.edit.cpu.median),
        times(r.editOverFlat),
        hf ? `${hf.scenarios}${hf.sampled ? `/${r.scenarios}` : ''}` : '-',
        hf ? ms(hf.recalc.cpu.median) : 'skipped',
        hf ? ms(hf.engineEdit.cpu.median) : '-',
        hf ? times(hf.ratio) : '-',
        hf ? (hf.equal ? 'yes' : 'NO') : '-',
      ].map(String);
    }),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const grid: GridResult[] = [];
  const env = machine();
  console.log(
    `Headroom bench${quick ? ' (quick)' : ''}: ${env.cpus.count} × ${env.cpus.model}, node ${process.version}, load average ${env.loadAverageAtStart[0]}`,
  );
  if (parts.has('grid')) {
    for (const interventions of GRID.interventions) {
      for (const months of GRID.months) {
        for (const scenarios of GRID.scenarios) {
          const r = benchPlan(interventions, months, scenarios);
          grid.push(r);
          const hf =
            'skipped' in r.hf
              ? `HF skipped: ${r.hf.skipped}`
              : `HF ${ms(r.hf.recalc.cpu.median)} ms over ${r.hf.scenarios} scenario(s), built in ${(r.hf.buildMs / 1000).toFixed(1)} s`;
          console.log(
            `  ${interventions} × ${months} × ${scenarios}: simulate ${ms(r.engine.simulate.cpu.median)} ms, flat ${ms(r.flat.cpu.median)} ms, edit ${ms(r.engine.edit.cpu.median)} ms; ${hf} (${r.durationS} s)`,
          );
        }
      }
    }
    dropWorkbooks();
  }
  const partS: Record<string, number> = { grid: Math.round((performance.now() - started) / 1000) };
  const timed = async <T>(part: Part, run: () => Promise<T>): Promise<T | { skipped: string }> => {
    if (!parts.has(part)) return { skipped: `${part}: not run (--parts)` };
    const t = performance.now();
    const result = await run();
    partS[part] = Math.round((performance.now() - t) / 1000);
    return result;
  };
  const riskResult = await timed('risk', benchRisk);
  const screensResult = await timed('screens', benchScreens);
  const storeResult = await timed('store', benchStore);

  const hfRows = grid.flatMap((r) => ('skipped' in r.hf ? [] : [r.hf]));
  const minHf = hfRows.length ? Math.min(...hfRows.map((h) => h.ratio)) : NaN;
  const maxFlat = grid.length ? Math.max(...grid.map((r) => r.simulateOverFlat)) : NaN;
  const results = {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    dirty: (git('status', '--porcelain') ?? '') !== '',
    machine: env,
    quick,
    durationS: Math.round((performance.now() - started) / 1000),
    cpuS: Math.round(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6),
    partS,
    notes: [
      'Times in ms; `cpu` is process CPU time (the table), `wall` is wall-clock time. Medians and p95 over interleaved rounds after warm-up.',
      "simulate: simulate() of every resolved scenario of the plan. edit: one intervention's annual cost changed, then resolveScenario + simulate of every scenario.",
      'flat: the monthly split, half-to-even partner share and sums over typed arrays, no rules (the floor).',
      `HF: HyperFormula ${hyperformulaVersion()} recalculation after setCellContents of that annual cost, against the engine's edit of the same scenarios. Workbooks are capped at ${HF_CELL_CAP} formula cells by taking the leading scenarios (base first; "HF S" shows how many), and not built above ${HF_HARD_CAP}.`,
      "HF models the wait stance: split, shares, plan cost, known month, pools, decision with notice/run-on/exit, account (spend, partner, drawn, underspend, at risk), limit, grant condition. Not modelled: the prudent look-ahead, outcomes other than closing, people. Its inputs are resolved values (the plan's formulas are evaluated by resolve).",
    ],
    targets: {
      hfOverEngine: { target: `>= ${TARGET_HF_RATIO}`, worst: minHf, met: minHf >= TARGET_HF_RATIO },
      simulateOverFlat: { target: `<= ${TARGET_FLAT_RATIO}`, worst: maxFlat, met: maxFlat <= TARGET_FLAT_RATIO },
      allEqual: hfRows.every((h) => h.equal),
    },
    grid,
    risk: riskResult,
    screens: screensResult,
    store: storeResult,
  };
  const out = path.join(root, 'bench-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');

  console.log('');
  if (grid.length) {
    console.log('Engine (N interventions × M months × S scenarios), CPU ms, medians:');
    console.log(gridTable(grid));
    console.log('');
    console.log(
      `HF/engine: worst ${times(minHf)} (target ≥ ${TARGET_HF_RATIO}×) ${minHf >= TARGET_HF_RATIO ? 'met' : 'MISSED'}; simulate/flat: worst ${times(maxFlat)} (target ≤ ${TARGET_FLAT_RATIO}×) ${maxFlat <= TARGET_FLAT_RATIO ? 'met' : 'MISSED'}; HF figures equal to the penny: ${results.targets.allEqual ? 'yes' : 'NO'}`,
    );
    console.log(
      `HF models the wait stance only (no prudent look-ahead); above ${HF_CELL_CAP / 1000}k formula cells it takes the leading scenarios (HF S), and builds nothing above ${HF_HARD_CAP / 1000}k.`,
    );
    for (const h of hfRows) for (const m of h.mismatches) console.log(`  mismatch: ${m}`);
    const flatOff = grid.filter((r) => !r.flatMatchesBase);
    if (flatOff.length)
      console.log(
        `the flat loop's FY spend differs from the engine's base scenario at ${flatOff.map((r) => `${r.interventions} × ${r.months} × ${r.scenarios}`).join(', ')}`,
      );
  }
  if ('skipped' in riskResult) console.log(`skipped: ${riskResult.skipped}`);
  else {
    console.log(
      `Risk (${riskResult.draws} draws, 20 × 120, wall, start-up included): ${riskResult.oneWorker.drawsPerSecond.toFixed(0)} draws/s on 1 worker, ` +
        `${riskResult.allWorkers.drawsPerSecond.toFixed(0)} on ${riskResult.allWorkers.workers} (${times(riskResult.speedup)}); ` +
        `start-up ${ms(riskResult.oneWorker.startupMs)} / ${ms(riskResult.allWorkers.startupMs)} ms; ` +
        `${riskResult.inProcessDrawsPerCpuSecond.toFixed(0)} draws per CPU second on one thread without workers; same numbers: ${riskResult.sameNumbers ? 'yes' : 'NO'}`,
    );
  }
  if ('skipped' in screensResult) console.log(`skipped: ${screensResult.skipped}`);
  else
    console.log(
      `Screens (Chromium, demo plan): edit to updated chart ${ms(screensResult.editToChart.median)} ms median, p95 ${ms(screensResult.editToChart.p95)} ms (wall); first load ${ms(screensResult.firstLoad)} ms`,
    );
  if ('skipped' in storeResult) console.log(`skipped: ${storeResult.skipped}`);
  else {
    console.log('Store, wall ms (median / p95):');
    console.log(
      table(
        ['plan', 'file KB', 'open', 'edit + save', 'undo'],
        storeResult.rows.map((r) => [
          r.plan,
          String(r.fileKb),
          ...[r.open, r.editAndSave, r.undo].map((t) => `${ms(t.wall.median)} / ${ms(t.wall.p95)}`),
        ]),
      ),
    );
  }
  console.log(
    `results: ${path.relative(process.cwd(), path.join(out, 'latest.json'))} (${results.durationS} s, ${results.cpuS} s of CPU in this process)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
