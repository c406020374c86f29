// The outturn's budget: the plan as made (this plan without actuals, worked out on the page
// from the worker's results) or a scenario of a snapshot kept in the document (worked out in
// main, which holds the frozen plan). The picker lists every snapshot's scenarios.
import { useId } from 'react';
import { fyText } from '../../../shared/format';
import { AS_PLANNED, type OutturnReport } from '../../../shared/outturn-figures';
import type { FyYear } from '../../../shared/months';
import { snapshotScenarioLabel } from '../../../shared/snapshot-labels';
import type { SnapshotInfo } from '../../../shared/snapshots';
import { api } from '../../api';
import { useMainAnswer, useRevisionKey, type MainAnswer } from '../../store/main-answer';
import { refOf, valueOf, type BudgetRef } from './budget-ref';

export { standingBudget, type BudgetRef } from './budget-ref';

export function BudgetPicker(props: { value: BudgetRef; snapshots: readonly SnapshotInfo[]; onChange: (budget: BudgetRef) => void }) {
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>Budget</label>
      <select
        id={id}
        value={valueOf(props.value)}
        onChange={(e) => props.onChange(refOf(e.target.value))}
        data-testid="outturn-budget-choice"
      >
        <option value="">{AS_PLANNED}</option>
        {props.snapshots.map((snapshot) => (
          <optgroup key={snapshot.id} label={`Snapshot “${snapshot.name}”`}>
            {snapshot.scenarios.map((s) => (
              <option key={s.id} value={valueOf({ snapshotId: snapshot.id, snapshotScenarioId: s.id })}>
                {snapshotScenarioLabel(snapshot, s.id)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/** The report against a snapshot's budget, from main, asked again after every stored change; nothing for the plan as made. */
export function useSnapshotOutturn(scenarioId: string, fy: FyYear | null, budget: BudgetRef): MainAnswer<OutturnReport> {
  const revision = useRevisionKey();
  const ask = budget && fy !== null ? { scenarioId, fy: fyText(fy), ...budget } : null;
  return useMainAnswer(ask ? `${revision}|${JSON.stringify(ask)}` : null, () => api.outturnAgainstSnapshot(ask!));
}
