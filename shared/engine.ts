// The simulation of one resolved scenario (plan-format.md §3). Pure: plain data in, plain
// data out; no clock, no I/O. FYs are processed in order: for each, a decision (which
// interventions keep funding) and, once every decision is known, an account.
import { fyEnd, fyOfMonth, fyStart, type FyYear, type MonthIndex } from './months';
import { compareRatio, divRoundHalfEven, monthlyPart, shareOf, type Pence, type Ratio } from './money';
import type { KnownSource, ResolvedIntervention, ResolvedScenario, Stance } from './resolve';

export type Outcome = 'closes' | 'transitions' | 'ended' | 'continues';

/** Per month of the horizon, what an intervention is doing (for timelines). */
export const STATUS = {
  inactive: '.',
  running: 'R',
  tapering: 'T',
  handedOver: 'H',
  notice: 'N',
  closed: 'C',
} as const;

/** Why an FY is known when it is: its latest allocation's source, or no allocations at all. */
export type YearKnownSource = KnownSource | 'no-allocations';

export interface YearResult {
  readonly fy: FyYear;
  /** First month at which all of the FY's funding is known (K, plan-format.md §3.2). */
  readonly known: MonthIndex;
  readonly knownSource: YearKnownSource;
  /** The stream whose allocation is known last (the first such in plan order); null with no allocations. */
  readonly knownStream: string | null;
  readonly funding: Pence;
  /** The forecast outturn: `actual` (spend in the FY's actual months) + `forecast` (the rest). */
  readonly spend: Pence;
  readonly actual: Pence;
  readonly forecast: Pence;
  readonly commissionedSpend: Pence;
  readonly partner: Pence;
  readonly drawn: Pence;
  readonly underspend: Pence;
  readonly atRisk: Pence;
  /** Rounded to 4 decimals, half-to-even; null when the FY has no spend. */
  readonly commissionedShare: number | null;
  /** The largest minCommissionedShare of the FY's streams, or null when none carries one. */
  readonly requiredShare: number | null;
  readonly compliant: boolean;
  readonly limit: Pence;
  readonly limitBreached: boolean;
}

/** What an FY's decision did with an intervention (plan-format.md §3.3). */
export type NoticeVerdict = 'continues' | 'closes' | 'transitions' | 'handed-over';

/**
 * One FY's notice decision for an intervention: every FY in which it is a candidate (it
 * runs in the FY and has not closed for an earlier one). The facts every screen, briefing
 * and export presents; none of them works these out again.
 */
export interface NoticeResult {
  readonly fy: FyYear;
  /** The FY's first month minus the notice period; notice by then ends the service on 31 March. */
  readonly deadline: MonthIndex;
  /** The deadline came before the horizon's first month: it had passed when the plan starts. */
  readonly passed: boolean;
  readonly noticeMonths: number;
  /** When the FY's funding is known (K) and where that comes from. */
  readonly known: MonthIndex;
  readonly knownSource: YearKnownSource;
  /** Months from the deadline to K: how long the decision is taken before the money is known. */
  readonly blindMonths: number;
  /** The month the decision was taken: K, or the deadline for a prudent look-ahead closure. */
  readonly decidedAt: MonthIndex;
  readonly decidedBy: 'look-ahead' | 'confirmation';
  /**
   * closes: closed for this FY; handed-over: a partner carries the whole cost from the FY's
   * start, so nothing is decided; transitions: handed over during this FY; else continues.
   */
  readonly verdict: NoticeVerdict;
  /** For a closure: the month notice was served and the last month of service. */
  readonly served: MonthIndex | null;
  readonly lastMonth: MonthIndex | null;
  readonly avoidable: boolean;
  /** The FY's full annual cost, the plan's share of it, and the one-off cost of closing. */
  readonly annualCost: Pence;
  readonly planCost: Pence;
  readonly exitCost: Pence;
}

