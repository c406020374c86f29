// What importing actuals from a finance-system extract found (plan-format.md §10), as the
// CLI prints it and the app's preview shows it: the header as recognised, what each
// intervention's rows come to, the months replaced, and the codes that matched nothing.
// The reading itself is electron/import/actuals.ts; these types cross the IPC contract.
import type { EditOp, PlanEdit } from './edits';
import type { Pence } from './money';
import { monthName, parseMonth } from './months';
import type { Plan } from './plan';
import type { ActualsRole } from './periods';

export interface ActualsColumn {
  readonly column: string;
  readonly header: string;
  /** What the column was read as; null when it is ignored. */
  readonly role: ActualsRole | null;
}

export interface ActualsHeader {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly ActualsColumn[];
}

export interface ActualsPreview extends ActualsHeader {
  readonly file: string;
  readonly format: 'xlsx' | 'csv';
  /** Sheets not read (no header, or after the one read). */
  readonly ignoredSheets: readonly string[];
  /** Rows below the header with anything in them. */
  readonly rowsRead: number;
  readonly rowsMatched: number;
  readonly skipped: readonly { readonly reason: string; readonly rows: readonly number[] }[];
  /** Per intervention the extract has postings for, in plan order. */
  readonly interventions: readonly {
    readonly id: string;
    readonly name: string;
    readonly rows: number;
    readonly months: readonly string[];
    readonly total: Pence;
  }[];
  /** Months whose actuals the extract replaces, for every intervention. */
  readonly monthsReplaced: readonly string[];
  readonly asAtBefore: string | null;
  readonly asAtAfter: string;
  readonly ledgerCodesAdded: readonly { readonly intervention: string; readonly code: string }[];
  /** Assumptions made and values rounded, for the person to check. */
  readonly notes: readonly string[];
}

export interface UnmatchedCode {
  /** The code as first written in the extract. */
  readonly code: string;
  readonly rows: readonly number[];
  /** The sum of its rows' amounts (those that could be read). */
  readonly total: Pence;
}

/** The app's preview of an import: what would change, with the edit that makes it (one undoable command). */
/** Actual months before the extract's first that would hold no actual for a service planned to spend in them. */
export interface EarlierGap {
  readonly from: string;
  readonly to: string;
  /** Service-months without an actual, and what the plan has them spend (counted as £0 unless filled). */
  readonly entries: number;
  readonly planned: Pence;
  /** The answer already fills them at their planned cost. */
  readonly filled: boolean;
}

export type ActualsImportAnswer =
  | { readonly ok: true; readonly preview: ActualsPreview; readonly edit: PlanEdit; readonly earlier: EarlierGap | null }
  | {
      readonly ok: false;
      readonly errors: readonly string[];
      readonly unmatched: readonly UnmatchedCode[];
      readonly header: ActualsHeader | null;
    };

/**
 * The one edit that turns `before` into `after` for an import: the actuals replaced whole,
 * and each intervention whose ledger codes a mapping added to. Undo puts both back.
 */
export function actualsImportEdit(before: Plan, after: Plan, file: string): PlanEdit {
  const ops: EditOp[] = [{ op: 'set', path: ['actuals'], value: after.actuals }];
  after.interventions.forEach((item, i) => {
    if (JSON.stringify(item.ledgerCodes) !== JSON.stringify(before.interventions[i]?.ledgerCodes))
      ops.push({ op: 'set', path: ['interventions', i, 'ledgerCodes'], value: item.ledgerCodes });
  });
  const to = after.actuals ? ` (actuals to ${monthName(parseMonth(after.actuals.asAt))})` : '';
  return { label: `Import actuals from ${file}${to}`, ops };
}
