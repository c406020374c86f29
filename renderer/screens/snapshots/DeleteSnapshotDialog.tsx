// Deleting a snapshot asks first, in a modal dialog that names it and says it cannot be undone.
// "Keep it" has the focus to begin with; Escape keeps it too.
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SnapshotInfo } from '../../../shared/snapshots';
import { deleteSnapshot } from '../../store/snapshots';

export function DeleteSnapshotDialog(props: { snapshot: SnapshotInfo | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const { snapshot, onClose } = props;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (snapshot && !d.open) {
      d.showModal();
      keep.current?.focus();
    } else if (!snapshot && d.open) d.close();
  }, [snapshot]);

  async function confirm() {
    if (!snapshot || busy) return;
    setBusy(true);
    try {
      await deleteSnapshot(snapshot);
    } finally {
      setBusy(false);
      onClose();
    }
  }

  return createPortal(
    <dialog
      ref={dialog}
      className="dialog choice-dialog"
      aria-labelledby={titleId}
      data-testid="delete-snapshot-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {snapshot ? (
        <>
          <h2 id={titleId}>Delete the snapshot "{snapshot.name}"?</h2>
          <p>
            This cannot be undone: the snapshot and its results go from this file for good. The live plan and other snapshots are not
            changed.
          </p>
          <div className="dialog-actions">
            <button ref={keep} type="button" onClick={onClose} data-testid="delete-snapshot-keep">
              Keep it
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void confirm()} data-testid="delete-snapshot-confirm">
              Delete snapshot
            </button>
          </div>
        </>
      ) : null}
    </dialog>,
    document.body,
  );
}
