// Deleting takes a second click: the first asks, then "Delete “name”" or "Keep it".
import { useState } from 'react';

export function ConfirmDelete(props: { name: string; ask: string; readOnly: boolean; onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="danger-quiet" disabled={props.readOnly} onClick={() => setConfirming(true)}>
        {props.ask}
      </button>
    );
  }
  return (
    <>
      <button type="button" className="danger" onClick={() => void props.onDelete()}>
        Delete “{props.name}”
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </>
  );
}
