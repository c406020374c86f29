// The Risk screen's tornado as the chart and the sentence present it: each row of
// shared/uncertainty/tornado.ts's answer, in its order, as a bar from the money drawn at the
// variable's 10th percentile to that at its 90th, with the two values in the row's label.
// Nothing is worked out again here: the figures are tornado()'s, only laid out and worded.
import type { Tornado } from '../../shared/uncertainty/tornado';
import { moneyOfPounds, percent } from './format';

export interface TornadoChartRow {
  readonly variable: string;
  /** "grantLevel (64.7% to 88.5%)": the variable with its 10th and 90th percentiles. */
  readonly label: string;
  readonly lowText: string;
  readonly highText: string;
  /** Pounds drawn with the variable at its 10th and at its 90th percentile. */
  readonly drawnAtLow: number;
  readonly drawnAtHigh: number;
  /** [smaller, larger] of the two, pounds: the bar. */
  readonly range: readonly [number, number];
  /** Pounds, as tornado() gives it. */
  readonly swing: number;
}

/** A percentile as the row shows it: a grant level as % of the planned grant, else the number to 3 decimals. */
export function percentileText(value: number, isLevel: boolean): string {
  return isLevel ? percent(value, 1) : String(Math.round(value * 1000) / 1000);
}

/** The chart's rows, one per variable in tornado()'s order (largest swing in drawn first). */
export function tornadoChartRows(tornado: Tornado, levels: readonly string[]): TornadoChartRow[] {
  return tornado.rows.map((r) => {
    const isLevel = levels.includes(r.variable);
    const lowText = percentileText(r.low, isLevel);
    const highText = percentileText(r.high, isLevel);
    const drawnAtLow = r.lowTotals.drawn;
    const drawnAtHigh = r.highTotals.drawn;
    return {
      variable: r.variable,
      label: `${r.variable} (${lowText} to ${highText})`,
      lowText,
      highText,
      drawnAtLow,
      drawnAtHigh,
      range: [Math.min(drawnAtLow, drawnAtHigh), Math.max(drawnAtLow, drawnAtHigh)] as const,
      swing: r.drawnSwing,
    };
  });
}

/** "What moves the money drawn most: grantLevel (£x between its 10th and 90th percentile)." */
export function importanceSentence(tornado: Tornado): string {
  const top = tornado.rows[0];
  if (!top || top.drawnSwing === 0) {
    return 'None of the uncertain variables moves the money drawn between its 10th and 90th percentile.';
  }
  return `What moves the money drawn most: ${top.variable} (${moneyOfPounds(top.drawnSwing)} between its 10th and 90th percentile).`;
}
