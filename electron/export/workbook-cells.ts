// The workbook's building blocks: title rows, header rows, cells of pounds, counts and text
// (every text through safeText: reliability.md, safe exports), widths and frozen panes.
import type { Workbook, Worksheet } from 'exceljs';
import { scenarioColumnNames, type Comparison, type ComparisonRow } from '../../shared/compare';
import { safeText } from '../../shared/csv';
import { calendarDateText } from '../../shared/format';
import type { SimulationResult } from '../../shared/engine';

/** What the comparison sheets are made from: a ScenarioSet of one plan, or a comparison against a snapshot. */
export interface ComparedSet {
  readonly plan: { readonly name: string };
  readonly comparison: Comparison;
  /** The compared scenarios' results, in the comparison's order. */
  readonly results: readonly SimulationResult[];
}

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
export const COUNT_FORMAT = '#,##0';
const SIGNED_COUNT_FORMAT = '+#,##0;-#,##0;0';
export const SHARE_FORMAT = '0.00%';
export const SIGNED_SHARE_FORMAT = '+0.00%;-0.00%;0.00%';

/** Rows above each sheet's table: plan, scenarios, date, blank. The table's header follows. */
export const TITLE_ROWS = 4;

export type CellValue = string | number | null;

export function text(value: string): string {
  return safeText(value);
}

export function addTitle(sheet: Worksheet, plan: ComparedSet['plan'], comparison: Comparison, date: Date, title: string) {
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
export function measureValue(kind: ComparisonRow['kind'], value: number | null): CellValue {
  if (value === null) return null;
  if (kind === 'money') return poundsCell(value);
  if (kind === 'flag') return value ? 'yes' : 'no';
  return value;
}

export function differenceValue(kind: ComparisonRow['kind'], value: number | null): CellValue {
  if (value === null) return null;
  if (kind === 'flag') return value === 0 ? 'same' : 'differs';
  return measureValue(kind, value);
}

export function formatFor(kind: ComparisonRow['kind'], signed: boolean): string | undefined {
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
export function writeMeasureRow(sheet: Worksheet, rowNumber: number, labels: readonly string[], row: ComparisonRow) {
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

/** The scenarios by name (plan-format.md §8: headers are names, not ids), then each one's difference from the first. */
export function scenarioHeaders(comparison: Comparison): string[] {
  const names = scenarioColumnNames(comparison.scenarios);
  return [...names, ...names.slice(1).map((name) => `${name} − ${names[0]}`)];
}

export function widths(sheet: Worksheet, values: readonly number[]) {
  values.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
}

/** A sheet with the plan's title rows, then a header row of `titles` 32 high; `header` is that row's number. */
export function titledSheet(
  book: Workbook,
  set: ComparedSet,
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
