// The full result of one scenario (plan-format.md §3): every FY, month and intervention as
// plain objects, with each intervention's timeline and notice decisions, from the account.
import { fyStart } from '../months';
import { divRoundHalfEven, monthlyPart, type Pence } from '../money';
import type { ResolvedScenario } from '../resolve';
import { accountFor, handoverMonthOf, totalsOf, usersMovedOf, type Account } from './account';
import type { Candidacies, Closure } from './decide';
import { SHARE_ALL, spentBetween, type Ledger } from './ledger';
import {
  OUTCOME_CODE,
  STATUS,
  type InterventionResult,
  type MonthResult,
  type NoticeResult,
  type NoticeVerdict,
  type SimulationResult,
  type YearResult,
} from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function simulate(scenario: ResolvedScenario): SimulationResult {
  const account = accountFor(scenario, true);
  const { ledger, knowns, monthSpend, monthPartner, spendByFy } = account;
  const { H0, M, F, fyOfOffset } = ledger;
  const items = scenario.interventions;

  const years: YearResult[] = scenario.fys.map((fy, f) => {
    const spend = account.spend[f];
    const commissioned = account.commissioned[f];
    const required = account.required[f];
    return {
      fy,
      known: knowns[f].month,
      knownSource: knowns[f].source,
      knownStream: knowns[f].stream,
      funding: account.funding[f],
      spend,
      actual: account.actual[f],
      forecast: spend - account.actual[f],
      commissionedSpend: commissioned,
      partner: account.partner[f],
      drawn: account.drawn[f],
      underspend: account.underspend[f],
      atRisk: account.atRisk[f],
      commissionedShare: spend === 0 ? null : Number(divRoundHalfEven(BigInt(commissioned) * 10000n, BigInt(spend))) / 10000,
      requiredShare: required ? Number(required.num) / Number(required.den) : null,
      compliant: account.compliant[f] === 1,
      limit: account.limit[f],
      limitBreached: account.drawn[f] > account.limit[f],
    };
  });

  const months: MonthResult[] = new Array(M);
  for (let k = 0; k < M; k++) {
    const year = years[fyOfOffset[k]];
    months[k] = {
      month: H0 + k,
      funding: monthlyPart(year.funding, H0 + k - fyStart(year.fy)),
      spend: monthSpend[k],
      partner: monthPartner[k],
      atRisk: H0 + k < year.known,
      actual: k <= ledger.actualTo,
    };
  }

  const { closures, candidacies } = account.decisions;
  const lines = fullLines(M);
  // Without actuals every intervention's actual spend per FY is nothing: one array for all.
  const noActuals: readonly Pence[] = ledger.actualTo < 0 ? new Array<Pence>(F).fill(0) : [];
  const interventions: InterventionResult[] = items.map((item, i) => {
    const closure = closures[i];
    const planCost: Pence[] = new Array(F);
    for (let f = 0; f < F; f++) planCost[f] = spendByFy[i * F + f];
    let actualToDate = 0;
    let actualByFy = noActuals;
    if (ledger.actualTo >= 0) {
      const own: Pence[] = new Array(F).fill(0);
      for (let k = 0; k <= ledger.actualTo; k++) {
        const value = ledger.actual[i * ledger.actualMonths + k];
        actualToDate += value;
        own[fyOfOffset[k]] += value;
      }
      actualByFy = own;
    }
    // Plain literals throughout: object spread is many times slower here.
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
      status: statusLine(ledger, i, closure, lines),
      notices: [],
    };
    const outcome = account.outcomes[i];
    if (outcome === OUTCOME_CODE.closes) {
      const moved = usersMovedOf(item);
      result.outcome = 'closes';
      result.closedFor = closure!.fy;
      result.noticeDeadline = closure!.deadline;
      result.noticeServed = closure!.served;
      result.lastMonth = closure!.last;
      result.decidedAt = closure!.decidedAt;
      result.runOn = spentBetween(ledger, i, fyStart(closure!.fy), closure!.last);
      result.exitCost = ledger.tables.exitCost[i * F + closure!.fy - ledger.tables.firstFy];
      result.avoidable = closure!.avoidable;
      result.usersMoved = moved;
      result.usersLosingSupport = item.serviceUsers - moved;
    } else if (outcome === OUTCOME_CODE.transitions) {
      const lastRun = H0 + ledger.activeTo[i];
      let entry = item.partnerShares[0];
      for (const p of item.partnerShares) if (p.from <= lastRun) entry = p;
      result.outcome = 'transitions';
      result.partner = entry.partner;
      result.handoverMonth = handoverMonthOf(ledger, i);
    } else if (outcome === OUTCOME_CODE.ended) result.outcome = 'ended';
    result.notices = noticesOf(scenario, account, i, candidacies!, closure, result);
    return result;
  });

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
    totals: totalsOf(scenario, account),
  };
}

