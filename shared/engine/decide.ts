// The decisions (plan-format.md §3.2, §3.3): when each FY is known, and for each FY in order
// which candidates keep funding, under the wait or the prudent stance.
import { fyEnd, fyStart, type FyYear, type MonthIndex } from '../months';
import type { ResolvedScenario } from '../resolve';
import { planBetween, spentBetween, usesActuals, type Ledger } from './ledger';
import { Pools } from './pools';
import { scratchF64, scratchI32, scratchU8 } from './scratch';
import type { YearKnownSource } from './types';

export interface Closure {
  readonly fy: FyYear;
  readonly deadline: MonthIndex;
  readonly served: MonthIndex;
  readonly last: MonthIndex;
  readonly decidedAt: 'look-ahead' | 'confirmation';
  avoidable: boolean;
}

/**
 * The FYs each intervention was a candidate in, as the decision pass saw them (the verdict
 * is settled once outcomes are known): per intervention × FY, 1 for a candidate, and its
 * notice deadline.
 */
export interface Candidacies {
  readonly candidate: Uint8Array;
  readonly deadline: Float64Array;
}

/** K of each FY and where it comes from (plan-format.md §3.2), worked out once per simulation. */
export interface Known {
  readonly month: MonthIndex;
  readonly source: YearKnownSource;
  readonly stream: string | null;
}

export function knownOf(scenario: ResolvedScenario, fy: FyYear): Known {
  let known: Known | null = null;
  for (const stream of scenario.streams) {
    const allocation = stream.allocations.get(fy);
    if (allocation && (!known || allocation.known > known.month))
      known = { month: allocation.known, source: allocation.knownSource, stream: stream.id };
  }
  // An FY with no allocations has nothing to wait for: it is known at its start.
  return known ?? { month: fyStart(fy), source: 'no-allocations', stream: null };
}

export interface Decisions {
  readonly closures: readonly (Closure | null)[];
  /** Null when not asked for. */
  readonly candidacies: Candidacies | null;
}

/** Section 3.3: the decisions for every FY, in order. `order` is the scenario's (priority, id) order. */
export function decideAll(
  scenario: ResolvedScenario,
  ledger: Ledger,
  order: Int32Array,
  knowns: readonly Known[],
  pools: Pools,
  withCandidacies: boolean,
): Decisions {
  const items = scenario.interventions;
  const { H0, F, n, activeFrom, activeTo, fyFrom, fyTo } = ledger;
  const noticeMonths = ledger.tables.noticeMonths;
  const HN = H0 + ledger.M - 1;
  const closures: (Closure | null)[] = new Array(n).fill(null);
  const candidacies: Candidacies | null = withCandidacies ? { candidate: scratchU8(n * F), deadline: scratchF64(n * F) } : null;
  const notice = scratchI32(n);
  const deadline = scratchF64(n);
  const noticed = scratchU8(n);
  const unfundedUnderWait = scratchU8(n);

  for (let f = 0; f < F; f++) {
    const fy = scenario.fys[f];
    const S = fyStart(fy);
    const E = fyEnd(fy);
    const K = knowns[f].month;
    const candidates: number[] = [];
    for (let j = 0; j < n; j++) {
      const i = order[j];
      if (closures[i] || activeFrom[i] > fyTo[f] || activeTo[i] < fyFrom[f] || activeFrom[i] > activeTo[i]) continue;
      candidates.push(i);
      notice[i] = noticeMonths[i * F + f];
      deadline[i] = S - notice[i];
      if (candidacies) {
        candidacies.candidate[i * F + f] = 1;
        candidacies.deadline[i * F + f] = deadline[i];
      }
    }
    const lastMonthFor = (i: number, served: MonthIndex) => {
      const last = served + notice[i] - 1;
      const end = items[i].end;
      return end !== null && end < last ? end : last;
    };
    const waitServed = (i: number) => Math.max(deadline[i], K, H0);
    // What closing costs the FY: plan cost in its run-on months, and its exit cost if it falls in
    // the FY. After asAt, the FY's actual months count what was spent (an exit cost among them
    // is already in the actuals), and the plan cost the run-on months after.
    const windDown = (i: number, mixed: boolean) => {
      const last = lastMonthFor(i, waitServed(i));
      const actualEnd = H0 + ledger.actualTo;
      let cost = mixed
        ? spentBetween(ledger, i, S, Math.min(E, actualEnd)) + planBetween(ledger, i, actualEnd + 1, Math.min(last, E))
        : planBetween(ledger, i, S, Math.min(last, E));
      const exitCounts = last >= S && last <= E && last >= H0 && last <= HN && !(mixed && last - H0 <= ledger.actualTo);
      if (exitCounts) cost += ledger.tables.exitCost[i * F + f];
      return cost;
    };

    /**
     * The rule of 3.3 over `ids` with the pools known by `knownBy` (null: all of them, at K);
     * calls `unfunded` with those it would not fund, in order.
     */
    const decide = (ids: readonly number[], knownBy: MonthIndex | null, withWindDown: boolean, unfunded: (i: number) => void) => {
      pools.fill(fy, knownBy);
      const mixed = usesActuals(ledger, f, knownBy ?? K);
      const costs = mixed ? ledger.mixedByFy : ledger.planByFy;
      for (const i of ids) {
        const need = costs[i * F + f];
        if (need === 0 || need <= pools.available(i)) {
          pools.draw(i, need);
        } else {
          unfunded(i);
          if (withWindDown) pools.draw(i, windDown(i, mixed));
        }
      }
    };

    let noticedCount = 0;
    if (scenario.stance === 'prudent') {
      const deadlines = [...new Set(candidates.map((i) => deadline[i]))].filter((d) => d >= H0 && d < K).sort((a, b) => a - b);
      for (const d of deadlines) {
        const open = candidates.filter((i) => !noticed[i]);
        decide(open, d, false, (i) => {
          if (deadline[i] !== d) return;
          noticed[i] = 1;
          noticedCount++;
          closures[i] = { fy, deadline: d, served: d, last: lastMonthFor(i, d), decidedAt: 'look-ahead', avoidable: false };
        });
      }
    }
    const rest = noticedCount ? candidates.filter((i) => !noticed[i]) : candidates;
    decide(rest, null, true, (i) => {
      const served = waitServed(i);
      closures[i] = { fy, deadline: deadline[i], served, last: lastMonthFor(i, served), decidedAt: 'confirmation', avoidable: false };
    });
    if (noticedCount) {
      // Avoidable: a look-ahead closure that the decision at K under wait would have funded,
      // had no notice been served. A closure decided at K is never avoidable (plan-format.md §3.3).
      decide(candidates, null, true, (i) => (unfundedUnderWait[i] = 1));
      for (const i of candidates) {
        if (noticed[i] && !unfundedUnderWait[i]) closures[i]!.avoidable = true;
        noticed[i] = 0;
        unfundedUnderWait[i] = 0;
      }
    }
  }
  return { closures, candidacies };
}
