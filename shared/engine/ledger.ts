// The ledger (plan-format.md §3.1, §10): what every intervention would cost month by month if
// it ran through the horizon, before any decision. Costs hold for months at a time (the
// monthly split changes at most once inside an FY, shares change at their `from`), so the
// ledger keeps runs of months with one cost: a run never crosses an FY, a change of share or
// the month where the split's extra pennies stop. Sums over months are sums over runs.
import { fyEnd, fyOfMonth, fyStart, type MonthIndex } from '../months';
import { shareOf, type Pence, type Ratio } from '../money';
import type { ResolvedScenario } from '../resolve';
import { scratchF64, scratchI32, scratchU8 } from './scratch';
import { tablesOf, type Tables } from './tables';

export const SHARE_NONE = 0;
export const SHARE_PART = 1;
export const SHARE_ALL = 2;
/** In `shareAtFyStart`: the intervention does not run in the FY's first month. */
export const NOT_RUNNING = 255;

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

type RunParts = Pick<
  Ledger,
  'H0' | 'F' | 'tables' | 'planByFy' | 'shareAtFyStart' | 'runFrom' | 'runTo' | 'runFy' | 'runPlan' | 'runPartner' | 'runShare'
>;

/** Writes intervention i's runs from run `at`; returns the run after its last. */
function runsOf(ledger: RunParts, i: number, at: number): number {
  const { H0, F, tables, planByFy, shareAtFyStart, runFrom, runTo, runFy, runPlan, runPartner, runShare } = ledger;
  const { annualCost, shareFrom, shareRatio, firstFy } = tables;
  const first = tables.activeFrom[i] + H0;
  const last = tables.activeTo[i] + H0;
  const sharesEnd = tables.shareStart[i + 1];
  let next = tables.shareStart[i];
  let current: Ratio | null = null;
  let code = SHARE_NONE;
  let r = at;
  for (let m = first; m <= last;) {
    if (next < sharesEnd && shareFrom[next] <= m) {
      while (next < sharesEnd && shareFrom[next] <= m) current = shareRatio[next++];
      code = !current || current.num === 0n ? SHARE_NONE : current.num === current.den ? SHARE_ALL : SHARE_PART;
    }
    const fy = fyOfMonth(m);
    const f = fy - firstFy;
    const fyFirstMonth = fyStart(fy);
    const annual = annualCost[i * F + f];
    const base = Math.floor(annual / 12);
    const extra = annual - base * 12;
    // The monthly split: April first for the extra pennies.
    let to = Math.min(last, fyFirstMonth + 11);
    let cost = base;
    if (m - fyFirstMonth < extra) {
      cost = base + 1;
      to = Math.min(to, fyFirstMonth + extra - 1);
    }
    if (next < sharesEnd) to = Math.min(to, shareFrom[next] - 1);
    const partner = code === SHARE_NONE ? 0 : shareOf(cost, current!);
    runFrom[r] = m - H0;
    runTo[r] = to - H0;
    runFy[r] = f;
    runPlan[r] = cost - partner;
    runPartner[r] = partner;
    runShare[r] = code;
    planByFy[i * F + f] += (cost - partner) * (to - m + 1);
    if (m === fyFirstMonth) shareAtFyStart[i * F + f] = code;
    r++;
    m = to + 1;
  }
  return r;
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
  // At most two runs per FY (the split's extra pennies) plus one per change of share.
  const capacity = n * 2 * F + tables.shareFrom.length;
  const partial = {
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
    runStart: scratchI32(n + 1),
    runFrom: scratchI32(capacity),
    runTo: scratchI32(capacity),
    runFy: scratchI32(capacity),
    runPlan: scratchF64(capacity),
    runPartner: scratchF64(capacity),
    runShare: scratchU8(capacity),
    planByFy: scratchF64(n * F),
    shareAtFyStart: scratchU8(n * F, NOT_RUNNING),
  };
  let r = 0;
  for (let i = 0; i < n; i++) {
    partial.runStart[i] = r;
    r = runsOf(partial, i, r);
  }
  partial.runStart[n] = r;

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
    runStart: partial.runStart,
    runFrom: partial.runFrom,
    runTo: partial.runTo,
    runFy: partial.runFy,
    runPlan: partial.runPlan,
    runPartner: partial.runPartner,
    runShare: partial.runShare,
    planByFy: partial.planByFy,
    shareAtFyStart: partial.shareAtFyStart,
    actualTo,
    actualMonths,
    asAt,
    actual,
    mixedByFy: partial.planByFy,
  };
  if (actuals && actualTo >= 0) {
    const mixedByFy = scratchF64(n * F);
    mixedByFy.set(partial.planByFy);
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
