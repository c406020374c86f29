// What the screens need from a resolved scenario, as plain data that crosses from the
// worker: every formula's value per FY, when each FY's funding becomes known, and each
// intervention's notice deadline for each FY it runs in.
import { fyEnd, fyStart, type FyYear, type MonthIndex } from '../../shared/months';
import type { Pence } from '../../shared/money';
import type { ResolvedScenario } from '../../shared/resolve';

export interface ResolvedAllocationView {
  readonly fy: FyYear;
  readonly amount: Pence;
  readonly known: MonthIndex;
}

export interface ResolvedStreamView {
  readonly id: string;
  readonly name: string;
  readonly ringFenced: boolean;
  readonly allocations: readonly ResolvedAllocationView[];
}

export interface ResolvedInterventionView {
  readonly id: string;
  readonly priority: number;
  /** Aligned with `fys`. */
  readonly annualCost: readonly Pence[];
  readonly noticeMonths: readonly number[];
  readonly exitCost: readonly Pence[];
  /** Notice deadline per FY (month S − noticeMonths); null where it does not run in that FY. */
  readonly deadlines: readonly (MonthIndex | null)[];
}

export interface ResolvedView {
  readonly id: string;
  readonly fys: readonly FyYear[];
  readonly streams: readonly ResolvedStreamView[];
  readonly interventions: readonly ResolvedInterventionView[];
}

export function resolvedView(s: ResolvedScenario): ResolvedView {
  const first = s.horizonStart;
  const last = s.horizonStart + s.horizonMonths - 1;
  return {
    id: s.id,
    fys: s.fys,
    streams: s.streams.map((stream) => ({
      id: stream.id,
      name: stream.name,
      ringFenced: stream.restrictedTo !== null,
      allocations: [...stream.allocations.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([fy, a]) => ({ fy, amount: a.amount, known: a.known })),
    })),
    interventions: s.interventions.map((item) => {
      const runsIn = (fy: FyYear) => {
        const from = Math.max(fyStart(fy), first, item.start ?? first);
        const to = Math.min(fyEnd(fy), last, item.end ?? last);
        return from <= to;
      };
      return {
        id: item.id,
        priority: item.priority,
        annualCost: s.fys.map((fy) => item.annualCost.get(fy) ?? 0),
        noticeMonths: s.fys.map((fy) => item.noticeMonths.get(fy) ?? 0),
        exitCost: s.fys.map((fy) => item.exitCost.get(fy) ?? 0),
        deadlines: s.fys.map((fy) => (runsIn(fy) ? fyStart(fy) - (item.noticeMonths.get(fy) ?? 0) : null)),
      };
    }),
  };
}
