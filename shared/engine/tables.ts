// What the simulation reads of a scenario's interventions, as contiguous typed arrays
// (intervention × FY index, FY index = fy - first FY): read from the resolved objects once and
// kept with the list of interventions. A compiled plan hands the same list to every draw and
// edit that changes no intervention, and the same intervention objects to those that change
// others, so the maps and objects are read again only for what changed.
import type { FyYear, MonthIndex } from '../months';
import type { Ratio } from '../money';
import type { ResolvedIntervention } from '../resolve';

interface ItemTables {
  readonly firstFy: FyYear;
  readonly annualCost: Float64Array;
  readonly noticeMonths: Float64Array;
  readonly exitCost: Float64Array;
}

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
  /** Intervention i's partner shares are shareFrom/shareRatio[shareStart[i] .. shareStart[i + 1] - 1]. */
  readonly shareStart: Int32Array;
  readonly shareFrom: Float64Array;
  readonly shareRatio: readonly Ratio[];
}

const byItem = new WeakMap<ResolvedIntervention, ItemTables>();
const byList = new WeakMap<readonly ResolvedIntervention[], Tables>();

function table(map: ReadonlyMap<FyYear, number>, firstFy: FyYear, F: number): Float64Array {
  const out = new Float64Array(F);
  // forEach reads a map several times faster than a get per FY.
  map.forEach((value, fy) => {
    const f = fy - firstFy;
    if (f >= 0 && f < F) out[f] = value;
  });
  return out;
}

function itemTables(item: ResolvedIntervention, firstFy: FyYear, F: number): ItemTables {
  const known = byItem.get(item);
  if (known && known.firstFy === firstFy && known.annualCost.length === F) return known;
  const tables = {
    firstFy,
    annualCost: table(item.annualCost, firstFy, F),
    noticeMonths: table(item.noticeMonths, firstFy, F),
    exitCost: table(item.exitCost, firstFy, F),
  };
  byItem.set(item, tables);
  return tables;
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
  const shareStart = new Int32Array(n + 1);
  const shareFrom: number[] = [];
  const shareRatio: Ratio[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const own = itemTables(item, firstFy, F);
    annualCost.set(own.annualCost, i * F);
    noticeMonths.set(own.noticeMonths, i * F);
    exitCost.set(own.exitCost, i * F);
    commissioned[i] = item.category === 'commissioned' ? 1 : 0;
    activeFrom[i] = Math.max(H0, item.start ?? H0) - H0;
    activeTo[i] = Math.min(HN, item.end ?? HN) - H0;
    shareStart[i] = shareFrom.length;
    for (const entry of item.partnerShares) {
      shareFrom.push(entry.from);
      shareRatio.push(entry.share);
    }
  }
  shareStart[n] = shareFrom.length;
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
    shareStart,
    shareFrom: Float64Array.from(shareFrom),
    shareRatio,
  };
  byList.set(items, tables);
  return tables;
}
