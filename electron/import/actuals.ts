// Importing actuals from a finance-system extract (plan-format.md §10): a row per posting
// with a code, a period and an amount, summed per intervention and month into the plan's
// actuals. The file is read by the spreadsheet import's checks and worker (spreadsheet.ts),
// under limits of its own sized for ledger extracts; the cells are read with shared/periods.ts.
// All or nothing: the new plan, validated whole, with a preview of what changes; or every
// problem by sheet, row and column, with the unmatched codes listed so they can be mapped.
import { formatMoney, type Pence } from '../../shared/money';
import { formatMonth, isMonth, monthName, parseMonth, type MonthIndex } from '../../shared/months';
import { readActualAmount, readPeriod, isTotalText, type ActualsRole } from '../../shared/periods';
import type { Plan } from '../../shared/plan';
import { readFy } from '../../shared/parse';
import {
  type ActualsHeader,
  cellText,
  chooseCodeColumn,
  codeKey,
  codeLookup,
  findHeader,
  type Header,
  HEADER_SEARCH_ROWS,
  isEmpty,
  unreadable,
} from './actuals-header';
import { applyActuals, type ActualsSums } from './actuals-plan';
import { columnLetter, IMPORT_LIMITS, type Limits, place, readFileChecked, readSheets, shown } from './spreadsheet';
import type { RawSheet } from './worker';

export { applyActuals } from './actuals-plan';
export type { ActualsColumn, ActualsHeader } from '../../shared/actuals-import';
export { codeKey } from './actuals-header';

/**
 * Extracts are larger than budget sheets: a year of postings for a unit runs to tens of
 * thousands of rows. The file size, zip checks, worker heap and timeout still bound the read.
 */
export const ACTUALS_LIMITS: Limits = {
  ...IMPORT_LIMITS,
  maxFileBytes: 64 * 1024 * 1024,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxRows: 250_000,
  maxColumns: 60,
  maxCells: 2_500_000,
  workerHeapMb: 1536,
  timeoutMs: 120_000,
};

// ---------------------------------------------------------------- results

export type { ActualsPreview, UnmatchedCode } from '../../shared/actuals-import';
import type { ActualsPreview, UnmatchedCode } from '../../shared/actuals-import';

export type ActualsImportResult =
  | { readonly ok: true; readonly plan: Plan; readonly preview: ActualsPreview }
  | {
      readonly ok: false;
      readonly errors: string[];
      readonly unmatched: readonly UnmatchedCode[];
      /** The header as recognised, when one was found. */
      readonly header?: ActualsHeader;
    };

export interface ActualsOptions {
  /** The last actual month ("YYYY-MM"); by default the latest month the extract covers. */
  readonly asAt?: string;
  /** Codes to read as an intervention's (code → intervention id); each is added to its ledgerCodes. */
  readonly mapping?: Readonly<Record<string, string>>;
  readonly limits?: Partial<Limits>;
}

// ---------------------------------------------------------------- the whole extract

export interface InterpretActualsOptions {
  readonly file: string;
  readonly format: 'xlsx' | 'csv';
  readonly asAt?: string;
  readonly mapping?: Readonly<Record<string, string>>;
  readonly maxErrors?: number;
}

