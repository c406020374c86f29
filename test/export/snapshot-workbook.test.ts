// The workbook of a comparison against a snapshot, read back with exceljs: the comparison's
// sheets with the snapshot's and today's columns, a Changes sheet after the Summary, services
// and months of only one plan said so.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotComparisonWorkbook } from '../../electron/export/snapshot-workbook';
import { TITLE_ROWS } from '../../electron/export/workbook-cells';
import type { Plan } from '../../shared/plan';
import { compareWithSnapshot, type SnapshotComparison } from '../../shared/snapshot-compare';
import { NO_INPUT_CHANGES } from '../../shared/snapshot-compare-csv';
import { demoPlan } from '../fixtures';

const DATE = new Date(2026, 4, 4);
const HEADER = TITLE_ROWS + 1;

async function readBack(sc: SnapshotComparison): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await snapshotComparisonWorkbook(sc, { date: DATE })) as never);
  return book;
}

const rowValues = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);

/** Today: the grant at 75%, Mentoring added, MVP gone and a fourth FY on the horizon. */
function today(): Plan {
  const plan = demoPlan();
  plan.variables!.grantLevel = 0.75;
  plan.interventions = plan.interventions.filter((i) => i.id !== 'mvp');
  plan.interventions.push({ id: 'mentoring', name: 'Mentoring', category: 'commissioned', annualCost: 12000, priority: 15 } as never);
  plan.horizon = { ...plan.horizon, months: 48 };
  return plan;
}

describe('snapshotComparisonWorkbook', () => {
  let sc: SnapshotComparison;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    sc = compareWithSnapshot(today(), 'base', { name: 'Budget as approved', plan: demoPlan() }, 'base');
    book = await readBack(sc);
  });

  it('has the comparison sheets with a Changes sheet after the Summary', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Changes', 'Years', 'Interventions', 'Decisions', 'Monthly']);
  });

  it('heads the columns "<snapshot>: <scenario>" and "Now: <scenario>", with differences as numbers', () => {
    const summary = book.getWorksheet('Summary')!;
    expect(rowValues(summary, HEADER)).toEqual([
      'Measure',
      'Budget as approved: Base',
      'Now: Base',
      'Now: Base − Budget as approved: Base',
    ]);
    const funding = sc.comparison.totals.find((r) => r.key === 'funding')!;
    expect(rowValues(summary, HEADER + 1)).toEqual([
      'Funding',
      funding.values[0]! / 100,
      funding.values[1]! / 100,
      funding.differences[1]! / 100,
    ]);
    expect(summary.getCell('A1').value).toBe(sc.plan);
  });

  it('lists every change in words, with its kind and id', () => {
    const changes = book.getWorksheet('Changes')!;
    expect(rowValues(changes, HEADER)).toEqual(['What changed', 'Kind', 'Id']);
    expect(sc.changes.length).toBeGreaterThan(3);
    sc.changes.forEach((c, i) => expect(rowValues(changes, HEADER + 1 + i)).toEqual([c.text, c.kind, c.subject]));
    expect(sc.changes.map((c) => c.text)).toContain('Added service: Mentoring');
    expect(changes.getCell('A2').value).toContain('What changed in the inputs since "Budget as approved"');
  });

  it('says "not in plan" for a service of only one plan, and leaves months of only one horizon blank', () => {
    const services = book.getWorksheet('Interventions')!;
    const ids = Array.from({ length: sc.comparison.interventions.length }, (_, k) => services.getCell(HEADER + 2 + k, 2).value);
    const mentoring = HEADER + 2 + ids.indexOf('mentoring');
    const mvp = HEADER + 2 + ids.indexOf('mvp');
    expect(services.getCell(mentoring, 3).value).toBe('not in plan');
    expect(services.getCell(mvp, 3).value).not.toBe('not in plan');
    expect(services.getCell(mvp, 3 + 10).value).toBe('not in plan');
    const monthly = book.getWorksheet('Monthly')!;
    // 48 months: the snapshot's 36, then 12 of today's alone.
    const last = HEADER + 2 + 47;
    expect(monthly.getCell(last, 1).value).toBe('2024-03');
    expect(monthly.getCell(last, 3).value).toBeNull();
    expect(typeof monthly.getCell(last, 6).value).toBe('number');
    expect(monthly.getCell(last + 1, 1).value).toBeNull();
  });

  it('says so when no input changed', async () => {
    const same = await readBack(compareWithSnapshot(demoPlan(), 'base', { name: 'Copy', plan: demoPlan() }, 'base'));
    expect(same.getWorksheet('Changes')!.getCell(HEADER + 1, 1).value).toBe(NO_INPUT_CHANGES);
  });
});