export interface InterventionResult {
  readonly id: string;
  readonly name: string;
  readonly category: 'commissioned' | 'central';
  /** As this scenario resolves it (grouping for the outturn report), or null. */
  readonly system: string | null;
  /** As this scenario resolves it (1 is funded first); screens order ties by it. */
  readonly priority: number;
  readonly outcome: Outcome;
  readonly closedFor: FyYear | null;
  readonly noticeDeadline: MonthIndex | null;
  readonly noticeServed: MonthIndex | null;
  readonly lastMonth: MonthIndex | null;
  /** 'look-ahead' when a prudent stance served notice before the FY was known. */
  readonly decidedAt: 'look-ahead' | 'confirmation' | null;
  readonly runOn: Pence;
  readonly exitCost: Pence;
  readonly avoidable: boolean;
  readonly serviceUsers: number;
  readonly usersMoved: number;
  readonly usersLosingSupport: number;
  readonly transitionTo: string | null;
  readonly partner: string | null;
  readonly handoverMonth: MonthIndex | null;
  /** Plan cost per FY of the horizon (aligned with `years`): actual in actual months, forecast after. */
  readonly planCost: readonly Pence[];
  /** Actual spend over the horizon (plan-format.md §10); 0 without actuals. */
  readonly actualToDate: Pence;
  /** Actual spend per FY (aligned with `years`); the rest of `planCost` is forecast. */
  readonly actualByFy: readonly Pence[];
  /** One STATUS character per month of the horizon. */
  readonly status: string;
  /** The notice decision of each FY it is a candidate in, in FY order. */
  readonly notices: readonly NoticeResult[];
}

export interface MonthResult {
  readonly month: MonthIndex;
  readonly funding: Pence;
  readonly spend: Pence;
  readonly partner: Pence;
  readonly atRisk: boolean;
  /** An actual month (up to the actuals' asAt): its spend is what was really spent. */
  readonly actual: boolean;
}

export interface Totals {
  readonly funding: Pence;
  readonly spend: Pence;
  readonly partner: Pence;
  readonly drawn: Pence;
  readonly underspend: Pence;
  readonly atRisk: Pence;
  readonly peakAtRisk: Pence;
  readonly peakDrawn: Pence;
  readonly closures: number;
  readonly avoidableClosures: number;
  readonly transitions: number;
  readonly usersLosingSupport: number;
  readonly usersLosingSupportAvoidably: number;
  readonly usersMoved: number;
  readonly nonCompliantYears: number;
  readonly limitBreaches: number;
}

export interface SimulationResult {
  readonly id: string;
  readonly name: string;
  readonly stance: Stance;
  readonly underwriter: string;
  readonly horizonStart: MonthIndex;
  readonly horizonMonths: number;
  /** The last actual month, or null for a plan without actuals. */
  readonly asAt: MonthIndex | null;
  readonly years: readonly YearResult[];
  readonly interventions: readonly InterventionResult[];
  readonly months: readonly MonthResult[];
  readonly totals: Totals;
}

interface Closure {
  readonly fy: FyYear;
  readonly deadline: MonthIndex;
  readonly served: MonthIndex;
  readonly last: MonthIndex;
  readonly decidedAt: 'look-ahead' | 'confirmation';
  avoidable: boolean;
}

/** A candidate's FY, as the decision pass saw it; the verdict is settled once outcomes are known. */
interface Candidacy {
  readonly f: number;
  readonly deadline: MonthIndex;
}

/** K of each FY and where it comes from (plan-format.md §3.2), worked out once per simulation. */
interface Known {
  readonly month: MonthIndex;
  readonly source: YearKnownSource;
  readonly stream: string | null;
}

interface Pool {
  left: Pence;
  /** null for the general pool. */
  readonly members: ReadonlySet<string> | null;
}

/** Spend drawn from an intervention's pools: ring-fenced ones first (plan order), then the general pool. */
function draw(pools: readonly Pool[], general: Pool, id: string, amount: Pence): Pence {
  let need = amount;
  for (const pool of pools) {
    if (need === 0) break;
    if (pool.left > 0 && pool.members!.has(id)) {
      const take = Math.min(pool.left, need);
      pool.left -= take;
      need -= take;
    }
  }
  const take = Math.min(general.left, need);
  general.left -= take;
  return need - take;
}

function available(pools: readonly Pool[], general: Pool, id: string): Pence {
  let sum = general.left;
  for (const pool of pools) if (pool.members!.has(id)) sum += pool.left;
  return sum;
}

