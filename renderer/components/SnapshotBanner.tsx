// Above every screen while a snapshot is open: which one, when it was taken, that it is
// read-only, and the way back to the live plan (or out: its plan as JSON, or a new plan).
import { momentText } from '../../shared/format';
import { FIGURES_RECOMPUTED } from '../../shared/snapshots';
import { closeSnapshot, exportSnapshotJson, restoreSnapshot, useSnapshotList } from '../store/snapshots';
import { useStore } from '../store/store';
import './SnapshotBanner.css';

export function SnapshotBanner() {
  const viewing = useStore((s) => s.snapshot?.info.viewing ?? null);
  const error = useSnapshotList((s) => s.error);
  if (!viewing) return null;
  return (
    <section className="banner info snapshot-banner" aria-label="Snapshot" data-testid="snapshot-banner">
      <div>
        <p role="status" className="snapshot-banner-text">
          <strong>Snapshot "{viewing.name}"</strong>, taken {momentText(viewing.takenAt, 'sentence')} — read-only
        </p>
        {viewing.figuresAsFrozen ? null : (
          <p className="snapshot-banner-text" data-testid="snapshot-banner-recomputed">
            {FIGURES_RECOMPUTED}.
          </p>
        )}
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void closeSnapshot()} data-testid="snapshot-banner-back">
          Back to the live plan
        </button>
        <button type="button" onClick={() => void exportSnapshotJson(viewing.id)} data-testid="snapshot-banner-export">
          Export JSON
        </button>
        <button type="button" onClick={() => void restoreSnapshot(viewing.id)} data-testid="snapshot-banner-restore">
          Restore as new plan
        </button>
      </div>
    </section>
  );
}
