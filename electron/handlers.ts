// Every method of the API contract, over the plan document the session has open. Shared by
// Electron's main process and the browser harness; arguments arrive already parsed by zod.
import { version } from '../package.json';
import { comparisonCsv } from '../shared/compare-csv';
import type { EditResult, ExportedFile, Handlers } from '../shared/ipc';
import { comparisonWorkbook, simulateScenarios } from './export/workbook';
import type { DocumentSession } from './session';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A plan's name as a file name on any OS: no separators, reserved characters or leading dots. */
export function fileNameFor(planName: string, suffix: string): string {
  const safe = planName
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120)
    .trimEnd();
  return `${safe || 'Plan'}${suffix}`;
}

export function createHandlers(session: DocumentSession, shell: 'electron' | 'browser'): Handlers {
  return {
    getAppInfo: () => ({ version, shell }),
    getPlan: () => session.document.snapshot(),
    applyEdit: (edit) => session.document.apply(edit),
    undo: () => session.document.undo(),
    redo: () => session.document.redo(),

    importPlanJson: (text): EditResult => {
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (error) {
        return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
      }
      return session.document.replacePlan(input, 'Import plan');
    },

    exportPlanJson: () => `${JSON.stringify(session.document.plan(), null, 2)}\n`,

    exportComparison: async ({ format, scenarioIds }): Promise<ExportedFile> => {
      const plan = session.document.plan();
      if (format === 'xlsx') {
        const bytes = await comparisonWorkbook(plan, scenarioIds);
        return { fileName: fileNameFor(plan.name, ' comparison.xlsx'), mimeType: XLSX_MIME, base64: bytes.toString('base64') };
      }
      const csv = comparisonCsv(simulateScenarios(plan, scenarioIds).comparison);
      return {
        fileName: fileNameFor(plan.name, ' comparison.csv'),
        mimeType: 'text/csv',
        base64: Buffer.from(csv, 'utf8').toString('base64'),
      };
    },
  };
}