function byPriority(a: ResolvedIntervention, b: ResolvedIntervention): number {
  return a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const SHARE_NONE = 0;
const SHARE_PART = 1;
const SHARE_ALL = 2;

/**
 * Month-by-month costs of every intervention as if it ran through the horizon, in flat
 * row-major arrays (intervention × month offset); closures cut them short later.
 */
interface Ledger {
  readonly H0: MonthIndex;
  readonly M: number;
  readonly n: number;
  readonly F: number;
  /** Month offsets of each FY inside the horizon, inclusive. */
  readonly fyFrom: Int32Array;
  readonly fyTo: Int32Array;
  /** Month offsets in which each intervention is active (from > to when never). */
  readonly activeFrom: Int32Array;
  readonly activeTo: Int32Array;
  readonly plan: Float64Array;
  readonly partner: Float64Array;
  readonly share: Uint8Array;
  /** Plan cost per intervention × FY. */
  readonly planByFy: Float64Array;
  /**
   * Actuals (plan-format.md §10): the offset of the last actual month (-1 without actuals),
   * the actual amount per intervention × month (0 where none), and per intervention × FY the
   * cost a decision after asAt counts: actual amounts in actual months, plan cost after.
   */
  readonly actualTo: number;
  readonly asAt: MonthIndex | null;
  readonly actual: Float64Array;
  readonly mixedByFy: Float64Array;
}

/** One intervention's months: the monthly split of its FY cost, the partner's rounded share, the rest. */
function fillRow(
  item: ResolvedIntervention,
  first: MonthIndex,
  last: MonthIndex,
  start: number,
  fyCellBase: number,
  plan: Float64Array,
  partner: Float64Array,
  share: Uint8Array,
  planByFy: Float64Array,
): void {
  const shares = item.partnerShares;
  let next = 0;
  let current: Ratio | null = null;
  let code = SHARE_NONE;
  let lastCost = -1;
  let lastShare: Ratio | null = null;
  let lastPartner = 0;
  let fy = fyOfMonth(first);
  let fyFirstMonth = fyStart(fy);
  let annual = item.annualCost.get(fy) ?? 0;
  let base = Math.floor(annual / 12);
  let extra = annual - base * 12;
  let fyCell = fyCellBase + fy;
  let k = start;
  for (let m = first; m <= last; m++, k++) {
    if (next < shares.length && shares[next].from <= m) {
      while (next < shares.length && shares[next].from <= m) current = shares[next++].share;
      code = !current || current.num === 0n ? SHARE_NONE : current.num === current.den ? SHARE_ALL : SHARE_PART;
    }
    if (m > fyFirstMonth + 11) {
      fy += 1;
      fyFirstMonth += 12;
      fyCell += 1;
      annual = item.annualCost.get(fy) ?? 0;
      base = Math.floor(annual / 12);
      extra = annual - base * 12;
    }
    // The monthly split: April first for the extra pennies.
    const cost = m - fyFirstMonth < extra ? base + 1 : base;
    // Tapers hold for months at a time: reuse the rounded share while cost and share repeat.
    if (cost !== lastCost || current !== lastShare) {
      lastPartner = code === SHARE_NONE ? 0 : shareOf(cost, current!);
      lastCost = cost;
      lastShare = current;
    }
    partner[k] = lastPartner;
    plan[k] = cost - lastPartner;
    share[k] = code;
    planByFy[fyCell] += cost - lastPartner;
  }
}

function buildLedger(scenario: ResolvedScenario): Ledger {
  const H0 = scenario.horizonStart;
  const M = scenario.horizonMonths;
  const HN = H0 + M - 1;
  const items = scenario.interventions;
  const n = items.length;
  const F = scenario.fys.length;
  const firstFy = scenario.fys[0];
  const fyFrom = new Int32Array(F);
  const fyTo = new Int32Array(F);
  scenario.fys.forEach((fy, f) => {
    fyFrom[f] = Math.max(fyStart(fy), H0) - H0;
    fyTo[f] = Math.min(fyEnd(fy), HN) - H0;
  });
  const activeFrom = new Int32Array(n);
  const activeTo = new Int32Array(n);
  const plan = new Float64Array(n * M);
  const partner = new Float64Array(n * M);
  const share = new Uint8Array(n * M);
  const planByFy = new Float64Array(n * F);
  for (let i = 0; i < n; i++) {
    const item = items[i];
    const first = Math.max(H0, item.start ?? H0);
    const last = Math.min(HN, item.end ?? HN);
    activeFrom[i] = first - H0;
    activeTo[i] = last - H0;
    fillRow(item, first, last, i * M + first - H0, i * F - firstFy, plan, partner, share, planByFy);
  }
  const actuals = scenario.actuals;
  const asAt = actuals ? actuals.asAt : null;
  const actualTo = asAt === null ? -1 : Math.min(asAt - H0, M - 1);
  const actual = new Float64Array(actualTo >= 0 ? n * M : 0);
  let mixedByFy = planByFy;
  if (actuals && actualTo >= 0) {
    mixedByFy = new Float64Array(planByFy);
    for (let i = 0; i < n; i++) {
      for (const [month, pence] of actuals.byIntervention[i]) {
        const k = month - H0;
        if (k >= 0 && k <= actualTo) actual[i * M + k] = pence;
      }
      for (let f = 0; f < F; f++) {
        for (let k = fyFrom[f]; k <= Math.min(fyTo[f], actualTo); k++) mixedByFy[i * F + f] += actual[i * M + k] - plan[i * M + k];
      }
    }
  }
  return { H0, M, n, F, fyFrom, fyTo, activeFrom, activeTo, plan, partner, share, planByFy, actualTo, asAt, actual, mixedByFy };
}

/** A decision taken after asAt uses the figures of its time: actuals to date, the plan after (§10). */
function usesActuals(ledger: Ledger, f: number, at: MonthIndex): boolean {
  return ledger.asAt !== null && at > ledger.asAt && ledger.fyFrom[f] <= ledger.actualTo;
}

/** Sum of what one intervention spent over months [from, to]: actual amounts in actual months, plan cost after. */
function sumSpent(ledger: Ledger, i: number, from: MonthIndex, to: MonthIndex): Pence {
  const lo = Math.max(from - ledger.H0, 0);
  const hi = Math.min(to - ledger.H0, ledger.M - 1);
  const row = i * ledger.M;
  let sum = 0;
  for (let k = lo; k <= hi; k++) sum += k <= ledger.actualTo ? ledger.actual[row + k] : ledger.plan[row + k];
  return sum;
}

/** Sum of one intervention's plan cost over months [from, to] (month indices, clipped to the horizon). */
function sumPlan(ledger: Ledger, i: number, from: MonthIndex, to: MonthIndex): Pence {
  const lo = Math.max(from - ledger.H0, 0);
  const hi = Math.min(to - ledger.H0, ledger.M - 1);
  const row = i * ledger.M;
  let sum = 0;
  for (let k = lo; k <= hi; k++) sum += ledger.plan[row + k];
  return sum;
}

function knownOf(scenario: ResolvedScenario, fy: FyYear): Known {
  let known: Known | null = null;
  for (const stream of scenario.streams) {
    const allocation = stream.allocations.get(fy);
    if (allocation && (!known || allocation.known > known.month))
      known = { month: allocation.known, source: allocation.knownSource, stream: stream.id };
  }
  // An FY with no allocations has nothing to wait for: it is known at its start.
  return known ?? { month: fyStart(fy), source: 'no-allocations', stream: null };
}

function poolsFor(scenario: ResolvedScenario, fy: FyYear, knownBy: MonthIndex | null) {
  const ringFenced: Pool[] = [];
  const general: Pool = { left: 0, members: null };
  for (const stream of scenario.streams) {
    const allocation = stream.allocations.get(fy);
    if (!allocation || (knownBy !== null && allocation.known > knownBy)) continue;
    if (stream.restrictedTo) ringFenced.push({ left: allocation.amount, members: stream.restrictedTo });
    else general.left += allocation.amount;
  }
  return { ringFenced, general };
}

/** Section 3.3: the decisions for every FY, in order. */
function decideAll(scenario: ResolvedScenario, ledger: Ledger, order: readonly number[], knowns: readonly Known[]) {
  const items = scenario.interventions;
  const { H0, F } = ledger;
  const HN = H0 + ledger.M - 1;
  const closures: (Closure | null)[] = new Array(ledger.n).fill(null);
  const candidacies: Candidacy[][] = Array.from({ length: ledger.n }, () => []);

  scenario.fys.forEach((fy, f) => {
    const S = fyStart(fy);
    const E = fyEnd(fy);
    const K = knowns[f].month;
    const candidates = order.filter(
      (i) =>
        !closures[i] &&
        ledger.activeFrom[i] <= ledger.fyTo[f] &&
        ledger.activeTo[i] >= ledger.fyFrom[f] &&
        ledger.activeFrom[i] <= ledger.activeTo[i],
    );
    const notice = (i: number) => items[i].noticeMonths.get(fy) ?? 0;
    const deadline = (i: number) => S - notice(i);
    for (const i of candidates) candidacies[i].push({ f, deadline: deadline(i) });
    const lastMonthFor = (i: number, served: MonthIndex) => {
      const last = served + notice(i) - 1;
      const end = items[i].end;
      return end !== null && end < last ? end : last;
    };
    const waitServed = (i: number) => Math.max(deadline(i), K, H0);
    // What closing costs the FY: plan cost in its run-on months, and its exit cost if it falls in
    // the FY. After asAt, the FY's actual months count what was spent (an exit cost among them
    // is already in the actuals), and the plan cost the run-on months after.
    const windDown = (i: number, mixed: boolean) => {
      const last = lastMonthFor(i, waitServed(i));
      let cost = mixed
        ? sumSpent(ledger, i, S, Math.min(E, H0 + ledger.actualTo)) + sumPlan(ledger, i, H0 + ledger.actualTo + 1, Math.min(last, E))
        : sumPlan(ledger, i, S, Math.min(last, E));
      const exitCounts = last >= S && last <= E && last >= H0 && last <= HN && !(mixed && last - H0 <= ledger.actualTo);
      if (exitCounts) cost += items[i].exitCost.get(fy) ?? 0;
      return cost;
    };

    /**
     * The rule of 3.3 over `ids` with the pools known by `knownBy` (null: all of them, at K);
     * returns those it would not fund, in order. Taken at month `at`, with that month's figures.
     */
    const decide = (ids: readonly number[], knownBy: MonthIndex | null, withWindDown: boolean) => {
      const { ringFenced, general } = poolsFor(scenario, fy, knownBy);
      const mixed = usesActuals(ledger, f, knownBy ?? K);
      const costs = mixed ? ledger.mixedByFy : ledger.planByFy;
      const unfunded: number[] = [];
      for (const i of ids) {
        const id = items[i].id;
        const need = costs[i * F + f];
        if (need === 0 || need <= available(ringFenced, general, id)) {
          draw(ringFenced, general, id, need);
        } else {
          unfunded.push(i);
          if (withWindDown) draw(ringFenced, general, id, windDown(i, mixed));
        }
      }
      return unfunded;
    };

    const noticed = new Set<number>();
    if (scenario.stance === 'prudent') {
      const deadlines = [...new Set(candidates.map(deadline))].filter((d) => d >= H0 && d < K).sort((a, b) => a - b);
      for (const d of deadlines) {
        const open = candidates.filter((i) => !noticed.has(i));
        for (const i of decide(open, d, false)) {
          if (deadline(i) !== d) continue;
          noticed.add(i);
          closures[i] = { fy, deadline: d, served: d, last: lastMonthFor(i, d), decidedAt: 'look-ahead', avoidable: false };
        }
      }
    }
    const rest = noticed.size ? candidates.filter((i) => !noticed.has(i)) : candidates;
    for (const i of decide(rest, null, true)) {
      const served = waitServed(i);
      closures[i] = { fy, deadline: deadline(i), served, last: lastMonthFor(i, served), decidedAt: 'confirmation', avoidable: false };
    }
    if (scenario.stance === 'prudent') {
      // Avoidable: a look-ahead closure that the decision at K under wait would have funded,
      // had no notice been served. A closure decided at K is never avoidable (plan-format.md §3.3).
      if (noticed.size) {
        const unfundedUnderWait = new Set(decide(candidates, null, true));
        for (const i of noticed) if (!unfundedUnderWait.has(i)) closures[i]!.avoidable = true;
      }
    }
  });
  return { closures, candidacies };
}

/** Spend and partner payments per month, and spend per intervention × FY, after closures. */
function accumulate(ledger: Ledger, stop: Int32Array, exitAt: Int32Array, exitCost: Float64Array) {
  const { M, n, F, plan, partner, activeFrom, fyFrom, fyTo, actualTo, actual } = ledger;
  const monthSpend = new Float64Array(M);
  const monthPartner = new Float64Array(M);
  const spendByFy = new Float64Array(n * F);
  const fyOfOffset = new Int32Array(M);
  for (let f = 0; f < F; f++) for (let k = fyFrom[f]; k <= fyTo[f]; k++) fyOfOffset[k] = f;
  for (let i = 0; i < n; i++) {
    const row = i * M;
    const cell = i * F;
    const to = stop[i];
    for (let k = activeFrom[i]; k <= to; k++) {
      // Partners pay their share of the planned cost, actual month or not (§10).
      monthPartner[k] += partner[row + k];
      if (k <= actualTo) continue;
      const value = plan[row + k];
      monthSpend[k] += value;
      spendByFy[cell + fyOfOffset[k]] += value;
    }
    // In an actual month, what was really spent, whatever the rules say of that month.
    for (let k = 0; k <= actualTo; k++) {
      const value = actual[row + k];
      monthSpend[k] += value;
      spendByFy[cell + fyOfOffset[k]] += value;
    }
    const exit = exitAt[i];
    if (exit >= 0) {
      monthSpend[exit] += exitCost[i];
      spendByFy[cell + fyOfOffset[exit]] += exitCost[i];
    }
  }
  return { monthSpend, monthPartner, spendByFy, fyOfOffset };
}

/** Where each intervention's spending stops (its last month, offset) and its exit cost falls, after closures. */
function stopsOf(scenario: ResolvedScenario, ledger: Ledger, closures: readonly (Closure | null)[]) {
  const { H0, n } = ledger;
  const HN = H0 + ledger.M - 1;
  const stop = new Int32Array(n);
  const exitAt = new Int32Array(n).fill(-1);
  const exitCost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const closure = closures[i];
    stop[i] = closure ? Math.min(ledger.activeTo[i], closure.last - H0) : ledger.activeTo[i];
    // An exit cost in an actual month is already among the actuals.
    if (closure && closure.last >= H0 && closure.last <= HN && closure.last - H0 > ledger.actualTo) {
      exitAt[i] = closure.last - H0;
      exitCost[i] = scenario.interventions[i].exitCost.get(closure.fy) ?? 0;
    }
  }
  return { stop, exitAt, exitCost };
}

