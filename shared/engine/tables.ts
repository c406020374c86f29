// What the simulation reads of a scenario's interventions, as contiguous typed arrays
// (intervention × FY index, FY index = fy - first FY), with their runs of months (runs.ts):
// read from the resolved objects once and kept with the list of interventions, which a
// compiled plan hands to every draw and edit that changes no intervention. Each
// intervention's own rows are kept with it too: an edit that changes one intervention gives
// a new list, whose tables copy the rows of every intervention it left alone.
import type { FyYear, MonthIndex } from '../months';
import type { ResolvedIntervention } from '../resolve';
import { maxRuns, NOT_RUNNING, writeRuns, type RunArrays } from './runs';

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

/** One intervention's rows of the tables, for one horizon. */
interface Rows {
  readonly firstFy: FyYear;
  readonly F: number;
  readonly H0: MonthIndex;
  readonly M: number;
  readonly annualCost: Float64Array;
  readonly noticeMonths: Float64Array;
  readonly exitCost: Float64Array;
  readonly activeFrom: number;
  readonly activeTo: number;
  /** Its runs, as RunArrays of its own (one intervention, index 0). */
  readonly runs: RunArrays;
  readonly runCount: number;
}

const byItem = new WeakMap<ResolvedIntervention, Rows>();

/** map.get(fy) ?? 0 for every FY index into out[at + f]; forEach reads a map several times faster than a get per FY. */
function fill(map: ReadonlyMap<FyYear, number>, firstFy: FyYear, F: number, out: Float64Array, at: number): void {
  map.forEach((value, fy) => {
    const f = fy - firstFy;
    if (f >= 0 && f < F) out[at + f] = value;
  });
}

function rowsOf(item: ResolvedIntervention, firstFy: FyYear, F: number, H0: MonthIndex, M: number): Rows {
  const known = byItem.get(item);
  if (known && known.firstFy === firstFy && known.F === F && known.H0 === H0 && known.M === M) return known;
  const HN = H0 + M - 1;
  const annualCost = new Float64Array(F);
  const noticeMonths = new Float64Array(F);
  const exitCost = new Float64Array(F);
  fill(item.annualCost, firstFy, F, annualCost, 0);
  fill(item.noticeMonths, firstFy, F, noticeMonths, 0);
  fill(item.exitCost, firstFy, F, exitCost, 0);
  const activeFrom = Math.max(H0, item.start ?? H0) - H0;
  const activeTo = Math.min(HN, item.end ?? HN) - H0;
  const capacity = maxRuns(item, F);
  const runs: RunArrays = {
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    fy: new Int32Array(capacity),
    plan: new Float64Array(capacity),
    partner: new Float64Array(capacity),
    share: new Uint8Array(capacity),
    planByFy: new Float64Array(F),
    shareAtFyStart: new Uint8Array(F).fill(NOT_RUNNING),
  };
  const runCount = writeRuns(item, 0, annualCost, F, firstFy, H0, activeFrom + H0, activeTo + H0, runs, 0);
  const rows: Rows = { firstFy, F, H0, M, annualCost, noticeMonths, exitCost, activeFrom, activeTo, runs, runCount };
  byItem.set(item, rows);
  return rows;
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
  const rows = items.map((item) => rowsOf(item, firstFy, F, H0, M));
  let capacity = 0;
  for (const r of rows) capacity += r.runCount;
  const annualCost = new Float64Array(n * F);
  const noticeMonths = new Float64Array(n * F);
  const exitCost = new Float64Array(n * F);
  const commissioned = new Uint8Array(n);
  const activeFrom = new Int32Array(n);
  const activeTo = new Int32Array(n);
  const runStart = new Int32Array(n + 1);
  const runs = {
    from: new Int32Array(capacity),
    to: new Int32Array(capacity),
    fy: new Int32Array(capacity),
    plan: new Float64Array(capacity),
    partner: new Float64Array(capacity),
    share: new Uint8Array(capacity),
    planByFy: new Float64Array(n * F),
    shareAtFyStart: new Uint8Array(n * F),
  };
  // Rows are short (an FY each, a few runs): copied element by element, without the
  // subarray views a TypedArray.set would need.
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const row = i * F;
    for (let f = 0; f < F; f++) {
      annualCost[row + f] = r.annualCost[f];
      noticeMonths[row + f] = r.noticeMonths[f];
      exitCost[row + f] = r.exitCost[f];
      runs.planByFy[row + f] = r.runs.planByFy[f];
      runs.shareAtFyStart[row + f] = r.runs.shareAtFyStart[f];
    }
    commissioned[i] = items[i].category === 'commissioned' ? 1 : 0;
    activeFrom[i] = r.activeFrom;
    activeTo[i] = r.activeTo;
    const at = runStart[i];
    const own = r.runs;
    for (let k = 0; k < r.runCount; k++) {
      runs.from[at + k] = own.from[k];
      runs.to[at + k] = own.to[k];
      runs.fy[at + k] = own.fy[k];
      runs.plan[at + k] = own.plan[k];
      runs.partner[at + k] = own.partner[k];
      runs.share[at + k] = own.share[k];
    }
    runStart[i + 1] = at + r.runCount;
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
