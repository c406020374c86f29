// The workbook's per-service sheets: Interventions (per service and scenario, the Results
// table's detail: outcome, notice deadline and served, last month, run-on, exit cost, people
// moved and losing support, partner, handover month) and Decisions (every notice deadline in
// date order with what each scenario does there). The facts are the engine's, laid out by
// shared/service-detail.ts.
import type { Workbook } from 'exceljs';
import { interventionsById, scenarioColumnNames } from '../../shared/compare';
import { fyText } from '../../shared/format';
import { decisionCells, decisionRows, monthCell, SERVICE_DETAIL, type DetailColumn } from '../../shared/service-detail';
import { NOT_IN_PLAN } from '../../shared/words';
import {
  addHeader,
  type ComparedSet,
  COUNT_FORMAT,
  freeze,
  MONEY_FORMAT,
  poundsCell,
  setCell,
  titledSheet,
  widths,
  type CellValue,
} from './workbook-cells';

function detailCell(column: DetailColumn, value: string | number | null): { value: CellValue; format?: string } {
  if (value === null) return { value: null };
  if (column.kind === 'money') return { value: poundsCell(value as number), format: MONEY_FORMAT };
  if (column.kind === 'count') return { value, format: COUNT_FORMAT };
  if (column.kind === 'month') return { value: monthCell(value as number) };
  return { value };
}

/** One row per service (those whose outcome differs first); per scenario, a group of columns under its name. */
export function interventionsSheet(book: Workbook, set: ComparedSet, date: Date) {
  const { comparison, results } = set;
  const names = scenarioColumnNames(comparison.scenarios);
  const per = SERVICE_DETAIL.length;
  const { sheet, header: top } = titledSheet(book, set, date, 'Interventions', 'Each service in each scenario (those that differ first)', [
    'Intervention',
    'Id',
    ...names.flatMap((name) => SERVICE_DETAIL.map(() => name)),
    'Differs',
  ]);
  addHeader(sheet, top + 1, ['', '', ...names.flatMap(() => SERVICE_DETAIL.map((c) => c.label)), '']);
  names.forEach((_, i) => sheet.mergeCells(top, 3 + i * per, top, 2 + (i + 1) * per));
  for (const c of [1, 2, 3 + names.length * per]) sheet.mergeCells(top, c, top + 1, c);
  const byId = interventionsById(results);
  comparison.interventions.forEach((row, k) => {
    const r = top + 2 + k;
    setCell(sheet, r, 1, row.name);
    setCell(sheet, r, 2, row.id);
    byId.forEach((m, si) => {
      const found = m.get(row.id);
      // A service missing from a compared plan (a snapshot's, or today's): said once, in its Outcome cell.
      if (!found) return setCell(sheet, r, 3 + si * per, NOT_IN_PLAN);
      SERVICE_DETAIL.forEach((column, ci) => {
        const cell = detailCell(column, column.value(found));
        setCell(sheet, r, 3 + si * per + ci, cell.value, cell.format);
      });
    });
    setCell(sheet, r, 3 + names.length * per, row.differs ? 'yes' : 'no');
  });
  widths(sheet, [40, 22, ...names.flatMap(() => [18, 11, 11, 11, 14, 14, 9, 9, 18, 11]), 9]);
  freeze(sheet, 2, 1);
}

/** Every notice deadline, earliest first: the service, its FY, and what each scenario does there. */
export function decisionsSheet(book: Workbook, set: ComparedSet, date: Date) {
  const names = scenarioColumnNames(set.comparison.scenarios);
  const { sheet, header } = titledSheet(book, set, date, 'Decisions', 'Every notice deadline, in date order', [
    'Notice deadline',
    'For FY',
    'Intervention',
    'Deadline',
    ...names,
  ]);
  decisionRows(set.results).forEach((row, k) => {
    const r = header + 1 + k;
    setCell(sheet, r, 1, monthCell(row.deadline));
    setCell(sheet, r, 2, fyText(row.fy));
    setCell(sheet, r, 3, row.name);
    setCell(sheet, r, 4, row.passed ? 'already passed when the plan starts' : 'to decide');
    decisionCells(row, set.results).forEach((text, si) => setCell(sheet, r, 5 + si, text));
  });
  widths(sheet, [14, 9, 40, 18, ...names.map(() => 44)]);
  freeze(sheet, 1, 3);
}
