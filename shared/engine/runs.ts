// One intervention's cost (plan-format.md §3.1) as if it ran through the horizon, before any
// decision. Costs hold for months at a time (the monthly split changes at most once inside
// an FY, shares change at their `from`), so they are kept as runs of months with one cost:
// a run never crosses an FY, a change of share or the month where the split's extra pennies
// stop. Sums over months are sums over runs.
import { fyOfMonth, fyStart, type FyYear, type MonthIndex } from '../months';
import { shareOf, type Ratio } from '../money';
import type { ResolvedIntervention } from '../resolve';

export const SHARE_NONE = 0;
export const SHARE_PART = 1;
export const SHARE_ALL = 2;
/** In `shareAtFyStart`: the intervention does not run in the FY's first month. */
export const NOT_RUNNING = 255;

/** The runs of every intervention of a scenario, one after another, and per intervention × FY index. */
export interface RunArrays {
  /** Per run: first and last month offset, FY index, plan cost and partner share of each of its months, share code. */
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly fy: Int32Array;
  readonly plan: Float64Array;
  readonly partner: Float64Array;
  readonly share: Uint8Array;
  /** Plan cost per intervention × FY index. */
  readonly planByFy: Float64Array;
  /** The share code in the FY's first month per intervention × FY index; NOT_RUNNING when it does not run then. */
  readonly shareAtFyStart: Uint8Array;
}

/** At most two runs per FY (the split's extra pennies) plus one per change of share. */
export function maxRuns(item: ResolvedIntervention, F: number): number {
  return 2 * F + item.partnerShares.length;
}

/**
 * Writes intervention i's runs of months from `first` to `last` (month indices inside the
 * horizon H0..) from run `at`, with its annual cost per FY index (annualCost[i * F + f],
 * FY index = fy - firstFy) and the partner shares in force; returns the run after its last.
 */
export function writeRuns(
  item: ResolvedIntervention,
  i: number,
  annualCost: Float64Array,
  F: number,
  firstFy: FyYear,
  H0: MonthIndex,
  first: MonthIndex,
  last: MonthIndex,
  out: RunArrays,
  at: number,
): number {
  const shares = item.partnerShares;
  let next = 0;
  let current: Ratio | null = null;
  let code = SHARE_NONE;
  let r = at;
  for (let m = first; m <= last;) {
    if (next < shares.length && shares[next].from <= m) {
      while (next < shares.length && shares[next].from <= m) current = shares[next++].share;
      code = !current || current.num === 0n ? SHARE_NONE : current.num === current.den ? SHARE_ALL : SHARE_PART;
    }
    const fy = fyOfMonth(m);
    const f = fy - firstFy;
    const fyFirstMonth = fyStart(fy);
    const annual = annualCost[i * F + f];
    const base = Math.floor(annual / 12);
    const extra = annual - base * 12;
    // The monthly split: April first for the extra pennies.
    let end = Math.min(last, fyFirstMonth + 11);
    let cost = base;
    if (m - fyFirstMonth < extra) {
      cost = base + 1;
      end = Math.min(end, fyFirstMonth + extra - 1);
    }
    if (next < shares.length) end = Math.min(end, shares[next].from - 1);
    const partner = code === SHARE_NONE ? 0 : shareOf(cost, current!);
    out.from[r] = m - H0;
    out.to[r] = end - H0;
    out.fy[r] = f;
    out.plan[r] = cost - partner;
    out.partner[r] = partner;
    out.share[r] = code;
    out.planByFy[i * F + f] += (cost - partner) * (end - m + 1);
    if (m === fyFirstMonth) out.shareAtFyStart[i * F + f] = code;
    r++;
    m = end + 1;
  }
  return r;
}
