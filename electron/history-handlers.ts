// The change history and the comparisons with a snapshot, over the live document the session
// has open: its stored commands as a record, a live scenario against a snapshot's scenario,
// and the outturn with a snapshot's scenario as its budget. Everything is worked out here in
// main (the page gets figures and words, never month-by-month results); spread into
// createHandlers.
import { exportFileName } from '../shared/file-name';
import { filterHistory, historyCsv } from '../shared/history-csv';
import type { ExportedFile, Handlers, SnapshotComparisonView } from '../shared/ipc';
import { parseFy } from '../shared/months';
import { outturnAgainst, type OutturnReport } from '../shared/outturn';
import type { Plan } from '../shared/plan';
import { compareWithSnapshot, type SnapshotComparison } from '../shared/snapshot-compare';
import { snapshotComparisonCsv } from '../shared/snapshot-compare-csv';
import { noSnapshotScenarioMessage, snapshotScenarioLabel } from '../shared/snapshot-labels';
import type { SnapshotInfo } from '../shared/snapshots';
import { snapshotComparisonWorkbook } from './export/snapshot-workbook';
import type { DocumentSession } from './session';
import type { PlanDocument } from './store/plan-document';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A scenario of a snapshot the page named: its snapshot id and the scenario's id in it. */
export interface SnapshotScenarioRef {
  readonly snapshotId: number;
  readonly snapshotScenarioId: string;
}

/** A snapshot of the live document; a plain message when there is none with that id. */
export function snapshotInfoOf(document: PlanDocument, id: number): SnapshotInfo {
  const info = document.snapshotInfo(id);
  if (!info) throw new Error(`There is no snapshot ${id} in this plan (it may have been deleted): choose another`);
  return info;
}

/** A snapshot of the live document with its frozen plan. */
export function snapshotOf(document: PlanDocument, id: number): { info: SnapshotInfo; plan: Plan } {
  return { info: snapshotInfoOf(document, id), plan: document.snapshotPlan(id) };
}

/** "Budget as approved, February: Base", refusing a scenario the snapshot does not have. */
function budgetLabel(info: SnapshotInfo, scenarioId: string): string {
  if (!info.scenarios.some((s) => s.id === scenarioId)) throw new Error(noSnapshotScenarioMessage(info, scenarioId));
  return snapshotScenarioLabel(info, scenarioId);
}

/** The forecast outturn of `plan`'s scenario and FY ("2021/22") against a scenario of one of the document's snapshots as budget. */
export function outturnAgainstSnapshotOf(
  document: PlanDocument,
  plan: Plan,
  scenarioId: string,
  fy: string,
  budget: SnapshotScenarioRef,
): OutturnReport {
  const snapshot = snapshotOf(document, budget.snapshotId);
  const label = budgetLabel(snapshot.info, budget.snapshotScenarioId);
  return outturnAgainst(plan, scenarioId, parseFy(fy), { label, plan: snapshot.plan, scenarioId: budget.snapshotScenarioId });
}

function comparisonOf(document: PlanDocument, scenarioId: string, against: SnapshotScenarioRef): SnapshotComparison {
  const snapshot = snapshotOf(document, against.snapshotId);
  return compareWithSnapshot(document.plan(), scenarioId, { name: snapshot.info.name, plan: snapshot.plan }, against.snapshotScenarioId);
}

const text = (fileName: string, mimeType: string, content: string): ExportedFile => ({
  fileName,
  mimeType,
  base64: Buffer.from(content, 'utf8').toString('base64'),
});

type HistoryHandlers = Pick<
  Handlers,
  'getHistory' | 'exportHistory' | 'compareWithSnapshot' | 'exportSnapshotComparison' | 'outturnAgainstSnapshot'
>;

export function createHistoryHandlers(session: DocumentSession): HistoryHandlers {
  // session.document is always the live document, even while a snapshot is open: its history is the
  // live one, and a comparison is of the live plan. The outturn is of the plan being looked at, as on screen.
  return {
    getHistory: () => ({ entries: session.document.changeHistory(), snapshots: session.document.snapshots() }),

    exportHistory: ({ intervention, stream }) => {
      const entries = filterHistory(session.document.changeHistory(), { intervention, stream });
      return text(exportFileName(session.document.plan().name, 'history', 'csv'), 'text/csv', historyCsv(entries));
    },

    compareWithSnapshot: ({ scenarioId, ...against }): SnapshotComparisonView => {
      const { results: _results, ...view } = comparisonOf(session.document, scenarioId, against);
      void _results;
      return view;
    },

    exportSnapshotComparison: async ({ scenarioId, format, ...against }): Promise<ExportedFile> => {
      const compared = comparisonOf(session.document, scenarioId, against);
      const name = snapshotInfoOf(session.document, against.snapshotId).name;
      const fileName = exportFileName(session.document.plan().name, `comparison with ${name}`, format);
      if (format === 'csv') return text(fileName, 'text/csv', snapshotComparisonCsv(compared));
      const bytes = await snapshotComparisonWorkbook(compared, { date: new Date() });
      return { fileName, mimeType: XLSX_MIME, base64: bytes.toString('base64') };
    },

    outturnAgainstSnapshot: ({ scenarioId, fy, ...budget }) =>
      outturnAgainstSnapshotOf(session.document, session.plan(), scenarioId, fy, budget),
  };
}
