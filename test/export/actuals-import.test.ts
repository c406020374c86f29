// Importing actuals from a finance extract (plan-format.md §10): a messy extract sums to the
// penny per service; every refusal names its sheet, row and column and leaves the plan as it
// was. Expected figures are worked out by hand from the fixture's rows, in the comments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importActuals, importActualsBytes, type ActualsImportResult } from '../../electron/import/actuals';
import { poundsToPence } from '../../shared/money';
import type { Plan } from '../../shared/plan';
import { demoPlan } from '../fixtures';

const MESSY = join(__dirname, '../fixtures/extracts/messy-extract.csv');

/** The demo plan with ledger codes (one in mixed case) and actuals already to September 2021. */
function plan(): Plan {
  const p = demoPlan();
  const codes: Record<string, string[]> = {
    'central-team': ['CC1000'],
    navigators: ['cc1002'],
    iris: ['CC1009', 'PRJ-IRIS'],
    evaluation: ['CC1003'],
  };
  for (const item of p.interventions) if (codes[item.id]) item.ledgerCodes = codes[item.id];
  p.actuals = {
    asAt: '2021-09',
    spend: [
      { intervention: 'navigators', month: '2021-08', amount: 1000 },
      { intervention: 'navigators', month: '2021-09', amount: 999 },
      { intervention: 'evaluation', month: '2021-09', amount: 50 },
    ],
  };
  return p;
}

function okOf(result: ActualsImportResult) {
  if (!result.ok) throw new Error(`expected the import to succeed:\n${result.errors.join('\n')}`);
  return result;
}

function refusedOf(result: ActualsImportResult) {
  if (result.ok) throw new Error('expected the import to be refused');
  return result;
}

/** Each intervention's actual to date: the sum of its entries, in pence. */
function actualToDate(p: Plan): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const entry of p.actuals?.spend ?? []) sums[entry.intervention] = (sums[entry.intervention] ?? 0) + poundsToPence(entry.amount)!;
  return sums;
}

const csv = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'));

describe('a messy CSV extract', () => {
  it('sums to the penny per service, replacing only the months it covers', async () => {
    const before = plan();
    const result = okOf(await importActuals(MESSY, before));
    // navigators: 12,500.00 + 250.50 (October) − 120.40 (September) = 12,630.10, plus August's 1,000.00 kept;
    // September's 999.00 replaced. iris: 3,000.00 − 500.00 (October) + 199.99 (September) = 2,699.99.
    // central-team: 8,000.00 (September) + 8,000.00 (15 October) = 16,000.00. evaluation's September 50.00 is replaced by nothing.
    expect(actualToDate(result.plan)).toEqual({ 'central-team': 1_600_000, navigators: 1_363_010, iris: 269_999 });
    expect(result.plan.actuals).toEqual({
      asAt: '2021-10',
      spend: [
        { intervention: 'central-team', month: '2021-09', amount: 8000 },
        { intervention: 'central-team', month: '2021-10', amount: 8000 },
        { intervention: 'navigators', month: '2021-08', amount: 1000 },
        { intervention: 'navigators', month: '2021-09', amount: -120.4 },
        { intervention: 'navigators', month: '2021-10', amount: 12750.5 },
        { intervention: 'iris', month: '2021-09', amount: 199.99 },
        { intervention: 'iris', month: '2021-10', amount: 2500 },
      ],
    });
    const { preview } = result;
    expect(preview.sheet).toBe('messy-extract');
    expect(preview.headerRow).toBe(4);
    expect(preview.columns.filter((c) => c.role).map((c) => `${c.column}:${c.role}`)).toEqual(['B:code', 'E:period', 'H:amount']);
    expect(preview.columns.filter((c) => !c.role).map((c) => c.header)).toEqual([
      'Entity',
      'Account',
      'Account Description',
      'Journal Source',
      'Description',
      'Currency',
    ]);
    expect(preview.rowsMatched).toBe(8);
    expect(preview.skipped).toEqual([
      { reason: 'a totals row', rows: [13, 15] },
      { reason: 'blank', rows: [14] },
    ]);
    expect(preview.interventions.map((i) => [i.id, i.rows, i.months, i.total])).toEqual([
      ['central-team', 2, ['2021-09', '2021-10'], 1_600_000],
      ['navigators', 3, ['2021-09', '2021-10'], 1_263_010],
      ['iris', 3, ['2021-09', '2021-10'], 269_999],
    ]);
    expect(preview.monthsReplaced).toEqual(['2021-09', '2021-10']);
    expect([preview.asAtBefore, preview.asAtAfter]).toEqual(['2021-09', '2021-10']);
    // The plan given is untouched.
    expect(before).toEqual(plan());
  });

  it('--as-at later than the extract keeps the given month', async () => {
    const result = okOf(await importActuals(MESSY, plan(), { asAt: '2021-12' }));
    expect(result.plan.actuals!.asAt).toBe('2021-12');
  });

  it('a posting after --as-at is refused at its cell', async () => {
    const result = refusedOf(await importActuals(MESSY, plan(), { asAt: '2021-09' }));
    expect(result.errors[0]).toBe("Sheet 'messy-extract', row 5, column E: October 2021 is after the as-at month September 2021");
  });
});

