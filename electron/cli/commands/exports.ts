// compare with file outputs (--xlsx, --csv-out), report (the briefing as HTML and PDF)
// and import-sheet (interventions and funding from a spreadsheet into a JSON plan).
// Each file is written atomically, and the command says what it wrote and how long it took.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { comparisonJson } from '../../../shared/compare';
import { comparisonCsv } from '../../../shared/compare-csv';
import { moneyFull } from '../../../shared/format';
import { jsonText, planJsonText } from '../../../shared/json-text';
import type { Plan } from '../../../shared/plan';
import { simulateScenarios } from '../../../shared/scenario-set';
import { writeFileAtomic } from '../../atomic-file';
import { briefingFromSet } from '../../export/briefing';
import { htmlToPdf } from '../../export/pdf';
import { workbookFromSet } from '../../export/workbook';
import { importSpreadsheet, mergeImport } from '../../import/spreadsheet';
import { type Command, InputError, type Io, requireCount, UsageError } from '../command';
import { loadPlan, loadPlanAsync, pickScenarios } from '../load-plan';
import { checkOutput, type OutputKind } from '../output-file';
import { comparisonText } from '../report-text';
import { compareAgainst } from './compare-against';

export function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function took(start: number): string {
  const ms = performance.now() - start;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The file an option names, checked before any work: a file already there needs --force. */
export function outPath(values: Record<string, unknown>, name: string, kind: OutputKind): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a file name`);
  const ext = kind === 'html' ? /\.html?$/i : new RegExp(`\\.${kind}$`, 'i');
  if (!ext.test(value)) throw new UsageError(`--${name} needs a .${kind} file name, not "${value}"`);
  checkOutput(value, kind, values.force === true);
  return value;
}

export const FORCE = { force: { type: 'boolean' } } as const;

/** Writes a file, turning file-system errors into a plain message. */
export function write(path: string, data: string | Uint8Array) {
  try {
    writeFileAtomic(path, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot write ${path}: ${code === 'ENOENT' ? 'no such folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`,
    );
  }
}

function scenarioIds(values: Record<string, unknown>, min: number, command: string): string[] {
  const ids = (values.scenario as string[] | undefined) ?? [];
  if (ids.length < min || ids.length > 4) throw new UsageError(`${command} needs ${min === 1 ? 'one' : 'two'} to four --scenario options`);
  return ids;
}

export const compareExportCommand: Command = {
  name: 'compare',
  summary: "put two to four scenarios side by side, or one against a snapshot's; write them to Excel or CSV",
  usage:
    'headroom compare PLAN.json --scenario A --scenario B [--scenario C ...] [--csv | --json] [--xlsx OUT.xlsx] [--csv-out OUT.csv] [--force]\n' +
    '       headroom compare DOC.headroom --scenario A --against "SNAPSHOT NAME:B" [--csv | --json] [--xlsx OUT.xlsx] [--csv-out OUT.csv] [--force]',
  options: {
    scenario: { type: 'string', multiple: true },
    against: { type: 'string' },
    csv: { type: 'boolean' },
    json: { type: 'boolean' },
    xlsx: { type: 'string' },
    'csv-out': { type: 'string' },
    ...FORCE,
  },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 1, 'the plan file');
    if (values.against !== undefined) return compareAgainst(positionals[0], values, io);
    const ids = scenarioIds(values, 2, 'compare');
    if (values.csv && values.json) throw new UsageError('choose one of --csv and --json');
    const xlsx = outPath(values, 'xlsx', 'xlsx');
    const csvOut = outPath(values, 'csv-out', 'csv');
    const loaded = await loadPlanAsync(positionals[0]);
    pickScenarios(loaded, ids);
    const set = simulateScenarios(loaded.plan, ids);
    const { comparison } = set;
    if (values.csv) io.out(comparisonCsv(comparison, set.results).trimEnd());
    else if (values.json) io.out(jsonText(comparisonJson(loaded.plan.name, comparison)));
    else if (!xlsx && !csvOut) io.out(comparisonText(loaded.plan.name, comparison));
    // With data on standard output, say what was written on standard error.
    const status = values.csv || values.json ? io.err : io.out;
    if (csvOut) {
      const start = performance.now();
      const csv = comparisonCsv(comparison, set.results);
      write(csvOut, csv);
      status(`Wrote ${csvOut} (${size(Buffer.byteLength(csv))}) in ${took(start)}`);
    }
    if (xlsx) {
      const start = performance.now();
      const bytes = await workbookFromSet(set);
      write(xlsx, bytes);
      status(`Wrote ${xlsx} (5 sheets: Summary, Years, Interventions, Decisions, Monthly; ${size(bytes.length)}) in ${took(start)}`);
    }
    return 0;
  },
};

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a briefing on one to four scenarios, as HTML and/or an A4 PDF',
  usage: 'headroom report PLAN.json --scenario A [--scenario B ...] [--html OUT.html] [--pdf OUT.pdf] [--force]',
  options: { scenario: { type: 'string', multiple: true }, html: { type: 'string' }, pdf: { type: 'string' }, ...FORCE },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 1, 'the plan file');
    const ids = scenarioIds(values, 1, 'report');
    const htmlOut = outPath(values, 'html', 'html');
    const pdfOut = outPath(values, 'pdf', 'pdf');
    if (!htmlOut && !pdfOut) throw new UsageError('give --html OUT.html, --pdf OUT.pdf or both');
    const loaded = await loadPlanAsync(positionals[0]);
    pickScenarios(loaded, ids);
    let start = performance.now();
    const html = briefingFromSet(simulateScenarios(loaded.plan, ids));
    const htmlTime = took(start);
    if (htmlOut) {
      write(htmlOut, html);
      io.out(`Wrote ${htmlOut} (${size(Buffer.byteLength(html))}) in ${took(start)}`);
    }
    if (pdfOut) {
      start = performance.now();
      const pdf = await htmlToPdf(html, pdfOut);
      io.out(
        `Wrote ${pdfOut} (${pdf.pages} A4 page${pdf.pages === 1 ? '' : 's'}, ${size(pdf.bytes)}) in ${took(start)}${htmlOut ? '' : ` (the briefing took ${htmlTime})`}`,
      );
    }
    return 0;
  },
};

