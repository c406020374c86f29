// What a simulation returns (plan-format.md §3, §3.6): the full result the screens, briefings
// and exports present, and the summary a draw, a ladder row or a break-even probe reads.
import type { FyYear, MonthIndex } from '../months';
import type { Pence } from '../money';
import type { KnownSource, Stance } from '../resolve';

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

/** An intervention's outcome as a number, for the summary's `outcomes`. */
export const OUTCOME_CODE = { continues: 0, closes: 1, transitions: 2, ended: 3 } as const;

/** Per month of the horizon, in pence: what the Risk screen's fan chart reads. */
export interface MonthFigures {
  readonly spend: Float64Array;
  readonly funding: Float64Array;
  /** 1 in an at-risk month (before its FY is known), else 0. */
  readonly atRisk: Uint8Array;
}

/**
 * What a draw, a ladder row or a break-even probe reads of a simulation, with none of the
 * full result's per-month or per-intervention objects: every figure is the full result's.
 */
export interface SimulationSummary {
  readonly id: string;
  readonly underwriter: string;
  readonly totals: Totals;
  /** Per intervention in the scenario's order: its OUTCOME_CODE. */
  readonly outcomes: Uint8Array;
  /** The ids of the interventions that close, in the scenario's order. */
  readonly closes: readonly string[];
  /** Per FY of the horizon: `atRisk` of the full result's year. */
  readonly atRiskByYear: Float64Array;
  /** Only when asked for (`byMonth`), else null. */
  readonly byMonth: MonthFigures | null;
}
