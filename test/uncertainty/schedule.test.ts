// The one slice scheduler behind the CLI's thread pool and the app's web workers: slices
// cover every draw once, results come back in draw order whatever order they finish in,
// the lowest failing draw wins, and a cancelled run hands out nothing more.
import { describe, expect, it } from 'vitest';
import {
  DrawSchedule,
  guidedSlices,
  guidedTail,
  inDrawOrder,
  SCREEN_SLICES,
  sliceDraws,
  sliceSize,
  workerCount,
  type Slice,
} from '../../shared/uncertainty/schedule';

/** A result that says which draws it holds. */
interface Result extends Slice {
  readonly draws: number[];
}
const resultOf = (s: Slice): Result => ({ ...s, draws: Array.from({ length: s.toDraw - s.fromDraw }, (_, k) => s.fromDraw + k) });

/** A seeded shuffle (a linear congruential generator), so the order is arbitrary but repeatable. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Runs a schedule with `workers` pretend workers: each takes a slice when free, and a
 * seeded choice of the busy ones finishes next. Returns the draws in the order inOrder gives.
 */
function drive(draws: number, workers: number, size: number, seed: number): number[] {
  const schedule = new DrawSchedule<Result>(draws, sliceDraws(draws, size));
  const out: (Slice | null)[] = Array.from({ length: workerCount(workers, 64, schedule.slices.length) }, () => schedule.take());
  let state = seed;
  while (schedule.state === 'running') {
    const busy = out.map((s, w) => (s ? w : -1)).filter((w) => w >= 0);
    state = (state * 1103515245 + 12345) % 2147483648;
    const w = busy[state % busy.length];
    schedule.complete(resultOf(out[w]!));
    out[w] = schedule.take();
  }
  expect(schedule.state).toBe('finished');
  expect(schedule.done).toBe(draws);
  return schedule.inOrder().flatMap((r) => r.draws);
}

describe('slices', () => {
  it('cover draws 0..N-1 exactly once, in order, for any size', () => {
    for (const draws of [0, 1, 7, 250, 1003]) {
      for (const size of [1, 3, 50, 250, 5000]) {
        const covered = sliceDraws(draws, size).flatMap((s) => {
          expect(s.toDraw - s.fromDraw).toBeGreaterThan(0);
          expect(s.toDraw - s.fromDraw).toBeLessThanOrEqual(size);
          return resultOf(s).draws;
        });
        expect(covered).toEqual(Array.from({ length: draws }, (_, k) => k));
      }
    }
    expect(() => sliceDraws(10, 0)).toThrow(RangeError);
    expect(() => sliceDraws(1.5, 1)).toThrow(RangeError);
  });

  it('between threads are guided: each half a worker’s share of what is left, shrinking to a tail, covering 0..N-1 once in order', () => {
    for (const draws of [0, 1, 7, 250, 1003, 10_000, 100_000]) {
      for (const workers of [1, 2, 3, 4, 64]) {
        const slices = guidedSlices(draws, workers);
        const tail = guidedTail(draws, workers);
        expect(slices.flatMap((s) => resultOf(s).draws)).toEqual(Array.from({ length: draws }, (_, k) => k));
        slices.forEach((s, i) => {
          const size = s.toDraw - s.fromDraw;
          expect(size).toBe(Math.min(draws - s.fromDraw, Math.max(tail, Math.ceil((draws - s.fromDraw) / (2 * workers)))));
          if (i > 0) expect(size).toBeLessThanOrEqual(slices[i - 1].toDraw - slices[i - 1].fromDraw);
        });
      }
    }
    // 10,000 draws on 2 threads: 2500 first, then smaller, ending in slices of 79.
    const sizes = guidedSlices(10_000, 2).map((s) => s.toDraw - s.fromDraw);
    expect(sizes.slice(0, 3)).toEqual([2500, 1875, 1407]);
    expect(sizes.at(-2)).toBe(79);
    expect(sizes.length).toBeLessThan(40);
    expect(guidedTail(10_000_000, 2)).toBe(100);
    expect(guidedTail(3, 4)).toBe(1);
    expect(() => guidedSlices(10, 0)).toThrow(RangeError);
    expect(() => guidedSlices(10, 2, 0)).toThrow(RangeError);
  });

  it('on screen are small, by the screen’s policy', () => {
    expect(sliceSize(10_000, 4, SCREEN_SLICES)).toBe(50);
    expect(sliceSize(2000, 4, SCREEN_SLICES)).toBe(32);
    expect(sliceSize(10, 4, SCREEN_SLICES)).toBe(5);
  });

  it('never need more workers than there are slices, nor more than the most allowed', () => {
    expect(workerCount(16, 4, 100)).toBe(4);
    expect(workerCount(2, 4, 100)).toBe(2);
    expect(workerCount(undefined, 4, 100)).toBe(1);
    expect(workerCount(0, 4, 100)).toBe(1);
    expect(workerCount(8, 64, 3)).toBe(3);
  });
});

