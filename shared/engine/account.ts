// The account (plan-format.md §3.4-§3.6, §10): once every decision is known, what each
// intervention really spent month by month, who paid, each FY's figures, each
// intervention's outcome and the totals. Typed arrays throughout: the full result and the
// summary both read them.
import type { MonthIndex } from '../months';
import { compareRatio, type Pence, type Ratio } from '../money';
import type { ResolvedIntervention, ResolvedScenario } from '../resolve';
import { decideAll, knownOf, type Decisions, type Known } from './decide';
import { buildLedger, SHARE_ALL, type Ledger } from './ledger';
import { membershipOf, Pools } from './pools';
import { resetScratch, scratchF64, scratchI32, scratchU8 } from './scratch';
import { OUTCOME_CODE, type Totals } from './types';

export interface Account {
  readonly ledger: Ledger;
  readonly order: Int32Array;
  readonly knowns: readonly Known[];
  readonly decisions: Decisions;
  /** Where each intervention's spending stops (its last month, offset) and its exit cost falls (-1: none). */
  readonly stop: Int32Array;
  readonly exitAt: Int32Array;
  readonly exitCost: Float64Array;
  readonly monthSpend: Float64Array;
  readonly monthPartner: Float64Array;
  /** Spend per intervention × FY. */
  readonly spendByFy: Float64Array;
  /** Per FY. */
  readonly funding: Float64Array;
  readonly spend: Float64Array;
  readonly actual: Float64Array;
  readonly commissioned: Float64Array;
  readonly partner: Float64Array;
  readonly drawn: Float64Array;
  readonly underspend: Float64Array;
  readonly atRisk: Float64Array;
  readonly limit: Float64Array;
  readonly required: readonly (Ratio | null)[];
  readonly compliant: Uint8Array;
  /** Per intervention: OUTCOME_CODE. */
  readonly outcomes: Uint8Array;
}

/** The month offsets each intervention spends in after closures, and where its exit cost falls. */
function stopsOf(ledger: Ledger, decisions: Decisions) {
  const { H0, n } = ledger;
  const HN = H0 + ledger.M - 1;
  const stop = scratchI32(n);
  const exitAt = scratchI32(n, -1);
  const exitCost = scratchF64(n);
  for (let i = 0; i < n; i++) {
    const closure = decisions.closures[i];
    stop[i] = closure ? Math.min(ledger.activeTo[i], closure.last - H0) : ledger.activeTo[i];
    // An exit cost in an actual month is already among the actuals.
    if (closure && closure.last >= H0 && closure.last <= HN && closure.last - H0 > ledger.actualTo) {
      exitAt[i] = closure.last - H0;
      exitCost[i] = ledger.tables.exitCost[i * ledger.F + closure.fy - ledger.tables.firstFy];
    }
  }
  return { stop, exitAt, exitCost };
}

/**
 * Spend and partner payments per month, and spend per intervention × FY, after closures:
 * each run adds its monthly figure to a running difference, summed once over the months.
 */
function accumulate(ledger: Ledger, stop: Int32Array, exitAt: Int32Array, exitCost: Float64Array) {
  const { M, n, F, runStart, runFrom, runTo, runFy, runPlan, runPartner, fyOfOffset, actualTo, actual, actualMonths } = ledger;
  const spendStep = scratchF64(M + 1);
  const partnerStep = scratchF64(M + 1);
  const monthSpend = scratchF64(M);
  const monthPartner = scratchF64(M);
  const spendByFy = scratchF64(n * F);
  for (let i = 0; i < n; i++) {
    const cell = i * F;
    const to = stop[i];
    for (let r = runStart[i], end = runStart[i + 1]; r < end && runFrom[r] <= to; r++) {
      const a = runFrom[r];
      const b = Math.min(runTo[r], to);
      // Partners pay their share of the planned cost, actual month or not (§10).
      partnerStep[a] += runPartner[r];
      partnerStep[b + 1] -= runPartner[r];
      const from = Math.max(a, actualTo + 1);
      if (from > b) continue;
      spendStep[from] += runPlan[r];
      spendStep[b + 1] -= runPlan[r];
      spendByFy[cell + runFy[r]] += runPlan[r] * (b - from + 1);
    }
    // In an actual month, what was really spent, whatever the rules say of that month.
    for (let k = 0; k <= actualTo; k++) {
      const value = actual[i * actualMonths + k];
      monthSpend[k] += value;
      spendByFy[cell + fyOfOffset[k]] += value;
    }
    const exit = exitAt[i];
    if (exit >= 0) {
      monthSpend[exit] += exitCost[i];
      spendByFy[cell + fyOfOffset[exit]] += exitCost[i];
    }
  }
  let spend = 0;
  let partner = 0;
  for (let k = 0; k < M; k++) {
    spend += spendStep[k];
    partner += partnerStep[k];
    monthSpend[k] += spend;
    monthPartner[k] = partner;
  }
  return { monthSpend, monthPartner, spendByFy };
}