/**
 * What each intervention spends month by month in the account, rows in the scenario's order:
 * the plan cost in the months it runs after closures, its exit cost in its last month, and
 * actual amounts in actual months. For a plan without actuals this is "spent as planned".
 */
export function monthlySpend(scenario: ResolvedScenario): Pence[][] {
  const ledger = buildLedger(scenario);
  const order = scenario.interventions.map((_, i) => i).sort((a, b) => byPriority(scenario.interventions[a], scenario.interventions[b]));
  const knowns = scenario.fys.map((fy) => knownOf(scenario, fy));
  const { closures } = decideAll(scenario, ledger, order, knowns);
  const { stop, exitAt, exitCost } = stopsOf(scenario, ledger, closures);
  return scenario.interventions.map((_, i) => {
    const row = new Array<Pence>(ledger.M).fill(0);
    for (let k = 0; k < ledger.M; k++) {
      if (k <= ledger.actualTo) row[k] = ledger.actual[i * ledger.M + k];
      else if (k >= ledger.activeFrom[i] && k <= stop[i]) row[k] = ledger.plan[i * ledger.M + k] + (exitAt[i] === k ? exitCost[i] : 0);
      else if (exitAt[i] === k) row[k] = exitCost[i];
    }
    return row;
  });
}

export function simulate(scenario: ResolvedScenario): SimulationResult {
  const ledger = buildLedger(scenario);
  const { H0, M, F } = ledger;
  const HN = H0 + M - 1;
  const items = scenario.interventions;
  const order = items.map((_, i) => i).sort((a, b) => byPriority(items[a], items[b]));
  const knowns = scenario.fys.map((fy) => knownOf(scenario, fy));
  const { closures, candidacies } = decideAll(scenario, ledger, order, knowns);

  // --- the account: what each intervention really spent, month by month ---
  // Months after a closure's last month cost nothing; its exit cost falls in that last month.
  const { stop, exitAt, exitCost } = stopsOf(scenario, ledger, closures);
  const { monthSpend, monthPartner, spendByFy, fyOfOffset } = accumulate(ledger, stop, exitAt, exitCost);
  const spendAt = (i: number, k: number) =>
    k <= ledger.actualTo
      ? ledger.actual[i * M + k]
      : (k <= stop[i] && k >= ledger.activeFrom[i] ? ledger.plan[i * M + k] : 0) + (exitAt[i] === k ? exitCost[i] : 0);

  const years: YearResult[] = scenario.fys.map((fy, f) => {
    const K = knowns[f].month;
    const { ringFenced, general } = poolsFor(scenario, fy, null);
    const funding = ringFenced.reduce((sum, pool) => sum + pool.left, general.left);
    const riskTo = Math.min(K - H0 - 1, ledger.fyTo[f]);
    let spend = 0;
    let commissioned = 0;
    let atRisk = 0;
    let drawn = 0;
    for (const i of order) {
      const own = spendByFy[i * F + f];
      for (let k = ledger.fyFrom[f]; k <= riskTo; k++) atRisk += spendAt(i, k);
      if (own === 0) continue;
      spend += own;
      if (items[i].category === 'commissioned') commissioned += own;
      drawn += draw(ringFenced, general, items[i].id, own);
    }
    let partner = 0;
    let actual = 0;
    for (let k = ledger.fyFrom[f]; k <= ledger.fyTo[f]; k++) {
      partner += monthPartner[k];
      if (k <= ledger.actualTo) actual += monthSpend[k];
    }
    const underspend = ringFenced.reduce((sum, pool) => sum + pool.left, general.left);
    let required: Ratio | null = null;
    for (const stream of scenario.streams) {
      const share = stream.minCommissionedShare.get(fy);
      if (share && stream.allocations.has(fy) && (!required || compareRatio(share, required) > 0)) required = share;
    }
    const compliant = spend === 0 || !required || BigInt(commissioned) * required.den >= required.num * BigInt(spend);
    const limit = scenario.limit.get(fy) ?? 0;
    return {
      fy,
      known: K,
      knownSource: knowns[f].source,
      knownStream: knowns[f].stream,
      funding,
      spend,
      actual,
      forecast: spend - actual,
      commissionedSpend: commissioned,
      partner,
      drawn,
      underspend,
      atRisk,
      commissionedShare: spend === 0 ? null : Number(divRoundHalfEven(BigInt(commissioned) * 10000n, BigInt(spend))) / 10000,
      requiredShare: required ? Number(required.num) / Number(required.den) : null,
      compliant,
      limit,
      limitBreached: drawn > limit,
    };
  });

  const months: MonthResult[] = [];
  for (let k = 0; k < M; k++) {
    const year = years[fyOfOffset[k]];
    months.push({
      month: H0 + k,
      funding: monthlyPart(year.funding, H0 + k - fyStart(year.fy)),
      spend: monthSpend[k],
      partner: monthPartner[k],
      atRisk: H0 + k < year.known,
      actual: k <= ledger.actualTo,
    });
  }

  const interventions: InterventionResult[] = items.map((item, i) => {
    const closure = closures[i];
    const planCost: Pence[] = new Array(F);
    for (let f = 0; f < F; f++) planCost[f] = spendByFy[i * F + f];
    let actualToDate = 0;
    const actualByFy: Pence[] = new Array(F).fill(0);
    for (let k = 0; k <= ledger.actualTo; k++) {
      actualToDate += ledger.actual[i * M + k];
      actualByFy[fyOfOffset[k]] += ledger.actual[i * M + k];
    }
    // Plain literals throughout: object spread is many times slower here, and this runs per draw.
    const result: Mutable<InterventionResult> = {
      id: item.id,
      name: item.name,
      category: item.category,
      system: item.system,
      priority: item.priority,
      outcome: 'continues',
      closedFor: null,
      noticeDeadline: null,
      noticeServed: null,
      lastMonth: null,
      decidedAt: null,
      runOn: 0,
      exitCost: 0,
      avoidable: false,
      serviceUsers: item.serviceUsers,
      usersMoved: 0,
      usersLosingSupport: 0,
      transitionTo: item.transition ? item.transition.to : null,
      partner: null,
      handoverMonth: null,
      planCost,
      actualToDate,
      actualByFy,
      status: statusLine(ledger, i, closure),
      notices: [],
    };
    if (closure) {
      const moved = item.transition ? Math.min(item.serviceUsers, item.transition.capacity) : 0;
      result.outcome = 'closes';
      result.closedFor = closure.fy;
      result.noticeDeadline = closure.deadline;
      result.noticeServed = closure.served;
      result.lastMonth = closure.last;
      result.decidedAt = closure.decidedAt;
      result.runOn = sumSpent(ledger, i, fyStart(closure.fy), closure.last);
      result.exitCost = item.exitCost.get(closure.fy) ?? 0;
      result.avoidable = closure.avoidable;
      result.usersMoved = moved;
      result.usersLosingSupport = item.serviceUsers - moved;
      return result;
    }
    const firstRun = ledger.activeFrom[i];
    const lastRun = ledger.activeTo[i];
    const isAll = (k: number) => ledger.share[i * M + k] === SHARE_ALL;
    if (lastRun >= firstRun && isAll(lastRun)) {
      let handover = lastRun;
      while (handover - 1 >= firstRun && isAll(handover - 1)) handover--;
      let entry = item.partnerShares[0];
      for (const p of item.partnerShares) if (p.from <= H0 + lastRun) entry = p;
      result.outcome = 'transitions';
      result.partner = entry.partner;
      result.handoverMonth = H0 + handover;
      return result;
    }
    if (item.end !== null && item.end <= HN) result.outcome = 'ended';
    return result;
  });

  interventions.forEach((result, i) => {
    (result as Mutable<InterventionResult>).notices = noticesOf(scenario, ledger, knowns, i, candidacies[i], closures[i], result);
  });

  const closed = interventions.filter((r) => r.outcome === 'closes');
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  return {
    id: scenario.id,
    name: scenario.name,
    stance: scenario.stance,
    underwriter: scenario.underwriter,
    horizonStart: H0,
    horizonMonths: M,
    asAt: ledger.asAt,
    years,
    interventions,
    months,
    totals: {
      funding: sum(years.map((y) => y.funding)),
      spend: sum(years.map((y) => y.spend)),
      partner: sum(years.map((y) => y.partner)),
      drawn: sum(years.map((y) => y.drawn)),
      underspend: sum(years.map((y) => y.underspend)),
      atRisk: sum(years.map((y) => y.atRisk)),
      peakAtRisk: Math.max(0, ...years.map((y) => y.atRisk)),
      peakDrawn: Math.max(0, ...years.map((y) => y.drawn)),
      closures: closed.length,
      avoidableClosures: closed.filter((r) => r.avoidable).length,
      transitions: interventions.filter((r) => r.outcome === 'transitions').length,
      usersLosingSupport: sum(closed.map((r) => r.usersLosingSupport)),
      usersLosingSupportAvoidably: sum(closed.filter((r) => r.avoidable).map((r) => r.usersLosingSupport)),
      usersMoved: sum(closed.map((r) => r.usersMoved)),
      nonCompliantYears: years.filter((y) => !y.compliant).length,
      limitBreaches: years.filter((y) => y.limitBreached).length,
    },
  };
}

