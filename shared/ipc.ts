// The one typed contract between the page and the process that owns plan documents.
// Each method is named once here with its argument schema; the Electron main process
// and the browser harness implement `Handlers`, the preload exposes exactly API_METHODS,
// and the renderer calls them through `HeadroomApi`.
import { z } from 'zod';
import { API_METHOD_NAMES } from './api-methods';
import type { ActualsImportAnswer } from './actuals-import';
import { PlanEditSchema, type PlanEdit } from './edits';
import { isMonth } from './months';
import { NewPlanSchema } from './new-plan';
import type { Plan } from './plan';
import type { PlanProblem } from './resolve';
import type { SheetImportAnswer, SpreadsheetKind } from './sheet-import';
import { TakeSnapshotSchema, type HistoryEntry, type SnapshotInfo, type ViewedSnapshot } from './snapshots';
import { ViewStateSchema, type ViewState } from './view-state';
import type { OutturnReport } from './outturn-figures';
import type { SnapshotComparison } from './snapshot-compare';

export interface DocumentInfo {
  readonly path: string;
  readonly fileName: string;
  readonly readOnly: boolean;
  /** Grows with every stored change (edit, undo, redo, import). */
  readonly revision: number;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  /** Older undo steps were dropped to keep the file small (the newest are kept). */
  readonly undoTrimmed: boolean;
  /**
   * The snapshot being looked at (its frozen plan is the plan sent with this info, read-only),
   * or null for the live plan. Main and the harness always say which; the store, which knows
   * nothing of what a window is viewing, leaves it out.
   */
  readonly viewing?: ViewedSnapshot | null;
}

export interface PlanSnapshot {
  readonly info: DocumentInfo;
  readonly plan: Plan;
}

export type EditResult =
  { readonly ok: true; readonly snapshot: PlanSnapshot } | { readonly ok: false; readonly problems: readonly PlanProblem[] };

export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  /** File content, base64-encoded (binary-safe over IPC and HTTP). */
  readonly base64: string;
}

/** A new plan: created and opened, refused with its problems, or not made because no file was chosen. */
export type NewPlanResult =
  | { readonly ok: true; readonly snapshot: PlanSnapshot }
  | { readonly ok: false; readonly cancelled: boolean; readonly problems: readonly PlanProblem[] };

/** A snapshot just taken, with the document's snapshots now (oldest first), or why it was not. */
export type TakeSnapshotResult =
  | { readonly ok: true; readonly snapshot: SnapshotInfo; readonly snapshots: readonly SnapshotInfo[] }
  | { readonly ok: false; readonly problems: readonly PlanProblem[] };
/** The change history as the History screen shows it: the stored commands and the snapshots between them. */
export interface HistoryView {
  readonly entries: readonly HistoryEntry[];
  readonly snapshots: readonly SnapshotInfo[];
}

/** A comparison with a snapshot as sent to the page: its figures and words, without the month-by-month results. */
export type SnapshotComparisonView = Omit<SnapshotComparison, 'results'>;

export interface AppInfo {
  readonly version: string;
  readonly shell: 'electron' | 'browser';
}

/** An extract sent from the page, as base64 (4 characters per 3 bytes): about 17 MB of file. */
export const MAX_EXTRACT_BASE64 = 24_000_000;

/** A spreadsheet sent from the page; the same limit as an extract's. */
const SpreadsheetFile = z.strictObject({ fileName: z.string().min(1).max(260), base64: z.string().max(MAX_EXTRACT_BASE64) });

/** A snapshot, by the store's key. */
const SnapshotId = z.strictObject({ id: z.number().int().min(1) });

const ScenarioIds = z.array(z.string().max(100)).min(1).max(4);
const Fy = z.string().regex(/^\d{4}\/\d{2}$/);

/** A scenario of a snapshot kept in the open document: the budget or the baseline to compare against. */
const SnapshotScenario = { snapshotId: z.number().int().min(1), snapshotScenarioId: z.string().max(100) };