/** §3.6 without the details: closes, transitions (share 1 in its last running month), ended, continues. */
function outcomesOf(scenario: ResolvedScenario, ledger: Ledger, decisions: Decisions): Uint8Array {
  const HN = ledger.H0 + ledger.M - 1;
  const outcomes = scratchU8(ledger.n);
  for (let i = 0; i < ledger.n; i++) {
    const lastRun = ledger.runStart[i + 1] - 1;
    if (decisions.closures[i]) outcomes[i] = OUTCOME_CODE.closes;
    else if (lastRun >= ledger.runStart[i] && ledger.runShare[lastRun] === SHARE_ALL) outcomes[i] = OUTCOME_CODE.transitions;
    else if (scenario.interventions[i].end !== null && scenario.interventions[i].end! <= HN) outcomes[i] = OUTCOME_CODE.ended;
  }
  return outcomes;
}

/** The scenario decided and accounted for; `withCandidacies` keeps what the notices of the full result need. */
export function accountFor(scenario: ResolvedScenario, withCandidacies: boolean): Account {
  resetScratch();
  const ledger = buildLedger(scenario);
  const { H0, F, n, fyFrom, fyTo, actualTo } = ledger;
  const order = ledger.tables.order;
  const knowns = scenario.fys.map((fy) => knownOf(scenario, fy));
  const pools = new Pools(scenario, membershipOf(scenario));
  const decisions = decideAll(scenario, ledger, order, knowns, pools, withCandidacies);
  // Months after a closure's last month cost nothing; its exit cost falls in that last month.
  const { stop, exitAt, exitCost } = stopsOf(ledger, decisions);
  const { monthSpend, monthPartner, spendByFy } = accumulate(ledger, stop, exitAt, exitCost);

  const [funding, spend, actual, commissioned, partner, drawn, underspend, atRisk, limit] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(() =>
    scratchF64(F),
  );
  const required: (Ratio | null)[] = new Array(F).fill(null);
  const compliant = scratchU8(F);
  for (let f = 0; f < F; f++) {
    const fy = scenario.fys[f];
    pools.fill(fy, null);
    funding[f] = pools.total();
    const riskTo = Math.min(knowns[f].month - H0 - 1, fyTo[f]);
    for (let k = fyFrom[f]; k <= riskTo; k++) atRisk[f] += monthSpend[k];
    for (let j = 0; j < n; j++) {
      const i = order[j];
      const own = spendByFy[i * F + f];
      if (own === 0) continue;
      spend[f] += own;
      if (ledger.tables.commissioned[i]) commissioned[f] += own;
      drawn[f] += pools.draw(i, own);
    }
    for (let k = fyFrom[f]; k <= fyTo[f]; k++) {
      partner[f] += monthPartner[k];
      if (k <= actualTo) actual[f] += monthSpend[k];
    }
    underspend[f] = pools.total();
    let share: Ratio | null = null;
    for (const stream of scenario.streams) {
      const min = stream.minCommissionedShare.get(fy);
      if (min && stream.allocations.has(fy) && (!share || compareRatio(min, share) > 0)) share = min;
    }
    required[f] = share;
    compliant[f] = spend[f] === 0 || !share || BigInt(commissioned[f]) * share.den >= share.num * BigInt(spend[f]) ? 1 : 0;
    limit[f] = scenario.limit.get(fy) ?? 0;
  }
  const outcomes = outcomesOf(scenario, ledger, decisions);
  return {
    ledger,
    order,
    knowns,
    decisions,
    stop,
    exitAt,
    exitCost,
    monthSpend,
    monthPartner,
    spendByFy,
    funding,
    spend,
    actual,
    commissioned,
    partner,
    drawn,
    underspend,
    atRisk,
    limit,
    required,
    compliant,
    outcomes,
  };
}

