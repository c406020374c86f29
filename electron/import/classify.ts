// Which import a spreadsheet dropped on the window is for: the plan spreadsheet (services and
// funding, spreadsheet.ts) or a finance-system extract (actuals.ts). Each reader's own header
// matching decides; a file both or neither reader recognises is left for the person to say.
import type { SpreadsheetKind } from '../../shared/sheet-import';
import { ACTUALS_LIMITS } from './actuals';
import { findHeader as findExtractHeader } from './actuals-header';
import { findHeader as findPlanHeader, readSheets, type Limits } from './spreadsheet';
import type { RawSheet } from './worker';

/** The header rows of the file's sheets, read as each import reads them. */
export function classifySheets(sheets: readonly RawSheet[]): SpreadsheetKind {
  let plan: string | null = null;
  let extract: string | null = null;
  for (const sheet of sheets) {
    const planHeader: ReturnType<typeof findPlanHeader> = plan ? null : findPlanHeader(sheet);
    if (planHeader)
      plan = `sheet '${sheet.name}', row ${planHeader.row} has the ${planHeader.kind === 'funding' ? 'funding' : 'services'} columns of a plan spreadsheet`;
    const extractHeader: ReturnType<typeof findExtractHeader> = extract ? null : findExtractHeader(sheet);
    if (extractHeader) extract = `sheet '${sheet.name}', row ${extractHeader.headerRow} has a code, a period and an amount column`;
  }
  if (plan && extract) return { kind: 'unclear', reason: `It could be either: ${plan}, and ${extract}.` };
  if (plan) return { kind: 'plan', reason: `${capitalise(plan)}.` };
  if (extract) return { kind: 'actuals', reason: `${capitalise(extract)}.` };
  return {
    kind: 'unclear',
    reason:
      'No sheet has the headers of either: a plan spreadsheet needs Name and Annual cost (or Stream, FY and Amount) columns; ' +
      'a finance-system extract needs a code, a period and an amount column.',
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Headers are in a file's first rows: a CSV is judged on its first 64 KB, so a large extract is not read twice. */
const CSV_HEAD_BYTES = 64 * 1024;

/** The head of a CSV file up to its last line break within CSV_HEAD_BYTES (a UTF-16 file is kept whole). */
export function csvHead(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength <= CSV_HEAD_BYTES) return bytes;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes[0] === 0 || bytes[1] === 0;
  if (utf16) return bytes;
  const cut = bytes.subarray(0, CSV_HEAD_BYTES).lastIndexOf(0x0a);
  return cut > 0 ? bytes.subarray(0, cut + 1) : bytes;
}

/** A file's kind; a file neither reader can open is unclear, and the chosen import then says why. */
export async function classifySpreadsheetBytes(bytes: Uint8Array, file: string, limits: Limits = ACTUALS_LIMITS): Promise<SpreadsheetKind> {
  const isZip = bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const read = await readSheets(isZip ? bytes : csvHead(bytes), file, limits, { what: 'spreadsheets' });
  if (!read.ok) return { kind: 'unclear', reason: read.errors[0] ?? `${file} cannot be read` };
  return classifySheets(read.sheets);
}
