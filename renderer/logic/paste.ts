// Rows copied from Excel or LibreOffice arrive as tab-separated text. Each cell is read and
// checked on its own, so the preview can point at the one bad cell; nothing is stored until
// every row is sound, and then the rows go in as one edit (the validator checks them again).
import {
  GRID_ORDER,
  headerLookup,
  matchHeader,
  INTERVENTION_FIELDS,
  INTERVENTION_FIELD_LIST,
  type InterventionFieldKey,
} from '../../shared/fields';
import type { PlanEdit } from '../../shared/edits';
import { idFromName } from '../../shared/parse';
import type { Intervention, Plan } from '../../shared/plan';
import type { PlanProblem } from '../../shared/resolve';

export type PasteColumn = InterventionFieldKey;

/** The order columns are read in when the rows carry no header (the grid's own order). */
export const DEFAULT_PASTE_COLUMNS: readonly PasteColumn[] = GRID_ORDER;

export const PASTE_COLUMN_LABELS = Object.fromEntries(INTERVENTION_FIELD_LIST.map((f) => [f.key, f.label])) as Record<PasteColumn, string>;

const HEADERS = headerLookup(INTERVENTION_FIELD_LIST) as Map<string, PasteColumn>;

export interface PasteCell {
  readonly column: PasteColumn;
  readonly text: string;
  /** Why the cell cannot be stored; absent when it can. */
  readonly message?: string;
}

export interface PasteRow {
  /** 1-based line of the pasted text. */
  readonly line: number;
  readonly cells: readonly PasteCell[];
  /** Problems of the row as a whole (a missing name, an id already used). */
  readonly messages: readonly string[];
  /** The intervention to add, when every cell and the row are sound. */
  readonly intervention: Intervention | null;
}

export interface PasteParse {
  readonly columns: readonly PasteColumn[];
  readonly hasHeader: boolean;
  readonly rows: readonly PasteRow[];
  /** Columns of the text that were not understood (header names), kept to tell the person. */
  readonly ignored: readonly string[];
  readonly ok: boolean;
}

/** Splits tab-separated text as spreadsheets write it: quoted cells may hold tabs, newlines and "". */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const input = text.replace(/\r\n?/g, '\n');
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function headerColumns(cells: readonly string[]): { columns: (PasteColumn | null)[]; known: number } {
  const columns = cells.map((c) => (matchHeader(HEADERS, c) as PasteColumn | undefined) ?? null);
  return { columns, known: columns.filter(Boolean).length };
}

/** Reads pasted rows into interventions for `plan`, checking every cell. */
export function parseInterventionRows(text: string, plan: Plan): PasteParse {
  const table = splitTsv(text);
  if (table.length === 0) return { columns: [], hasHeader: false, rows: [], ignored: [], ok: false };
  const head = headerColumns(table[0]);
  const hasHeader = head.known >= 2 || (head.known >= 1 && table[0].length === 1);
  const columns: (PasteColumn | null)[] = hasHeader
    ? head.columns
    : DEFAULT_PASTE_COLUMNS.slice(0, Math.max(...table.map((r) => r.length)));
  const ignored = hasHeader
    ? table[0]
        .filter((_, i) => head.columns[i] === null)
        .map((c) => c.trim())
        .filter(Boolean)
    : [];
  const body = hasHeader ? table.slice(1) : table;

  const taken = new Set(plan.interventions.map((i) => i.id));
  let nextPriority = Math.max(0, ...plan.interventions.map((i) => i.priority)) + 1;
  const rows: PasteRow[] = body.map((cellsText, r) => {
    const cells: PasteCell[] = [];
    const values: Partial<Record<PasteColumn, unknown>> = {};
    const messages: string[] = [];
    columns.forEach((column, c) => {
      if (!column) return;
      const text = cellsText[c] ?? '';
      const read = INTERVENTION_FIELDS[column].read(text);
      if (read.ok) values[column] = read.value;
      cells.push(read.ok ? { column, text } : { column, text, message: read.message });
    });
    if (!columns.includes('name')) messages.push('has no name column');
    if (!columns.includes('annualCost')) messages.push('has no annual cost column');
    const start = values.start as string | undefined;
    const end = values.end as string | undefined;
    if (start && end && end < start) messages.push(`ends (${end}) before it starts (${start})`);

    let id = values.id as string | undefined;
    if (id && taken.has(id)) messages.push(`id "${id}" is already used`);
    if (!id && typeof values.name === 'string') id = idFromName(values.name, taken);
    if (id) taken.add(id);

    const sound = messages.length === 0 && cells.every((cell) => !cell.message);
    let intervention: Intervention | null = null;
    if (sound && id) {
      const priority = (values.priority as number | undefined) ?? nextPriority;
      nextPriority = Math.max(nextPriority, priority + 1);
      const built: Record<string, unknown> = {
        id,
        name: values.name,
        category: values.category ?? 'commissioned',
        system: values.system,
        area: values.area,
        provider: values.provider,
        annualCost: values.annualCost,
        start,
        end,
        noticeMonths: values.noticeMonths ?? 0,
        exitCost: values.exitCost,
        serviceUsers: values.serviceUsers ?? 0,
        priority,
        notes: values.notes,
      };
      for (const key of Object.keys(built)) if (built[key] === undefined) delete built[key];
      intervention = built as unknown as Intervention;
    }
    return { line: r + 1 + (hasHeader ? 1 : 0), cells, messages, intervention };
  });
  const used = columns.filter((c): c is PasteColumn => c !== null);
  return { columns: used, hasHeader, rows, ignored, ok: rows.length > 0 && rows.every((row) => row.intervention !== null) };
}

/** One edit adding every pasted row at the end of the list; null while any row is unsound. */
export function pasteEdit(plan: Plan, parsed: PasteParse): PlanEdit | null {
  if (!parsed.ok) return null;
  const items = parsed.rows.map((row) => row.intervention!);
  return {
    label: `Paste ${items.length} intervention${items.length === 1 ? '' : 's'}`,
    ops: items.map((value, k) => ({ op: 'insert' as const, path: ['interventions'], index: plan.interventions.length + k, value })),
  };
}

/** How many cells and rows need fixing, for the preview's summary. */
export function pasteProblemCount(parsed: PasteParse): number {
  return parsed.rows.reduce((n, row) => n + row.messages.length + row.cells.filter((c) => c.message).length, 0);
}

export interface PlacedProblem {
  /** The pasted line the problem belongs to. */
  readonly line: number;
  /** The column, when the problem is at one of the row's cells. */
  readonly column: PasteColumn | null;
  readonly message: string;
}

/**
 * The validator's problems with a refused paste, put back at the pasted lines and cells
 * (the new rows are `interventions[N…]`); problems elsewhere in the plan are left out.
 */
export function placeProblems(plan: Plan, parsed: PasteParse, problems: readonly PlanProblem[]): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  const first = plan.interventions.length;
  for (const problem of problems) {
    const m = /^interventions\[(\d+)\](?:\.([A-Za-z]+))?/.exec(problem.path);
    const row = m ? parsed.rows[Number(m[1]) - first] : undefined;
    if (!m || !row) continue;
    const column = m[2] && parsed.columns.includes(m[2] as PasteColumn) ? (m[2] as PasteColumn) : null;
    placed.push({ line: row.line, column, message: problem.message });
  }
  return placed;
}
