// Every method of the API contract, over the plan document the session has open. Shared by
// Electron's main process and the browser harness; arguments arrive already parsed by zod.
import { version } from '../package.json';
import { actualsImportEdit, type ActualsImportAnswer } from '../shared/actuals-import';
import { withEarlierMonths } from '../shared/actuals-fill';
import { comparisonCsv } from '../shared/compare-csv';
import { exportFileName, fileNameFor } from '../shared/file-name';
import type { EditResult, ExportedFile, Handlers, NewPlanResult } from '../shared/ipc';
import { newPlanProblems, planFromAnswers } from '../shared/new-plan';
import { deleteVariableEdit, renameVariableEdit } from '../shared/plan-variables';
import { planJsonText } from '../shared/json-text';
import { simulateScenarios } from '../shared/scenario-set';
import { briefingHtml } from './export/briefing';
import { historyAnnexHtml } from './export/briefing-history';
import { createHistoryHandlers, outturnAgainstSnapshotOf, snapshotInfoOf } from './history-handlers';
import { outturnHtml } from './export/outturn-html';
import { outturnWorkbook } from './export/outturn-workbook';
import { comparisonWorkbook } from './export/workbook';
import { outturnReport } from '../shared/outturn';
import { parseFy } from '../shared/months';
import { importActualsBytes } from './import/actuals';
import { classifySpreadsheetBytes } from './import/classify';
import { previewSheetImport } from './import/sheet-answer';
import type { DocumentSession } from './session';
import { snapshotHandlers } from './snapshot-handlers';
import { actualsPreviewRefusal, sheetPreviewRefusal, shownSnapshot, unlessViewing } from './snapshot-view';
import { NO_NEW_PLAN_MESSAGE, openAsNewDocument, type NewPlanPath } from './new-document';
import type { ViewStateFile } from './view-state-file';

export { fileNameFor };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Prints self-contained briefing HTML to PDF bytes: Electron's printToPDF, or Chromium in the harness. */
export type PrintPdf = (html: string) => Promise<Buffer>;

export const NO_PDF_PRINTER_MESSAGE = 'Printing to PDF needs Chromium or Electron; download the HTML briefing and print it from a browser';

/** A file's name without any folder the page may have sent. */
const baseName = (fileName: string) => fileName.split(/[\\/]/).pop() || fileName;

export { NO_NEW_PLAN_MESSAGE, type NewPlanPath };

/**
 * `viewStates`: where each document's view state is kept (the app's settings); without it nothing is kept.
 * `newPlanPath`: where createPlan (and restoreSnapshot) keep a new document; without it no plan can be made.
 * While a snapshot is open (session.viewing), getPlan and every export use its frozen plan and
 * every change is refused (electron/snapshot-view.ts).
 */