/** The cells of an extract applied to a plan: pure, so it is tested without files or workers. */
export function interpretActuals(sheets: readonly RawSheet[], plan: Plan, options: InterpretActualsOptions): ActualsImportResult {
  const errors: string[] = [];
  const H0 = parseMonth(plan.horizon.start);
  const HN = H0 + plan.horizon.months - 1;
  const horizonText = `${monthName(H0)} to ${monthName(HN)}`;
  const refuse = (list: string[], header?: ActualsHeader): ActualsImportResult => ({ ok: false, errors: list, unmatched: [], header });

  // The options first: a mistake there is the caller's, not the file's.
  let asAt: MonthIndex | undefined;
  if (options.asAt !== undefined) {
    if (!isMonth(options.asAt)) return refuse([`the as-at month "${options.asAt}" is not a month like 2021-09`]);
    asAt = parseMonth(options.asAt);
    if (asAt < H0 || asAt > HN) return refuse([`the as-at month ${monthName(asAt)} is outside the plan's horizon (${horizonText})`]);
  }
  const mapped = new Map<number, string[]>();
  const index = new Map(plan.interventions.map((item, i) => [item.id, i]));
  for (const [code, id] of Object.entries(options.mapping ?? {})) {
    const i = index.get(id);
    if (code.trim() === '') errors.push(`a mapping to "${id}" has an empty code`);
    else if (i === undefined) errors.push(`the code '${code.trim()}' is mapped to "${id}", which is not an intervention of the plan`);
    else {
      const owner = plan.interventions.find((item, j) => j !== i && item.ledgerCodes?.some((c) => codeKey(c) === codeKey(code)));
      if (owner)
        errors.push(
          `the code '${code.trim()}' is mapped to "${id}" but is already a ledger code of "${owner.id}"; keep it under one of them`,
        );
      else mapped.set(i, [...(mapped.get(i) ?? []), code.trim()]);
    }
  }
  if (errors.length) return refuse(errors);
  const lookup = codeLookup(plan, mapped);

  let header: Header | null = null;
  const ignoredSheets: string[] = [];
  for (const sheet of sheets) {
    const found: Header | null = header ? null : findHeader(sheet);
    if (found) header = found;
    else ignoredSheets.push(sheet.name);
  }
  if (!header) {
    return refuse([
      `${options.file}: no sheet has the columns an extract needs in its first ${HEADER_SEARCH_ROWS} rows: a code (such as Cost centre), a period (such as Period or Date) and an amount (such as Amount, or Debit and Credit)`,
    ]);
  }
  const sheet = sheets.find((s) => s.name === header.sheet)!;
  const dataRows = sheet.rows.filter((r) => r.row > header.row);
  const codeCol = chooseCodeColumn(header, dataRows, lookup);
  const roles = new Map(header.roles).set('code', codeCol);
  const columns = header.columns.map((c) => ({
    ...c,
    role: c.column === columnLetter(codeCol) ? ('code' as const) : c.role === 'code' ? null : c.role,
  }));
  const shownHeader: ActualsHeader = { sheet: header.sheet, headerRow: header.row, columns };
  const at = (row: number, role: ActualsRole) => place(sheet.name, row, roles.get(role)!);

  const skipped = new Map<string, number[]>();
  const skip = (reason: string, row: number) => {
    const rows = skipped.get(reason);
    if (rows) rows.push(row);
    else skipped.set(reason, [row]);
  };
  const sums: ActualsSums = new Map();
  const matchedRows = plan.interventions.map(() => 0);
  const unmatched = new Map<string, { code: string; rows: number[]; total: Pence }>();
  const ambiguous = new Set<string>();
  const rounded: number[] = [];
  const adjustments: number[] = [];
  let rowsRead = 0;
  let rowsMatched = 0;
  let previous = header.row;

  for (const raw of dataRows) {
    for (let blank = previous + 1; blank < raw.row; blank++) skip('blank', blank);
    previous = raw.row;
    rowsRead++;
    const cells = new Map(raw.cells.map((c) => [c.col, c]));
    const get = (role: ActualsRole) => (roles.has(role) ? cells.get(roles.get(role)!) : undefined);
    const codeCell = get('code');
    const code = codeCell ? cellText(codeCell).trim() : '';
    const texts = raw.cells.filter((c) => c.type === 'text').map((c) => c.value);
    if (code !== '' && code === header.texts.get(codeCol)) {
      skip('a repeated header row', raw.row);
      continue;
    }
    if (/^(grand\s+|sub[\s-]?)?totals?\b/i.test(code) || (code === '' && texts.some(isTotalText))) {
      skip('a totals row', raw.row);
      continue;
    }
    if (code === '' && isEmpty(get('period'))) {
      skip(
        isEmpty(get('amount')) && isEmpty(get('debit')) && isEmpty(get('credit'))
          ? 'no code, period or amount'
          : 'a subtotal (an amount without a code or period)',
        raw.row,
      );
      continue;
    }
    const rowErrors: string[] = [];
    if (codeCell && unreadable(codeCell)) rowErrors.push(`${at(raw.row, 'code')}: ${unreadable(codeCell)}`);
    else if (code === '') rowErrors.push(`${at(raw.row, 'code')}: the code is empty`);

    // The period, with the row's financial year when the extract gives it in a column of its own.
    let month: MonthIndex | undefined;
    const periodCell = get('period');
    const fyCell = get('fy');
    let fy: string | undefined;
    if (fyCell && !isEmpty(fyCell)) {
      const read = readFy(cellText(fyCell));
      if (read.ok) fy = read.value;
    }
    if (!periodCell || isEmpty(periodCell)) rowErrors.push(`${at(raw.row, 'period')}: the period is empty`);
    else if (unreadable(periodCell)) rowErrors.push(`${at(raw.row, 'period')}: ${unreadable(periodCell)}`);
    else if (periodCell.type === 'date') {
      if (periodCell.value) month = parseMonth(periodCell.value.slice(0, 7));
      else rowErrors.push(`${at(raw.row, 'period')}: ${shown(periodCell)} is not a date`);
    } else {
      const read = readPeriod(cellText(periodCell), fy);
      if (!read.ok) rowErrors.push(`${at(raw.row, 'period')}: ${read.message}`);
      else {
        month = parseMonth(read.value.month);
        if (read.value.adjustment) adjustments.push(raw.row);
      }
    }
    if (month !== undefined) {
      const where = `${at(raw.row, 'period')}: ${monthName(month)}`;
      if (month < H0 || month > HN) rowErrors.push(`${where} is outside the plan's horizon (${horizonText})`);
      else if (asAt !== undefined && month > asAt) rowErrors.push(`${where} is after the as-at month ${monthName(asAt)}`);
    }

    // The amount, or the debit less the credit.
    let pence: Pence | undefined;
    const readAmount = (role: ActualsRole, emptyIsZero: boolean): Pence | undefined => {
      const cell = get(role);
      if (!cell || isEmpty(cell)) {
        if (emptyIsZero) return 0;
        rowErrors.push(`${at(raw.row, role)}: the amount is empty`);
        return undefined;
      }
      const bad = unreadable(cell);
      const read = bad ? null : readActualAmount(cellText(cell));
      if (!read || !read.ok) {
        rowErrors.push(`${at(raw.row, role)}: ${bad ?? (read as { message: string }).message}`);
        return undefined;
      }
      if (read.value.rounded) rounded.push(raw.row);
      return read.value.pence;
    };
    if (roles.has('amount')) pence = readAmount('amount', false);
    else if (isEmpty(get('debit')) && isEmpty(get('credit')))
      rowErrors.push(`${at(raw.row, 'debit')}: the debit and the credit are both empty`);
    else {
      const debit = readAmount('debit', true);
      const credit = readAmount('credit', true);
      if (debit !== undefined && credit !== undefined) pence = debit - credit;
    }

    const owners = code === '' ? undefined : lookup.get(codeKey(code));
    if (code !== '' && !owners) {
      const entry = unmatched.get(codeKey(code)) ?? { code, rows: [], total: 0 };
      entry.rows.push(raw.row);
      entry.total += pence ?? 0;
      unmatched.set(codeKey(code), entry);
    } else if (owners && owners.length > 1 && !ambiguous.has(codeKey(code))) {
      ambiguous.add(codeKey(code));
      const names = owners.map((i) => `"${plan.interventions[i].id}"`).join(' and ');
      rowErrors.push(`${at(raw.row, 'code')}: the code '${code}' is a ledger code of both ${names}; keep it under one of them`);
    }
    if (rowErrors.length) {
      errors.push(...rowErrors);
      continue;
    }
    if (!owners || owners.length > 1 || month === undefined || pence === undefined) continue;
    const i = owners[0];
    const byMonth = sums.get(i) ?? new Map<MonthIndex, Pence>();
    byMonth.set(month, (byMonth.get(month) ?? 0) + pence);
    sums.set(i, byMonth);
    matchedRows[i]++;
    rowsMatched++;
  }

  for (const { code, rows } of unmatched.values()) {
    const more = rows.length > 1 ? ` (and ${rows.length - 1} more row${rows.length === 2 ? '' : 's'})` : '';
    errors.push(
      `${place(sheet.name, rows[0], codeCol)}: the code '${code}'${more} is not a ledger code or id of any intervention; map it to one, or add it to that intervention's ledger codes`,
    );
  }
  if (errors.length === 0 && rowsMatched === 0)
    errors.push(`${options.file}: Sheet '${sheet.name}' has no postings below its header (row ${header.row})`);
  if (errors.length > 0) {
    const max = options.maxErrors ?? IMPORT_LIMITS.maxErrors;
    const extra = errors.length - max;
    return {
      ok: false,
      errors: extra > 0 ? [...errors.slice(0, max), `… and ${extra.toLocaleString('en-GB')} more`] : errors,
      unmatched: [...unmatched.values()],
      header: shownHeader,
    };
  }

  const notes = [...header.notes];
  const rowList = (rows: readonly number[]) =>
    `row${rows.length === 1 ? '' : 's'} ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ` and ${rows.length - 5} more` : ''}`;
  if (adjustments.length) notes.push(`Postings in year-end adjustment periods 13 and 14 were counted in March (${rowList(adjustments)}).`);
  if (rounded.length) notes.push(`Amounts with more than 2 decimals were rounded to the penny, half to even (${rowList(rounded)}).`);

  const applied = applyActuals(plan, sums, { asAt, mapped });
  if (!applied.ok) return { ok: false, errors: applied.errors, unmatched: [], header: shownHeader };
  return {
    ok: true,
    plan: applied.plan,
    preview: {
      file: options.file,
      format: options.format,
      ...shownHeader,
      ignoredSheets,
      rowsRead,
      rowsMatched,
      skipped: [...skipped].map(([reason, rows]) => ({ reason, rows })),
      interventions: [...sums.keys()]
        .sort((a, b) => a - b)
        .map((i) => {
          const months = [...sums.get(i)!.keys()].sort((a, b) => a - b);
          return {
            id: plan.interventions[i].id,
            name: plan.interventions[i].name,
            rows: matchedRows[i],
            months: months.map(formatMonth),
            total: months.reduce((sum, m) => sum + sums.get(i)!.get(m)!, 0),
          };
        }),
      monthsReplaced: applied.monthsReplaced.map(formatMonth),
      asAtBefore: plan.actuals?.asAt ?? null,
      asAtAfter: applied.plan.actuals!.asAt,
      ledgerCodesAdded: applied.ledgerCodesAdded,
      notes,
    },
  };
}

