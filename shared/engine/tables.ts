// What the simulation reads of a scenario's interventions, as contiguous typed arrays
// (intervention × FY index, FY index = fy - first FY), with their runs of months (runs.ts):
// read from the resolved objects once and kept with the list of interventions, which a
// compiled plan hands to every draw and edit that changes no intervention.
import type { FyYear, MonthIndex } from '../months';
import type { ResolvedIntervention } from '../resolve';
import { maxRuns, NOT_RUNNING, writeRuns } from './runs';

export interface Tables {
  readonly firstFy: FyYear;
  readonly F: number;
  readonly H0: MonthIndex;
  readonly M: number;
  /** Per intervention × FY; absent FYs read 0, as `map.get(fy) ?? 0` does. */
  readonly annualCost: Float64Array;
  readonly noticeMonths: Float64Array;
  readonly exitCost: Float64Array;
  /** Per intervention: 1 when commissioned. */
  readonly commissioned: Uint8Array;
  /** Month offsets in which each intervention is active (from > to when never). */
  readonly activeFrom: Int32Array;
  readonly activeTo: Int32Array;
  /** Indices in (priority, id) order. */
  readonly order: Int32Array;
  /** Intervention i's runs (runs.ts) are run*[runStart[i] .. runStart[i + 1] - 1], in month order, covering its active months. */
  readonly runStart: Int32Array;
  readonly runFrom: Int32Array;
  readonly runTo: Int32Array;
  readonly runFy: Int32Array;
  readonly runPlan: Float64Array;
  readonly runPartner: Float64Array;
  readonly runShare: Uint8Array;
  /** Per intervention × FY: plan cost, and the share code in the FY's first month. */
  readonly planByFy: Float64Array;
  readonly shareAtFyStart: Uint8Array;
}

const byList = new WeakMap<readonly ResolvedIntervention[], Tables>();

/** map.get(fy) ?? 0 for every FY index into out[at + f]; forEach reads a map several times faster than a get per FY. */
function fill(map: ReadonlyMap<FyYear, number>, firstFy: FyYear, F: number, out: Float64Array, at: number): void {
  map.forEach((value, fy) => {
    const f = fy - firstFy;
    if (f >= 0 && f < F) out[at + f] = value;
  });
}

function byPriority(a: ResolvedIntervention, b: ResolvedIntervention): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function tablesOf(items: readonly ResolvedIntervention[], fys: readonly FyYear[], H0: MonthIndex, M: number): Tables {
  const firstFy = fys[0];
  const F = fys.length;
  const known = byList.get(items);
  if (known && known.firstFy === firstFy && known.F === F && known.H0 === H0 && known.M === M) return known;
  const n = items.length;
  const HN = H0 + M - 1;
  const annualCost = new Float64Array(n * F);
  const noticeMonths = new Float64Array(n * F);
  const exitCost = new Float64Array(n * F);
  const commissioned = new Uint8Array(n);
  const activeFrom = new Int32Array(n);
  const activeTo = new Int32Array(n);
  let capacity = 0;
  for (const item of items) capacity += maxRuns(item, F);
  const runStart = new Int32Array(n + 1);
  const runs = {
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    fy: new Int32Array(capacity),
    plan: new Float64Array(capacity),
    partner: new Float64Array(capacity),
    share: new Uint8Array(capacity),
    planByFy: new Float64Array(n * F),
    shareAtFyStart: new Uint8Array(n * F).fill(NOT_RUNNING),
  };
  for (let i = 0; i < n; i++) {
    const item = items[i];
    fill(item.annualCost, firstFy, F, annualCost, i * F);
    fill(item.noticeMonths, firstFy, F, noticeMonths, i * F);
    fill(item.exitCost, firstFy, F, exitCost, i * F);
    commissioned[i] = item.category === 'commissioned' ? 1 : 0;
    activeFrom[i] = Math.max(H0, item.start ?? H0) - H0;
    activeTo[i] = Math.min(HN, item.end ?? HN) - H0;
    runStart[i + 1] = writeRuns(item, i, annualCost, F, firstFy, H0, activeFrom[i] + H0, activeTo[i] + H0, runs, runStart[i]);
  }
  const order = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => byPriority(items[a], items[b])));
  const tables: Tables = {
    firstFy,
    F,
    H0,
    M,
    annualCost,
    noticeMonths,
    exitCost,
    commissioned,
    activeFrom,
    activeTo,
    order,
    runStart,
    runFrom: runs.from,
    runTo: runs.to,
    runFy: runs.fy,
    runPlan: runs.plan,
    runPartner: runs.partner,
    runShare: runs.share,
    planByFy: runs.planByFy,
    shareAtFyStart: runs.shareAtFyStart,
  };
  byList.set(items, tables);
  return tables;
}
