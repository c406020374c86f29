// What the newest results say about one allocation in a scenario: the amount its level
// gives, and when it is known (shared/resolve's month and source). Each re-renders alone
// when results arrive.
import { KnownNote } from '../../components/KnownNote';
import { money } from '../../logic/format';
import type { ResolvedAllocationView } from '../../logic/resolved';
import { useStore, type Store } from '../../store/store';

function allocationOf(s: Store, scenarioId: string, stream: string, fy: number): ResolvedAllocationView | null {
  const entry = Object.hasOwn(s.byScenario, scenarioId) ? s.byScenario[scenarioId] : undefined;
  return entry?.resolved.streams.find((x) => x.id === stream)?.allocations.find((a) => a.fy === fy) ?? null;
}

export function useAllocation(scenarioId: string, stream: string, fy: number): ResolvedAllocationView | null {
  return useStore((s) => allocationOf(s, scenarioId, stream, fy));
}

/** The amount a level gives, beside the plan's own where they differ. */
export function LevelAmount(props: { scenarioId: string; stream: string; fy: number; testId: string }) {
  const amount = useAllocation(props.scenarioId, props.stream, props.fy)?.amount ?? null;
  const planAmount = useAllocation('base', props.stream, props.fy)?.amount ?? null;
  return (
    <div className="level-amount" data-testid={props.testId}>
      {amount !== null ? money(amount) : '–'}
      {planAmount !== null && amount !== null && planAmount !== amount ? <span className="muted"> of {money(planAmount)}</span> : null}
    </div>
  );
}

/** "Known August 2021 (4 months after April)" in this scenario, where no date of its own says it. */
export function ScenarioKnown(props: { scenarioId: string; stream: string; fy: number; dateGiven: boolean; testId: string }) {
  const allocation = useAllocation(props.scenarioId, props.stream, props.fy);
  return <KnownNote fact={allocation} dateGiven={props.dateGiven} testId={props.testId} />;
}