describe('the schedule', () => {
  it('gives every draw once, in draw order, with any number of workers and any order of completion', () => {
    const all = Array.from({ length: 1003 }, (_, k) => k);
    for (const workers of [1, 2, 3, 4, 7, 64]) {
      for (const seed of [1, 2, 3]) expect(drive(1003, workers, 37, seed)).toEqual(all);
    }
  });

  it('puts results back in draw order whatever order they arrive in, and refuses gaps and repeats', () => {
    const results = sliceDraws(100, 9).map(resultOf);
    for (const seed of [5, 6, 7]) expect(inDrawOrder(shuffled(results, seed), 100)).toEqual(results);
    expect(() => inDrawOrder(results.slice(1), 100)).toThrow('draws 0 to 8 are missing');
    expect(() => inDrawOrder(results.slice(0, -1), 100)).toThrow('draws 99 to 99 are missing');
    expect(() => inDrawOrder([...results, results[3]], 100)).toThrow('draw 27 is given twice');
  });

  it('hands out slices in draw order and is running while any is out', () => {
    const schedule = new DrawSchedule<Result>(10, sliceDraws(10, 4));
    const a = schedule.take()!;
    const b = schedule.take()!;
    const c = schedule.take()!;
    expect([a, b, c]).toEqual([
      { fromDraw: 0, toDraw: 4 },
      { fromDraw: 4, toDraw: 8 },
      { fromDraw: 8, toDraw: 10 },
    ]);
    expect(schedule.take()).toBeNull();
    schedule.complete(resultOf(c));
    schedule.complete(resultOf(a));
    expect(schedule.state).toBe('running');
    expect(schedule.busy).toBe(1);
    expect(schedule.done).toBe(6);
    expect(() => schedule.inOrder()).toThrow('the run is running, not finished');
    schedule.complete(resultOf(b));
    expect(schedule.state).toBe('finished');
    expect(schedule.inOrder().map((r) => r.fromDraw)).toEqual([0, 4, 8]);
  });

  it('after a failure hands out nothing more, and the lowest failing draw wins once all are back', () => {
    const schedule = new DrawSchedule<Result, string>(40, sliceDraws(40, 10));
    const slices = [schedule.take()!, schedule.take()!, schedule.take()!];
    schedule.fail(27, 'draw 27 fails');
    expect(schedule.take()).toBeNull();
    expect(schedule.state).toBe('running');
    expect(schedule.failure).toBeNull();
    schedule.fail(13, 'draw 13 fails');
    schedule.complete(resultOf(slices[0]));
    expect(schedule.state).toBe('failed');
    expect(schedule.failure).toBe('draw 13 fails');
    // Later answers in the other order give the same failure.
    const other = new DrawSchedule<Result, string>(40, sliceDraws(40, 10));
    other.take();
    other.take();
    other.fail(13, 'draw 13 fails');
    other.fail(27, 'draw 27 fails');
    expect(other.failure).toBe('draw 13 fails');
  });

  it('hands a slice whose worker was lost out again, before the rest, and finishes only once it is back', () => {
    const schedule = new DrawSchedule<Result>(30, sliceDraws(30, 10));
    const [a, b] = [schedule.take()!, schedule.take()!];
    schedule.complete(resultOf(a));
    schedule.retry(b);
    expect(schedule.busy).toBe(0);
    expect(schedule.state).toBe('running');
    expect(schedule.take()).toEqual({ fromDraw: 10, toDraw: 20 });
    const c = schedule.take()!;
    expect(c).toEqual({ fromDraw: 20, toDraw: 30 });
    schedule.complete(resultOf(c));
    expect(schedule.state).toBe('running');
    schedule.complete(resultOf(b));
    expect(schedule.state).toBe('finished');
    expect(schedule.inOrder().flatMap((r) => r.draws)).toEqual(Array.from({ length: 30 }, (_, k) => k));
  });

  it('once cancelled, hands out nothing more and ignores what comes back', () => {
    const schedule = new DrawSchedule<Result>(30, sliceDraws(30, 10));
    const first = schedule.take()!;
    schedule.cancel();
    expect(schedule.take()).toBeNull();
    schedule.complete(resultOf(first));
    expect(schedule.done).toBe(0);
    expect(schedule.state).toBe('cancelled');
    expect(schedule.failure).toBeNull();
    expect(() => schedule.inOrder()).toThrow('the run is cancelled, not finished');
  });
});
