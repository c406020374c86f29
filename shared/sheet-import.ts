// What importing a plan spreadsheet (services and funding, XLSX or CSV) found, as the CLI's
// `import-sheet` prints it and the app's preview shows it, and the one edit that adds it.
// The reading itself is electron/import/spreadsheet.ts; these types cross the IPC contract.
import { MAX_EDIT_OPS, type EditOp, type PlanEdit } from './edits';
import { plural } from './format';
import type { Pence } from './money';
import type { FundingStream, Intervention, Plan } from './plan';

export interface ColumnPreview {
  readonly column: string;
  readonly header: string;
  /** The plan field the column fills, or null when it is ignored. */
  readonly field: string | null;
}

export interface SheetPreview {
  readonly sheet: string;
  readonly kind: 'interventions' | 'funding' | 'ignored';
  readonly headerRow: number | null;
  readonly columns: readonly ColumnPreview[];
  /** Data rows read (empty rows skipped). */
  readonly rows: number;
}

export interface ImportPreview {
  readonly file: string;
  readonly format: 'xlsx' | 'csv';
  readonly sheets: readonly SheetPreview[];
  readonly interventions: readonly { readonly id: string; readonly name: string; readonly annualCost: Pence; readonly from: string }[];
  readonly fundingStreams: readonly { readonly id: string; readonly name: string; readonly allocations: number; readonly total: Pence }[];
  /** Assumptions made and values rounded, for the person to check. */
  readonly notes: readonly string[];
}

/** A problem of the file, at its place when it has one ("Sheet 'Costs', row 3, column C"). */
export interface SheetProblem {
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
  /** The whole line, as `npx headroom import-sheet` prints it. */
  readonly text: string;
}

/** A row whose name is already in the plan: it is added beside it, under another id. */
export interface SameName {
  readonly what: 'intervention' | 'stream';
  readonly id: string;
  readonly name: string;
  readonly existingId: string;
}

export type SheetImportAnswer =
  | {
      readonly ok: true;
      readonly preview: ImportPreview;
      /** What the edit adds, in the order it adds them (the plan's lists are appended to; nothing is replaced). */
      readonly interventions: readonly Intervention[];
      readonly fundingStreams: readonly FundingStream[];
      readonly sameNames: readonly SameName[];
      readonly edit: PlanEdit;
    }
  | { readonly ok: false; readonly file: string; readonly problems: readonly SheetProblem[] };

/** "Import spreadsheet “costs.xlsx”: 5 services, 2 streams". */
export function sheetImportLabel(file: string, services: number, streams: number): string {
  const parts = [services ? plural(services, 'service') : '', streams ? plural(streams, 'stream') : ''].filter(Boolean);
  return `Import spreadsheet “${file}”: ${parts.join(', ')}`;
}

/** The one undoable edit that appends the imported services and streams to the plan. */
export function sheetImportEdit(
  plan: Pick<Plan, 'interventions' | 'fundingStreams'>,
  interventions: readonly Intervention[],
  fundingStreams: readonly FundingStream[],
  file: string,
): PlanEdit {
  const label = sheetImportLabel(file, interventions.length, fundingStreams.length);
  // An edit holds at most MAX_EDIT_OPS operations: a sheet of more rows sets the lists whole.
  if (interventions.length + fundingStreams.length > MAX_EDIT_OPS)
    return {
      label,
      ops: [
        { op: 'set', path: ['interventions'], value: [...plan.interventions, ...interventions] },
        { op: 'set', path: ['fundingStreams'], value: [...plan.fundingStreams, ...fundingStreams] },
      ],
    };
  const ops: EditOp[] = [
    ...interventions.map((value, i): EditOp => ({ op: 'insert', path: ['interventions'], index: plan.interventions.length + i, value })),
    ...fundingStreams.map((value, i): EditOp => ({ op: 'insert', path: ['fundingStreams'], index: plan.fundingStreams.length + i, value })),
  ];
  return { label, ops };
}

/** Which import a dropped spreadsheet is for, as main judged from its header rows. */
export interface SpreadsheetKind {
  readonly kind: 'plan' | 'actuals' | 'unclear';
  /** Why, in words: the sheet and row whose headers decided it, or what made it unclear. */
  readonly reason: string;
}
