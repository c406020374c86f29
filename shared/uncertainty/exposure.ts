// The underwriter's exposure month by month of one simulated scenario, for the Risk
// screen's fan chart (plan-format.md §9). Exposure at the end of month m of FY f (pence),
// the figure a treasurer means by "what the underwriter stands behind this month":
//   - while f's funding is not yet known (m is an at-risk month): all the plan has spent in
//     f so far, April (or the horizon's first month) to m. Nothing is confirmed, so the
//     underwriter guarantees all of it; its peak in f is the FY `atRisk` of the result.
//   - once f's funding is known: the spend in f so far that f's funding so far (each
//     month's share of the year's allocations) does not cover, or 0 when funding is ahead.
//     At the FY's end this is the year's overspend, what is drawn when no stream is
//     ring-fenced (ring-fenced pools are not separated here).
// It starts again at 0 with each FY, as funding lapses at the FY's end.
import type { MonthFigures, SimulationResult } from '../engine';
import type { Pence } from '../money';
import { fyOfMonth, type MonthIndex } from '../months';

/** Exposure at each month's end, in pence, in horizon order, written into `out` from `at`. */
export function writeExposure(horizonStart: MonthIndex, months: MonthFigures, out: Float64Array, at: number): void {
  let fy: number | null = null;
  let spend = 0;
  let funding = 0;
  for (let k = 0; k < months.spend.length; k++) {
    const monthFy = fyOfMonth(horizonStart + k);
    if (monthFy !== fy) {
      fy = monthFy;
      spend = 0;
      funding = 0;
    }
    spend += months.spend[k];
    funding += months.funding[k];
    out[at + k] = months.atRisk[k] ? spend : Math.max(0, spend - funding);
  }
}

/** Exposure at each month's end of one simulated scenario, in pence, in horizon order. */
export function exposureByMonth(result: SimulationResult): Pence[] {
  const months: MonthFigures = {
    spend: Float64Array.from(result.months, (m) => m.spend),
    funding: Float64Array.from(result.months, (m) => m.funding),
    atRisk: Uint8Array.from(result.months, (m) => (m.atRisk ? 1 : 0)),
  };
  const out = new Float64Array(result.months.length);
  writeExposure(result.horizonStart, months, out, 0);
  return Array.from(out);
}
