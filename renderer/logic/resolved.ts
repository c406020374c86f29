// The input values the screens' grids show from a resolved scenario, as plain data that
// crosses from the worker: every formula's value per FY, and each allocation's known month
// and its source as shared/resolve settles them. Deadlines and what was decided are the
// engine's (SimulationResult: years[].known, interventions[].notices), never worked out here.
import type { FyYear, MonthIndex } from '../../shared/months';
import type { Pence } from '../../shared/money';
import type { KnownSource, ResolvedScenario } from '../../shared/resolve';
import type { UncertainVariableUse } from '../../shared/uncertainty/variable-use';

export interface ResolvedAllocationView {
  readonly fy: FyYear;
  readonly amount: Pence;
  readonly known: MonthIndex;
  readonly knownSource: KnownSource;
  /** The date that sets `known` when knownSource is 'confirmed-on'; else null. */
  readonly confirmedOn: string | null;
}

export interface ResolvedStreamView {
  readonly id: string;
  readonly allocations: readonly ResolvedAllocationView[];
}

export interface ResolvedInterventionView {
  readonly id: string;
  /** Aligned with `fys`. */
  readonly annualCost: readonly Pence[];
  readonly noticeMonths: readonly number[];
  readonly exitCost: readonly Pence[];
}

export interface ResolvedView {
  readonly id: string;
  readonly fys: readonly FyYear[];
  readonly streams: readonly ResolvedStreamView[];
  readonly interventions: readonly ResolvedInterventionView[];
  /** Where each uncertain variable is used, and could be (the Risk screen); null without uncertainty. */
  readonly uncertainUses: readonly UncertainVariableUse[] | null;
  /** Each variable's value per FY (aligned with `fys`), as decimal text; '' where it could not be worked out. */
  readonly variables: Readonly<Record<string, readonly string[]>>;
}

export function resolvedView(s: ResolvedScenario, uncertainUses: readonly UncertainVariableUse[] | null = null): ResolvedView {
  return {
    id: s.id,
    uncertainUses,
    fys: s.fys,
    streams: s.streams.map((stream) => ({
      id: stream.id,
      allocations: [...stream.allocations.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([fy, a]) => ({ fy, amount: a.amount, known: a.known, knownSource: a.knownSource, confirmedOn: a.confirmedOn })),
    })),
    interventions: s.interventions.map((item) => ({
      id: item.id,
      annualCost: s.fys.map((fy) => item.annualCost.get(fy) ?? 0),
      noticeMonths: s.fys.map((fy) => item.noticeMonths.get(fy) ?? 0),
      exitCost: s.fys.map((fy) => item.exitCost.get(fy) ?? 0),
    })),
    variables: Object.fromEntries(s.variables),
  };
}