// ---------------------------------------------------------------- from a file

/** Reads an extract file and applies it to the plan; every check happens before anything is returned. */
export async function importActuals(path: string, plan: Plan, options: ActualsOptions = {}): Promise<ActualsImportResult> {
  const limits: Limits = { ...ACTUALS_LIMITS, ...options.limits };
  const read = readFileChecked(path, limits, 'extracts');
  if (!read.ok) return { ...read, unmatched: [] };
  return importActualsBytes(read.bytes, read.file, plan, { ...options, limits });
}

export async function importActualsBytes(
  bytes: Uint8Array,
  file: string,
  plan: Plan,
  options: ActualsOptions = {},
): Promise<ActualsImportResult> {
  const limits: Limits = { ...ACTUALS_LIMITS, ...options.limits };
  const read = await readSheets(bytes, file, limits, { what: 'extracts' });
  if (!read.ok) return { ...read, unmatched: [] };
  return interpretActuals(read.sheets, plan, {
    file,
    format: read.format,
    asAt: options.asAt,
    mapping: options.mapping,
    maxErrors: limits.maxErrors,
  });
}

/** "£1,234.56 in 3 rows", for summaries. */
export function unmatchedText(entry: UnmatchedCode): string {
  return `'${entry.code}': ${entry.rows.length.toLocaleString('en-GB')} row${entry.rows.length === 1 ? '' : 's'}, ${formatMoney(entry.total)}`;
}
