// Spreadsheet import (reliability.md: spreadsheet import limits): hostile files are refused before or while
// parsing, with a message that says where and why; a valid sheet imports to the penny;
// nothing is half-imported.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import {
  IMPORT_LIMITS,
  importSpreadsheet,
  importSpreadsheetBytes,
  interpretSheets,
  mergeImport,
  parseMoneyText,
  type ImportResult,
} from '../../electron/import/spreadsheet';
import { poundsToPence } from '../../shared/money';
import type { Plan } from '../../shared/plan';
import { validatePlan } from '../../shared/validate';
import { sheetXml, workbookParts, zip } from './zip';

const root = join(__dirname, '../..');
const demoPath = join(root, 'shared/demo/wmvru-plan.json');
const demo = (): Plan => JSON.parse(readFileSync(demoPath, 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'headroom-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = (string | number | null | ExcelJS.CellValue)[];

async function xlsx(sheets: Record<string, Row[]>, edit?: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  edit?.(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function errorsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error(`expected the import to be refused, but it gave ${result.interventions.length} interventions`);
  return result.errors;
}

function okOf(result: ImportResult) {
  if (!result.ok) throw new Error(`expected the import to succeed:\n${result.errors.join('\n')}`);
  return result;
}

const HEADER = ['Service', 'Id', 'Annual cost', 'Notice (months)', 'Exit cost', 'Service users', 'Priority', 'Category'];

describe('money from decimal text to pence', () => {
  it.each([
    ['£1,234.56', 123456],
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['250', 25000],
    ['£ 12', 1200],
    ['0.07', 7],
    ['9007199254740.99', 900719925474099],
    ['1,000,000', 100000000],
  ])('%s is %i pence', (text, pence) => {
    expect(parseMoneyText(text)).toEqual({ pence });
  });

  it.each([
    ['12.345', "'12.345' has more than 2 decimals"],
    ['-5', "'-5' is negative; an amount must be 0 or more"],
    ['(5.00)', "'(5.00)' is negative; an amount must be 0 or more"],
    ['1,23.00', "'1,23.00' is not an amount in pounds (commas must group thousands)"],
    ['1e5', "'1e5' is not an amount in pounds"],
    ['£1.2m', "'£1.2m' is not an amount in pounds"],
    ['99999999999999999', "'99999999999999999' is too large an amount"],
  ])('refuses %s', (text, problem) => {
    expect(parseMoneyText(text)).toEqual({ problem });
  });
});

describe('a valid spreadsheet', () => {
  it('imports interventions and funding exactly, pence to the penny', async () => {
    const bytes = await xlsx({
      Costs: [
        ['Youth services budget 2021/22'],
        [],
        [...HEADER, 'Start', 'Provider', 'Comments'],
        ['Detached youth work', null, '£1,234.56', 3, 1500.1, 40, 1, 'Commissioned', '2021-04', 'Youth Trust', 'ok'],
        ['Mentoring', 'mentoring-2', 98765.43, '2', '0', '12', '2', 'central', new Date(Date.UTC(2021, 9, 1)), null, null],
        [
          'Knife crime workshops',
          null,
          { formula: 'C5*2', result: 197530.86 } as ExcelJS.CellValue,
          1,
          null,
          300,
          3,
          'commissioned',
          'Jan 2022',
        ],
        ['Total', null, { formula: 'SUM(C4:C6)', result: 297530.85 } as ExcelJS.CellValue],
      ],
      Funding: [
        ['Stream', 'Funder', 'FY', 'Amount', 'Confirmed'],
        ['Youth Endowment Fund grant', 'Youth Endowment Fund', '2021/22', '£250,000.00', '04/06/2021'],
        ['Youth Endowment Fund grant', 'Youth Endowment Fund', '2022-23', 200000.01, null],
        ['Council top-up', 'City council', 'FY 2021/22', 0.01, new Date(Date.UTC(2021, 3, 1))],
      ],
    });
    const result = okOf(await importSpreadsheetBytes(bytes, 'costs.xlsx', { plan: demo() }));
    expect(result.interventions).toEqual([
      {
        id: 'detached-youth-work',
        name: 'Detached youth work',
        category: 'commissioned',
        provider: 'Youth Trust',
        annualCost: 1234.56,
        start: '2021-04',
        noticeMonths: 3,
        exitCost: 1500.1,
        serviceUsers: 40,
        priority: 1,
      },
      {
        id: 'mentoring-2',
        name: 'Mentoring',
        category: 'central',
        annualCost: 98765.43,
        start: '2021-10',
        noticeMonths: 2,
        exitCost: 0,
        serviceUsers: 12,
        priority: 2,
      },
      {
        id: 'knife-crime-workshops',
        name: 'Knife crime workshops',
        category: 'commissioned',
        annualCost: 197530.86,
        start: '2022-01',
        noticeMonths: 1,
        serviceUsers: 300,
        priority: 3,
      },
    ]);
    // Pounds in the plan are the exact decimals: back to pence without loss.
    expect(result.interventions.map((i) => poundsToPence(i.annualCost as number))).toEqual([123456, 9876543, 19753086]);
    expect(result.fundingStreams).toEqual([
      {
        id: 'youth-endowment-fund-grant',
        name: 'Youth Endowment Fund grant',
        funder: 'Youth Endowment Fund',
        kind: 'grant',
        allocations: [
          { fy: '2021/22', amount: 250000, confirmedOn: '2021-06-04' },
          { fy: '2022/23', amount: 200000.01 },
        ],
      },
      {
        id: 'council-top-up',
        name: 'Council top-up',
        funder: 'City council',
        kind: 'grant',
        allocations: [{ fy: '2021/22', amount: 0.01, confirmedOn: '2021-04-01' }],
      },
    ]);
    expect(result.preview.fundingStreams.map((s) => s.total)).toEqual([45000001, 1]);
    expect(result.preview.sheets.map((s) => [s.sheet, s.kind, s.headerRow, s.rows])).toEqual([
      ['Costs', 'interventions', 3, 4],
      ['Funding', 'funding', 1, 3],
    ]);
    expect(result.preview.sheets[0].columns.find((c) => c.header === 'Comments')).toEqual({ column: 'K', header: 'Comments', field: null });
    expect(result.preview.notes.join('\n')).toContain("Sheet 'Costs', row 7 ('Total') was taken as a total and skipped");

    const merged = mergeImport(demo(), result);
    if (!merged.ok) throw new Error(merged.errors.join('\n'));
    expect(validatePlan(merged.plan).ok).toBe(true);
    expect(merged.plan.interventions).toHaveLength(demo().interventions.length + 3);
  });

  it('reads a CSV file, Excel-style (Windows-1252 £, quotes, CRLF)', async () => {
    const text = 'Name,Annual cost,Priority\r\n"Family support, north",£1,"500.25",1\r\n';
    const bad = await importSpreadsheetBytes(Buffer.from(text, 'latin1'), 'costs.csv');
    // "£1" then "500.25": the comma splits it (unquoted), so the row has a cost of £1 and priority "500.25".
    expect(errorsOf(bad)).toEqual(["Sheet 'costs', row 2, column C: '500.25' is not a priority (a whole number, 1 or more)"]);
    const good = 'Name,Annual cost,Priority\r\n"Family support, north","£1,500.25",1\r\n"Said ""hello""",12.3,2';
    const result = okOf(await importSpreadsheetBytes(Buffer.from(good, 'latin1'), 'costs.csv'));
    expect(result.interventions.map((i) => [i.name, i.annualCost, i.priority])).toEqual([
      ['Family support, north', 1500.25, 1],
      ['Said "hello"', 12.3, 2],
    ]);
    expect(result.preview.format).toBe('csv');
  });

  it.each([
    ['semicolons', 'Name;Annual cost;Priority\r\nFamily support;"1,500.25";1\r\n', 'utf8'],
    ['tabs', 'Name\tAnnual cost\tPriority\nFamily support\t1,500.25\t1\n', 'utf8'],
    [
      "UTF-16 with a byte order mark (Excel's Unicode text)",
      '\uFEFFName\tAnnual cost\tPriority\r\nFamily support\t1500.25\t1\r\n',
      'utf16le',
    ],
  ] as const)('reads a CSV separated by %s', async (_kind, text, encoding) => {
    const result = okOf(await importSpreadsheetBytes(Buffer.from(text, encoding), 'costs.csv'));
    expect(result.interventions.map((i) => [i.name, i.annualCost, i.priority])).toEqual([['Family support', 1500.25, 1]]);
  });

  it('rounds a formula result to whole pence, half to even, and says so', async () => {
    const bytes = await xlsx({
      Costs: [
        ['Name', 'Annual cost'],
        ['A', { formula: '100000*1.02^0.5', result: 100995.04950495049 } as ExcelJS.CellValue],
      ],
    });
    const result = okOf(await importSpreadsheetBytes(bytes, 'costs.xlsx'));
    expect(result.interventions[0].annualCost).toBe(100995.05);
    expect(result.preview.notes[0]).toBe(
      `Sheet 'Costs', row 2, column B: the formula's result ${String(100995.04950495049)} was rounded to £100,995.05`,
    );
  });
});

describe('hostile spreadsheets are refused, and the main thread lives on', () => {
  it('a zip bomb (refused from its zip directory, before parsing)', async () => {
    const bomb = Buffer.alloc(80 * 1024 * 1024, 0x20);
    const bytes = zip([
      ...workbookParts([{ name: 'Costs', xml: sheetXml([['Name', 'Annual cost']]) }]),
      { name: 'xl/sharedStrings.xml', data: bomb, deflate: true },
    ]);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const errors = errorsOf(await importSpreadsheetBytes(bytes, 'bomb.xlsx'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^bomb\.xlsx: the workbook's part "xl\/sharedStrings\.xml" expands \d[\d,]* times \(to 80\.0 MB\); Headroom refuses anything over 100 times, as a zip bomb would$/,
    );
  });

  it('a zip bomb whose directory lies about its size (stopped by the worker memory limit)', async () => {
    // 256 MB of spaces deflates to about 250 KB; the directory claims 2 KB.
    const deflater = createDeflateRaw({ level: 1 });
    const chunks: Buffer[] = [];
    deflater.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => deflater.on('end', resolve));
    const block = Buffer.alloc(16 * 1024 * 1024, 0x20);
    let crc = 0;
    for (let i = 0; i < 16; i++) {
      crc = crc32(block, crc);
      deflater.write(block);
    }
    deflater.end();
    await done;
    const data = Buffer.concat(chunks);
    const parts = workbookParts([{ name: 'Costs', xml: sheetXml([['Name', 'Annual cost']]) }]);
    const bytes = zip([...parts, { name: 'xl/sharedStrings.xml', data, raw: { uncompressedSize: 2048, crc }, declaredSize: 2048 }]);
    const started = Date.now();
    const errors = errorsOf(await importSpreadsheetBytes(bytes, 'liar.xlsx', { limits: { workerHeapMb: 64 } }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe('liar.xlsx: reading the file needed more than the 64 MB of memory Headroom allows, so it was stopped');
    expect(Date.now() - started).toBeLessThan(IMPORT_LIMITS.timeoutMs + 5_000);
  });

  it('a cell at XFD1048576', async () => {
    const bytes = await xlsx(
      {
        Costs: [
          ['Name', 'Annual cost'],
          ['A', 100],
        ],
      },
      (book) => {
        book.getWorksheet('Costs')!.getCell('XFD1048576').value = 1;
      },
    );
    expect(errorsOf(await importSpreadsheetBytes(bytes, 'far.xlsx'))).toEqual([
      "Sheet 'Costs', row 1048576, column XFD: cell XFD1048576 is outside the area Headroom reads (up to row 10,000 and column CV); delete what is beyond it",
    ]);
  });

  it('10,000 sheets (refused from the zip directory)', async () => {
    const tiny = Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
    const sheets = Array.from({ length: 10_000 }, (_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: tiny }));
    const bytes = zip([...workbookParts([]), ...sheets]);
    expect(bytes.length).toBeLessThan(IMPORT_LIMITS.maxFileBytes);
    expect(errorsOf(await importSpreadsheetBytes(bytes, 'many.xlsx'))).toEqual([
      'many.xlsx: the workbook has 10,000 sheets; Headroom reads at most 50',
    ]);
  });

  it('a __proto__ (or constructor) header, with no pollution', async () => {
    const bytes = await xlsx({
      Costs: [
        ['Name', 'Annual cost', '__proto__', 'constructor'],
        ['A', 100, '{"polluted":"yes"}', 'x'],
      ],
    });
    expect(errorsOf(await importSpreadsheetBytes(bytes, 'proto.xlsx'))).toEqual([
      "Sheet 'Costs', row 1, column C: the header '__proto__' is not allowed",
      "Sheet 'Costs', row 1, column D: the header 'constructor' is not allowed",
    ]);
    const csv = Buffer.from('__proto__,polluted\r\nyes,yes\r\n');
    expect(errorsOf(await importSpreadsheetBytes(csv, 'proto.csv'))[0]).toBe(
      "Sheet 'proto', row 1, column A: the header '__proto__' is not allowed",
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('formula cells without a cached value', async () => {
    const bytes = await xlsx({
      Costs: [
        ['Name', 'Annual cost'],
        ['A', { formula: 'B3*2' } as ExcelJS.CellValue],
        ['B', { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue],
      ],
    });
    expect(errorsOf(await importSpreadsheetBytes(bytes, 'formulas.xlsx'))).toEqual([
      'Sheet \'Costs\', row 2, column B: the formula "=B3*2" has no saved result; open the file in Excel and save it, or paste the values',
      'Sheet \'Costs\', row 3, column B: the formula "=1/0 (#DIV/0!)" has no saved result; open the file in Excel and save it, or paste the values',
    ]);
  });

  it('money with more than 2 decimals, typed as text or as a number', async () => {
    const rows: Row[] = [['Budget lines'], ...Array.from({ length: 11 }, () => []), ['Intervention', 'Priority', 'Cost']];
    rows.push(['Outreach', 1, '12.345'], ['Drop-in', 2, 99.999]);
    const bytes = await xlsx({ Costs: rows });
    expect(errorsOf(await importSpreadsheetBytes(bytes, 'decimals.xlsx'))).toEqual([
      "Sheet 'Costs', row 14, column C: '12.345' has more than 2 decimals",
      "Sheet 'Costs', row 15, column C: '99.999' has more than 2 decimals",
    ]);
  });

  it('a file over the size cap, a file that is no spreadsheet, a slow read', async () => {
    const big = Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x41);
    expect(errorsOf(await importSpreadsheetBytes(big, 'big.csv'))).toEqual([
      'big.csv: the file is 10.0 MB; Headroom imports spreadsheets up to 10.0 MB',
    ]);
    expect(errorsOf(await importSpreadsheetBytes(Buffer.from('%PDF-1.7'), 'x.pdf'))).toEqual([
      'x.pdf: the file is neither an Excel workbook (.xlsx) nor a CSV file',
    ]);
    expect(errorsOf(await importSpreadsheetBytes(Buffer.from('PK\u0003\u0004 not really'), 'broken.xlsx'))).toEqual([
      'broken.xlsx: the file is not an Excel workbook (no zip directory found)',
    ]);
    const bytes = await xlsx({
      Costs: [
        ['Name', 'Annual cost'],
        ['A', 1],
      ],
    });
    expect(errorsOf(await importSpreadsheetBytes(bytes, 'slow.xlsx', { limits: { timeoutMs: 1 } }))).toEqual([
      'slow.xlsx: reading the file took longer than 0.001 s, so it was stopped',
    ]);
  });
});

describe('all or nothing', () => {
  it('a bad row half-way gives errors only, no interventions', async () => {
    const rows: Row[] = [HEADER];
    for (let i = 1; i <= 10; i++) rows.push([`Service ${i}`, null, i === 6 ? '1,2345' : 1000 * i, 1, 0, 5, i, 'commissioned']);
    const result = await importSpreadsheetBytes(await xlsx({ Costs: rows }), 'half.xlsx');
    expect(result).toEqual({
      ok: false,
      errors: ["Sheet 'Costs', row 7, column C: '1,2345' is not an amount in pounds (commas must group thousands)"],
    });
  });

  it('a merge that fails leaves the plan as it was', async () => {
    const plan = demo();
    const before = JSON.stringify(plan);
    const imported = okOf(
      interpretSheets(
        [
          {
            name: 'Costs',
            rows: [
              {
                row: 1,
                cells: [
                  { col: 1, type: 'text', value: 'Name', formula: false },
                  { col: 2, type: 'text', value: 'Id', formula: false },
                  { col: 3, type: 'text', value: 'Cost', formula: false },
                ],
              },
              {
                row: 2,
                cells: [
                  { col: 1, type: 'text', value: 'New service', formula: false },
                  { col: 2, type: 'text', value: 'new-service', formula: false },
                  { col: 3, type: 'number', value: 10, formula: false },
                ],
              },
              {
                row: 3,
                cells: [
                  { col: 1, type: 'text', value: 'IRIS again', formula: false },
                  { col: 2, type: 'text', value: 'iris', formula: false },
                  { col: 3, type: 'number', value: 10, formula: false },
                ],
              },
            ],
          },
        ],
        { file: 'x.xlsx', format: 'xlsx' },
      ),
    );
    expect(mergeImport(plan, imported)).toEqual({ ok: false, errors: ["intervention 'iris' (IRIS again) is already in the plan"] });
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('import-sheet writes the merged plan, or nothing at all', async () => {
    const io = () => {
      const out: string[] = [];
      const err: string[] = [];
      return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
    };
    const good = join(dir, 'good.xlsx');
    writeFileSync(good, await xlsx({ Costs: [HEADER, ['Street triage', null, '£52,000.00', 1, 0, 80, 9, 'commissioned']] }));
    const planCopy = join(dir, 'plan.json');
    writeFileSync(planCopy, readFileSync(demoPath));
    const hash = () => createHash('sha256').update(readFileSync(planCopy)).digest('hex');
    const original = hash();

    const outFile = join(dir, 'new.json');
    const ok = io();
    expect(await runCli(['import-sheet', good, planCopy, '--out', outFile], ok.io)).toBe(0);
    expect(ok.out.join('\n')).toMatch(/Wrote .*new\.json \(.*; the plan with 1 intervention and 0 funding streams added\) in \d/);
    const written = JSON.parse(readFileSync(outFile, 'utf8')) as Plan;
    expect(written.interventions.at(-1)).toEqual({
      id: 'street-triage',
      name: 'Street triage',
      category: 'commissioned',
      annualCost: 52000,
      noticeMonths: 1,
      exitCost: 0,
      serviceUsers: 80,
      priority: 9,
    });
    expect(Object.keys(written)).toEqual(Object.keys(demo()));
    expect(validatePlan(written).ok).toBe(true);

    const bad = join(dir, 'bad.xlsx');
    writeFileSync(
      bad,
      await xlsx({ Costs: [HEADER, ['One', null, 10, 1, 0, 1, 1, 'central'], ['Two', null, '12.345', 1, 0, 1, 2, 'central']] }),
    );
    const refused = io();
    const target = join(dir, 'never.json');
    expect(await runCli(['import-sheet', bad, planCopy, '--out', target], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toBe(
      "headroom import-sheet: bad.xlsx was not imported (1 problem); nothing was written:\nSheet 'Costs', row 3, column C: '12.345' has more than 2 decimals",
    );
    expect(existsSync(target)).toBe(false);

    // Even writing over the plan itself: a refused import leaves it byte for byte.
    const clash = join(dir, 'clash.xlsx');
    writeFileSync(
      clash,
      await xlsx({ Costs: [HEADER, ['Fine', null, 10, 1, 0, 1, 1, 'central'], ['IRIS', 'iris', 10, 1, 0, 1, 2, 'central']] }),
    );
    const clashed = io();
    expect(await runCli(['import-sheet', clash, planCopy, '--out', planCopy, '--force'], clashed.io)).toBe(1);
    expect(clashed.err.join('\n')).toContain("intervention 'iris' (IRIS) is already in the plan");
    expect(hash()).toBe(original);
    mkdirSync(join(dir, 'empty'), { recursive: true });
  });
});

describe('import through a file path', () => {
  it('checks the size on disk before reading', async () => {
    const path = join(dir, 'missing.xlsx');
    expect(errorsOf(await importSpreadsheet(path))).toEqual(['missing.xlsx: no such file']);
    const costs = join(dir, 'costs.csv');
    writeFileSync(costs, 'Name,Cost\nA,1.50\n');
    expect(okOf(await importSpreadsheet(costs)).interventions[0]).toEqual({
      id: 'a',
      name: 'A',
      category: 'commissioned',
      annualCost: 1.5,
      priority: 1,
    });
  });
});
