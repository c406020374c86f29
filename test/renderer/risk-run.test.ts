// The Risk screen's worker pool, without workers: slices shared out by the one scheduler
// (shared/uncertainty/schedule.ts) to 1, 2 or 3 "workers" in whatever order they finish
// give exactly the same results.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import { formatProblem } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';
import { createRiskWorker, runBreakeven } from '../../renderer/logic/analysis';
import { createSliceRunner } from '../../renderer/logic/analysis';
import { assembleRisk, histogram, MAX_WORKERS, readWhole, type RiskView } from '../../renderer/logic/risk-run';
import type { DrawBatch } from '../../shared/uncertainty/draws';
import { DrawSchedule, SCREEN_SLICES, sliceDraws, sliceSize, workerCount, type Slice } from '../../shared/uncertainty/schedule';
import { demoPlan, workedExample } from './fixtures';

function valid(raw: unknown): Plan {
  const validation = validatePlan(raw);
  if (!validation.ok) throw new Error(validation.problems.map(formatProblem).join('\n'));
  return validation.plan;
}

/** The worked example, with b handed over to a partner from April 2022 with probability p. */
function handoverExample(p: number): Plan {
  const plan = workedExample();
  plan.scenarios = [
    {
      id: 'maybe-handover',
      name: 'Partner may take b over',
      uncertainty: [
        { variable: 'handover', dist: 'bernoulli', p },
        { variable: 'level', dist: 'triangular', min: 0.8, mode: 1, max: 1.1 },
      ],
      changes: [
        { stream: 'core', fy: '2022/23', amount: '=base * level' },
        { intervention: 'b', partnerShares: [{ from: '2022-04', share: '=handover', partner: 'CCG' }] },
      ],
    },
  ];
  return valid(plan);
}

/**
 * Runs the draws as the page does, with `workers` runners of their own: each free worker
 * takes the next slice; a pseudo-random worker finishes first each time, so results come
 * back out of order.
 */
function pool(plan: Plan, scenarioId: string, draws: number, seed: number, workers: number): RiskView {
  const schedule = new DrawSchedule<DrawBatch>(draws, sliceDraws(draws, sliceSize(draws, workers, SCREEN_SLICES)));
  const runners = Array.from({ length: workers }, () => createSliceRunner(plan, scenarioId, seed));
  const inFlight: { worker: number; slice: Slice | null }[] = [];
  for (let w = 0; w < workers; w++) inFlight.push({ worker: w, slice: schedule.take() });
  let turn = 7;
  while (schedule.state === 'running') {
    const busy = inFlight.filter((f) => f.slice);
    turn = (turn * 1103515245 + 12345) % 2147483648;
    const next = busy[turn % busy.length];
    schedule.complete(runners[next.worker].run(next.slice!));
    next.slice = schedule.take();
  }
  return assembleRisk(plan, scenarioId, draws, seed, schedule.inOrder());
}

