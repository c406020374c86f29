// The comparison of plan-format.md §8 as an Excel workbook, for the treasurer's spreadsheets:
// Summary, Years, Interventions and Monthly sheets of real numeric cells. Money is pounds
// (pence / 100, exact) under a £ format; every text cell goes through safeText so that no
// spreadsheet runs a plan-provided name as a formula (reliability.md: safe exports; CWE-1236).
import type { Workbook, Worksheet } from 'exceljs';
import type { Comparison, ComparisonRow } from '../../shared/compare';
import { safeText } from '../../shared/csv';
import { calendarDateText, fyText, monthCode } from '../../shared/format';
import { fyOfMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { simulateScenarios, type ScenarioSet } from '../../shared/scenario-set';
import { outcomeCode } from '../../shared/words';

export interface ExportOptions {
  /** The date printed on the export; today when omitted. */
  readonly date?: Date;
}

/** "4 May 2026": the export's date as a person writes it (local calendar date). */
export const exportDateText = calendarDateText;

/** Pence as a spreadsheet's pounds: the double nearest pence / 100, whose shortest text is exact. */
export const poundsCell = (pence: number) => pence / 100;

export const MONEY_FORMAT = '£#,##0.00';
export const SIGNED_MONEY_FORMAT = '+£#,##0.00;-£#,##0.00;£0.00';
const COUNT_FORMAT = '#,##0';
const SIGNED_COUNT_FORMAT = '+#,##0;-#,##0;0';
export const SHARE_FORMAT = '0.00%';
export const SIGNED_SHARE_FORMAT = '+0.00%;-0.00%;0.00%';

/** Rows above each sheet's table: plan, scenarios, date, blank. The table's header follows. */
export const TITLE_ROWS = 4;

type CellValue = string | number | null;

function text(value: string): string {
  return safeText(value);
}

function addTitle(sheet: Worksheet, plan: Plan, comparison: Comparison, date: Date, title: string) {
  sheet.getCell('A1').value = text(plan.name);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = text(`${title}: ${comparison.scenarios.map((s) => `${s.name} [${s.id}, ${s.stance}]`).join(' against ')}`);
  sheet.getCell('A3').value = text(`Produced by Headroom on ${exportDateText(date)}. Money in pounds, exact to the penny.`);
  sheet.getCell('A2').font = { size: 11 };
  sheet.getCell('A3').font = { italic: true, size: 10, color: { argb: 'FF555555' } };
}

export function addHeader(sheet: Worksheet, rowNumber: number, titles: readonly string[]) {
  const row = sheet.getRow(rowNumber);
  titles.forEach((title, i) => {
    const cell = row.getCell(i + 1);
    cell.value = text(title);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF2' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8899AA' } } };
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: i === 0 ? 'left' : 'center' };
  });
}

export function freeze(sheet: Worksheet, headerRows: number, columns: number) {
  sheet.views = [
    {
      state: 'frozen',
      xSplit: columns,
      ySplit: TITLE_ROWS + headerRows,
      topLeftCell: `${columnLetter(columns + 1)}${TITLE_ROWS + headerRows + 1}`,
      activeCell: 'A1',
    },
  ];
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A measure's cell: money as pounds, counts and shares as numbers, flags as yes/no text. */
function measureValue(kind: ComparisonRow['kind'], value: number | null): CellValue {
  if (value === null) return null;
  if (kind === 'money') return poundsCell(value);
  if (kind === 'flag') return value ? 'yes' : 'no';
  return value;
}

function differenceValue(kind: ComparisonRow['kind'], value: number | null): CellValue {
  if (value === null) return null;
  if (kind === 'flag') return value === 0 ? 'same' : 'differs';
  return measureValue(kind, value);
}

function formatFor(kind: ComparisonRow['kind'], signed: boolean): string | undefined {
  if (kind === 'money') return signed ? SIGNED_MONEY_FORMAT : MONEY_FORMAT;
  if (kind === 'count') return signed ? SIGNED_COUNT_FORMAT : COUNT_FORMAT;
  if (kind === 'share') return signed ? SIGNED_SHARE_FORMAT : SHARE_FORMAT;
  return undefined;
}

export function setCell(sheet: Worksheet, row: number, col: number, value: CellValue, numFmt?: string) {
  const cell = sheet.getRow(row).getCell(col);
  cell.value = typeof value === 'string' ? text(value) : value;
  if (typeof value === 'number' && numFmt) cell.numFmt = numFmt;
}

/** One comparison row: label cells, the scenarios' values, then differences from the first. */
function writeMeasureRow(sheet: Worksheet, rowNumber: number, labels: readonly string[], row: ComparisonRow) {
  labels.forEach((label, i) => setCell(sheet, rowNumber, i + 1, label));
  const first = labels.length + 1;
  row.values.forEach((v, i) => setCell(sheet, rowNumber, first + i, measureValue(row.kind, v), formatFor(row.kind, false)));
  row.differences
    .slice(1)
    .forEach((d, i) => setCell(sheet, rowNumber, first + row.values.length + i, differenceValue(row.kind, d), formatFor(row.kind, true)));
  // Flags are words among numbers: line them up with the figures.
  if (row.kind === 'flag')
    for (let c = first; c < first + row.values.length * 2 - 1; c++) sheet.getRow(rowNumber).getCell(c).alignment = { horizontal: 'right' };
}

function scenarioHeaders(comparison: Comparison): string[] {
  const ids = comparison.scenarios.map((s) => s.id);
  return [...comparison.scenarios.map((s) => `${s.name} [${s.id}]`), ...ids.slice(1).map((id) => `${id} − ${ids[0]}`)];
}

export function widths(sheet: Worksheet, values: readonly number[]) {
  values.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** A sheet with the plan's title rows, then a header row of `titles` 32 high; `header` is that row's number. */
function titledSheet(
  book: Workbook,
  set: ScenarioSet,
  date: Date,
  name: string,
  title: string,
  titles: readonly string[],
  options?: Parameters<Workbook['addWorksheet']>[1],
) {
  const sheet = book.addWorksheet(name, options);
  addTitle(sheet, set.plan, set.comparison, date, title);
  const header = TITLE_ROWS + 1;
  addHeader(sheet, header, titles);
  sheet.getRow(header).height = 32;
  return { sheet, header };
}

function summarySheet(book: Workbook, set: ScenarioSet, date: Date) {
  const { comparison } = set;
  const { sheet, header } = titledSheet(book, set, date, 'Summary', 'Comparison', ['Measure', ...scenarioHeaders(comparison)], {
    properties: { tabColor: { argb: 'FF1F3A5F' } },
  });
  comparison.totals.forEach((row, i) => writeMeasureRow(sheet, header + 1 + i, [row.label], row));
  const n = comparison.scenarios.length;
  widths(sheet, [40, ...Array(n * 2 - 1).fill(22)]);
  freeze(sheet, 1, 1);
}

function yearsSheet(book: Workbook, set: ScenarioSet, date: Date) {
  const { comparison } = set;
  const { sheet, header } = titledSheet(book, set, date, 'Years', 'Each financial year', ['FY', 'Measure', ...scenarioHeaders(comparison)]);
  let r = header + 1;
  for (const year of comparison.years) for (const row of year.rows) writeMeasureRow(sheet, r++, [year.label, row.label], row);
  const n = comparison.scenarios.length;
  widths(sheet, [10, 34, ...Array(n * 2 - 1).fill(22)]);
  sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: r - 1, column: 2 + n * 2 - 1 } };
  freeze(sheet, 1, 2);
}