describe('an XLSX extract', () => {
  it('with a parameters sheet, date cells, debit and credit, a P13 and a totals formula', async () => {
    const book = new ExcelJS.Workbook();
    const params = book.addWorksheet('Parameters');
    params.addRow(['Ledger', 'WMP Actuals']);
    params.addRow(['Periods', 'P06 2021/22 to P13 2021/22']);
    const sheet = book.addWorksheet('GL Extract');
    sheet.addRow(['GL actuals by cost centre']);
    sheet.addRow([]);
    sheet.addRow(['Cost Center', 'Project', 'GL Period', 'Debit', 'Credit', 'Line description']);
    sheet.addRow(['CC1002', 'PJ-1', 'P07 2021/22', 12500, null, 'pay']);
    sheet.addRow(['cc1002', 'PJ-1', new Date(Date.UTC(2021, 9, 31)), 250.5, null, 'top-up, dated 31 October']);
    sheet.addRow(['CC1002', null, 'P06 2021/22', null, 120.4, 'credit journal']);
    sheet.addRow(['CC1009', 'PJ-2', 'Period 7 2021/22', 3000, 500, 'net of a credit']);
    sheet.addRow(['PRJ-IRIS', 'PJ-2', '2021/22 P06', 199.99, null, 'materials']);
    sheet.addRow(['CC1000', 'PJ-3', 'September 2021', 8000, null, 'central team']);
    sheet.addRow(['cc1000', 'PJ-3', 'P13 2021/22', 8000, null, 'year-end accrual']);
    sheet.addRow([null, null, null, { formula: 'SUM(D4:D10)', result: 31950.49 }, { formula: 'SUM(E4:E10)', result: 620.4 }, 'Total']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const result = okOf(await importActualsBytes(bytes, 'extract.xlsx', plan()));
    // navigators: 12,500.00 + 250.50 − 120.40 = 12,630.10 (+ 1,000.00 kept from August); iris: 3,000.00 − 500.00 + 199.99 = 2,699.99;
    // central-team: 8,000.00 (September) + 8,000.00 (P13, counted in March 2022) = 16,000.00.
    expect(actualToDate(result.plan)).toEqual({ 'central-team': 1_600_000, navigators: 1_363_010, iris: 269_999 });
    expect(result.plan.actuals!.asAt).toBe('2022-03');
    expect(result.preview.sheet).toBe('GL Extract');
    expect(result.preview.ignoredSheets).toEqual(['Parameters']);
    expect(result.preview.headerRow).toBe(3);
    expect(result.preview.monthsReplaced).toEqual(['2021-09', '2021-10', '2022-03']);
    expect(result.preview.skipped).toEqual([{ reason: 'a totals row', rows: [11] }]);
    expect(result.preview.notes.join('\n')).toMatch(/debit \(column D\) less the credit \(column E\)/);
    expect(result.preview.notes.join('\n')).toMatch(/year-end adjustment periods 13 and 14 were counted in March \(row 10\)/);
    expect(result.preview.notes.join('\n')).toMatch(/code is read from column A 'Cost Center'.*column B 'Project' ignored/);
  });
});

describe('refused, with its place, and the plan left as it was', () => {
  const header = 'Cost centre,Period,Amount,Narrative\n';

  it('an unknown code: every row listed for mapping', async () => {
    const before = plan();
    const result = refusedOf(
      await importActualsBytes(csv(`${header}CC1002,P07 2021/22,10\nZZ99,P07 2021/22,25.50\nzz99 ,P08 2021/22,(5.00)\n`), 'gl.csv', before),
    );
    expect(result.errors).toEqual([
      "Sheet 'gl', row 3, column A: the code 'ZZ99' (and 1 more row) is not a ledger code or id of any intervention; map it to one, or add it to that intervention's ledger codes",
    ]);
    expect(result.unmatched).toEqual([{ code: 'ZZ99', rows: [3, 4], total: 2050 }]);
    expect(before).toEqual(plan());
  });

  it('a month outside the horizon, an unreadable period and amount, an empty code', async () => {
    const result = refusedOf(
      await importActualsBytes(
        csv(`${header}CC1002,P01 2023/24,10\nCC1002,P15 2021/22,10\nCC1002,P07 2021/22,ten pounds\n,P07 2021/22,5\n`),
        'gl.csv',
        plan(),
      ),
    );
    expect(result.errors).toEqual([
      "Sheet 'gl', row 2, column B: April 2023 is outside the plan's horizon (April 2020 to March 2023)",
      "Sheet 'gl', row 3, column B: 'P15 2021/22' is not a period: financial periods run from 1 (April) to 12 (March), with 13 and 14 for year-end adjustments",
      "Sheet 'gl', row 4, column C: 'ten pounds' is not an amount in pounds",
      "Sheet 'gl', row 5, column A: the code is empty",
    ]);
  });

  it('a code listed under two interventions is ambiguous', async () => {
    const p = plan();
    p.interventions.find((i) => i.id === 'mvp')!.ledgerCodes = ['CC1009'];
    const result = refusedOf(await importActualsBytes(csv(`${header}cc1009,P07 2021/22,10\n`), 'gl.csv', p));
    expect(result.errors).toEqual([
      `Sheet 'gl', row 2, column A: the code 'cc1009' is a ledger code of both "iris" and "mvp"; keep it under one of them`,
    ]);
  });

  it("a service's FY taken below £0 by a negative journal", async () => {
    const result = refusedOf(await importActualsBytes(csv(`${header}CC1009,P07 2021/22,-10\n`), 'gl.csv', plan()));
    expect(result.errors[0]).toBe('with these actuals the plan would break its rules:');
    expect(result.errors[1]).toMatch(/"iris"'s actual amounts for 2021\/22 sum to -£10\.00/);
  });

  it('no header row', async () => {
    const result = refusedOf(await importActualsBytes(csv('Name,Cost\nA,1\n'), 'gl.csv', plan()));
    expect(result.errors[0]).toMatch(/^gl\.csv: no sheet has the columns an extract needs/);
  });
});

describe('mapping codes', () => {
  it('reads a mapped code as its intervention and adds it to its ledgerCodes', async () => {
    const text = readFileSync(MESSY, 'utf8').replace(/CC1000/gi, 'VRU-CENTRAL');
    const p = plan();
    p.interventions[0].ledgerCodes = undefined;
    const refused = refusedOf(await importActualsBytes(Buffer.from(text), 'gl.csv', p));
    expect(refused.unmatched).toEqual([{ code: 'VRU-CENTRAL', rows: [11, 12], total: 1_600_000 }]);
    const result = okOf(await importActualsBytes(Buffer.from(text), 'gl.csv', p, { mapping: { 'vru-central': 'central-team' } }));
    expect(result.plan.interventions[0].ledgerCodes).toEqual(['vru-central']);
    expect(result.preview.ledgerCodesAdded).toEqual([{ intervention: 'central-team', code: 'vru-central' }]);
    expect(actualToDate(result.plan)['central-team']).toBe(1_600_000);
  });

  it('refuses a mapping to no intervention, or of a code another one holds', async () => {
    const bytes = csv('Cost centre,Period,Amount\nX1,P07 2021/22,10\n');
    expect(refusedOf(await importActualsBytes(bytes, 'gl.csv', plan(), { mapping: { X1: 'nobody' } })).errors).toEqual([
      `the code 'X1' is mapped to "nobody", which is not an intervention of the plan`,
    ]);
    expect(refusedOf(await importActualsBytes(bytes, 'gl.csv', plan(), { mapping: { cc1009: 'mvp' } })).errors).toEqual([
      `the code 'cc1009' is mapped to "mvp" but is already a ledger code of "iris"; keep it under one of them`,
    ]);
  });

  it('an intervention id is a code when no ledger code claims it', async () => {
    const result = okOf(await importActualsBytes(csv('Code,Month,Value\nMVP,Oct-21,12.34\n'), 'gl.csv', plan()));
    expect(actualToDate(result.plan).mvp).toBe(1234);
  });
});
