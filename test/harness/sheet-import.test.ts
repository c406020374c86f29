// Import spreadsheet in the app: the handler reads the file with the CLI's own code, so its
// preview and the plan its edit makes equal what `npx headroom import-sheet` prints and writes;
// a bad cell is refused at its sheet, row and column and the plan is left as it was.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { importSpreadsheet } from '../../electron/import/spreadsheet';
import { sheetProblem } from '../../electron/import/sheet-answer';
import type { Plan } from '../../shared/plan';
import type { SheetImportAnswer } from '../../shared/sheet-import';
import { badCellWorkbook, SERVICES_CSV_PATH, servicesWorkbook } from '../fixtures/sheets';
import { useDemoSession } from './demo-session';

const demo = useDemoSession('headroom-sheet-');
const call = demo.call;
const preview = (fileName: string, bytes: Buffer) =>
  call('previewSheetImport', { fileName, base64: bytes.toString('base64') }) as Promise<SheetImportAnswer>;

function okOf(answer: SheetImportAnswer) {
  if (!answer.ok) throw new Error(`expected a preview:\n${answer.problems.map((p) => p.text).join('\n')}`);
  return answer;
}

/** The CLI on the same file and the open plan: its result, and the plan it writes. */
async function cli(file: string, bytes: Buffer) {
  const sheet = path.join(demo.dataDir, file);
  fs.writeFileSync(sheet, bytes);
  const planPath = path.join(demo.dataDir, 'plan.json');
  fs.writeFileSync(planPath, await call('exportPlanJson'));
  const plan = JSON.parse(fs.readFileSync(planPath, 'utf8')) as Plan;
  const imported = await importSpreadsheet(sheet, { plan });
  const out = path.join(demo.dataDir, 'new.json');
  const err: string[] = [];
  const code = await runCli(['import-sheet', sheet, planPath, '--out', out, '--force'], { out: () => {}, err: (t) => err.push(t) });
  return { imported, code, err, written: code === 0 ? (JSON.parse(fs.readFileSync(out, 'utf8')) as Plan) : null };
}

