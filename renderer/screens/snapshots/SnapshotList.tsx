// The document's snapshots, newest first: name, note, when taken, the plan and its scenarios,
// and what can be done with each (open read-only, export, restore as a new plan, delete).
import { useId } from 'react';
import { momentText } from '../../../shared/format';
import type { SnapshotInfo } from '../../../shared/snapshots';
import { exportSnapshotJson, openSnapshot, restoreSnapshot } from '../../store/snapshots';

function SnapshotItem(props: { snapshot: SnapshotInfo; open: boolean; onDelete: () => void }) {
  const { snapshot } = props;
  const headingId = useId();
  return (
    <li className="snapshot-item" aria-labelledby={headingId} data-testid="snapshot-item" data-snapshot-id={snapshot.id}>
      <div className="snapshot-about">
        <h3 id={headingId} className="snapshot-name">
          {snapshot.name}
          {props.open ? <span className="pill snapshot-open-pill">Open now</span> : null}
        </h3>
        <p className="snapshot-taken">
          Taken <time dateTime={snapshot.takenAt}>{momentText(snapshot.takenAt)}</time>
        </p>
        {snapshot.note ? <p className="snapshot-note">{snapshot.note}</p> : null}
        <p className="snapshot-scenarios">
          <span className="muted">{snapshot.planName}: </span>
          {snapshot.scenarios.map((sc) => sc.name).join(' · ')}
        </p>
      </div>
      <div className="button-row snapshot-actions">
        <button type="button" disabled={props.open} onClick={() => void openSnapshot(snapshot.id)} data-testid="snapshot-open">
          Open (read-only)
        </button>
        <button type="button" onClick={() => void exportSnapshotJson(snapshot.id)} data-testid="snapshot-export">
          Export JSON
        </button>
        <button type="button" onClick={() => void restoreSnapshot(snapshot.id)} data-testid="snapshot-restore">
          Restore as new plan
        </button>
        <button type="button" className="danger-quiet" onClick={props.onDelete} data-testid="snapshot-delete">
          Delete…
        </button>
      </div>
    </li>
  );
}

export function SnapshotList(props: { snapshots: readonly SnapshotInfo[]; openId: number | null; onDelete: (s: SnapshotInfo) => void }) {
  if (props.snapshots.length === 0) {
    return (
      <p className="empty" data-testid="snapshots-empty">
        No snapshots yet. Take one before the plan goes to a board, or whenever a version is agreed.
      </p>
    );
  }
  return (
    <ul className="snapshot-list" data-testid="snapshot-list">
      {[...props.snapshots].reverse().map((s) => (
        <SnapshotItem key={s.id} snapshot={s} open={props.openId === s.id} onDelete={() => props.onDelete(s)} />
      ))}
    </ul>
  );
}
