// One intervention resolved under a scenario: its fields with the scenario's changes applied
// in order, its costs and notice per FY, its partner shares sorted by month.
import { fyOfMonth, parseMonth, type FyYear, type MonthIndex } from '../months';
import { ZERO } from '../money';
import { wholeMonthsProblem, type AmountValue, type AnnualCostValue, type Intervention, type InterventionChange } from '../plan';
import type { ResolvedIntervention, ResolvedPartnerShare } from '../resolve';
import type { ScenarioContext } from './context';
import { reaches } from './deps';
import { define, type Defined } from './evaluator';

/** A part resolved before from the same input and changes, and the names whose values changed since. */
export interface Earlier<O> {
  readonly out: O;
  readonly affected: ReadonlySet<string>;
}

/**
 * With `earlier`, a field whose definitions use no affected name is taken as it was: the
 * same definitions of the same names give the same values (a draw re-resolves the costs
 * its sampled uplift reaches, not the notice or the shares).
 */
export function resolveIntervention(
  ctx: ScenarioContext,
  item: Intervention,
  ii: number,
  earlier: Earlier<ResolvedIntervention> | null = null,
): ResolvedIntervention {
  const path = (field: string) => `interventions[${ii}].${field}`;
  const fields: { [K in keyof InterventionChange]?: Defined<unknown> } = {};
  for (const [key, value] of Object.entries(item)) fields[key as keyof InterventionChange] = define(value, path(key));
  for (const { change, path: changePath } of ctx.changesOfIntervention(item.id)) {
    for (const [key, value] of Object.entries(change)) {
      if (key === 'intervention') continue;
      const k = key as keyof InterventionChange;
      fields[k] = define(value, `${changePath}.${key}`, fields[k] ?? null);
    }
  }
  const get = <T>(key: keyof InterventionChange): Defined<T> | null => {
    const def = fields[key] as Defined<T> | undefined;
    return def && def.value !== null && def.value !== undefined ? def : null;
  };
  const plain = <T>(key: keyof InterventionChange, fallback: T): T => get<T>(key)?.value ?? fallback;

  const startText = plain<string | null>('start', null);
  const endText = plain<string | null>('end', null);
  const start = startText ? parseMonth(startText) : null;
  const end = endText ? parseMonth(endText) : null;
  if (start !== null && end !== null && end < start)
    ctx.problems.add(get('end')!.path, `ends (${endText}) before it starts (${startText})`);

  const costDef = get<AnnualCostValue>('annualCost')!;
  const noticeDef = get<number | string>('noticeMonths');
  const exitDef = get<AmountValue>('exitCost');
  const wholeMonths = (def: Defined<number | string>, fy: FyYear): number =>
    ctx.numeric(def, ctx.ev.fyIndex(fy), wholeMonthsProblem, () => (def.replaced ? wholeMonths(def.replaced, fy) : 0));
  const kept = (def: Defined<unknown> | null): boolean => earlier !== null && !reaches(def, earlier.affected);
  const byFy = <T>(value: (fy: FyYear) => T): Map<FyYear, T> => {
    const out = new Map<FyYear, T>();
    for (const fy of ctx.fys) out.set(fy, value(fy));
    return out;
  };
  const annualCost = kept(costDef) ? earlier!.out.annualCost : byFy((fy) => ctx.attempt(0, () => ctx.costFor(costDef, fy)));
  const noticeMonths = kept(noticeDef)
    ? earlier!.out.noticeMonths
    : byFy((fy) => (noticeDef ? ctx.attempt(0, () => wholeMonths(noticeDef, fy)) : 0));
  const exitCost = kept(exitDef) ? earlier!.out.exitCost : byFy((fy) => (exitDef ? ctx.attempt(0, () => ctx.pounds(exitDef, fy)) : 0));
  const sharesDef = get<SharesValue>('partnerShares');
  const partnerShares = kept(sharesDef) ? earlier!.out.partnerShares : resolveShares(ctx, sharesDef);

  const transition = plain<{ to: string; capacity: number } | null>('transition', null);
  return {
    id: item.id,
    name: plain('name', item.name),
    category: plain('category', item.category),
    system: plain<string | null>('system', null),
    area: plain<string | null>('area', null),
    provider: plain<string | null>('provider', null),
    priority: plain('priority', item.priority),
    serviceUsers: plain('serviceUsers', 0),
    transition: transition ? { to: transition.to, capacity: transition.capacity } : null,
    start,
    end,
    annualCost,
    noticeMonths,
    exitCost,
    partnerShares,
  };
}

type SharesValue = { from: string; share: number | string; partner: string }[];

/** The partner shares in force from each month, sorted by month. */
function resolveShares(ctx: ScenarioContext, sharesDef: Defined<SharesValue> | null): ResolvedPartnerShare[] {
  const partnerShares: ResolvedPartnerShare[] = (sharesDef?.value ?? []).map((entry, si) => {
    const from = parseMonth(entry.from);
    const fyIndex = ctx.ev.fyIndex(fyOfMonth(from));
    const replaced = sharesDef?.replaced ? shareDefAt(sharesDef.replaced, from) : null;
    const share = ctx.attempt(ZERO, () => ctx.shareRatio(define(entry.share, `${sharesDef!.path}[${si}].share`, replaced), fyIndex));
    return { from, share, partner: entry.partner };
  });
  partnerShares.sort((a, b) => a.from - b.from);
  return partnerShares;
}

/** The intervention's cost over the horizon, in pence: its part of the ceiling check on cost. */
export function interventionCost(item: ResolvedIntervention, fys: readonly FyYear[]): number {
  let cost = 0;
  for (const fy of fys) cost += (item.annualCost.get(fy) ?? 0) + (item.exitCost.get(fy) ?? 0);
  return cost;
}

/** The definition of the share in force at a month, for `base` in a changed taper list. */
function shareDefAt(def: Defined<unknown>, month: MonthIndex): Defined<number | string> | null {
  const list = (def.value ?? []) as { from: string; share: number | string }[];
  let best: { index: number; from: number } | null = null;
  list.forEach((entry, index) => {
    const from = parseMonth(entry.from);
    if (from <= month && (!best || from >= best.from)) best = { index, from };
  });
  if (!best) return define<number | string>(0, def.path);
  const found = best as { index: number; from: number };
  const previous = def.replaced ? shareDefAt(def.replaced, month) : null;
  return define(list[found.index].share, `${def.path}[${found.index}].share`, previous);
}
