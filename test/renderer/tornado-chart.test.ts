// The tornado card's rows and sentence (renderer/logic/tornado-chart.ts): tornado()'s rows in
// its order, each a bar from the money drawn at the 10th percentile to that at the 90th, the
// percentiles in the row's label (a grant level as % of the planned grant), money in the
// screen's whole pounds, and the sentence naming what moves the money drawn most.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plan';
import { tornado, type Tornado } from '../../shared/uncertainty/tornado';
import { moneyOfPounds } from '../../renderer/logic/format';
import { fundingVariables } from '../../renderer/logic/scenario-edits';
import { importanceSentence, percentileText, tornadoChartRows } from '../../renderer/logic/tornado-chart';
import { demoPlan } from './fixtures';

/** The demo plan's 25% cut with the grant level and a delay to the 2021/22 confirmation (0 to 3 months; its 90th percentile is 2) uncertain. */
function twoUncertain(): Plan {
  const plan = demoPlan();
  const cut = plan.scenarios!.find((s) => s.id === 'cut-25-june')!;
  cut.variables = { ...cut.variables, delay: 0 };
  const change = cut.changes![0] as Record<string, unknown>;
  delete change.confirmedOn;
  change.confirmDelay = '=2 + delay';
  cut.uncertainty = [
    { variable: 'delay', dist: 'discrete', values: [0, 1, 2, 3], weights: [4, 3, 2, 1] },
    { variable: 'grantLevel', dist: 'triangular', min: 0.6, mode: 0.75, max: 1 },
  ];
  return plan;
}

const totals = (drawn: number) => ({ spend: 0, drawn, closures: 0, avoidableClosures: 0, usersLosingSupport: 0 });

describe('the tornado chart rows', () => {
  it('keep tornado()’s order and figures, with the percentiles in each label and the bar from the smaller drawn to the larger', () => {
    const plan = twoUncertain();
    const answer = tornado(plan, 'cut-25-june');
    const rows = tornadoChartRows(answer, fundingVariables(plan));
    expect(rows.map((r) => r.variable)).toEqual(answer.rows.map((r) => r.variable));
    for (const [k, row] of rows.entries()) {
      const source = answer.rows[k];
      expect(row.drawnAtLow).toBe(source.lowTotals.drawn);
      expect(row.drawnAtHigh).toBe(source.highTotals.drawn);
      expect(row.swing).toBe(source.drawnSwing);
      expect(row.range[0]).toBe(Math.min(source.lowTotals.drawn, source.highTotals.drawn));
      expect(row.range[1]).toBe(Math.max(source.lowTotals.drawn, source.highTotals.drawn));
      expect(row.range[0]).toBeLessThanOrEqual(row.range[1]);
    }
    const level = rows.find((r) => r.variable === 'grantLevel')!;
    const levelSource = answer.rows.find((r) => r.variable === 'grantLevel')!;
    // The grant level reads as a share of the planned grant; the delay as the months it is.
    expect(level.label).toBe(`grantLevel (${percentileText(levelSource.low, true)} to ${percentileText(levelSource.high, true)})`);
    expect(level.lowText).toMatch(/^\d+\.\d%$/);
    expect(rows.find((r) => r.variable === 'delay')!.label).toBe('delay (0 to 2)');
    // A lower grant level draws more from the underwriter.
    expect(level.drawnAtLow).toBeGreaterThan(level.drawnAtHigh);
  });

  it('show a percentile to 3 decimals unless it is a grant level', () => {
    expect(percentileText(0.123456, false)).toBe('0.123');
    expect(percentileText(2, false)).toBe('2');
    expect(percentileText(0.6474, true)).toBe('64.7%');
  });
});

describe('the importance sentence', () => {
  it('names the first row and its swing in whole pounds', () => {
    const plan = twoUncertain();
    const answer = tornado(plan, 'cut-25-june');
    const top = answer.rows[0];
    expect(top.drawnSwing).toBeGreaterThan(0);
    expect(importanceSentence(answer)).toBe(
      `What moves the money drawn most: ${top.variable} (${moneyOfPounds(top.drawnSwing)} between its 10th and 90th percentile).`,
    );
  });

  it('reads the swing as given, to the penny, and says so when nothing moves the money', () => {
    const made = (swing: number): Tornado => ({
      base: { values: { a: 1 }, totals: totals(100) },
      rows: [
        {
          variable: 'a',
          low: 0,
          high: 2,
          lowTotals: totals(100),
          highTotals: totals(100 + swing),
          drawnSwing: swing,
          usersLosingSupportSwing: 0,
        },
      ],
    });
    expect(importanceSentence(made(166470.49))).toBe('What moves the money drawn most: a (£166,470 between its 10th and 90th percentile).');
    expect(importanceSentence(made(0))).toBe('None of the uncertain variables moves the money drawn between its 10th and 90th percentile.');
  });
});
