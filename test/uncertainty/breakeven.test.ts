import { describe, expect, it } from 'vitest';
import { simulate, type SimulationResult } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { resolveScenario } from '../../shared/resolve';
import { breakeven, BREAKEVEN_TOLERANCE, TargetNotMetError } from '../../shared/uncertainty/breakeven';
import { ladderValues } from '../../shared/uncertainty/ladder';
import { AnalysisArgumentError } from '../../shared/uncertainty/draws';
import type { BreakevenTarget } from '../../shared/uncertainty/targets';
import { intervention, plan, stream } from '../core/helpers';
import { levelledCoreStream, valid } from './plans';

/** Section 4's example with the 2022/23 grant £60,000 × level. */
const grantLevel = valid(
  plan({
    variables: { level: 1 },
    fundingStreams: [levelledCoreStream()],
    interventions: [
      intervention('a', 60000, 1, { noticeMonths: 3, serviceUsers: 50 }),
      intervention('b', 48000, 2, { noticeMonths: 3, exitCost: 6000, serviceUsers: 30 }),
      intervention('c', 12000, 3, { category: 'central', noticeMonths: 1 }),
    ],
    // Prudent, with 2022/23 confirmed before any notice deadline, so that the level decides.
    scenarios: [
      {
        id: 'prudent-early',
        name: 'Prudent, known early',
        stance: 'prudent',
        changes: [{ stream: 'core', fy: '2022/23', confirmedOn: '2021-12-01' }],
      },
    ],
  }),
);

/**
 * A grant that covers everything, with a condition of 50% commissioned: commissioned
 * spend £100,000 × scale against £60,000 central complies from scale 0.6.
 */
const condition = valid(
  plan({
    variables: { scale: 1 },
    fundingStreams: [
      stream(
        'core',
        [
          { fy: '2021/22', amount: 1000000 },
          { fy: '2022/23', amount: 1000000 },
        ],
        { conditions: { minCommissionedShare: 0.5 } },
      ),
    ],
    interventions: [intervention('commissioned', '=100000 * scale', 1), intervention('team', 60000, 2, { category: 'central' })],
  }),
);

/**
 * One service of £60,000 a year, 3 months' notice; 2022/23's grant of £60,000 × level is
 * confirmed in June. Below level 1 it closes after August, and its run-on of £25,000 is
 * drawn where the grant falls short: nothing is drawn from level 25/60.
 */
const oneService = valid(
  plan({
    variables: { level: 1 },
    fundingStreams: [
      stream('core', [
        { fy: '2021/22', amount: 60000, confirmedOn: '2021-03-01' },
        { fy: '2022/23', amount: '=60000 * level', confirmedOn: '2022-06-10' },
      ]),
    ],
    interventions: [intervention('a', 60000, 1, { noticeMonths: 3, serviceUsers: 50 })],
  }),
);

const PLANS: Record<string, Plan> = { grantLevel, condition, oneService };

const holds = (target: BreakevenTarget, r: SimulationResult) =>
  target === 'no-closures' ? r.totals.closures === 0 : target === 'no-drawn' ? r.totals.drawn === 0 : r.totals.nonCompliantYears === 0;
const at = (p: Plan, scenarioId: string, variable: string, value: number) =>
  simulate(resolveScenario(p, scenarioId, { [variable]: value }).scenario!);

