// The API's snapshot methods over the session's document: take, list, open read-only and
// close, export as plan JSON, restore as a new document, delete. Spread into createHandlers.
import { fileNameFor } from '../shared/file-name';
import type { Handlers } from '../shared/ipc';
import { planJsonText } from '../shared/json-text';
import type { SnapshotInfo } from '../shared/snapshots';
import { openAsNewDocument, type NewPlanPath } from './new-document';
import type { DocumentSession } from './session';
import { noSnapshotMessage, snapshotFileBase, unlessViewing } from './snapshot-view';

type SnapshotMethods = Pick<
  Handlers,
  'listSnapshots' | 'takeSnapshot' | 'openSnapshot' | 'closeSnapshot' | 'exportSnapshotJson' | 'restoreSnapshot' | 'deleteSnapshot'
>;

export function snapshotHandlers(session: DocumentSession, newPlanPath?: NewPlanPath): SnapshotMethods {
  const infoOf = (id: number): SnapshotInfo => {
    const info = session.document.snapshotInfo(id);
    if (!info) throw new Error(noSnapshotMessage(id));
    return info;
  };
  return {
    listSnapshots: () => session.document.snapshots(),

    // Only the live plan is snapshotted: a snapshot of a snapshot would be the same thing twice.
    takeSnapshot: (input) =>
      unlessViewing(session.viewing, () => {
        const taken = session.document.takeSnapshot(input);
        return taken.ok ? { ok: true, snapshot: taken.snapshot, snapshots: session.document.snapshots() } : taken;
      }),

    openSnapshot: ({ id }) => {
      session.view(id);
      return session.snapshot();
    },

    closeSnapshot: () => {
      session.endView();
      return session.snapshot();
    },

    exportSnapshotJson: ({ id }) => {
      const info = infoOf(id);
      return {
        fileName: fileNameFor(snapshotFileBase(info), '.json'),
        mimeType: 'application/json',
        base64: Buffer.from(planJsonText(session.document.snapshotPlan(id)), 'utf8').toString('base64'),
      };
    },

    // A new document named "<plan> - <snapshot>" holds the frozen plan, with no history of its own.
    restoreSnapshot: ({ id }) => openAsNewDocument(session, newPlanPath, snapshotFileBase(infoOf(id)), session.document.snapshotPlan(id)),

    deleteSnapshot: ({ id, name }) => {
      infoOf(id);
      // The store checks the name the person confirmed, and refuses a mismatch.
      if (!session.document.deleteSnapshot(id, name)) throw new Error(noSnapshotMessage(id));
      if (session.viewing?.info.id === id) session.endView();
      return session.document.snapshots();
    },
  };
}
