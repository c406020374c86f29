// Timing: warm-up, interleaved repetitions, medians and p95, in process CPU time and wall time.
// Single-threaded work is timed in process CPU time as well as wall time: the tables show
// CPU time, which a busy machine disturbs least; both are in the JSON.

const exposed = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;
/** A full collection (between parts of the bench). */
export const gc = () => exposed?.();
/**
 * A young-generation collection before each sample, so that each starts with an empty
 * nursery; a full one would cost seconds once a large workbook is in the heap.
 */
const scavenge = () => exposed?.({ type: 'minor' });

export interface Stat {
  readonly median: number;
  readonly p95: number;
  readonly samples: number;
}

export function stat(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  // p95 by nearest rank.
  const p95 = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1))];
  return { median, p95, samples: sorted.length };
}

/** One measurement: process CPU time (the table's) and wall time, in ms. */
export interface Timing {
  readonly cpu: Stat;
  readonly wall: Stat;
}

export interface Task {
  readonly name: string;
  /** Runs once; `round` is -1 during warm-up. */
  readonly run: (round: number) => void;
  /** Tasks with side effects (a recalculation) are never batched. */
  readonly batchable: boolean;
}

export function measure(run: () => void): { cpu: number; wall: number } {
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
export function interleave(
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
