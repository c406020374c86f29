// The command line's kept risk threads (electron/risk/pool.ts): started once and reused run
// after run, sent each plan once, a lost thread replaced with the same numbers, cancel, and
// the same summary with any number of workers. The worker is bundled into a private folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RiskPool, SLICES_PER_THREAD, closeRiskPools, runRiskPool, sharedRiskPool } from '../../electron/risk/pool';
import type { Plan } from '../../shared/plan';
import { runDraws } from '../../shared/uncertainty/risk';
import { summariseRisk } from '../../shared/uncertainty/risk-summary';
import { uncertainDemoJson, valid } from './plans';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let workerFile: string;
let plan: Plan;
const pools: RiskPool[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headroom-pool-'));
  execFileSync(process.execPath, [join(root, 'build/scripts/build-cli.mjs'), '--outdir', dir], { cwd: root });
  workerFile = join(dir, 'risk-worker.cjs');
  plan = valid(uncertainDemoJson());
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});
afterAll(async () => {
  await closeRiskPools();
  rmSync(dir, { recursive: true, force: true });
});

/** A pool of its own, closed after the test; `started` collects its threads. */
function newPool(started: Worker[] = []) {
  const pool = new RiskPool({ workerFile, onThreadStarted: (worker) => started.push(worker) });
  pools.push(pool);
  return pool;
}

const run = (pool: RiskPool, draws: number, seed: number, workers: number, more: Partial<Parameters<RiskPool['run']>[0]> = {}) =>
  pool.run({ plan, scenarioId: 'uncertain', draws, seed, workers, ...more });

describe('the kept risk threads', () => {
  it('start once: a second run, and a run on fewer of them, starts no new thread', async () => {
    const pool = newPool();
    const first = await run(pool, 200, 4, 2);
    expect(pool.threads.threadsStarted).toBe(2);
    expect(pool.threads.size).toBe(2);
    const second = await run(pool, 200, 4, 2);
    await run(pool, 50, 9, 1);
    expect(pool.threads.threadsStarted).toBe(2);
    expect(second).toEqual(first);
    expect(first).toEqual(runDraws(plan, 'uncertain', 4, 0, 200));
    // More workers than kept threads starts only the difference.
    await run(pool, 300, 4, 3);
    expect(pool.threads.threadsStarted).toBe(3);
  });

  it('send a plan to each thread once, known by its text, and a changed plan once more', async () => {
    const pool = newPool();
    await run(pool, 100, 1, 2);
    expect(pool.threads.plansSent).toBe(2);
    await run(pool, 100, 2, 2);
    // A copy with the same text is the same plan.
    await pool.run({ plan: JSON.parse(JSON.stringify(plan)) as Plan, scenarioId: 'uncertain', draws: 100, seed: 3, workers: 2 });
    expect(pool.threads.plansSent).toBe(2);
    const raw = uncertainDemoJson();
    raw.scenarios.at(-1).uncertainty[0].min = 0.5;
    const changed = valid(raw);
    const batch = await pool.run({ plan: changed, scenarioId: 'uncertain', draws: 100, seed: 3, workers: 2 });
    expect(pool.threads.plansSent).toBe(4);
    expect(batch).toEqual(runDraws(changed, 'uncertain', 3, 0, 100));
    // The first plan is still held.
    await run(pool, 100, 1, 2);
    expect(pool.threads.plansSent).toBe(4);
  });

  it('hold at most two slices per thread, and use both so a thread never waits for its next', async () => {
    const held: number[] = [];
    const started: Worker[] = [];
    const pool = newPool(started);
    await run(pool, 10, 1, 2); // starts the threads
    started.forEach((worker, w) => {
      held[w] = 0;
      let out = 0;
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (value: unknown, transfer?: never) => {
        out++;
        held[w] = Math.max(held[w], out);
        post(value, transfer);
      };
      // Before the pool's own listener, which sends the next slice.
      worker.prependListener('message', () => out--);
    });
    const batch = await run(pool, 400, 1, 2, { sliceSize: 10 });
    expect(held).toEqual([SLICES_PER_THREAD, SLICES_PER_THREAD]);
    expect(batch).toEqual(runDraws(plan, 'uncertain', 1, 0, 400));
  });

  it('replace a thread that dies, draw its slices again and give identical results', async () => {
    const started: Worker[] = [];
    const pool = newPool(started);
    let killed = false;
    const batch = await run(pool, 600, 8, 2, {
      sliceSize: 20,
      onProgress: () => {
        if (killed) return;
        killed = true;
        void started[0].terminate();
      },
    });
    expect(killed).toBe(true);
    expect(pool.threads.threadsStarted).toBe(3);
    expect(pool.threads.size).toBe(2);
    expect(batch).toEqual(runDraws(plan, 'uncertain', 8, 0, 600));
    // The replacement is kept like the others.
    await run(pool, 100, 8, 2);
    expect(pool.threads.threadsStarted).toBe(3);
  });

  it('stop when cancelled, ending only threads still drawing, and run again with the same numbers', async () => {
    const pool = newPool();
    const controller = new AbortController();
    const cancelled = run(pool, 100_000, 1, 2, { sliceSize: 10, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.threads.size).toBeLessThan(2);
    const again = await run(pool, 120, 1, 2);
    expect(again).toEqual(runDraws(plan, 'uncertain', 1, 0, 120));
    await expect(run(pool, 10, 1, 2, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('give identical summaries with 1, 2 and 3 workers, with or without this thread drawing too', async () => {
    const pool = newPool();
    const summaries = new Set<string>();
    for (const workers of [1, 2, 3]) {
      for (const useThisThread of [false, true]) {
        const batch = await run(pool, 700, 11, workers, { useThisThread });
        summaries.add(JSON.stringify(summariseRisk(plan, 'uncertain', 700, 11, [batch])));
      }
    }
    expect(summaries.size).toBe(1);
    expect([...summaries][0]).toBe(JSON.stringify(summariseRisk(plan, 'uncertain', 700, 11, [runDraws(plan, 'uncertain', 11, 0, 700)])));
  });

  it('fail a run whose pool is closed under it, and keep one pool per worker file for the process', async () => {
    const pool = newPool();
    const going = run(pool, 100_000, 1, 2, { sliceSize: 10 });
    const failed = expect(going).rejects.toThrow('the risk pool was closed');
    await pool.close();
    await failed;
    expect(sharedRiskPool(workerFile)).toBe(sharedRiskPool(workerFile));
    await runRiskPool({ plan, scenarioId: 'uncertain', draws: 50, seed: 1, workers: 2, workerFile });
    await runRiskPool({ plan, scenarioId: 'uncertain', draws: 50, seed: 2, workers: 2, workerFile });
    expect(sharedRiskPool(workerFile).threads.threadsStarted).toBe(2);
  });
});
