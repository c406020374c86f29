// The authoring fixture's services as a spreadsheet (test/fixtures/sheets/authoring-services.csv,
// and the same rows as an XLSX made here with exceljs): imported into the fixture's plan without
// interventions, they give exactly its interventions' basic fields. What a sheet cannot carry
// (partner shares, a transition route, a formula for the cost) is set in the app afterwards.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { importSpreadsheet, importSpreadsheetBytes, mergeImport, type ImportResult } from '../../electron/import/spreadsheet';
import type { Intervention, Plan } from '../../shared/plan';
import { AUTHORING_SHEET_PATH, authoringPlan } from '../fixtures';

const dir = mkdtempSync(join(tmpdir(), 'headroom-authoring-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture before any service is added: no interventions, no ring-fence naming them, no scenarios. */
function planWithoutServices(): Plan {
  const plan = authoringPlan();
  plan.interventions = [];
  plan.scenarios = [];
  for (const stream of plan.fundingStreams) delete stream.restrictedTo;
  return plan;
}

/** The central team's cost is the formula `=150000 * (1 + payUplift) ^ fy`; the sheet gives its first year. */
const SHEET_COST: Record<string, number> = { 'partnership-team': 150000 };

/** The fixture's interventions as far as a sheet carries them. */
function basicFields(): Intervention[] {
  return authoringPlan().interventions.map((item) => {
    const { partnerShares: _shares, transition: _transition, ...basic } = item;
    return { ...basic, annualCost: SHEET_COST[item.id] ?? basic.annualCost };
  });
}

function okOf(result: ImportResult) {
  if (!result.ok) throw new Error(`expected the import to succeed:\n${result.errors.join('\n')}`);
  return result;
}

function merged(result: ImportResult): Plan {
  const merge = mergeImport(planWithoutServices(), okOf(result));
  if (!merge.ok) throw new Error(`expected the merge to succeed:\n${merge.errors.join('\n')}`);
  return merge.plan;
}

/** The fixture's services as an Excel workbook, money and numbers as number cells, under a title row. */
async function servicesWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Services');
  sheet.addRow(['Northmoor VRP: services 2023/24']);
  sheet.addRow([
    'Service id',
    'Service',
    'Category',
    'System',
    'Provider',
    'Annual cost',
    'Priority',
    'Notice (months)',
    'Exit cost',
    'People supported',
  ]);
  for (const i of basicFields())
    sheet.addRow([
      i.id,
      i.name,
      i.category,
      i.system,
      i.provider ?? null,
      i.annualCost,
      i.priority,
      i.noticeMonths,
      i.exitCost ?? null,
      i.serviceUsers,
    ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the authoring services sheet', () => {
  it('imports from CSV to exactly the fixture’s interventions, as far as a sheet carries them', async () => {
    const result = okOf(await importSpreadsheet(AUTHORING_SHEET_PATH, { plan: planWithoutServices() }));
    expect(result.fundingStreams).toEqual([]);
    expect(result.preview.notes).toEqual([]);
    const plan = merged(result);
    expect(plan.interventions).toEqual(basicFields());
    // The ids come from the sheet, so the ring-fence of the fixture can name them.
    expect(plan.interventions.map((i) => i.id)).toEqual(authoringPlan().interventions.map((i) => i.id));
  });

  it('imports the same rows from an XLSX with a title row above the headers', async () => {
    const bytes = await servicesWorkbook();
    const result = okOf(await importSpreadsheetBytes(bytes, 'northmoor-services.xlsx', { plan: planWithoutServices() }));
    expect(result.preview.sheets[0]).toMatchObject({ sheet: 'Services', kind: 'interventions', headerRow: 2, rows: 5 });
    expect(merged(result).interventions).toEqual(basicFields());
  });

  it('imports through the CLI, whose plan differs from the fixture only in what the sheet cannot carry', async () => {
    const planPath = join(dir, 'northmoor.json');
    const outPath = join(dir, 'northmoor-with-services.json');
    writeFileSync(planPath, JSON.stringify(planWithoutServices()));
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    expect(await runCli(['import-sheet', AUTHORING_SHEET_PATH, planPath, '--out', outPath], io)).toBe(0);
    expect(out.join('\n')).toContain('5 interventions and 0 funding streams');
    const written = JSON.parse(readFileSync(outPath, 'utf8')) as Plan;
    const expected = planWithoutServices();
    expected.interventions = basicFields();
    expect(written).toEqual(expected);
  });
});
