// The simulation of one resolved scenario (spec section 3). Pure: plain data in, plain
// data out; no clock, no I/O. FYs are processed in order: for each, a decision (which
// interventions keep funding) and, once every decision is known, an account.
import { fyEnd, fyOfMonth, fyStart, type FyYear, type MonthIndex } from './months';
import { compareRatio, divRoundHalfEven, monthlyPart, shareOf, type Pence, type Ratio } from './money';
import type { ResolvedIntervention, ResolvedScenario, Stance } from './resolve';

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

export interface YearResult {
  readonly fy: FyYear;
  /** First month at which all of the FY's funding is known. */
  readonly known: MonthIndex;
  readonly funding: Pence;
  readonly spend: Pence;
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

export interface InterventionResult {
  readonly id: string;
  readonly name: string;
  readonly category: 'commissioned' | 'central';
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
  /** Plan cost per FY of the horizon (aligned with `years`). */
  readonly planCost: readonly Pence[];
  /** One STATUS character per month of the horizon. */
  readonly status: string;
}

export interface MonthResult {
  readonly month: MonthIndex;
  readonly funding: Pence;
  readonly spend: Pence;
  readonly partner: Pence;
  readonly atRisk: boolean;
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

export function simulate(scenario: ResolvedScenario): SimulationResult {
  const H0 = scenario.horizonStart;
  const M = scenario.horizonMonths;
  const HN = H0 + M - 1;
  const items = scenario.interventions;
  const n = items.length;

  // Monthly full cost, partner share and plan cost of each intervention, as if it ran
  // through the horizon; closures cut it short below.
  const partnerPaid: Float64Array[] = [];
  const planCost: Float64Array[] = [];
  const shareAt: (Ratio | null)[][] = [];
  for (const item of items) {
    const partner = new Float64Array(M);
    const plan = new Float64Array(M);
    const shares: (Ratio | null)[] = new Array(M).fill(null);
    let next = 0;
    let current: Ratio | null = null;
    const first = Math.max(H0, item.start ?? H0);
    const last = Math.min(HN, item.end ?? HN);
    while (next < item.partnerShares.length && item.partnerShares[next].from <= first) current = item.partnerShares[next++].share;
    let fy = fyOfMonth(first);
    let annual = item.annualCost.get(fy) ?? 0;
    let lastCost = -1;
    let lastShare: Ratio | null = null;
    let lastPartner = 0;
    for (let m = first; m <= last; m++) {
      while (next < item.partnerShares.length && item.partnerShares[next].from <= m) current = item.partnerShares[next++].share;
      if (m > fyEnd(fy)) {
        fy += 1;
        annual = item.annualCost.get(fy) ?? 0;
      }
      const cost = monthlyPart(annual, m - fyStart(fy));
      // Tapers hold for months at a time: reuse the rounded share while cost and share repeat.
      if (cost !== lastCost || current !== lastShare) {
        lastPartner = current ? shareOf(cost, current) : 0;
        lastCost = cost;
        lastShare = current;
      }
      partner[m - H0] = lastPartner;
      plan[m - H0] = cost - lastPartner;
      shares[m - H0] = current;
    }
    partnerPaid.push(partner);
    planCost.push(plan);
    shareAt.push(shares);
  }

  const active = (i: number, m: MonthIndex) => {
    const item = items[i];
    return m >= H0 && m <= HN && (item.start === null || m >= item.start) && (item.end === null || m <= item.end);
  };
  const sumPlan = (i: number, from: MonthIndex, to: MonthIndex) => {
    let sum = 0;
    const row = planCost[i];
    for (let m = Math.max(from, H0); m <= Math.min(to, HN); m++) sum += row[m - H0];
    return sum;
  };

  const closures: (Closure | null)[] = new Array(n).fill(null);
  const order = items.map((_, i) => i).sort((a, b) => byPriority(items[a], items[b]));

  const knownOf = (fy: FyYear) => {
    let known = fyStart(fy);
    let any = false;
    for (const stream of scenario.streams) {
      const allocation = stream.allocations.get(fy);
      if (allocation) known = any ? Math.max(known, allocation.known) : allocation.known;
      any ||= !!allocation;
    }
    return known;
  };

  const poolsFor = (fy: FyYear, knownBy: MonthIndex | null) => {
    const ringFenced: Pool[] = [];
    const general: Pool = { left: 0, members: null };
    for (const stream of scenario.streams) {
      const allocation = stream.allocations.get(fy);
      if (!allocation || (knownBy !== null && allocation.known > knownBy)) continue;
      if (stream.restrictedTo) ringFenced.push({ left: allocation.amount, members: stream.restrictedTo });
      else general.left += allocation.amount;
    }
    return { ringFenced, general };
  };

  for (const fy of scenario.fys) {
    const S = fyStart(fy);
    const E = fyEnd(fy);
    const K = knownOf(fy);
    const from = Math.max(S, H0);
    const to = Math.min(E, HN);
    const candidates = order.filter((i) => {
      if (closures[i]) return false;
      for (let m = from; m <= to; m++) if (active(i, m)) return true;
      return false;
    });
    const fullYear = new Map(candidates.map((i) => [i, sumPlan(i, S, E)]));
    const deadline = (i: number) => S - (items[i].noticeMonths.get(fy) ?? 0);
    const lastMonthFor = (i: number, served: MonthIndex) => {
      const last = served + (items[i].noticeMonths.get(fy) ?? 0) - 1;
      const end = items[i].end;
      return end !== null && end < last ? end : last;
    };
    // What closing costs the FY: plan cost in its run-on months, and its exit cost if it falls in the FY.
    const windDown = (i: number, last: MonthIndex) => {
      let cost = sumPlan(i, S, Math.min(last, E));
      if (last >= S && last <= E && last >= H0 && last <= HN) cost += items[i].exitCost.get(fy) ?? 0;
      return cost;
    };

    /** The rule of 3.3 over `ids` with the given pools; returns those it would not fund, in order. */
    const decide = (ids: readonly number[], knownBy: MonthIndex | null, onClose: ((i: number) => Pence) | null) => {
      const { ringFenced, general } = poolsFor(fy, knownBy);
      const unfunded: number[] = [];
      for (const i of ids) {
        const id = items[i].id;
        const need = fullYear.get(i)!;
        if (need === 0 || need <= available(ringFenced, general, id)) {
          draw(ringFenced, general, id, need);
        } else {
          unfunded.push(i);
          if (onClose) draw(ringFenced, general, id, onClose(i));
        }
      }
      return unfunded;
    };
    const waitServed = (i: number) => Math.max(deadline(i), K, H0);

    const noticed = new Set<number>();
    if (scenario.stance === 'prudent') {
      const deadlines = [...new Set(candidates.map(deadline))].filter((d) => d >= H0 && d < K).sort((a, b) => a - b);
      for (const d of deadlines) {
        const open = candidates.filter((i) => !noticed.has(i));
        for (const i of decide(open, d, null)) {
          if (deadline(i) !== d) continue;
          noticed.add(i);
          closures[i] = { fy, deadline: d, served: d, last: lastMonthFor(i, d), decidedAt: 'look-ahead', avoidable: false };
        }
      }
    }
    const rest = candidates.filter((i) => !noticed.has(i));
    for (const i of decide(rest, null, (i) => windDown(i, lastMonthFor(i, waitServed(i))))) {
      const served = waitServed(i);
      closures[i] = { fy, deadline: deadline(i), served, last: lastMonthFor(i, served), decidedAt: 'confirmation', avoidable: false };
    }
    if (scenario.stance === 'prudent') {
      // Avoidable: funded by the decision at K under wait, had no notice been served.
      const unfundedUnderWait = new Set(decide(candidates, null, (i) => windDown(i, lastMonthFor(i, waitServed(i)))));
      for (const i of candidates) {
        const closure = closures[i];
        if (closure && closure.fy === fy && !unfundedUnderWait.has(i)) closure.avoidable = true;
      }
    }
  }

  // --- the account: what each intervention really spent, month by month ---
  const spendRows: Float64Array[] = [];
  const partnerRows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const closure = closures[i];
    let spend = planCost[i];
    let partner = partnerPaid[i];
    if (closure) {
      spend = spend.slice();
      partner = partner.slice();
      for (let m = Math.max(closure.last + 1, H0); m <= HN; m++) {
        spend[m - H0] = 0;
        partner[m - H0] = 0;
      }
      const exit = items[i].exitCost.get(closure.fy) ?? 0;
      if (closure.last >= H0 && closure.last <= HN) spend[closure.last - H0] += exit;
    }
    spendRows.push(spend);
    partnerRows.push(partner);
  }