describe('risk runs split across workers', () => {
  const plan = handoverExample(0.7);

  it('gives identical results with 1, 2 and 3 workers', () => {
    const one = pool(plan, 'maybe-handover', 600, 42, 1);
    const two = pool(plan, 'maybe-handover', 600, 42, 2);
    const three = pool(plan, 'maybe-handover', 600, 42, 3);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });

  it('closes b in about 1 − p of the draws, and hands it over in the rest', () => {
    const view = pool(plan, 'maybe-handover', 2000, 7, 3);
    const b = view.interventions.find((r) => r.id === 'b')!;
    expect(b.pClose).toBeGreaterThan(0.27);
    expect(b.pClose).toBeLessThan(0.33);
    expect(b.pClose + b.pTransition).toBe(1);
    // Sorted: most likely to close first.
    expect(view.interventions[0].pClose).toBeGreaterThanOrEqual(view.interventions[1].pClose);
    expect(view.fan).toHaveLength(24);
    // Percentiles in order, month by month.
    expect(view.fan.every((p) => p.p10 <= p.p50 && p.p50 <= p.p90)).toBe(true);
    expect(view.people.reduce((sum, bin) => sum + bin.draws, 0)).toBe(2000);
  });

  it('a different seed gives different draws', () => {
    expect(pool(plan, 'maybe-handover', 300, 1, 2).summary).not.toEqual(pool(plan, 'maybe-handover', 300, 2, 2).summary);
  });

  it('slices cover every draw once, in order, and never start more workers than slices', () => {
    const slices = sliceDraws(1003, sliceSize(1003, 4, SCREEN_SLICES));
    expect(slices[0].fromDraw).toBe(0);
    expect(slices.at(-1)!.toDraw).toBe(1003);
    slices.slice(1).forEach((s, i) => expect(s.fromDraw).toBe(slices[i].toDraw));
    expect(workerCount(16, MAX_WORKERS, 100)).toBe(4);
    expect(workerCount(2, MAX_WORKERS, 100)).toBe(2);
    expect(workerCount(undefined, MAX_WORKERS, 100)).toBe(1);
    expect(workerCount(8, MAX_WORKERS, 3)).toBe(3);
  });

  it('a worker reports a plan it cannot run rather than throwing', () => {
    const worker = createRiskWorker();
    expect(worker({ kind: 'risk-setup', run: 1, key: 'p', plan: plan, scenarioId: 'nope', seed: 1 })).toBeNull();
    const reply = worker({ kind: 'risk-slice', run: 1, slice: { fromDraw: 0, toDraw: 5 } });
    expect(reply).toMatchObject({ kind: 'risk-slice', run: 1, ok: false });
    expect((reply as { message: string }).message).toContain('no scenario "nope"');
    expect(reply).toMatchObject({ drawIndex: 0 });
  });

  it('a worker names the draw whose formulas fail, so the lowest failure can win', () => {
    const raw = structuredClone(plan) as Plan;
    raw.scenarios![0].uncertainty = [{ variable: 'handover', dist: 'uniform', min: 0.5, max: 1.5 }, raw.scenarios![0].uncertainty![1]];
    const worker = createRiskWorker();
    worker({ kind: 'risk-setup', run: 1, key: 'p', plan: raw, scenarioId: 'maybe-handover', seed: 1 });
    const reply = worker({ kind: 'risk-slice', run: 1, slice: { fromDraw: 0, toDraw: 50 } });
    expect(reply).toMatchObject({ kind: 'risk-slice', ok: false });
    const { drawIndex, message } = reply as { drawIndex: number; message: string };
    expect(message).toMatch(new RegExp(`^draw ${drawIndex} \\(seed 1; handover = 1\\.\\d+, level = [\\d.]+\\): `));
  });

  it('a kept worker holds the plans it was sent: later runs name them by key, with the same draws', () => {
    const worker = createRiskWorker();
    const slice = (run: number, fromDraw: number, toDraw: number) => {
      const reply = worker({ kind: 'risk-slice', run, slice: { fromDraw, toDraw } });
      if (reply?.kind !== 'risk-slice' || !reply.ok) throw new Error(`no batch: ${JSON.stringify(reply)}`);
      expect(reply.run).toBe(run);
      return reply.batch;
    };
    worker({ kind: 'risk-setup', run: 1, key: 'a', plan, scenarioId: 'maybe-handover', seed: 3 });
    const first = slice(1, 0, 40);
    expect(first).toEqual(createSliceRunner(plan, 'maybe-handover', 3).run({ fromDraw: 0, toDraw: 40 }));
    // The same plan by key only, another seed, then the first seed again.
    worker({ kind: 'risk-setup', run: 2, key: 'a', scenarioId: 'maybe-handover', seed: 4 });
    expect(slice(2, 0, 40)).toEqual(createSliceRunner(plan, 'maybe-handover', 4).run({ fromDraw: 0, toDraw: 40 }));
    worker({ kind: 'risk-setup', run: 3, key: 'a', scenarioId: 'maybe-handover', seed: 3 });
    expect(slice(3, 0, 40)).toEqual(first);
    // Another plan under another key; the first is still held.
    const other = handoverExample(0.2);
    worker({ kind: 'risk-setup', run: 4, key: 'b', plan: other, scenarioId: 'maybe-handover', seed: 3 });
    expect(slice(4, 0, 40)).toEqual(createSliceRunner(other, 'maybe-handover', 3).run({ fromDraw: 0, toDraw: 40 }));
    worker({ kind: 'risk-setup', run: 5, key: 'a', scenarioId: 'maybe-handover', seed: 3 });
    expect(slice(5, 0, 40)).toEqual(first);
    // A key it was never sent is said plainly.
    worker({ kind: 'risk-setup', run: 6, key: 'never', scenarioId: 'maybe-handover', seed: 3 });
    expect(worker({ kind: 'risk-slice', run: 6, slice: { fromDraw: 0, toDraw: 5 } })).toMatchObject({
      ok: false,
      message: 'the risk worker does not hold plan never',
    });
  });

  it('reads draws and seeds as whole numbers in range', () => {
    expect(readWhole('2000', 1, 100_000, 'Draws')).toEqual({ value: 2000, message: null });
    expect(readWhole('0', 1, 100_000, 'Draws')).toEqual({ value: null, message: 'Draws must be a whole number from 1 to 100,000' });
    expect(readWhole('1.5', 0, 10, 'The seed').value).toBeNull();
  });
});