export function readPlanJson(path: string): Plan {
  // loadPlan has validated the file; merge into what the file says, keys in its own order.
  return JSON.parse(readFileSync(path, 'utf8')) as Plan;
}

function importSummary(io: Io, preview: Extract<Awaited<ReturnType<typeof importSpreadsheet>>, { ok: true }>['preview']) {
  for (const sheet of preview.sheets) {
    if (sheet.kind === 'ignored') {
      io.out(`  Sheet '${sheet.sheet}': ignored (no recognised header row)`);
      continue;
    }
    const used = sheet.columns.filter((c) => c.field).map((c) => `${c.column} ${c.header} → ${c.field}`);
    const ignored = sheet.columns.filter((c) => !c.field).map((c) => `${c.column} ${c.header}`);
    io.out(
      `  Sheet '${sheet.sheet}': ${sheet.kind}, header in row ${sheet.headerRow}, ${sheet.rows} row${sheet.rows === 1 ? '' : 's'}; columns ${used.join(', ')}${ignored.length ? `; ignored ${ignored.join(', ')}` : ''}`,
    );
  }
  for (const item of preview.interventions)
    io.out(`  + intervention ${item.id}: ${item.name}, ${moneyFull(item.annualCost)} a year (${item.from})`);
  for (const stream of preview.fundingStreams)
    io.out(
      `  + funding stream ${stream.id}: ${stream.name}, ${stream.allocations} allocation${stream.allocations === 1 ? '' : 's'}, ${moneyFull(stream.total)} in all`,
    );
  for (const note of preview.notes) io.out(`  Note: ${note}`);
}

export const importSheetCommand: Command = {
  name: 'import-sheet',
  summary: 'add interventions and funding from a spreadsheet (.xlsx or .csv) to a plan',
  usage: 'headroom import-sheet FILE.xlsx PLAN.json --out NEW.json [--dry-run] [--force]',
  options: { out: { type: 'string' }, 'dry-run': { type: 'boolean' }, ...FORCE },
  async run(positionals, values, io) {
    requireCount(positionals, 2, 2, positionals.length === 0 ? 'the spreadsheet and the plan file' : 'the plan file');
    const [sheetPath, planPath] = positionals;
    const dryRun = values['dry-run'] === true;
    const out = dryRun ? undefined : outPath(values, 'out', 'json');
    if (!dryRun && !out) throw new UsageError('--out NEW.json is required (or --dry-run to only check the spreadsheet)');
    const start = performance.now();
    loadPlan(planPath);
    const plan = readPlanJson(planPath);
    const imported = await importSpreadsheet(sheetPath, { plan });
    if (!imported.ok) {
      throw new InputError(
        `${basename(sheetPath)} was not imported (${imported.errors.length} problem${imported.errors.length === 1 ? '' : 's'}); nothing was written:\n${imported.errors.join('\n')}`,
      );
    }
    const merged = mergeImport(plan, imported);
    if (!merged.ok)
      throw new InputError(`${basename(sheetPath)} cannot be added to ${planPath}; nothing was written:\n${merged.errors.join('\n')}`);
    const counts = `${imported.interventions.length} intervention${imported.interventions.length === 1 ? '' : 's'} and ${imported.fundingStreams.length} funding stream${imported.fundingStreams.length === 1 ? '' : 's'}`;
    io.out(`${basename(sheetPath)}: ${counts}`);
    importSummary(io, imported.preview);
    if (out) {
      const text = planJsonText(merged.plan);
      write(out, text);
      io.out(`Wrote ${out} (${size(Buffer.byteLength(text))}; the plan with ${counts} added) in ${took(start)}`);
    } else {
      io.out(`Checked in ${took(start)}; nothing written (--dry-run)`);
    }
    return 0;
  },
};
