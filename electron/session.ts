// Which plan document is open (and which of its snapshots, if any, is being looked at), and
// which one to open at start: the one used last, or on a first run a copy of the demo plan
// in the user's data folder.
import fs from 'node:fs';
import path from 'node:path';
import demoPlan from '../shared/demo/wmvru-plan.json';
import type { EditResult, PlanSnapshot } from '../shared/ipc';
import type { Plan } from '../shared/plan';
import { figuresAsFrozen } from '../shared/snapshot-figures';
import { liveResult, snapshotFileBase, noSnapshotMessage, shownSnapshot, type SnapshotView } from './snapshot-view';
import { PlanDocument } from './store/plan-document';
import { loadWindowState, recentDocuments } from './window-state';

export const DEMO_FILE_NAME = 'Demo plan.headroom';
/** Where main.ts keeps window positions, which also list the documents used most recently. */
export const WINDOW_STATE_FILE = 'window-state.json';

export class DocumentSession {
  #document: PlanDocument | null;
  #view: SnapshotView | null = null;

  constructor(document: PlanDocument) {
    this.#document = document;
  }

  /** The open document; throws once the session is closed. */
  get document(): PlanDocument {
    if (!this.#document) throw new Error('No plan is open');
    return this.#document;
  }

  /** The snapshot being looked at, or null for the live plan. */
  get viewing(): SnapshotView | null {
    return this.#view;
  }

  /** Looks at a snapshot (read-only) in place of the live plan; throws when there is no such snapshot. */
  view(id: number): SnapshotView {
    const info = this.document.snapshotInfo(id);
    if (!info) throw new Error(noSnapshotMessage(id));
    const plan = this.document.snapshotPlan(id);
    this.#view = { info: { ...info, figuresAsFrozen: figuresAsFrozen(plan, this.document.snapshotResultsJson(id)) }, plan };
    return this.#view;
  }

  /** Back to the live plan. */
  endView(): void {
    this.#view = null;
  }

  /** The plan being looked at: the snapshot's frozen plan while one is open, else the live plan. */
  plan(): Plan {
    return this.#view?.plan ?? this.document.plan();
  }

  /** The name exports are filed under: the plan's, or "<plan> - <snapshot>" while a snapshot is open. */
  exportName(): string {
    return this.#view ? snapshotFileBase(this.#view.info) : this.document.plan().name;
  }

  /** What the page is shown: the plan being looked at, with the document's info. */
  snapshot(): PlanSnapshot {
    return shownSnapshot(this.document.snapshot(), this.#view);
  }

  /** A stored change's answer as the page is told it. */
  answer(result: EditResult): EditResult {
    return liveResult(result);
  }

  /** Opens another document in place of the current one, which stays open if that fails. */
  async open(file: string): Promise<PlanDocument> {
    const next = await PlanDocument.open(file);
    this.#document?.close();
    this.#document = next;
    this.#view = null;
    return next;
  }

  close(): void {
    this.#document?.close();
    this.#document = null;
    this.#view = null;
  }
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * Opens the document used last; when there is none (or it has gone), the demo plan's copy
 * in dataDir, creating it on a first run. An existing file is never overwritten, and a
 * document that exists but cannot be opened is an error, not a reason to open another.
 */
export async function openInitialDocument(dataDir: string): Promise<DocumentSession> {
  const last = recentDocuments(loadWindowState(path.join(dataDir, WINDOW_STATE_FILE)))[0];
  if (last && isFile(last)) return new DocumentSession(await PlanDocument.open(last));

  const demoFile = path.join(dataDir, DEMO_FILE_NAME);
  if (isFile(demoFile)) return new DocumentSession(await PlanDocument.open(demoFile));
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // create() validates the plan whole and refuses to replace a file that is already there.
  return new DocumentSession(PlanDocument.create(demoFile, demoPlan));
}