export function createHandlers(
  session: DocumentSession,
  shell: 'electron' | 'browser',
  printPdf?: PrintPdf,
  viewStates?: ViewStateFile,
  newPlanPath?: NewPlanPath,
): Handlers {
  return {
    ...snapshotHandlers(session, newPlanPath),
    ...createHistoryHandlers(session),
    getViewState: () => viewStates?.get(session.document.info().path) ?? null,
    setViewState: (state) => {
      // What is looked at in a snapshot is not kept: the document reopens on its live plan's view.
      if (!session.viewing) viewStates?.set(session.document.info().path, state);
      return null;
    },
    getAppInfo: () => ({ version, shell }),

    renameVariable: ({ from, to }): EditResult =>
      unlessViewing(session.viewing, () => {
        const made = renameVariableEdit(session.document.plan(), from, to.trim());
        if ('problem' in made) return { ok: false, problems: [{ path: `variables.${from}`, message: made.problem }] };
        return made.edit.ops.length ? session.answer(session.document.apply(made.edit)) : { ok: true, snapshot: session.snapshot() };
      }),

    deleteVariable: ({ name }): EditResult =>
      unlessViewing(session.viewing, () => {
        const made = deleteVariableEdit(session.document.plan(), name);
        if ('problem' in made) return { ok: false, problems: [{ path: `variables.${name}`, message: made.problem }] };
        return session.answer(session.document.apply(made.edit));
      }),

    createPlan: async (answers): Promise<NewPlanResult> => {
      const problems = newPlanProblems(answers);
      if (problems.length > 0) return { ok: false, cancelled: false, problems };
      const plan = planFromAnswers(answers);
      return openAsNewDocument(session, newPlanPath, plan.name, plan);
    },
    getPlan: () => session.snapshot(),
    applyEdit: (edit) => unlessViewing(session.viewing, () => session.answer(session.document.apply(edit))),
    // A snapshot has no history of its own: undo and redo change nothing while one is open.
    undo: () => (session.viewing ? session.snapshot() : shownSnapshot(session.document.undo(), null)),
    redo: () => (session.viewing ? session.snapshot() : shownSnapshot(session.document.redo(), null)),

    importPlanJson: (text): EditResult =>
      unlessViewing(session.viewing, () => {
        let input: unknown;
        try {
          input = JSON.parse(text);
        } catch (error) {
          return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
        }
        return session.answer(session.document.replacePlan(input, 'Import plan'));
      }),

    exportPlanJson: () => planJsonText(session.plan()),

    exportOutturn: async ({ scenarioId, fy, format, budget }): Promise<ExportedFile> => {
      const plan = session.plan();
      const report = budget
        ? outturnAgainstSnapshotOf(session.document, plan, scenarioId, fy, budget)
        : outturnReport(plan, scenarioId, parseFy(fy));
      const what = `outturn ${fy.replace('/', '-')}` as const;
      if (format === 'xlsx') {
        const bytes = await outturnWorkbook(report, { date: new Date() });
        return { fileName: exportFileName(session.exportName(), what, 'xlsx'), mimeType: XLSX_MIME, base64: bytes.toString('base64') };
      }
      const html = outturnHtml(report, { date: new Date() });
      if (format === 'html')
        return {
          fileName: exportFileName(session.exportName(), what, 'html'),
          mimeType: 'text/html',
          base64: Buffer.from(html, 'utf8').toString('base64'),
        };
      if (!printPdf) throw new Error(NO_PDF_PRINTER_MESSAGE);
      const pdf = await printPdf(html);
      return {
        fileName: exportFileName(session.exportName(), what, 'pdf'),
        mimeType: 'application/pdf',
        base64: Buffer.from(pdf).toString('base64'),
      };
    },

    previewActualsImport: async ({ fileName, base64, asAt, mapping, fillEarlier }): Promise<ActualsImportAnswer> => {
      const refusal = actualsPreviewRefusal(session.viewing);
      if (refusal) return refusal;
      const plan = session.document.plan();
      const file = baseName(fileName);
      const result = await importActualsBytes(Buffer.from(base64, 'base64'), file, plan, { asAt, mapping });
      if (!result.ok) return { ok: false, errors: result.errors, unmatched: result.unmatched, header: result.header ?? null };
      const { plan: imported, earlier } = withEarlierMonths(
        result.plan,
        result.preview.asAtBefore,
        result.preview.monthsReplaced,
        fillEarlier === true,
      );
      return { ok: true, preview: result.preview, edit: actualsImportEdit(plan, imported, file), earlier };
    },

    previewSheetImport: ({ fileName, base64 }) =>
      sheetPreviewRefusal(session.viewing, baseName(fileName)) ??
      previewSheetImport(Buffer.from(base64, 'base64'), baseName(fileName), session.document.plan()),

    classifySpreadsheet: ({ fileName, base64 }) => classifySpreadsheetBytes(Buffer.from(base64, 'base64'), baseName(fileName)),

    exportComparison: async ({ format, scenarioIds }): Promise<ExportedFile> => {
      const plan = session.plan();
      if (format === 'xlsx') {
        const bytes = await comparisonWorkbook(plan, scenarioIds);
        return {
          fileName: exportFileName(session.exportName(), 'comparison', 'xlsx'),
          mimeType: XLSX_MIME,
          base64: bytes.toString('base64'),
        };
      }
      const set = simulateScenarios(plan, scenarioIds);
      const csv = comparisonCsv(set.comparison, set.results);
      return {
        fileName: exportFileName(session.exportName(), 'comparison', 'csv'),
        mimeType: 'text/csv',
        base64: Buffer.from(csv, 'utf8').toString('base64'),
      };
    },

    exportBriefing: async ({ scenarioIds, format, historyAnnex }): Promise<ExportedFile> => {
      const plan = session.plan();
      const annex = historyAnnex
        ? historyAnnexHtml({
            entries: session.document.changeHistory(),
            since: historyAnnex.since === null ? null : snapshotInfoOf(session.document, historyAnnex.since),
            trimmed: session.document.info().undoTrimmed,
          })
        : undefined;
      // Checked before printing, so a missing printer is not blamed for a bad scenario id.
      const html = briefingHtml(plan, scenarioIds, { date: new Date(), annex });
      if (format === 'html') {
        return {
          fileName: exportFileName(session.exportName(), 'briefing', 'html'),
          mimeType: 'text/html',
          base64: Buffer.from(html, 'utf8').toString('base64'),
        };
      }
      if (!printPdf) throw new Error(NO_PDF_PRINTER_MESSAGE);
      const pdf = await printPdf(html);
      return {
        fileName: exportFileName(session.exportName(), 'briefing', 'pdf'),
        mimeType: 'application/pdf',
        base64: Buffer.from(pdf).toString('base64'),
      };
    },
  };
}
