// Snapshots: named, frozen versions of the whole plan kept in this file. Take one, then open
// it read-only (every screen shows it, under a banner), export its plan as JSON, restore it
// as a new plan, or delete it (asked first: it cannot be undone).
import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../shared/snapshots';
import { Card, ScreenHeader } from '../../components/common';
import { refreshSnapshots, useSnapshotList } from '../../store/snapshots';
import { useStore } from '../../store/store';
import { DeleteSnapshotDialog } from './DeleteSnapshotDialog';
import { SnapshotList } from './SnapshotList';
import { TakeSnapshotForm } from './TakeSnapshotForm';
import './snapshots.css';

export function Snapshots() {
  const list = useSnapshotList((s) => s.list);
  const error = useSnapshotList((s) => s.error);
  const openId = useStore((s) => s.snapshot?.info.viewing?.id ?? null);
  const [deleting, setDeleting] = useState<SnapshotInfo | null>(null);

  useEffect(() => {
    void refreshSnapshots();
  }, []);

  return (
    <div className="screen snapshots" data-testid="screen-snapshots">
      <ScreenHeader
        title="Snapshots"
        lede="Named versions of the whole plan, frozen as they were, kept in this file. Open one to look at it on every screen; it cannot be changed."
      />
      {error ? (
        <div className="banner error" role="alert" data-testid="snapshots-error">
          {error}
        </div>
      ) : null}
      <div className="snapshot-layout">
        <Card className="snapshot-take-card">
          <TakeSnapshotForm />
        </Card>
        <Card title="In this plan" subtitle={list ? countText(list.length) : undefined} className="snapshot-list-card">
          {list ? <SnapshotList snapshots={list} openId={openId} onDelete={setDeleting} /> : <p className="loading">Loading…</p>}
        </Card>
      </div>
      <DeleteSnapshotDialog snapshot={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}

function countText(n: number): string {
  return n === 0 ? 'None yet' : n === 1 ? '1 snapshot, newest first' : `${n} snapshots, newest first`;
}
