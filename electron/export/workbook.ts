// The comparison of plan-format.md §8 as an Excel workbook, for the treasurer's spreadsheets:
// Summary, Years, Interventions (per service and scenario), Decisions and Monthly sheets of real numeric cells. Money is pounds
// (pence / 100, exact) under a £ format; every text cell goes through safeText so that no
// spreadsheet runs a plan-provided name as a formula (reliability.md: safe exports; CWE-1236).
import type { Workbook } from 'exceljs';
import { scenarioColumnNames } from '../../shared/compare';
import { safeText } from '../../shared/csv';
import { fyText, monthCode } from '../../shared/format';
import { fyOfMonth } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { simulateScenarios, type ScenarioSet } from '../../shared/scenario-set';
import {
  addHeader,
  type ComparedSet,
  freeze,
  MONEY_FORMAT,
  poundsCell,
  setCell,
  titledSheet,
  widths,
  writeMeasureRow,
  scenarioHeaders,
  type ExportOptions,
} from './workbook-cells';
import { decisionsSheet, interventionsSheet } from './workbook-services';

export { columnLetter, exportDateText, MONEY_FORMAT, poundsCell, type ComparedSet, type ExportOptions } from './workbook-cells';

function summarySheet(book: Workbook, set: ComparedSet, date: Date) {
  const { comparison } = set;
  const { sheet, header } = titledSheet(book, set, date, 'Summary', 'Comparison', ['Measure', ...scenarioHeaders(comparison)], {
    properties: { tabColor: { argb: 'FF1F3A5F' } },
  });
  comparison.totals.forEach((row, i) => writeMeasureRow(sheet, header + 1 + i, [row.label], row));
  const n = comparison.scenarios.length;
  widths(sheet, [40, ...Array(n * 2 - 1).fill(22)]);
  freeze(sheet, 1, 1);
}

function yearsSheet(book: Workbook, set: ComparedSet, date: Date) {
  const { comparison } = set;
  const { sheet, header } = titledSheet(book, set, date, 'Years', 'Each financial year', ['FY', 'Measure', ...scenarioHeaders(comparison)]);
  let r = header + 1;
  for (const year of comparison.years) for (const row of year.rows) writeMeasureRow(sheet, r++, [year.label, row.label], row);
  const n = comparison.scenarios.length;
  widths(sheet, [10, 34, ...Array(n * 2 - 1).fill(22)]);
  sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: r - 1, column: 2 + n * 2 - 1 } };
  freeze(sheet, 1, 2);
}

function monthlySheet(book: Workbook, set: ComparedSet, date: Date) {
  const { results } = set;
  const measures = ['Funding', 'Spend', 'Paid by partners'];
  // Two header rows: the scenario over its three columns, then the measures.
  const { sheet, header: top } = titledSheet(book, set, date, 'Monthly', 'Each month', [
    'Month',
    'FY',
    ...scenarioColumnNames(set.comparison.scenarios).flatMap((name) => measures.map(() => name)),
  ]);
  addHeader(sheet, top + 1, ['', '', ...results.flatMap(() => measures)]);
  results.forEach((_, i) => sheet.mergeCells(top, 3 + i * 3, top, 5 + i * 3));
  sheet.mergeCells(top, 1, top + 1, 1);
  sheet.mergeCells(top, 2, top + 1, 2);
  // Months lined up by month: results of one plan share them; a snapshot's horizon may differ.
  const byMonth = results.map((result) => new Map(result.months.map((m) => [m.month, m])));
  const months = [...new Set(results.flatMap((result) => result.months.map((m) => m.month)))].sort((a, b) => a - b);
  months.forEach((m, mi) => {
    const r = top + 2 + mi;
    setCell(sheet, r, 1, monthCode(m));
    setCell(sheet, r, 2, fyText(fyOfMonth(m)));
    byMonth.forEach((found, i) => {
      const month = found.get(m);
      if (!month) return;
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
  return comparedWorkbook(set, opts);
}

/**
 * The comparison sheets (Summary, Years, Interventions, Decisions, Monthly) as an .xlsx file's
 * bytes; `afterSummary` adds sheets of its own after the Summary.
 */
export async function comparedWorkbook(
  set: ComparedSet,
  opts: ExportOptions = {},
  afterSummary?: (book: Workbook, date: Date) => void,
): Promise<Buffer> {
  // Loaded on first use: the app and the CLI start without parsing exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const date = opts.date ?? new Date();
  const book = new ExcelJS.Workbook();
  book.creator = 'Headroom';
  book.title = safeText(set.plan.name);
  book.created = date;
  book.modified = date;
  summarySheet(book, set, date);
  afterSummary?.(book, date);
  yearsSheet(book, set, date);
  interventionsSheet(book, set, date);
  decisionsSheet(book, set, date);
  monthlySheet(book, set, date);
  return Buffer.from(await book.xlsx.writeBuffer());
}