  const years: YearResult[] = scenario.fys.map((fy) => {
    const S = fyStart(fy);
    const E = fyEnd(fy);
    const K = knownOf(fy);
    const from = Math.max(S, H0);
    const to = Math.min(E, HN);
    const { ringFenced, general } = poolsFor(fy, null);
    const funding = ringFenced.reduce((sum, pool) => sum + pool.left, general.left);
    let spend = 0;
    let commissioned = 0;
    let partner = 0;
    let atRisk = 0;
    let drawn = 0;
    for (const i of order) {
      let own = 0;
      for (let m = from; m <= to; m++) {
        const value = spendRows[i][m - H0];
        own += value;
        partner += partnerRows[i][m - H0];
        if (m < K) atRisk += value;
      }
      if (own === 0) continue;
      spend += own;
      if (items[i].category === 'commissioned') commissioned += own;
      drawn += draw(ringFenced, general, items[i].id, own);
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
      funding,
      spend,
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
  const fundingByFy = new Map(years.map((y) => [y.fy, y]));
  for (let m = H0; m <= HN; m++) {
    const year = fundingByFy.get(fyOfMonth(m))!;
    let spend = 0;
    let partner = 0;
    for (let i = 0; i < n; i++) {
      spend += spendRows[i][m - H0];
      partner += partnerRows[i][m - H0];
    }
    months.push({ month: m, funding: monthlyPart(year.funding, m - fyStart(year.fy)), spend, partner, atRisk: m < year.known });
  }

  const interventions: InterventionResult[] = items.map((item, i) => {
    const closure = closures[i];
    const planByFy = scenario.fys.map((fy) => {
      let sum = 0;
      for (let m = Math.max(fyStart(fy), H0); m <= Math.min(fyEnd(fy), HN); m++) sum += spendRows[i][m - H0];
      return sum;
    });
    const status = statusLine(i);
    const common = { id: item.id, name: item.name, category: item.category, serviceUsers: item.serviceUsers, transitionTo: item.transition?.to ?? null, planCost: planByFy, status };
    if (closure) {
      const moved = item.transition ? Math.min(item.serviceUsers, item.transition.capacity) : 0;
      return {
        ...common,
        outcome: 'closes',
        closedFor: closure.fy,
        noticeDeadline: closure.deadline,
        noticeServed: closure.served,
        lastMonth: closure.last,
        decidedAt: closure.decidedAt,
        runOn: sumPlan(i, fyStart(closure.fy), closure.last),
        exitCost: item.exitCost.get(closure.fy) ?? 0,
        avoidable: closure.avoidable,
        usersMoved: moved,
        usersLosingSupport: item.serviceUsers - moved,
        partner: null,
        handoverMonth: null,
      };
    }
    const none = {
      ...common, closedFor: null, noticeDeadline: null, noticeServed: null, lastMonth: null, decidedAt: null,
      runOn: 0, exitCost: 0, avoidable: false, usersMoved: 0, usersLosingSupport: 0, partner: null, handoverMonth: null,
    };
    const lastRun = Math.min(HN, item.end ?? HN);
    const firstRun = Math.max(H0, item.start ?? H0);
    const isOne = (m: MonthIndex) => {
      const share = shareAt[i][m - H0];
      return !!share && share.num === share.den;
    };
    if (lastRun >= firstRun && isOne(lastRun)) {
      let handover = lastRun;
      while (handover - 1 >= firstRun && isOne(handover - 1)) handover--;
      const entry = [...item.partnerShares].reverse().find((p) => p.from <= lastRun)!;
      return { ...none, outcome: 'transitions', partner: entry.partner, handoverMonth: handover };
    }
    if (item.end !== null && item.end <= HN) return { ...none, outcome: 'ended' };
    return { ...none, outcome: 'continues' };
  });

  function statusLine(i: number): string {
    const closure = closures[i];
    let line = '';
    for (let m = H0; m <= HN; m++) {
      if (!active(i, m)) line += STATUS.inactive;
      else if (closure && m > closure.last) line += STATUS.closed;
      else if (closure && m >= closure.served) line += STATUS.notice;
      else {
        const share = shareAt[i][m - H0];
        line += !share || share.num === 0n ? STATUS.running : share.num === share.den ? STATUS.handedOver : STATUS.tapering;
      }
    }
    return line;
  }

  const closed = interventions.filter((r) => r.outcome === 'closes');
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  return {
    id: scenario.id,
    name: scenario.name,
    stance: scenario.stance,
    underwriter: scenario.underwriter,
    horizonStart: H0,
    horizonMonths: M,
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

