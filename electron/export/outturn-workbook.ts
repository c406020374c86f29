// The forecast outturn report (shared/outturn.ts, plan-format.md §10) as an Excel workbook:
// Outturn, By system, By category and Funding sheets of real numeric cells, each titled with
// where its budget comes from. Money is pounds
// (pence / 100, exact) under £ formats; every text cell goes through safeText so that no
// spreadsheet runs a plan-provided name as a formula (CWE-1236), as in workbook.ts.
import type { Workbook, Worksheet } from 'exceljs';
import { safeText } from '../../shared/csv';
import { fyText } from '../../shared/format';
import {
  actualsBasis,
  budgetSourceLine,
  conditionSentence,
  lapseSentence,
  type OutturnFigures,
  type OutturnGroup,
  type OutturnReport,
  varianceWords,
} from '../../shared/outturn';
import {
  addHeader,
  exportDateText,
  type ExportOptions,
  freeze,
  MONEY_FORMAT,
  poundsCell,
  setCell,
  SHARE_FORMAT,
  SIGNED_MONEY_FORMAT,
  SIGNED_SHARE_FORMAT,
  TITLE_ROWS,
  widths,
} from './workbook-cells';

export const OUTTURN_SHEETS = ['Outturn', 'By system', 'By category', 'Funding'] as const;

const FIGURE_TITLES = ['Budget', 'Actual to date', 'Forecast', 'Outturn', 'Variance £', 'Variance %', 'Under/overspend'];
const FIGURE_WIDTHS = [16, 16, 16, 16, 15, 12, 28];

function addTitle(sheet: Worksheet, report: OutturnReport, date: Date, title: string) {
  sheet.getCell('A1').value = safeText(report.plan);
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = safeText(`${title}, ${fyText(report.fy)}: ${report.scenario.name} [${report.scenario.id}]`);
  sheet.getCell('A3').value = safeText(
    `${actualsBasis(report)}. Produced by Headroom on ${exportDateText(date)}. Money in pounds, exact to the penny.`,
  );
  sheet.getCell('A3').font = { italic: true, size: 10, color: { argb: 'FF555555' } };
  // Where the budget comes from, in the row above the table.
  sheet.getCell('A4').value = safeText(budgetSourceLine(report));
  sheet.getCell('A4').font = { size: 10 };
}

/** A sheet with the report's title rows, then a header row of `titles`; `header` is that row's number. */
function titledSheet(book: Workbook, report: OutturnReport, date: Date, name: string, title: string, titles: readonly string[]) {
  const sheet = book.addWorksheet(name);
  addTitle(sheet, report, date, title);
  const header = TITLE_ROWS + 1;
  addHeader(sheet, header, titles);
  sheet.getRow(header).height = 32;
  return { sheet, header };
}

/** Budget, actual, forecast, outturn, variance (£ and %) and the variance named, from column `first`. */
function writeFigures(sheet: Worksheet, row: number, first: number, f: OutturnFigures) {
  [f.budget, f.actual, f.forecast, f.outturn].forEach((pence, i) => setCell(sheet, row, first + i, poundsCell(pence), MONEY_FORMAT));
  setCell(sheet, row, first + 4, poundsCell(f.variance), SIGNED_MONEY_FORMAT);
  setCell(sheet, row, first + 5, f.varianceShare, SIGNED_SHARE_FORMAT);
  setCell(sheet, row, first + 6, varianceWords(f.variance));
}

function totalRow(sheet: Worksheet, row: number, columns: number) {
  for (let c = 1; c <= columns; c++) {
    const cell = sheet.getRow(row).getCell(c);
    cell.font = { bold: true };
    cell.border = { top: { style: 'thin', color: { argb: 'FF8899AA' } } };
  }
}