/** The notice decision of each FY an intervention was a candidate in, with what came of it. */
function noticesOf(
  scenario: ResolvedScenario,
  ledger: Ledger,
  knowns: readonly Known[],
  i: number,
  candidacies: readonly Candidacy[],
  closure: Closure | null,
  result: InterventionResult,
): NoticeResult[] {
  const item = scenario.interventions[i];
  const notices: NoticeResult[] = [];
  for (const { f, deadline } of candidacies) {
    const fy = scenario.fys[f];
    const S = fyStart(fy);
    const known = knowns[f];
    const closes = closure !== null && closure.fy === fy;
    const lookAhead = closes && closure.decidedAt === 'look-ahead';
    let verdict: NoticeVerdict = 'continues';
    if (closes) verdict = 'closes';
    else if (result.status[S - ledger.H0] === STATUS.handedOver) verdict = 'handed-over';
    else if (
      result.outcome === 'transitions' &&
      result.handoverMonth !== null &&
      result.handoverMonth >= S &&
      result.handoverMonth <= S + 11
    )
      verdict = 'transitions';
    notices.push({
      fy,
      deadline,
      passed: deadline < ledger.H0,
      noticeMonths: S - deadline,
      known: known.month,
      knownSource: known.source,
      blindMonths: Math.max(0, known.month - deadline),
      decidedAt: lookAhead ? closure.served : known.month,
      decidedBy: lookAhead ? 'look-ahead' : 'confirmation',
      verdict,
      served: closes ? closure.served : null,
      lastMonth: closes ? closure.last : null,
      avoidable: closes && closure.avoidable,
      annualCost: item.annualCost.get(fy) ?? 0,
      planCost: ledger.planByFy[i * ledger.F + f],
      exitCost: item.exitCost.get(fy) ?? 0,
    });
  }
  return notices;
}

const STATUS_CODES = {
  inactive: STATUS.inactive.charCodeAt(0),
  running: STATUS.running.charCodeAt(0),
  tapering: STATUS.tapering.charCodeAt(0),
  handedOver: STATUS.handedOver.charCodeAt(0),
  notice: STATUS.notice.charCodeAt(0),
  closed: STATUS.closed.charCodeAt(0),
};

function statusLine(ledger: Ledger, i: number, closure: Closure | null): string {
  const { H0, M } = ledger;
  const codes = new Array<number>(M);
  for (let k = 0; k < M; k++) {
    const m = H0 + k;
    if (k < ledger.activeFrom[i] || k > ledger.activeTo[i]) codes[k] = STATUS_CODES.inactive;
    else if (closure && m > closure.last) codes[k] = STATUS_CODES.closed;
    else if (closure && m >= closure.served) codes[k] = STATUS_CODES.notice;
    else {
      const share = ledger.share[i * M + k];
      codes[k] = share === SHARE_NONE ? STATUS_CODES.running : share === SHARE_ALL ? STATUS_CODES.handedOver : STATUS_CODES.tapering;
    }
  }
  return String.fromCharCode(...codes);
}