describe('histogram of people losing support', () => {
  it('has bars of equal, round widths: one per number of people when the range is narrow', () => {
    expect(histogram([3, 5, 5, 3, 5])).toEqual([
      { from: 3, to: 3, label: '3', draws: 2, share: 0.4 },
      { from: 4, to: 4, label: '4', draws: 0, share: 0 },
      { from: 5, to: 5, label: '5', draws: 3, share: 0.6 },
    ]);
    // 0 to 805 people: bars 50 wide from 0, so the axis reads 0–49, 50–99, … 800–849.
    const wide = histogram([0, 40, 120, 655, 655, 805]);
    expect(wide).toHaveLength(17);
    expect(wide[0]).toMatchObject({ from: 0, to: 49, label: '0–49', draws: 2 });
    expect(wide[13]).toMatchObject({ label: '650–699', draws: 2 });
    expect(wide[16]).toMatchObject({ label: '800–849', draws: 1 });
    expect(wide.reduce((sum, b) => sum + b.draws, 0)).toBe(6);
  });
});

describe('break-even in the worker', () => {
  /** The grant level that keeps every service open in the demo plan's 25% cut, searched from 0 to `hi`. */
  const noClosuresInTheCut = (hi: number) =>
    runBreakeven({
      kind: 'breakeven',
      id: 1,
      plan: demoPlan(),
      scenarioId: 'cut-25-june',
      variable: 'grantLevel',
      target: 'no-closures',
      lo: 0,
      hi,
    });

  it('finds the grant level that keeps every service open in the 25% cut, with the amounts it gives', () => {
    const answer = noClosuresInTheCut(1);
    expect(answer.status).toBe('found');
    if (answer.status !== 'found') return;
    expect(answer.value).toBeGreaterThan(0.75);
    expect(answer.value).toBeLessThanOrEqual(1);
    // The VRU grant of 2021/22 and 2022/23 are "=3307000 * grantLevel"; the resolver rounds to pence.
    expect(answer.amounts.map((a) => `${a.stream} ${a.fy}`)).toEqual(['ho-core 2021/22', 'ho-core 2022/23']);
    expect(Math.abs(answer.amounts[0].amount - 330700000 * answer.value)).toBeLessThanOrEqual(0.5);
  });

  it('says what stands in the way when the target fails at the top of the range', () => {
    const answer = noClosuresInTheCut(0.5);
    expect(answer.status).toBe('not-met');
    if (answer.status === 'not-met') expect(answer.closures.length).toBeGreaterThan(0);
  });
});
