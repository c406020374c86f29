// A plan and one of its scenarios, resolved to plain numbers: every formula evaluated,
// every amount in pence, every month an index. The engine reads nothing else. How each part
// is resolved is in compiled/; compiled/compile.ts keeps a plan's parts between edits.
import type { ResolvedActuals } from './actuals';
import type { FyYear, MonthIndex } from './months';
import type { Pence, Ratio } from './money';
import type { Plan } from './plan';
import type { PlanProblem } from './problem';
import { BASE_SCENARIO_ID } from './parse';
import { resolveParts } from './compiled/scenario';

export type Stance = 'wait' | 'prudent';
export type Category = 'commissioned' | 'central';

/** Where an allocation's known month comes from (plan-format.md §3.2, §9): a delay beats a date. */
export type KnownSource = 'confirm-delay' | 'confirmed-on' | 'fy-start';

export interface ResolvedAllocation {
  readonly amount: Pence;
  /** The month from which the amount is known. */
  readonly known: MonthIndex;
  readonly knownSource: KnownSource;
  /** The date that sets `known` when knownSource is 'confirmed-on' (text, "2021-06-04"); else null. */
  readonly confirmedOn: string | null;
}

export interface ResolvedStream {
  readonly id: string;
  readonly name: string;
  readonly funder: string;
  /** Intervention ids this ring-fenced stream may fund; null when unrestricted. */
  readonly restrictedTo: ReadonlySet<string> | null;
  readonly allocations: ReadonlyMap<FyYear, ResolvedAllocation>;
  /** The grant condition per FY of the horizon, when the stream carries one. */
  readonly minCommissionedShare: ReadonlyMap<FyYear, Ratio>;
}

export interface ResolvedPartnerShare {
  readonly from: MonthIndex;
  readonly share: Ratio;
  readonly partner: string;
}

export interface ResolvedIntervention {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  readonly system: string | null;
  readonly area: string | null;
  readonly provider: string | null;
  readonly priority: number;
  readonly serviceUsers: number;
  readonly transition: { readonly to: string; readonly capacity: number } | null;
  readonly start: MonthIndex | null;
  readonly end: MonthIndex | null;
  /** Full annual cost per FY of the horizon. */
  readonly annualCost: ReadonlyMap<FyYear, Pence>;
  readonly noticeMonths: ReadonlyMap<FyYear, number>;
  readonly exitCost: ReadonlyMap<FyYear, Pence>;
  /** Sorted by `from`; among equal months the later entry of the file wins. */
  readonly partnerShares: readonly ResolvedPartnerShare[];
}

export interface ResolvedScenario {
  readonly id: string;
  readonly name: string;
  readonly stance: Stance;
  readonly horizonStart: MonthIndex;
  readonly horizonMonths: number;
  /** The FYs the horizon touches, in order. */
  readonly fys: readonly FyYear[];
  readonly underwriter: string;
  readonly limit: ReadonlyMap<FyYear, Pence>;
  readonly streams: readonly ResolvedStream[];
  readonly interventions: readonly ResolvedIntervention[];
  /** What has really been spent (plan-format.md §10); null for a plan without actuals. */
  readonly actuals: ResolvedActuals | null;
  /** Each variable's value in each FY (aligned with `fys`), as plain decimal text: shown where variables are edited. */
  readonly variables: ReadonlyMap<string, readonly string[]>;
}

export { formatProblem, type PlanProblem } from './problem';

export { BASE_SCENARIO_ID };

/**
 * Resolves the plan under one scenario (or `base`). Returns every problem found, each
 * with its place in the file; the plan's structure must already be valid (PlanSchema).
 */
export function resolveScenario(
  plan: Plan,
  scenarioId: string,
  overrides: Readonly<Record<string, number>> = {},
  /** Told of every formula evaluated, by its place: what variable-use.ts reads to say which fields use which variable. */
  onFormula?: (path: string, text: string) => void,
): { scenario: ResolvedScenario; problems: [] } | { scenario: null; problems: PlanProblem[] } {
  const { scenario, problems } = resolveParts(plan, scenarioId, overrides, onFormula, null);
  return scenario ? { scenario, problems: [] } : { scenario: null, problems };
}
