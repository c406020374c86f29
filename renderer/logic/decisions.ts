// Upcoming decisions: the notice deadlines that fall in the next N months from an "as at"
// month, each with what it puts at stake and what the scenario does about it.
import type { InterventionResult, SimulationResult } from '../../shared/engine';
import { fyStart, type FyYear, type MonthIndex } from '../../shared/months';
import type { Pence } from '../../shared/money';
import type { ResolvedView } from './resolved';

export interface Decision {
  readonly interventionId: string;
  readonly name: string;
  readonly fy: FyYear;
  /** Notice served by the first day of this month ends the service on 31 March before the FY. */
  readonly deadline: MonthIndex;
  /** When the FY's funding becomes known (in this scenario). */
  readonly known: MonthIndex;
  /** Months between the deadline and the month funding is known; 0 when it is known in time. */
  readonly blindMonths: number;
  readonly noticeMonths: number;
  readonly serviceUsers: number;
  /** The full annual cost of carrying on through the FY, and the one-off cost of closing. */
  readonly annualCost: Pence;
  readonly exitCost: Pence;
  readonly category: 'commissioned' | 'central';
  /** What the scenario does in that FY: carries on, closes (served and last month), or is handed over. */
  readonly verdict: 'continues' | 'closes' | 'transitions';
  readonly handoverMonth: MonthIndex | null;
  readonly noticeServed: MonthIndex | null;
  readonly lastMonth: MonthIndex | null;
  readonly avoidable: boolean;
  readonly usersLosingSupport: number;
}

/** What the scenario does in the FY the deadline is for. */
function verdictFor(r: InterventionResult, fy: FyYear): Decision['verdict'] {
  if (r.outcome === 'closes' && r.closedFor === fy) return 'closes';
  if (r.outcome === 'transitions' && r.handoverMonth !== null && r.handoverMonth >= fyStart(fy) && r.handoverMonth <= fyStart(fy) + 11) return 'transitions';
  return 'continues';
}

/**
 * The deadlines in [asAt, asAt + months), earliest first (then by priority). An
 * intervention already closed for an earlier FY has no more decisions; one whose whole
 * cost a partner carries by the FY's start has none either.
 */
export function upcomingDecisions(result: SimulationResult, resolved: ResolvedView, asAt: MonthIndex, months: number): Decision[] {
  const out: (Decision & { priority: number })[] = [];
  const until = asAt + months;
  result.interventions.forEach((r, i) => {
    const item = resolved.interventions[i];
    resolved.fys.forEach((fy, f) => {
      const deadline = item.deadlines[f];
      if (deadline === null || deadline < asAt || deadline >= until) return;
      if (r.outcome === 'closes' && r.closedFor !== null && r.closedFor < fy) return;
      const startIndex = fyStart(fy) - result.horizonStart;
      if (r.status[startIndex] === 'H') return;
      const year = result.years.find((y) => y.fy === fy);
      if (!year) return;
      const verdict = verdictFor(r, fy);
      const closes = verdict === 'closes';
      out.push({
        interventionId: r.id,
        name: r.name,
        fy,
        deadline,
        known: year.known,
        blindMonths: Math.max(0, year.known - deadline),
        noticeMonths: item.noticeMonths[f],
        serviceUsers: r.serviceUsers,
        annualCost: item.annualCost[f],
        exitCost: item.exitCost[f],
        category: r.category,
        verdict,
        handoverMonth: verdict === 'transitions' ? r.handoverMonth : null,
        noticeServed: closes ? r.noticeServed : null,
        lastMonth: closes ? r.lastMonth : null,
        avoidable: closes && r.avoidable,
        usersLosingSupport: closes ? r.usersLosingSupport : 0,
        priority: item.priority,
      });
    });
  });
  out.sort((a, b) => a.deadline - b.deadline || a.fy - b.fy || a.priority - b.priority || (a.interventionId < b.interventionId ? -1 : 1));
  return out.map(({ priority: _priority, ...decision }) => decision);
}

/** The "as at" month to start from: the given one kept inside the horizon, else the default. */
export function clampAsAt(asAt: MonthIndex | null, result: SimulationResult, resolved: ResolvedView): MonthIndex {
  const first = result.horizonStart;
  const last = first + result.horizonMonths - 1;
  if (asAt === null) return defaultAsAt(result, resolved);
  return Math.min(last, Math.max(first, asAt));
}

/**
 * A useful first "as at": two months before the first notice deadline that falls inside
 * the horizon, so the list opens on the first decisions that matter.
 */
export function defaultAsAt(result: SimulationResult, resolved: ResolvedView): MonthIndex {
  let first: MonthIndex | null = null;
  for (const item of resolved.interventions) {
    for (const d of item.deadlines) if (d !== null && d >= result.horizonStart && (first === null || d < first)) first = d;
  }
  return first === null ? result.horizonStart : Math.max(result.horizonStart, first - 2);
}

export interface DecisionGroup {
  readonly deadline: MonthIndex;
  readonly fy: FyYear;
  readonly known: MonthIndex;
  readonly blindMonths: number;
  readonly decisions: readonly Decision[];
  /** People supported by the services whose notice falls due, and those the scenario closes. */
  readonly serviceUsers: number;
  readonly closing: number;
}

/** Decisions with the same deadline and FY, together (they share what is known by then). */
export function groupDecisions(decisions: readonly Decision[]): DecisionGroup[] {
  const groups: DecisionGroup[] = [];
  for (const d of decisions) {
    const last = groups[groups.length - 1];
    if (last && last.deadline === d.deadline && last.fy === d.fy) {
      groups[groups.length - 1] = {
        ...last,
        decisions: [...last.decisions, d],
        serviceUsers: last.serviceUsers + d.serviceUsers,
        closing: last.closing + (d.verdict === 'closes' ? 1 : 0),
      };
    } else {
      groups.push({
        deadline: d.deadline, fy: d.fy, known: d.known, blindMonths: d.blindMonths, decisions: [d],
        serviceUsers: d.serviceUsers, closing: d.verdict === 'closes' ? 1 : 0,
      });
    }
  }
  return groups;
}