/** Argument schemas: every payload from the page is parsed before a handler sees it. */
export const API_ARGS = {
  getAppInfo: z.tuple([]),
  getPlan: z.tuple([]),
  applyEdit: z.tuple([PlanEditSchema]),
  undo: z.tuple([]),
  redo: z.tuple([]),
  importPlanJson: z.tuple([z.string().max(20_000_000)]),
  exportPlanJson: z.tuple([]),
  exportComparison: z.tuple([z.strictObject({ format: z.enum(['xlsx', 'csv']), scenarioIds: ScenarioIds })]),
  /** The briefing for the chosen scenarios: a PDF to hand on, or the HTML it is printed from. */
  /** `historyAnnex` adds a page of the changes stored after snapshot `since` (null: every change kept). */
  exportBriefing: z.tuple([
    z.strictObject({
      scenarioIds: ScenarioIds,
      format: z.enum(['pdf', 'html']),
      historyAnnex: z.strictObject({ since: z.number().int().min(1).nullable() }).optional(),
    }),
  ]),
  /** The forecast outturn report of one scenario and FY ("2021/22"), as a workbook or a PDF; `budget`: a snapshot's scenario. */
  exportOutturn: z.tuple([
    z.strictObject({
      scenarioId: z.string().max(100),
      fy: Fy,
      format: z.enum(['xlsx', 'pdf', 'html']),
      budget: z.strictObject(SnapshotScenario).optional(),
    }),
  ]),
  /** The live document's stored commands (oldest first) and its snapshots, even while a snapshot is viewed. */
  getHistory: z.tuple([]),
  /** The history as CSV, only the commands touching a service or a stream when one is given. */
  exportHistory: z.tuple([
    z.strictObject({ format: z.literal('csv'), intervention: z.string().max(100).optional(), stream: z.string().max(100).optional() }),
  ]),
  /** A live scenario against a snapshot's (the baseline: differences read now − snapshot), worked out in main. */
  compareWithSnapshot: z.tuple([z.strictObject({ scenarioId: z.string().max(100), ...SnapshotScenario })]),
  exportSnapshotComparison: z.tuple([
    z.strictObject({ scenarioId: z.string().max(100), ...SnapshotScenario, format: z.enum(['xlsx', 'csv']) }),
  ]),
  /** The forecast outturn of a live scenario and FY with a snapshot's scenario as its budget. */
  outturnAgainstSnapshot: z.tuple([z.strictObject({ scenarioId: z.string().max(100), fy: Fy, ...SnapshotScenario })]),
  /**
   * Reads a finance-system extract (.csv or .xlsx, base64) against the open plan and answers
   * with a preview and the edit that would make it, or every problem; nothing is stored.
   * The harness's request limit (25 MB) bounds the file to about 17 MB here; the CLI reads more.
   */
  previewActualsImport: z.tuple([
    z.strictObject({
      fileName: z.string().min(1).max(260),
      base64: z.string().max(MAX_EXTRACT_BASE64),
      asAt: z.string().refine(isMonth).optional(),
      mapping: z.record(z.string().max(200), z.string().max(100)).optional(),
      /** Months before the extract's first with no actual yet are filled at their planned cost. */
      fillEarlier: z.boolean().optional(),
    }),
  ]),
  /**
   * Reads a plan spreadsheet (services and funding, .xlsx or .csv, base64) with the code, limits
   * and worker of `npx headroom import-sheet`, against the open plan: a preview and the one edit
   * that adds it, or every problem by sheet, row and column. Nothing is stored.
   */
  previewSheetImport: z.tuple([SpreadsheetFile]),
  /** Which import a dropped spreadsheet is for (plan spreadsheet or finance extract), from its header rows. */
  classifySpreadsheet: z.tuple([SpreadsheetFile]),
  /** What the person was looking at in the open document (shared/view-state.ts), or null for none yet. */
  getViewState: z.tuple([]),
  setViewState: z.tuple([ViewStateSchema]),
  /** Makes a new document from the guided start's answers (shared/new-plan.ts) and opens it in place of this one. */
  createPlan: z.tuple([NewPlanSchema]),
  /**
   * Renames a plan variable in every formula that uses it, or deletes one no formula uses:
   * main reads the formulas (mathjs stays off the page's thread) and stores one undoable edit.
   */
  renameVariable: z.tuple([z.strictObject({ from: z.string().max(100), to: z.string().max(100) })]),
  deleteVariable: z.tuple([z.strictObject({ name: z.string().max(100) })]),
  /** The document's snapshots, oldest first. */
  listSnapshots: z.tuple([]),
  /** Freezes the live plan and its results under a name unique in the document. */
  takeSnapshot: z.tuple([TakeSnapshotSchema]),
  /** Shows a snapshot's frozen plan, read-only, in place of the live plan until closeSnapshot. */
  openSnapshot: z.tuple([SnapshotId]),
  /** Back to the live plan. */
  closeSnapshot: z.tuple([]),
  /** A snapshot's plan as plan JSON, exactly as exportPlanJson writes a plan. */
  exportSnapshotJson: z.tuple([SnapshotId]),
  /** A new document holding a snapshot's plan (never over a file), opened in place of this one. */
  restoreSnapshot: z.tuple([SnapshotId]),
  /** Deletes a snapshot for good; `name` must be its name, as the person confirmed it. */
  deleteSnapshot: z.tuple([z.strictObject({ id: z.number().int().min(1), name: z.string().max(200) })]),
} as const;