function outturnSheet(book: Workbook, report: OutturnReport, date: Date) {
  const titles = ['System', 'Category', 'Service', ...FIGURE_TITLES, 'Commentary'];
  const { sheet, header } = titledSheet(book, report, date, 'Outturn', 'Forecast outturn', titles);
  report.lines.forEach((line, i) => {
    const r = header + 1 + i;
    setCell(sheet, r, 1, line.system ?? '');
    setCell(sheet, r, 2, line.category === 'commissioned' ? 'Commissioned' : 'Central');
    setCell(sheet, r, 3, line.name);
    writeFigures(sheet, r, 4, line);
    setCell(sheet, r, 11, line.commentary ?? '');
    sheet.getRow(r).getCell(11).alignment = { wrapText: true, vertical: 'top' };
  });
  const total = header + 1 + report.lines.length;
  setCell(sheet, total, 1, 'Total');
  writeFigures(sheet, total, 4, report.totals);
  totalRow(sheet, total, titles.length);
  widths(sheet, [18, 14, 36, ...FIGURE_WIDTHS, 60]);
  if (report.lines.length) sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: total - 1, column: titles.length } };
  freeze(sheet, 1, 3);
}

function groupSheet(book: Workbook, report: OutturnReport, date: Date, name: string, label: string, groups: readonly OutturnGroup[]) {
  const { sheet, header } = titledSheet(book, report, date, name, `Forecast outturn ${name.toLowerCase()}`, [label, ...FIGURE_TITLES]);
  groups.forEach((group, i) => {
    setCell(sheet, header + 1 + i, 1, group.label);
    writeFigures(sheet, header + 1 + i, 2, group);
  });
  const total = header + 1 + groups.length;
  setCell(sheet, total, 1, 'Total');
  writeFigures(sheet, total, 2, report.totals);
  totalRow(sheet, total, 1 + FIGURE_TITLES.length);
  widths(sheet, [30, ...FIGURE_WIDTHS]);
  freeze(sheet, 1, 1);
}

function fundingSheet(book: Workbook, report: OutturnReport, date: Date) {
  const { sheet, header } = titledSheet(book, report, date, 'Funding', 'Funding against outturn', ['Measure', 'At budget', 'At outturn']);
  const money: [string, number, number][] = [
    ['Funding', report.funding, report.funding],
    ['Spend', report.totals.budget, report.totals.outturn],
    [`Drawn from ${report.underwriter}`, report.budgetDrawn, report.drawn],
    [`Underspend (lapses at 31 March ${report.fy + 1})`, report.budgetUnderspend, report.underspend],
  ];
  money.forEach(([label, budget, outturn], i) => {
    setCell(sheet, header + 1 + i, 1, label);
    setCell(sheet, header + 1 + i, 2, poundsCell(budget), MONEY_FORMAT);
    setCell(sheet, header + 1 + i, 3, poundsCell(outturn), MONEY_FORMAT);
  });
  let r = header + money.length + 2;
  setCell(sheet, r, 1, 'Grant condition, at outturn');
  sheet.getRow(r++).getCell(1).font = { bold: true };
  setCell(sheet, r, 1, 'Commissioned share');
  setCell(sheet, r++, 3, report.commissionedShare, SHARE_FORMAT);
  setCell(sheet, r, 1, 'Required share');
  setCell(sheet, r++, 3, report.requiredShare, SHARE_FORMAT);
  setCell(sheet, r, 1, 'Compliant');
  setCell(sheet, r, 3, report.requiredShare === null ? 'no condition' : report.compliant ? 'yes' : 'no');
  sheet.getRow(r++).getCell(3).alignment = { horizontal: 'right' };
  r++;
  for (const sentence of [lapseSentence(report), conditionSentence(report)]) setCell(sheet, r++, 1, sentence);
  widths(sheet, [44, 18, 18]);
  freeze(sheet, 1, 1);
}

/** The report as an .xlsx file's bytes. */
export async function outturnWorkbook(report: OutturnReport, opts: ExportOptions = {}): Promise<Buffer> {
  // Loaded on first use: the app and the CLI start without parsing exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const date = opts.date ?? new Date();
  const book = new ExcelJS.Workbook();
  book.creator = 'Headroom';
  book.title = safeText(`${report.plan}: forecast outturn ${fyText(report.fy)}`);
  book.created = date;
  book.modified = date;
  outturnSheet(book, report, date);
  groupSheet(book, report, date, 'By system', 'System', report.bySystem);
  groupSheet(book, report, date, 'By category', 'Category', report.byCategory);
  fundingSheet(book, report, date);
  return Buffer.from(await book.xlsx.writeBuffer());
}
