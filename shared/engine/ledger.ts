// The ledger (plan-format.md §3.1, §10): what every intervention would cost month by month if
// it ran through the horizon, before any decision, as runs of months (runs.ts), and what
// was really spent in the actual months.
import { fyEnd, fyStart, type MonthIndex } from '../months';
import type { Pence } from '../money';
import type { ResolvedScenario } from '../resolve';
import { scratchF64, scratchI32 } from './scratch';
import { tablesOf, type Tables } from './tables';

export { NOT_RUNNING, SHARE_ALL, SHARE_NONE, SHARE_PART } from './runs';

export interface Ledger {
  readonly H0: MonthIndex;
  readonly M: number;
  readonly n: number;
  readonly F: number;
  /** Month offsets of each FY inside the horizon, inclusive. */
  readonly fyFrom: Int32Array;
  readonly fyTo: Int32Array;
  /** The FY index of each month offset. */
  readonly fyOfOffset: Int32Array;
  /** What the simulation reads of the interventions, as typed arrays. */
  readonly tables: Tables;
  /** Month offsets in which each intervention is active (from > to when never). */
  readonly activeFrom: Int32Array;
  readonly activeTo: Int32Array;
  /** Intervention i's runs are runStart[i] to runStart[i + 1] - 1, in month order, covering its active months. */
  readonly runStart: Int32Array;
  /** Per run: first and last month offset, FY index, plan cost and partner share of each of its months, share code. */
  readonly runFrom: Int32Array;
  readonly runTo: Int32Array;
  readonly runFy: Int32Array;
  readonly runPlan: Float64Array;
  readonly runPartner: Float64Array;
  readonly runShare: Uint8Array;
  /** Plan cost per intervention × FY. */
  readonly planByFy: Float64Array;
  /** The share code in the FY's first month, per intervention × FY; NOT_RUNNING when it does not run then. */
  readonly shareAtFyStart: Uint8Array;
  /**
   * Actuals (plan-format.md §10): the offset of the last actual month (-1 without actuals),
   * the actual amount per intervention × actual month (row length `actualMonths`, 0 where
   * none), and per intervention × FY the cost a decision after asAt counts: actual amounts
   * in actual months, plan cost after.
   */
  readonly actualTo: number;
  readonly actualMonths: number;
  readonly asAt: MonthIndex | null;
  readonly actual: Float64Array;
  readonly mixedByFy: Float64Array;
}

export function buildLedger(scenario: ResolvedScenario): Ledger {
  const H0 = scenario.horizonStart;
  const M = scenario.horizonMonths;
  const HN = H0 + M - 1;
  const n = scenario.interventions.length;
  const F = scenario.fys.length;
  const tables = tablesOf(scenario.interventions, scenario.fys, H0, M);
  const fyFrom = scratchI32(F);
  const fyTo = scratchI32(F);
  const fyOfOffset = scratchI32(M);
  for (let f = 0; f < F; f++) {
    const fy = scenario.fys[f];
    fyFrom[f] = Math.max(fyStart(fy), H0) - H0;
    fyTo[f] = Math.min(fyEnd(fy), HN) - H0;
    fyOfOffset.fill(f, fyFrom[f], fyTo[f] + 1);
  }
  const actuals = scenario.actuals;
  const asAt = actuals ? actuals.asAt : null;
  const actualTo = asAt === null ? -1 : Math.min(asAt - H0, M - 1);
  const actualMonths = Math.max(0, actualTo + 1);
  const actual = scratchF64(n * actualMonths);
  const ledger: Ledger = {
    H0,
    M,
    n,
    F,
    fyFrom,
    fyTo,
    fyOfOffset,
    tables,
    activeFrom: tables.activeFrom,
    activeTo: tables.activeTo,
    runStart: tables.runStart,
    runFrom: tables.runFrom,
    runTo: tables.runTo,
    runFy: tables.runFy,
    runPlan: tables.runPlan,
    runPartner: tables.runPartner,
    runShare: tables.runShare,
    planByFy: tables.planByFy,
    shareAtFyStart: tables.shareAtFyStart,
    actualTo,
    actualMonths,
    asAt,
    actual,
    mixedByFy: tables.planByFy,
  };
  if (actuals && actualTo >= 0) {
    const mixedByFy = scratchF64(n * F);
    mixedByFy.set(tables.planByFy);
    for (let i = 0; i < n; i++) {
      for (const [month, pence] of actuals.byIntervention[i]) {
        const k = month - H0;
        if (k >= 0 && k <= actualTo) actual[i * actualMonths + k] = pence;
      }
      for (let f = 0; f < F && fyFrom[f] <= actualTo; f++) {
        const to = Math.min(fyTo[f], actualTo);
        let sum = 0;
        for (let k = fyFrom[f]; k <= to; k++) sum += actual[i * actualMonths + k];
        mixedByFy[i * F + f] += sum - sumPlan(ledger, i, fyFrom[f], to);
      }
    }
    return { ...ledger, mixedByFy };
  }
  return ledger;
}

/** A decision taken after asAt uses the figures of its time: actuals to date, the plan after (§10). */
export function usesActuals(ledger: Ledger, f: number, at: MonthIndex): boolean {
  return ledger.asAt !== null && at > ledger.asAt && ledger.fyFrom[f] <= ledger.actualTo;
}

/** Sum of one intervention's plan cost over month offsets [lo, hi]. */
export function sumPlan(ledger: Ledger, i: number, lo: number, hi: number): Pence {
  const { runFrom, runTo, runPlan } = ledger;
  let sum = 0;
  for (let r = ledger.runStart[i], end = ledger.runStart[i + 1]; r < end && runFrom[r] <= hi; r++) {
    const a = Math.max(runFrom[r], lo);
    const b = Math.min(runTo[r], hi);
    if (b >= a) sum += runPlan[r] * (b - a + 1);
  }
  return sum;
}

/** Sum of one intervention's plan cost over months [from, to] (month indices, clipped to the horizon). */
export function planBetween(ledger: Ledger, i: number, from: MonthIndex, to: MonthIndex): Pence {
  return sumPlan(ledger, i, Math.max(from - ledger.H0, 0), Math.min(to - ledger.H0, ledger.M - 1));
}

/** Sum of what one intervention spent over months [from, to]: actual amounts in actual months, plan cost after. */
export function spentBetween(ledger: Ledger, i: number, from: MonthIndex, to: MonthIndex): Pence {
  const lo = Math.max(from - ledger.H0, 0);
  const hi = Math.min(to - ledger.H0, ledger.M - 1);
  let sum = 0;
  const actualHi = Math.min(hi, ledger.actualTo);
  for (let k = lo; k <= actualHi; k++) sum += ledger.actual[i * ledger.actualMonths + k];
  return sum + sumPlan(ledger, i, Math.max(lo, ledger.actualTo + 1), hi);
}