/** The notice decision of each FY an intervention was a candidate in, with what came of it. */
function noticesOf(
  scenario: ResolvedScenario,
  account: Account,
  i: number,
  candidacies: Candidacies,
  closure: Closure | null,
  result: InterventionResult,
): NoticeResult[] {
  const { ledger, knowns } = account;
  const tables = ledger.tables;
  const { F } = ledger;
  const notices: NoticeResult[] = [];
  for (let f = 0; f < F; f++) {
    if (!candidacies.candidate[i * F + f]) continue;
    const deadline = candidacies.deadline[i * F + f];
    const fy = scenario.fys[f];
    const S = fyStart(fy);
    const known = knowns[f];
    const closes = closure !== null && closure.fy === fy;
    const lookAhead = closes && closure.decidedAt === 'look-ahead';
    let verdict: NoticeVerdict = 'continues';
    if (closes) verdict = 'closes';
    else if (handedOverAt(ledger, i, f, closure)) verdict = 'handed-over';
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
      annualCost: tables.annualCost[i * F + f],
      planCost: ledger.planByFy[i * F + f],
      exitCost: tables.exitCost[i * F + f],
    });
  }
  return notices;
}

/** The timeline shows the FY's first month as handed over: the partner carries the whole cost from the start. */
function handedOverAt(ledger: Ledger, i: number, f: number, closure: Closure | null): boolean {
  if (ledger.shareAtFyStart[i * ledger.F + f] !== SHARE_ALL) return false;
  const S = ledger.H0 + ledger.fyFrom[f];
  return !closure || (S <= closure.last && S < closure.served);
}

/** Status lines of one character throughout, by length; a timeline is cut from them. Indices: share codes (ledger.ts), then these. */
const INACTIVE = 3;
const NOTICE = 4;
const CLOSED = 5;
const LINES = new Map<number, readonly string[]>();

function fullLines(M: number): readonly string[] {
  let lines = LINES.get(M);
  if (!lines) {
    lines = [STATUS.running, STATUS.tapering, STATUS.handedOver, STATUS.inactive, STATUS.notice, STATUS.closed].map((c) => c.repeat(M));
    if (LINES.size > 64) LINES.clear();
    LINES.set(M, lines);
  }
  return lines;
}

/** One STATUS character per month of the horizon, a run of months with one status at a time. */
function statusLine(ledger: Ledger, i: number, closure: Closure | null, lines: readonly string[]): string {
  const { H0, runStart, runFrom, runTo, runShare } = ledger;
  const from = ledger.activeFrom[i];
  const to = ledger.activeTo[i];
  if (from > to) return lines[INACTIVE];
  // Months up to `runningTo` show their share; then notice to `noticeTo`; then closed.
  const closedFrom = closure ? Math.max(from, closure.last - H0 + 1) : to + 1;
  const runningTo = closure ? Math.min(to, closedFrom - 1, closure.served - H0 - 1) : to;
  let line = lines[INACTIVE].slice(0, from);
  const end = runStart[i + 1];
  for (let r = runStart[i]; r < end && runFrom[r] <= runningTo;) {
    const code = runShare[r];
    const a = runFrom[r];
    while (r + 1 < end && runFrom[r + 1] <= runningTo && runShare[r + 1] === code) r++;
    line += lines[code].slice(a, Math.min(runTo[r], runningTo) + 1);
    r++;
  }
  const noticeFrom = Math.max(from, runningTo + 1);
  const noticeTo = Math.min(to, closedFrom - 1);
  if (noticeTo >= noticeFrom) line += lines[NOTICE].slice(noticeFrom, noticeTo + 1);
  if (to >= closedFrom) line += lines[CLOSED].slice(closedFrom, to + 1);
  return line + lines[INACTIVE].slice(to + 1);
}
