// Selectors: single values, or useShallow where a list is built, so components re-render
// only when what they show changes.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { headlineFyOf } from '../../shared/cliff-edge';
import type { SimulationResult } from '../../shared/engine';
import type { FyYear } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import type { PlanProblem } from '../../shared/resolve';
import { problemsAt, type PathSegment } from '../logic/paths';
import type { ResolvedView } from '../logic/resolved';
import { useStore } from './store';

export const usePlan = (): Plan | null => useStore((s) => s.snapshot?.plan ?? null);
export const useReadOnly = (): boolean => useStore((s) => s.snapshot?.info.readOnly ?? false);

/** Results are stale while a newer simulation is on its way, or when the newest was refused. */
export const useStale = (): boolean => useStore((s) => s.requested > s.answered || s.failure !== null);
export const useSimFailure = (): readonly PlanProblem[] | null => useStore((s) => s.failure?.problems ?? null);
export const useIsDraft = (): boolean => useStore((s) => s.source?.draft ?? false);

/** Every scenario's result in file order, base first; null before the first answer. */
export const useResults = (): readonly SimulationResult[] | null =>
  useStore(useShallow((s) => (s.source ? s.order.map((id) => s.byScenario[id].result) : null)));

/** The result and resolved values of one scenario ('base' is the plan), from the answer that stands. */
export function useScenario(id: string): { result: SimulationResult | null; resolved: ResolvedView | null } {
  return useStore(
    useShallow((s) => {
      const entry = Object.hasOwn(s.byScenario, id) ? s.byScenario[id] : undefined;
      return { result: entry?.result ?? null, resolved: entry?.resolved ?? null };
    }),
  );
}

/** The scenarios a person can pick: base first, then the plan's, in file order. */
export function useScenarioChoices(): { id: string; name: string }[] {
  const scenarios = useStore((s) => s.snapshot?.plan.scenarios);
  const hasPlan = useStore((s) => s.snapshot !== null);
  return useMemo(
    () =>
      hasPlan ? [{ id: 'base', name: 'Base (the plan as written)' }, ...(scenarios ?? []).map((sc) => ({ id: sc.id, name: sc.name }))] : [],
    [scenarios, hasPlan],
  );
}

/** A scenario's result with its actuals and as planned (the outturn's budget), from the answer that stands. */
export function useOutturnResults(id: string): { result: SimulationResult; budget: SimulationResult } | null {
  return useStore(
    useShallow((s) => {
      const entry = Object.hasOwn(s.byScenario, id) ? s.byScenario[id] : undefined;
      return entry ? { result: entry.result, budget: entry.budget } : null;
    }),
  );
}

/** The problems of the last refused edit that belong to a field. */
export function useFieldProblems(path: readonly PathSegment[] | string | null): PlanProblem[] {
  return useStore(useShallow((s) => (path === null || s.problems.length === 0 ? [] : problemsAt(s.problems, path))));
}

/** The plan's next cliff edge over every scenario's results (shared/cliff-edge.ts); null before results. */
export function useDefaultFy(): FyYear | null {
  const results = useResults();
  const actuals = useStore((s) => s.snapshot?.plan.actuals);
  return useMemo(() => (results ? headlineFyOf({ actuals }, results) : null), [results, actuals]);
}

/** The FY headlines are about: the one picked (while the horizon has it), else the next cliff edge. */
export function useHeadlineFy(): FyYear | null {
  const picked = useStore((s) => s.headlineFy);
  const fallback = useDefaultFy();
  const known = useStore((s) =>
    picked !== null && s.source ? s.byScenario[s.order[0]]?.result.years.some((y) => y.fy === picked) : false,
  );
  return known ? picked : fallback;
}
