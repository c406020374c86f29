// Which import a dropped spreadsheet is for: each reader's header matching decides, and a
// file both or neither recognise is left to the person (electron/import/classify.ts).
import { describe, expect, it } from 'vitest';
import { classifySheets, classifySpreadsheetBytes, csvHead } from '../../electron/import/classify';
import type { RawCell, RawSheet } from '../../electron/import/worker';
import { extractWorkbook, servicesWorkbook } from '../fixtures/sheets';

const text = (col: number, value: string): RawCell => ({ col, type: 'text', value, formula: false });
const sheet = (name: string, ...rows: string[][]): RawSheet => ({
  name,
  rows: rows.map((cells, i) => ({ row: i + 1, cells: cells.map((v, j) => text(j + 1, v)) })),
});

describe('classifySheets', () => {
  it('takes a sheet with Name and Annual cost columns as a plan spreadsheet', () => {
    expect(classifySheets([sheet('Costs', ['Service', 'Annual cost', 'Notice (months)'], ['Outreach', '1000', '3'])])).toEqual({
      kind: 'plan',
      reason: "Sheet 'Costs', row 1 has the services columns of a plan spreadsheet.",
    });
  });

  it('takes a funding sheet as a plan spreadsheet too', () => {
    expect(classifySheets([sheet('Grants', ['Funder', 'FY', 'Amount'])]).kind).toBe('plan');
  });

  it('takes a code, period and amount header under a title as an extract', () => {
    expect(classifySheets([sheet('Ledger', ['Spend report'], ['Cost centre', 'Period', 'Amount'], ['CC1', '2021-04', '10'])])).toEqual({
      kind: 'actuals',
      reason: "Sheet 'Ledger', row 2 has a code, a period and an amount column.",
    });
  });

  it('reads every sheet: an extract after an ignored sheet still decides', () => {
    expect(classifySheets([sheet('Notes', ['Read me']), sheet('GL', ['Code', 'Month', 'Net'])]).kind).toBe('actuals');
  });

  it('is unclear when both readers recognise a sheet, and names both', () => {
    const answer = classifySheets([sheet('Costs', ['Name', 'Annual cost']), sheet('GL', ['Cost centre', 'Period', 'Amount'])]);
    expect(answer.kind).toBe('unclear');
    expect(answer.reason).toBe(
      "It could be either: sheet 'Costs', row 1 has the services columns of a plan spreadsheet, and sheet 'GL', row 1 has a code, a period and an amount column.",
    );
  });

  it('is unclear when neither does, saying what each needs', () => {
    const answer = classifySheets([sheet('Sheet1', ['Colour', 'Size'])]);
    expect(answer.kind).toBe('unclear');
    expect(answer.reason).toContain('a plan spreadsheet needs Name and Annual cost');
  });
});

describe('classifySpreadsheetBytes', () => {
  it('reads workbooks in the import worker', async () => {
    expect((await classifySpreadsheetBytes(await servicesWorkbook(), 'costs.xlsx')).kind).toBe('plan');
    expect((await classifySpreadsheetBytes(await extractWorkbook(), 'ledger.xlsx')).kind).toBe('actuals');
  });

  it('judges a long CSV on its first lines', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `CC${i},2021-04,${i}.50`);
    const bytes = Buffer.from(['Cost centre,Period,Amount', ...rows].join('\n'), 'utf8');
    const head = csvHead(bytes);
    expect(head.byteLength).toBeLessThan(64 * 1024 + 1);
    expect(Buffer.from(head).toString('utf8').endsWith('\n')).toBe(true);
    expect((await classifySpreadsheetBytes(bytes, 'ledger.csv')).kind).toBe('actuals');
  });

  it('says why a file cannot be read, and leaves the choice to the person', async () => {
    expect(await classifySpreadsheetBytes(Buffer.from('not a workbook'), 'old.xls')).toEqual({
      kind: 'unclear',
      reason: 'old.xls: old-style .xls workbooks are not read; save it as .xlsx or .csv',
    });
  });
});