export type ApiMethod = keyof typeof API_ARGS;
export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;

// Compile-time check: the dependency-free list names exactly the contract's methods.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const methodsMatch: Same<(typeof API_METHOD_NAMES)[number], ApiMethod> = true;
void methodsMatch;

export interface ApiResults {
  getAppInfo: AppInfo;
  getPlan: PlanSnapshot;
  applyEdit: EditResult;
  undo: PlanSnapshot;
  redo: PlanSnapshot;
  importPlanJson: EditResult;
  exportPlanJson: string;
  exportComparison: ExportedFile;
  exportBriefing: ExportedFile;
  previewActualsImport: ActualsImportAnswer;
  previewSheetImport: SheetImportAnswer;
  classifySpreadsheet: SpreadsheetKind;
  exportOutturn: ExportedFile;
  getViewState: ViewState | null;
  setViewState: null;
  createPlan: NewPlanResult;
  renameVariable: EditResult;
  deleteVariable: EditResult;
  listSnapshots: readonly SnapshotInfo[];
  takeSnapshot: TakeSnapshotResult;
  openSnapshot: PlanSnapshot;
  closeSnapshot: PlanSnapshot;
  exportSnapshotJson: ExportedFile;
  restoreSnapshot: NewPlanResult;
  deleteSnapshot: readonly SnapshotInfo[];
  getHistory: HistoryView;
  exportHistory: ExportedFile;
  compareWithSnapshot: SnapshotComparisonView;
  exportSnapshotComparison: ExportedFile;
  outturnAgainstSnapshot: OutturnReport;
}

export type ApiArgs<K extends ApiMethod> = z.infer<(typeof API_ARGS)[K]>;

/** What the page calls: window.headroom in Electron, an HTTP client in the harness. */
export type HeadroomApi = { [K in ApiMethod]: (...args: ApiArgs<K>) => Promise<ApiResults[K]> };

/** What main and the harness implement; arguments arrive already parsed. */
export type Handlers = { [K in ApiMethod]: (...args: ApiArgs<K>) => ApiResults[K] | Promise<ApiResults[K]> };

export class PayloadError extends Error {}

/** Parses a method's arguments from the page; unknown methods and bad payloads are refused. */
export function parseArgs<K extends ApiMethod>(method: K, args: unknown): ApiArgs<K> {
  if (!Object.hasOwn(API_ARGS, method)) throw new PayloadError(`Refused: unknown method "${String(method)}"`);
  const parsed = API_ARGS[method].safeParse(args);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PayloadError(`Refused ${method}: ${first.path.join('.') || 'arguments'}: ${first.message}`);
  }
  return parsed.data as ApiArgs<K>;
}

/** Calls the handler for a method with parsed arguments. */
export async function dispatch<K extends ApiMethod>(handlers: Handlers, method: K, args: unknown): Promise<ApiResults[K]> {
  const parsed = parseArgs(method, args);
  const handler = handlers[method] as (...a: ApiArgs<K>) => ApiResults[K] | Promise<ApiResults[K]>;
  return handler(...parsed);
}

export type { PlanEdit };