describe('previewSheetImport', () => {
  it('previews exactly what import-sheet reads, and its one edit makes the plan the CLI writes', async () => {
    const bytes = await servicesWorkbook();
    const answer = okOf(await preview('costs.xlsx', bytes));
    const expected = await cli('costs.xlsx', bytes);
    if (!expected.imported.ok) throw new Error(expected.imported.errors.join('\n'));
    expect(answer.preview).toEqual(expected.imported.preview);
    expect(answer.interventions).toEqual(expected.imported.interventions);
    expect(answer.fundingStreams).toEqual(expected.imported.fundingStreams);
    expect(answer.preview.interventions.map((i) => i.name)).toEqual([
      'Youth outreach',
      'Custody navigators',
      'Schools programme',
      'Data analyst',
      'Family support',
    ]);
    expect(answer.preview.sheets.map((s) => [s.sheet, s.kind, s.rows])).toEqual([
      ['Costs', 'interventions', 6],
      ['Funding', 'funding', 3],
    ]);
    expect(answer.preview.sheets[0].columns.at(-1)).toEqual({ column: 'H', header: 'Comments', field: null });
    expect(answer.edit.label).toBe('Import spreadsheet “costs.xlsx”: 5 services, 2 streams');
    expect(answer.sameNames).toEqual([]);

    const before = await demo.handlers.getPlan();
    const applied = await call('applyEdit', answer.edit);
    expect(applied.ok).toBe(true);
    expect((await demo.handlers.getPlan()).plan).toEqual(expected.written);
    expect((await demo.handlers.getPlan()).info.undoLabel).toBe('Import spreadsheet “costs.xlsx”: 5 services, 2 streams');
    expect((await call('undo')).plan).toEqual(before.plan);
  });

  it('reads a CSV file of services', async () => {
    const answer = okOf(await preview('services.csv', fs.readFileSync(SERVICES_CSV_PATH)));
    expect(answer.preview.interventions.map((i) => [i.id, i.annualCost])).toEqual([
      ['youth-outreach', 8_400_000],
      ['custody-navigators', 5_250_000],
    ]);
    expect(answer.edit.label).toBe('Import spreadsheet “services.csv”: 2 services');
  });

  it('refuses a bad cell at its sheet, row and column, as the CLI does, and stores nothing', async () => {
    const bytes = await badCellWorkbook();
    const before = await demo.handlers.getPlan();
    const answer = await preview('costs.xlsx', bytes);
    expect(answer).toEqual({
      ok: false,
      file: 'costs.xlsx',
      problems: [
        {
          sheet: 'Costs',
          row: 4,
          column: 'C',
          message: "'three' is not a number of months (a whole number, 0 or more)",
          text: "Sheet 'Costs', row 4, column C: 'three' is not a number of months (a whole number, 0 or more)",
        },
      ],
    });
    const expected = await cli('costs.xlsx', bytes);
    expect(expected.code).toBe(1);
    const lines = answer.ok ? [] : answer.problems.map((p) => p.text);
    expect(expected.err.join('\n')).toBe(
      `headroom import-sheet: costs.xlsx was not imported (1 problem); nothing was written:\n${lines.join('\n')}`,
    );
    expect(await demo.handlers.getPlan()).toEqual(before);
  });

  it('puts an id the plan already has at its row, and flags a name already in the plan', async () => {
    const header = 'Service,Id,Annual cost\n';
    const clash = await preview('clash.csv', Buffer.from(`${header}Fine,fine,10\nIRIS again,iris,20\n`));
    expect(clash.ok ? [] : clash.problems).toEqual([
      expect.objectContaining({ sheet: 'clash', row: 3, message: "intervention 'iris' (IRIS again) is already in the plan" }),
    ]);
    const same = okOf(await preview('same.csv', Buffer.from('Service,Annual cost\nVRU central team,10\n')));
    expect(same.sameNames).toEqual([
      { what: 'intervention', id: 'vru-central-team', name: 'VRU central team', existingId: 'central-team' },
    ]);
  });

  it('refuses headers with no rows under them', async () => {
    const answer = await preview('empty.csv', Buffer.from('Service,Annual cost\n'));
    expect(answer.ok ? null : answer.problems.map((p) => p.text)).toEqual([
      'empty.csv: its header rows were found, but no rows under them to import',
    ]);
  });

  it('refuses a payload over the extract limit before reading it', async () => {
    await expect(call('previewSheetImport', { fileName: 'big.csv', base64: 'A'.repeat(24_000_001) })).rejects.toThrow(
      /Refused previewSheetImport/,
    );
  });
});

describe('sheetProblem', () => {
  it('splits a line at its place, and keeps a line without one whole', () => {
    expect(sheetProblem("Sheet 'Q1 '21', row 12, column AB: the cell holds the error #REF!")).toMatchObject({
      sheet: "Q1 '21",
      row: 12,
      column: 'AB',
      message: 'the cell holds the error #REF!',
    });
    expect(sheetProblem("Sheet 'Costs', row 3: ends before it starts")).toMatchObject({ sheet: 'Costs', row: 3, column: null });
    expect(sheetProblem('x.xlsx: no such file')).toEqual({
      sheet: null,
      row: null,
      column: null,
      message: 'x.xlsx: no such file',
      text: 'x.xlsx: no such file',
    });
  });
});

describe('classifySpreadsheet', () => {
  it('names the kind of a dropped workbook', async () => {
    const bytes = await servicesWorkbook();
    expect(await call('classifySpreadsheet', { fileName: 'costs.xlsx', base64: bytes.toString('base64') })).toEqual({
      kind: 'plan',
      reason: "Sheet 'Costs', row 1 has the services columns of a plan spreadsheet.",
    });
  });
});
