import { describe, expect, it } from 'vitest';
import { resultToJson } from '../../shared/result-json';
import { ladder, ladderValues, MAX_LADDER_ROWS } from '../../shared/uncertainty/ladder';
import { AnalysisArgumentError, AnalysisError } from '../../shared/uncertainty/draws';
import { intervention, plan, run } from '../core/helpers';
import { levelledCoreStream, valid } from './plans';

/** Section 4's worked example with the 2022/23 grant as a variable `level` of £60,000. */
function workedExample(): any {
  return plan({
    variables: { level: 1 },
    underwriting: { by: 'OPCC', limit: 50000 },
    fundingStreams: [levelledCoreStream()],
    interventions: [
      intervention('a', 60000, 1, { noticeMonths: 3, serviceUsers: 50 }),
      intervention('b', 48000, 2, { noticeMonths: 3, exitCost: 6000, serviceUsers: 30, transition: { to: 'Early help', capacity: 10 } }),
      intervention('c', 12000, 3, { category: 'central', noticeMonths: 1 }),
    ],
    scenarios: [
      { id: 'prudent', name: 'Serve notice unless confirmed', stance: 'prudent' },
      {
        id: 'uncertain',
        name: 'Level and timing uncertain',
        uncertainty: [
          { variable: 'level', dist: 'triangular', min: 0.5, mode: 1, max: 2 },
          { variable: 'delay', dist: 'discrete', values: [0, 2, 4], weights: [1, 1, 2] },
        ],
        changes: [{ stream: 'core', fy: '2022/23', confirmDelay: '=delay' }],
      },
    ],
  });
}

/** What `headroom simulate` gives with the scenario's `variables` set to the value. */
function simulateAt(raw: any, scenarioId: string, variable: string, value: number) {
  const copy = structuredClone(raw);
  if (scenarioId === 'base') copy.variables = { ...copy.variables, [variable]: value };
  else {
    const scenario = copy.scenarios.find((s: { id: string }) => s.id === scenarioId);
    scenario.variables = { ...scenario.variables, [variable]: value };
  }
  const result = run(copy)[scenarioId];
  return { totals: resultToJson(result).totals, closes: result.interventions.filter((r) => r.outcome === 'closes').map((r) => r.id) };
}

describe('ladder', () => {
  it.each([
    ['base', 'level', 0, 2.5, 0.25],
    ['prudent', 'level', 0.5, 2, 0.5],
    ['uncertain', 'delay', 0, 4, 1],
    ['uncertain', 'level', 1.9, 2.1, 0.05],
  ])('%s, %s from %d to %d by %d: each row is a simulation at that value', (scenarioId, variable, from, to, step) => {
    const raw = workedExample();
    const { rows } = ladder(valid(raw), scenarioId, variable, from, to, step);
    expect(rows.length).toBe(Math.round((to - from) / step) + 1);
    for (const row of rows) expect({ totals: row.totals, closes: row.closes }).toEqual(simulateAt(raw, scenarioId, variable, row.value));
    // The rows really differ: the variable reaches the plan.
    expect(new Set(rows.map((r) => JSON.stringify(r.totals))).size).toBeGreaterThan(1);
  });

  it('matches the worked example by hand at level 1 and level 2', () => {
    const { rows } = ladder(valid(workedExample()), 'base', 'level', 1, 2, 1);
    expect(rows).toEqual([
      { value: 1, totals: { spend: 209000, drawn: 29000, closures: 2, avoidableClosures: 0, usersLosingSupport: 20 }, closes: ['b', 'c'] },
      { value: 2, totals: { spend: 240000, drawn: 0, closures: 0, avoidableClosures: 0, usersLosingSupport: 0 }, closes: [] },
    ]);
  });

  it('refuses a variable the scenario does not have, naming those it has', () => {
    expect(() => ladder(valid(workedExample()), 'prudent', 'levle', 0, 1, 0.5)).toThrow(
      new AnalysisArgumentError('no variable "levle" in scenario "prudent" (it has: level)'),
    );
    expect(() => ladder(valid(workedExample()), 'uncertain', 'x', 0, 1, 0.5)).toThrow('(it has: level, delay)');
    expect(() => ladder(valid(workedExample()), 'nope', 'level', 0, 1, 0.5)).toThrow('no scenario "nope"');
  });

  it('names the value and the place when a formula fails there', () => {
    const raw = workedExample();
    raw.scenarios[0].changes = [{ intervention: 'b', partnerShares: [{ from: '2022-04', share: '=level / 2', partner: 'CCG' }] }];
    expect(() => ladder(valid(raw), 'prudent', 'level', 1, 3, 1)).toThrow(
      new AnalysisError(
        'at level = 3: scenarios[0].changes[0].partnerShares[0].share: 1.5 is not a share between 0 and 1 (scenario "prudent")',
      ),
    );
  });
});

describe('ladderValues', () => {
  it('computes each value as from + i × step, with no float error carried along', () => {
    const values = ladderValues(0, 1, 0.1);
    expect(values).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    // Adding 0.1 ten times gives 0.9999999999999999 and loses the last row.
    let naive = 0;
    for (let i = 0; i < 10; i++) naive += 0.1;
    expect(naive).not.toBe(1);
    expect(ladderValues(0.05, 0.35, 0.1)).toEqual([0.05, 0.15, 0.25, 0.35]);
    expect(ladderValues(-1, 1, 0.5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(ladderValues(0, 1, 0.3)).toEqual([0, 0.3, 0.6, 0.9]); // `to` is not a step away: it is left out
    expect(ladderValues(2, 2, 1)).toEqual([2]);
    expect(ladderValues(1.7, 1.9, 0.1)).toEqual([1.7, 1.8, 1.9]);
  });

  it('refuses a step that is not above 0, a range that runs backwards, and too many rows', () => {
    expect(() => ladderValues(0, 1, 0)).toThrow(new AnalysisArgumentError('the step must be above 0, not 0'));
    expect(() => ladderValues(0, 1, -0.1)).toThrow('the step must be above 0, not -0.1');
    expect(() => ladderValues(1, 0, 0.1)).toThrow(new AnalysisArgumentError('from (1) is above to (0)'));
    expect(() => ladderValues(0, Infinity, 1)).toThrow('to must be a number');
    expect(ladderValues(1, MAX_LADDER_ROWS, 1)).toHaveLength(MAX_LADDER_ROWS);
    expect(() => ladderValues(0, MAX_LADDER_ROWS, 1)).toThrow(`is ${MAX_LADDER_ROWS + 1} rows; the most is ${MAX_LADDER_ROWS}`);
    expect(() => ladderValues(0, 1, 1e-9)).toThrow(AnalysisArgumentError);
  });
});
