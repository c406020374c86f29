// Upcoming decisions: the engine's notices (SimulationResult interventions[].notices) whose
// deadline falls in the next N months from an "as at" month, grouped by deadline. Every
// fact comes from the engine (plan-format.md §3.3); this only filters, sorts and groups.
import { isChoice } from '../../shared/cliff-edge';
import type { NoticeResult, SimulationResult, YearKnownSource } from '../../shared/engine';
import type { FyYear, MonthIndex } from '../../shared/months';
import type { Pence } from '../../shared/money';

export interface Decision {
  readonly interventionId: string;
  readonly name: string;
  readonly fy: FyYear;
  /** Notice served by the first day of this month ends the service on 31 March before the FY. */
  readonly deadline: MonthIndex;
  /** When the FY's funding becomes known (in this scenario), and where that comes from. */
  readonly known: MonthIndex;
  readonly knownSource: YearKnownSource;
  /** Months between the deadline and the month funding is known; 0 when it is known in time. */
  readonly blindMonths: number;
  readonly noticeMonths: number;
  readonly serviceUsers: number;
  /** The full annual cost of carrying on through the FY, and the one-off cost of closing. */
  readonly annualCost: Pence;
  readonly exitCost: Pence;
  readonly category: 'commissioned' | 'central';
  /** What the scenario does in that FY: carries on, closes (served and last month), or is handed over. */
  readonly verdict: Exclude<NoticeResult['verdict'], 'handed-over'>;
  readonly decidedBy: NoticeResult['decidedBy'];
  readonly handoverMonth: MonthIndex | null;
  readonly noticeServed: MonthIndex | null;
  readonly lastMonth: MonthIndex | null;
  readonly avoidable: boolean;
  readonly usersLosingSupport: number;
}

/**
 * The deadlines in [asAt, asAt + months), earliest first (then by priority). The engine
 * gives no notice for an FY after the one a service closed for; one whose whole cost a
 * partner carries from the FY's start ('handed-over') has nothing to decide.
 */
export function upcomingDecisions(result: SimulationResult, asAt: MonthIndex, months: number): Decision[] {
  const out: (Decision & { priority: number })[] = [];
  const until = asAt + months;
  for (const r of result.interventions) {
    for (const n of r.notices) {
      if (!isChoice(n) || n.deadline < asAt || n.deadline >= until) continue;
      const closes = n.verdict === 'closes';
      const verdict = n.verdict as Decision['verdict'];
      out.push({
        interventionId: r.id,
        name: r.name,
        fy: n.fy,
        deadline: n.deadline,
        known: n.known,
        knownSource: n.knownSource,
        blindMonths: n.blindMonths,
        noticeMonths: n.noticeMonths,
        serviceUsers: r.serviceUsers,
        annualCost: n.annualCost,
        exitCost: n.exitCost,
        category: r.category,
        verdict,
        decidedBy: n.decidedBy,
        handoverMonth: n.verdict === 'transitions' ? r.handoverMonth : null,
        noticeServed: n.served,
        lastMonth: n.lastMonth,
        avoidable: n.avoidable,
        usersLosingSupport: closes ? r.usersLosingSupport : 0,
        priority: r.priority,
      });
    }
  }
  out.sort((a, b) => a.deadline - b.deadline || a.fy - b.fy || a.priority - b.priority || (a.interventionId < b.interventionId ? -1 : 1));
  return out.map(({ priority: _priority, ...decision }) => decision);
}

/** The "as at" month to start from: the given one kept inside the horizon, else the default. */
export function clampAsAt(asAt: MonthIndex | null, result: SimulationResult): MonthIndex {
  const first = result.horizonStart;
  const last = first + result.horizonMonths - 1;
  if (asAt === null) return defaultAsAt(result);
  return Math.min(last, Math.max(first, asAt));
}

/**
 * A useful first "as at": two months before the first notice deadline that falls inside
 * the horizon (one that has not passed), so the list opens on the first decisions that matter.
 */
export function defaultAsAt(result: SimulationResult): MonthIndex {
  let first: MonthIndex | null = null;
  for (const r of result.interventions) {
    for (const n of r.notices) if (!n.passed && (first === null || n.deadline < first)) first = n.deadline;
  }
  return first === null ? result.horizonStart : Math.max(result.horizonStart, first - 2);
}

export interface DecisionGroup {
  readonly deadline: MonthIndex;
  readonly fy: FyYear;
  readonly known: MonthIndex;
  readonly knownSource: YearKnownSource;
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
        deadline: d.deadline,
        fy: d.fy,
        known: d.known,
        knownSource: d.knownSource,
        blindMonths: d.blindMonths,
        decisions: [d],
        serviceUsers: d.serviceUsers,
        closing: d.verdict === 'closes' ? 1 : 0,
      });
    }
  }
  return groups;
}
