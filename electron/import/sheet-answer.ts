// The app's answer to a plan spreadsheet: read and merged exactly as `npx headroom import-sheet`
// does (importSpreadsheetBytes, then mergeImport validating the whole plan), returned as a
// preview with the one edit that adds it, or every problem at its sheet, row and column.
import { sheetImportEdit, type SameName, type SheetImportAnswer, type SheetProblem } from '../../shared/sheet-import';
import type { Plan } from '../../shared/plan';
import { importSpreadsheetBytes, mergeImport } from './spreadsheet';

const PLACE = /^Sheet '(.*?)', row (\d+)(?:, column ([A-Z]+))?: ([\s\S]*)$/;

/** A problem line split at its place, as spreadsheet.ts's `place()` writes it. */
export function sheetProblem(text: string): SheetProblem {
  const m = PLACE.exec(text);
  if (!m) return { sheet: null, row: null, column: null, message: text, text };
  return { sheet: m[1], row: Number(m[2]), column: m[3] ?? null, message: m[4], text };
}

/** Names already in the plan, compared as a person would (case and spacing aside). */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

export async function previewSheetImport(bytes: Uint8Array, file: string, plan: Plan): Promise<SheetImportAnswer> {
  const imported = await importSpreadsheetBytes(bytes, file, { plan });
  if (!imported.ok) return { ok: false, file, problems: imported.errors.map(sheetProblem) };
  if (imported.interventions.length === 0 && imported.fundingStreams.length === 0)
    return { ok: false, file, problems: [sheetProblem(`${file}: its header rows were found, but no rows under them to import`)] };
  const merged = mergeImport(plan, imported);
  if (!merged.ok) {
    // A clash with the plan is about a row: put it there.
    const problems = merged.errors.map((text) => {
      const clash = /^intervention '([^']+)'/.exec(text);
      const i = clash ? imported.interventions.findIndex((item) => item.id === clash[1]) : -1;
      return sheetProblem(i >= 0 ? `${imported.preview.interventions[i].from}: ${text}` : text);
    });
    return { ok: false, file, problems };
  }
  const interventionNames = new Map(plan.interventions.map((item) => [nameKey(item.name), item.id]));
  const streamNames = new Map(plan.fundingStreams.map((stream) => [nameKey(stream.name), stream.id]));
  const sameNames: SameName[] = [
    ...imported.interventions.flatMap((item): SameName[] => {
      const existingId = interventionNames.get(nameKey(item.name));
      return existingId ? [{ what: 'intervention', id: item.id, name: item.name, existingId }] : [];
    }),
    ...imported.fundingStreams.flatMap((stream): SameName[] => {
      const existingId = streamNames.get(nameKey(stream.name));
      return existingId ? [{ what: 'stream', id: stream.id, name: stream.name, existingId }] : [];
    }),
  ];
  return {
    ok: true,
    preview: imported.preview,
    interventions: imported.interventions,
    fundingStreams: imported.fundingStreams,
    sameNames,
    edit: sheetImportEdit(plan, imported.interventions, imported.fundingStreams, file),
  };
}