describe('breakeven', () => {
  it.each([
    ['no-closures', 'grantLevel', 'base', 'level', 0, 3, 0.005],
    ['no-closures', 'grantLevel', 'prudent-early', 'level', 0, 3, 0.005],
    ['no-closures', 'oneService', 'base', 'level', 0.5, 1.5, 0.002],
    ['no-drawn', 'oneService', 'base', 'level', 0, 2, 0.004],
    ['no-drawn', 'grantLevel', 'base', 'level', 1.8, 3, 0.002],
    ['compliant', 'condition', 'base', 'scale', 0, 2, 0.004],
  ] as const)('%s in %s (%s) agrees with a scan in fine steps', (target, planName, scenarioId, variable, lo, hi, step) => {
    const p = PLANS[planName];
    const scan = ladderValues(lo, hi, step).map((value) => ({ value, ok: holds(target, at(p, scenarioId, variable, value)) }));
    const first = scan.findIndex((s) => s.ok);
    // The plan switches once, from failing to holding, inside the range.
    expect(first).toBeGreaterThan(0);
    expect(scan.slice(first).every((s) => s.ok)).toBe(true);
    const { value } = breakeven(p, scenarioId, variable, target, lo, hi);
    expect(value).toBeGreaterThan(scan[first - 1].value);
    expect(value).toBeLessThanOrEqual(scan[first].value + BREAKEVEN_TOLERANCE);
    expect(holds(target, at(p, scenarioId, variable, value))).toBe(true);
    expect(holds(target, at(p, scenarioId, variable, value - BREAKEVEN_TOLERANCE))).toBe(false);
  });

  it('finds a boundary a reader can check, and gives it as a short decimal', () => {
    // £100,000 × scale against £60,000 complies from 0.6 (0.59999995 rounds to £60,000.00).
    const compliant = breakeven(condition, 'base', 'scale', 'compliant', 0, 2).value;
    expect(Math.abs(compliant - 0.6)).toBeLessThan(BREAKEVEN_TOLERANCE);
    expect(String(compliant)).toMatch(/^0\.\d{1,7}$/);
    // Under wait, b and c fit from £120,000 in 2022/23: a level of 2 (to the penny, a little below).
    const { value } = breakeven(grantLevel, 'base', 'level', 'no-closures', 0, 3);
    expect(Math.abs(value - 2)).toBeLessThan(BREAKEVEN_TOLERANCE);
    // Nothing is drawn once the grant covers the £25,000 run-on.
    expect(Math.abs(breakeven(oneService, 'base', 'level', 'no-drawn', 0, 2).value - 25 / 60)).toBeLessThan(BREAKEVEN_TOLERANCE);
  });

  it('finds a boundary where the target starts to hold, not necessarily the smallest, when it holds, fails and holds again', () => {
    // In the worked example nothing is drawn from level 1.49 to 1.8 (b closes), then
    // £3,000 is (c's run-on), then nothing again from 1.85: the target is not monotone.
    const { value } = breakeven(grantLevel, 'base', 'level', 'no-drawn', 0, 3);
    expect(holds('no-drawn', at(grantLevel, 'base', 'level', value))).toBe(true);
    expect(holds('no-drawn', at(grantLevel, 'base', 'level', value - BREAKEVEN_TOLERANCE))).toBe(false);
  });

  it('gives lo when the target already holds there', () => {
    expect(breakeven(grantLevel, 'base', 'level', 'no-drawn', 2.5, 3)).toEqual({ value: 2.5, target: 'no-drawn' });
    expect(breakeven(grantLevel, 'base', 'level', 'no-closures', 2, 2)).toEqual({ value: 2, target: 'no-closures' });
  });

  it('fails with a typed error saying why when the target fails at hi', () => {
    expect(() => breakeven(grantLevel, 'base', 'level', 'no-closures', 0, 1)).toThrow(
      new TargetNotMetError('no-closures does not hold at level = 1, the top of the range: 2 interventions close (b, c)'),
    );
    expect(() => breakeven(grantLevel, 'base', 'level', 'no-drawn', 0, 1)).toThrow(
      'no-drawn does not hold at level = 1, the top of the range: £29,000.00 is drawn from Underwriter',
    );
    expect(() => breakeven(condition, 'base', 'scale', 'compliant', 0, 0.5)).toThrow('2 FYs break the grant condition');
  });

  it('refuses an unknown variable or target and a range that runs backwards', () => {
    expect(() => breakeven(grantLevel, 'base', 'levl', 'no-drawn', 0, 1)).toThrow(
      new AnalysisArgumentError('no variable "levl" in the plan (it has: level)'),
    );
    expect(() => breakeven(grantLevel, 'base', 'level', 'solvent' as BreakevenTarget, 0, 1)).toThrow(
      '"solvent" is not a target (no-closures, no-drawn, compliant)',
    );
    expect(() => breakeven(grantLevel, 'base', 'level', 'no-drawn', 2, 1)).toThrow(new AnalysisArgumentError('lo (2) is above hi (1)'));
  });
});