function interventionsSheet(book: Workbook, set: ScenarioSet, date: Date) {
  const { comparison } = set;
  const { sheet, header } = titledSheet(book, set, date, 'Interventions', 'Outcome of each intervention (those that differ first)', [
    'Intervention',
    'Id',
    ...comparison.scenarios.map((s) => `${s.name} [${s.id}]`),
    'Differs',
  ]);
  comparison.interventions.forEach((row, i) => {
    const r = header + 1 + i;
    setCell(sheet, r, 1, row.name);
    setCell(sheet, r, 2, row.id);
    row.outcomes.forEach((o, j) => setCell(sheet, r, 3 + j, outcomeCode(o)));
    setCell(sheet, r, 3 + row.outcomes.length, row.differs ? 'yes' : 'no');
  });
  widths(sheet, [46, 24, ...comparison.scenarios.map(() => 24), 10]);
  freeze(sheet, 1, 1);
}

function monthlySheet(book: Workbook, set: ScenarioSet, date: Date) {
  const { results } = set;
  const measures = ['Funding', 'Spend', 'Paid by partners'];
  // Two header rows: the scenario over its three columns, then the measures.
  const { sheet, header: top } = titledSheet(book, set, date, 'Monthly', 'Each month', [
    'Month',
    'FY',
    ...results.flatMap((r) => measures.map(() => `${r.name} [${r.id}]`)),
  ]);
  addHeader(sheet, top + 1, ['', '', ...results.flatMap(() => measures)]);
  results.forEach((_, i) => sheet.mergeCells(top, 3 + i * 3, top, 5 + i * 3));
  sheet.mergeCells(top, 1, top + 1, 1);
  sheet.mergeCells(top, 2, top + 1, 2);
  results[0].months.forEach((m, mi) => {
    const r = top + 2 + mi;
    setCell(sheet, r, 1, monthCode(m.month));
    setCell(sheet, r, 2, fyText(fyOfMonth(m.month)));
    results.forEach((result, i) => {
      const month = result.months[mi];
      setCell(sheet, r, 3 + i * 3, poundsCell(month.funding), MONEY_FORMAT);
      setCell(sheet, r, 4 + i * 3, poundsCell(month.spend), MONEY_FORMAT);
      setCell(sheet, r, 5 + i * 3, poundsCell(month.partner), MONEY_FORMAT);
    });
  });
  widths(sheet, [10, 10, ...results.flatMap(() => [16, 16, 16])]);
  freeze(sheet, 2, 2);
}

/** The comparison of `scenarioIds` as an .xlsx file's bytes. */
export async function comparisonWorkbook(plan: Plan, scenarioIds: readonly string[], opts: ExportOptions = {}): Promise<Buffer> {
  const set = simulateScenarios(plan, scenarioIds);
  return workbookFromSet(set, opts);
}

export async function workbookFromSet(set: ScenarioSet, opts: ExportOptions = {}): Promise<Buffer> {
  // Loaded on first use: the app and the CLI start without parsing exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const date = opts.date ?? new Date();
  const book = new ExcelJS.Workbook();
  book.creator = 'Headroom';
  book.title = safeText(set.plan.name);
  book.created = date;
  book.modified = date;
  summarySheet(book, set, date);
  yearsSheet(book, set, date);
  interventionsSheet(book, set, date);
  monthlySheet(book, set, date);
  return Buffer.from(await book.xlsx.writeBuffer());
}
