// The briefing's optional annex: a tick to end it with the change history, and which changes
// (every one kept, or those after a snapshot). Main writes the annex; this only chooses it.
import { useId } from 'react';
import type { SnapshotInfo } from '../../../shared/snapshots';

/** The annex asked for: changes after snapshot `since`, or every change (null); no annex at all is null. */
export type AnnexChoice = { readonly since: number | null } | null;

export function BriefingAnnexChoice(props: {
  value: AnnexChoice;
  snapshots: readonly SnapshotInfo[];
  onChange: (choice: AnnexChoice) => void;
}) {
  const { snapshots } = props;
  const sinceId = useId();
  const { value } = props;
  // A snapshot since deleted falls back to every change.
  const since = value?.since != null && snapshots.some((s) => s.id === value.since) ? value.since : null;
  return (
    <div className="annex-choice">
      <label className={`check${value ? ' on' : ''}`}>
        <input
          type="checkbox"
          checked={value !== null}
          onChange={(e) => props.onChange(e.target.checked ? { since: snapshots.at(-1)?.id ?? null } : null)}
          data-testid="briefing-history-annex"
        />
        Add the change history as an annex
      </label>
      {value && snapshots.length > 0 ? (
        <div className="field inline">
          <label htmlFor={sinceId}>Changes</label>
          <select
            id={sinceId}
            value={since ?? ''}
            onChange={(e) => props.onChange({ since: e.target.value === '' ? null : Number(e.target.value) })}
            data-testid="briefing-annex-since"
          >
            <option value="">Every change kept</option>
            {snapshots.map((s) => (
              <option key={s.id} value={s.id}>
                Since “{s.name}”
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
