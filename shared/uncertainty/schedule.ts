// How a risk run's draws are shared out (plan-format.md §9): cut into slices, handed in
// draw order to whichever worker is free, and put back in draw order. Pure bookkeeping,
// used by the command line's thread pool (electron/risk/pool.ts) and the app's web
// workers (renderer/store/analysis-client.ts) alike. Draw k depends only on (seed, k), so
// any slicing and any order of completion gives the same numbers.

/** Draws fromDraw (inclusive) to toDraw (exclusive). */
export interface Slice {
  readonly fromDraw: number;
  readonly toDraw: number;
}

/** How big slices are: about 1/perWorker of each worker's share, between min and max draws. */
export interface SlicePolicy {
  readonly perWorker: number;
  readonly min: number;
  readonly max: number;
}

/** The app: small slices keep the progress bar moving and let a fast worker take more of them. */
export const SCREEN_SLICES: SlicePolicy = { perWorker: 16, min: 5, max: 50 };

export function sliceSize(draws: number, workers: number, policy: SlicePolicy): number {
  return Math.min(policy.max, Math.max(policy.min, Math.ceil(draws / (workers * policy.perWorker))));
}

/** Slices of `size` draws (the last may be shorter) covering 0..draws-1 once each, in order. */
export function sliceDraws(draws: number, size: number): Slice[] {
  if (!Number.isSafeInteger(draws) || draws < 0) throw new RangeError(`the number of draws must be a whole number, not ${draws}`);
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`a slice must be a whole number of draws 1 or more, not ${size}`);
  const slices: Slice[] = [];
  for (let from = 0; from < draws; from += size) slices.push({ fromDraw: from, toDraw: Math.min(draws, from + size) });
  return slices;
}

/**
 * Guided slices (the command line's): each about 1/(2 × workers) of the draws not yet
 * handed out, so the first are big (few messages) and they shrink towards the end, where
 * slices of `tail` draws or fewer let every worker finish at about the same time. Covers
 * 0..draws-1 once each, in order.
 */
export function guidedSlices(draws: number, workers: number, tail = guidedTail(draws, workers)): Slice[] {
  if (!Number.isSafeInteger(draws) || draws < 0) throw new RangeError(`the number of draws must be a whole number, not ${draws}`);
  if (!Number.isSafeInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number 1 or more, not ${workers}`);
  if (!Number.isSafeInteger(tail) || tail < 1) throw new RangeError(`a slice must be a whole number of draws 1 or more, not ${tail}`);
  const slices: Slice[] = [];
  for (let from = 0; from < draws;) {
    const size = Math.max(tail, Math.ceil((draws - from) / (2 * workers)));
    const to = Math.min(draws, from + size);
    slices.push({ fromDraw: from, toDraw: to });
    from = to;
  }
  return slices;
}

/** The smallest guided slice: about 1/64 of a worker's share, 1 to 100 draws. */
export function guidedTail(draws: number, workers: number): number {
  return Math.min(100, Math.max(1, Math.ceil(draws / (workers * 64))));
}

/** Workers to use: what was offered (1 when unknown), at most `max`, never more than there are slices. */
export function workerCount(offered: number | undefined, max: number, slices: number): number {
  const usable = Number.isInteger(offered) && offered! > 0 ? offered! : 1;
  return Math.max(1, Math.min(max, usable, slices));
}

/**
 * Results in draw order, checked to cover draws 0..draws-1 exactly once, whatever order
 * they came back in.
 */
export function inDrawOrder<R extends Slice>(results: readonly R[], draws: number): R[] {
  const sorted = [...results].sort((a, b) => a.fromDraw - b.fromDraw);
  let next = 0;
  for (const r of sorted) {
    if (r.fromDraw < next) throw new Error(`draw ${r.fromDraw} is given twice`);
    if (r.fromDraw > next) throw new Error(`draws ${next} to ${r.fromDraw - 1} are missing`);
    next = r.toDraw;
  }
  if (next !== draws) throw new Error(`draws ${next} to ${draws - 1} are missing`);
  return sorted;
}

export type ScheduleState = 'running' | 'finished' | 'failed' | 'cancelled';

/**
 * One run's slices: which is next, how many are out, what came back. After a failure no
 * more slices are handed out, and the failure of the lowest draw wins once every slice
 * out has come back, so the message does not depend on which worker was quicker.
 */
export class DrawSchedule<R extends Slice, E = Error> {
  private next = 0;
  private out = 0;
  /** Slices handed out whose worker was lost, to hand out again before the rest. */
  private readonly again: Slice[] = [];
  private readonly results: R[] = [];
  private failed: { readonly drawIndex: number; readonly error: E } | null = null;
  private cancelled = false;
  /** Draws come back so far. */
  done = 0;

  constructor(
    readonly draws: number,
    readonly slices: readonly Slice[],
  ) {}

  /** The next slice for a free worker, or null when there is none to hand out. */
  take(): Slice | null {
    if (this.failed || this.cancelled) return null;
    const again = this.again.shift();
    if (again) {
      this.out++;
      return again;
    }
    if (this.next >= this.slices.length) return null;
    this.out++;
    return this.slices[this.next++];
  }

  /** A slice handed out will not come back (its worker was lost): it is handed out again. */
  retry(slice: Slice): void {
    if (this.cancelled) return;
    this.out--;
    this.again.push(slice);
    this.again.sort((a, b) => a.fromDraw - b.fromDraw);
  }

  /** A slice came back with its results. */
  complete(result: R): void {
    if (this.cancelled) return;
    this.out--;
    this.results.push(result);
    this.done += result.toDraw - result.fromDraw;
  }

  /** A slice came back failed at `drawIndex`. */
  fail(drawIndex: number, error: E): void {
    if (this.cancelled) return;
    this.out--;
    if (!this.failed || drawIndex < this.failed.drawIndex) this.failed = { drawIndex, error };
  }

  /** Stops handing out slices; what comes back later is ignored. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Slices handed out and not yet back. */
  get busy(): number {
    return this.out;
  }

  get state(): ScheduleState {
    if (this.cancelled) return 'cancelled';
    if (this.out > 0) return 'running';
    if (this.failed) return 'failed';
    return this.next >= this.slices.length && this.again.length === 0 ? 'finished' : 'running';
  }

  /** The failure that ends the run (the lowest draw's), once the state is 'failed'. */
  get failure(): E | null {
    return this.state === 'failed' ? this.failed!.error : null;
  }

  /** Every result, in draw order; only once the run has finished. */
  inOrder(): R[] {
    if (this.state !== 'finished') throw new Error(`the run is ${this.state}, not finished`);
    return inDrawOrder(this.results, this.draws);
  }
}

/** Plans (and draw runners) a kept worker holds at once; whoever sends it plans forgets them in the same order. */
export const PLANS_KEPT = 4;

/** Adds `key` to an insertion-ordered map, forgetting the oldest beyond `limit`. */
export function keepNewest<V>(kept: Map<string, V>, key: string, value: V, limit = PLANS_KEPT): void {
  kept.delete(key);
  kept.set(key, value);
  while (kept.size > limit) kept.delete(kept.keys().next().value!);
}