/** People moved to the transition route when an intervention closes: up to its capacity. */
export function usersMovedOf(item: ResolvedIntervention): number {
  return item.transition ? Math.min(item.serviceUsers, item.transition.capacity) : 0;
}

export function totalsOf(scenario: ResolvedScenario, account: Account): Totals {
  const { funding, spend, partner, drawn, underspend, atRisk, limit, compliant, outcomes, decisions } = account;
  const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
  let closures = 0;
  let avoidableClosures = 0;
  let transitions = 0;
  let usersLosingSupport = 0;
  let usersLosingSupportAvoidably = 0;
  let usersMoved = 0;
  scenario.interventions.forEach((item, i) => {
    if (outcomes[i] === OUTCOME_CODE.transitions) transitions++;
    const closure = decisions.closures[i];
    if (!closure) return;
    const moved = usersMovedOf(item);
    closures++;
    usersMoved += moved;
    usersLosingSupport += item.serviceUsers - moved;
    if (closure.avoidable) {
      avoidableClosures++;
      usersLosingSupportAvoidably += item.serviceUsers - moved;
    }
  });
  let nonCompliantYears = 0;
  let limitBreaches = 0;
  for (let f = 0; f < funding.length; f++) {
    if (!compliant[f]) nonCompliantYears++;
    if (drawn[f] > limit[f]) limitBreaches++;
  }
  return {
    funding: sum(funding),
    spend: sum(spend),
    partner: sum(partner),
    drawn: sum(drawn),
    underspend: sum(underspend),
    atRisk: sum(atRisk),
    peakAtRisk: Math.max(0, ...atRisk),
    peakDrawn: Math.max(0, ...drawn),
    closures,
    avoidableClosures,
    transitions,
    usersLosingSupport,
    usersLosingSupportAvoidably,
    usersMoved,
    nonCompliantYears,
    limitBreaches,
  };
}

/**
 * What each intervention spends month by month in the account, rows in the scenario's order:
 * the plan cost in the months it runs after closures, its exit cost in its last month, and
 * actual amounts in actual months. For a plan without actuals this is "spent as planned".
 */
export function monthlySpend(scenario: ResolvedScenario): Pence[][] {
  const { ledger, stop, exitAt, exitCost } = accountFor(scenario, false);
  const { M, runStart, runFrom, runTo, runPlan, actualTo, actual, actualMonths } = ledger;
  return scenario.interventions.map((_, i) => {
    const row = new Array<Pence>(M).fill(0);
    for (let k = 0; k <= actualTo; k++) row[k] = actual[i * actualMonths + k];
    for (let r = runStart[i]; r < runStart[i + 1] && runFrom[r] <= stop[i]; r++) {
      for (let k = Math.max(runFrom[r], actualTo + 1), b = Math.min(runTo[r], stop[i]); k <= b; k++) row[k] = runPlan[r];
    }
    if (exitAt[i] >= 0) row[exitAt[i]] += exitCost[i];
    return row;
  });
}

/** The first month of an intervention's final run of months at share 1 (it transitions), as a month index. */
export function handoverMonthOf(ledger: Ledger, i: number): MonthIndex {
  let r = ledger.runStart[i + 1] - 1;
  while (r - 1 >= ledger.runStart[i] && ledger.runShare[r - 1] === SHARE_ALL) r--;
  return ledger.H0 + ledger.runFrom[r];
}
