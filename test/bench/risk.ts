// Part 3: risk draws per second, on the bench's own thread and through the worker pool.
import fs from 'node:fs';
import path from 'node:path';
import { runRiskPool } from '../../electron/risk/pool';
import { createDrawRunner } from '../../shared/uncertainty/risk';
import { validatePlan } from '../../shared/validate';
import { generatePlan, RISK_SCENARIO_ID } from './generate';
import { gc, stat, type Stat } from './measure';
import { quick, root } from './options';

export interface RiskResult {
  readonly plan: string;
  readonly draws: number;
  readonly rounds: number;
  /** Draws per second of wall time for the whole run, start-up included; start-up alone is a run of one draw. */
  readonly oneWorker: { readonly drawsPerSecond: number; readonly startupMs: number; readonly wall: Stat };
  readonly twoWorkers: { readonly workers: number; readonly drawsPerSecond: number; readonly startupMs: number; readonly wall: Stat };
  readonly speedup: number;
  /** Draws per CPU second run on the bench's own thread (createDrawRunner): no worker start-up, no messages. */
  readonly inProcessDrawsPerCpuSecond: number;
  /** The same numbers from one worker and from two. */
  readonly sameNumbers: boolean;
}

export const RISK_DRAWS = 10_000;
const TWO_WORKERS = 2;

export async function benchRisk(): Promise<RiskResult | { skipped: string }> {
  const workerFile = [process.env.HEADROOM_BENCH_RISK_WORKER, path.join(root, 'out/cli/risk-worker.cjs')].find(
    (f) => f && fs.existsSync(f),
  );
  if (!workerFile) return { skipped: 'risk: no bundled risk worker (build/scripts/bench.mjs bundles electron/risk/worker.ts)' };
  const plan = generatePlan({ interventions: 20, months: 120, scenarios: 1, uncertain: true });
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(`risk plan is not valid: ${validation.problems[0].path}: ${validation.problems[0].message}`);
  // The target compares two workers with one, at 10,000 draws.
  const all = TWO_WORKERS;
  const run = (draws: number, workers: number) => runRiskPool({ plan, scenarioId: RISK_SCENARIO_ID, draws, seed: 42, workers, workerFile });

  // The draws on this thread, without worker start-up or messages: sizes the runs.
  // Warmed on draws other than the timed ones, long enough for the JIT to settle (50 draws
  // measured mostly compilation: a third of the steady rate).
  const runner = createDrawRunner(plan, RISK_SCENARIO_ID, 42);
  runner.run(20_000, quick ? 20_500 : 22_000);
  const timedDraws = quick ? 500 : 2000;
  const c = process.cpuUsage();
  runner.run(0, timedDraws);
  const d = process.cpuUsage(c);
  const inProcess = timedDraws / ((d.user + d.system) / 1e6);
  const draws = RISK_DRAWS;

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
    twoWorkers: { workers: all, drawsPerSecond: draws / (manyStat.median / 1000), startupMs: startAll, wall: manyStat },
    speedup: oneStat.median / manyStat.median,
    inProcessDrawsPerCpuSecond: inProcess,
    sameNumbers: same,
  };
}
