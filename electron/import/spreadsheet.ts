// Importing interventions and funding from the treasurer's spreadsheet (XLSX or CSV).
// The file is untrusted (reliability.md: spreadsheet import limits): its size and its zip directory are checked
// before any parser sees it; exceljs runs in a worker with memory limits and a timeout;
// headers are matched to plan fields in rows built on Object.create(null); headers and
// cells are read with the field tables of shared/fields (the grammar the grid and paste
// use), money from decimal text to pence without floating point. The result is all or nothing: the
// plan fields, or every problem by sheet, row and column. The caller merges the result
// into a plan and validates the whole plan (mergeImport does both).
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  FUNDING_ROW_FIELDS,
  headerLookup,
  matchHeader,
  INTERVENTION_FIELD_LIST,
  type Field,
  type InterventionFieldKey,
} from '../../shared/fields';
import { decimalPoundsToPence, numberToDecimalText, type Pence } from '../../shared/money';
import { idFromName, isFormula, quote, readAmountPence } from '../../shared/parse';
import type { FundingStream, Intervention, Plan } from '../../shared/plan';
import { formatProblem } from '../../shared/resolve';
import { validatePlan } from '../../shared/validate';
import { importWorkerMain, type RawCell, type RawSheet, type WorkerInput, type WorkerLimits, type WorkerOutput } from './worker';

// ---------------------------------------------------------------- limits

export const IMPORT_LIMITS = {
  /** The file on disk. A budget workbook is tens of kilobytes. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Zip entries of an .xlsx (a workbook of a few sheets has about 15). */
  maxEntries: 300,
  maxSheets: 50,
  /** Sum of the entries' uncompressed sizes, as the zip directory declares them. */
  maxUncompressedBytes: 64 * 1024 * 1024,
  /** Uncompressed ÷ compressed for any entry of 1 MB or more (a zip bomb's is in the thousands). */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxRows: 10_000,
  maxColumns: 100,
  maxCells: 250_000,
  /** The worker's V8 heap; exceljs#1899 saw 8 GB spent on a 1.2 MB file. */
  workerHeapMb: 256,
  timeoutMs: 20_000,
  /** Errors listed before "and N more". */
  maxErrors: 50,
} as const;

export type Limits = { readonly [K in keyof typeof IMPORT_LIMITS]: number };

// ---------------------------------------------------------------- results

export type { ColumnPreview, ImportPreview, SheetPreview } from '../../shared/sheet-import';
import type { ColumnPreview, ImportPreview, SheetPreview } from '../../shared/sheet-import';

export type ImportResult =
  | { readonly ok: true; readonly interventions: Intervention[]; readonly fundingStreams: FundingStream[]; readonly preview: ImportPreview }
  | { readonly ok: false; readonly errors: string[] };

// ---------------------------------------------------------------- the zip directory

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

class Refused extends Error {}

/**
 * The entries an .xlsx (a zip) declares in its central directory, read from the end of
 * the file without inflating anything. ZIP64 and multi-disk archives are refused: no
 * spreadsheet Headroom reads needs them.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = view.length - 22; i >= Math.max(0, view.length - 22 - 0xffff); i--) {
    if (view.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refused('the file is not an Excel workbook (no zip directory found)');
  const disk = view.readUInt16LE(eocd + 4);
  const cdDisk = view.readUInt16LE(eocd + 6);
  const onDisk = view.readUInt16LE(eocd + 8);
  const total = view.readUInt16LE(eocd + 10);
  const cdSize = view.readUInt32LE(eocd + 12);
  const cdOffset = view.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new Refused('the workbook is a ZIP64 archive, larger than any spreadsheet Headroom imports');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== total) throw new Refused('the workbook is split across several files');
  if (cdOffset + cdSize > eocd) throw new Refused('the workbook is damaged (its zip directory points outside the file)');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > cdOffset + cdSize || view.readUInt32LE(p) !== 0x02014b50)
      throw new Refused('the workbook is damaged (bad zip directory entry)');
    const method = view.readUInt16LE(p + 10);
    const compressedSize = view.readUInt32LE(p + 20);
    const uncompressedSize = view.readUInt32LE(p + 24);
    const nameLength = view.readUInt16LE(p + 28);
    const extraLength = view.readUInt16LE(p + 30);
    const commentLength = view.readUInt16LE(p + 32);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)
      throw new Refused('the workbook is a ZIP64 archive, larger than any spreadsheet Headroom imports');
    const name = view.toString('utf8', p + 46, Math.min(p + 46 + nameLength, view.length));
    entries.push({ name, method, compressedSize, uncompressedSize });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Limits checked on the zip directory before any parser sees the workbook. */
export function checkZipLimits(entries: readonly ZipEntry[], limits: Limits = IMPORT_LIMITS): void {
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)).length;
  if (sheets > limits.maxSheets)
    throw new Refused(`the workbook has ${sheets.toLocaleString('en-GB')} sheets; Headroom reads at most ${limits.maxSheets}`);
  if (entries.length > limits.maxEntries)
    throw new Refused(`the workbook has ${entries.length.toLocaleString('en-GB')} parts; Headroom reads at most ${limits.maxEntries}`);
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8)
      throw new Refused(`the workbook's part ${JSON.stringify(entry.name)} uses a compression Excel does not write`);
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize >= limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new Refused(
        `the workbook's part ${JSON.stringify(entry.name)} expands ${Math.round(ratio).toLocaleString('en-GB')} times (to ${mb(entry.uncompressedSize)}); Headroom refuses anything over ${limits.maxRatio} times, as a zip bomb would`,
      );
    }
  }
  if (total > limits.maxUncompressedBytes)
    throw new Refused(`the workbook expands to ${mb(total)}; Headroom reads at most ${mb(limits.maxUncompressedBytes)}`);
}

export function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

// ---------------------------------------------------------------- the worker

function exceljsPath(): string {
  // The CLI and the app are CommonJS bundles with a `require` of their own; under an ES
  // module runner (vitest) resolve from the working folder.
  const req = typeof require === 'function' ? require : createRequire(join(process.cwd(), 'package.json'));
  return req.resolve('exceljs');
}

function runWorker(input: WorkerInput, limits: Limits): Promise<WorkerOutput> {
  return new Promise((resolve) => {
    const worker = new Worker(`(${importWorkerMain.toString()})()`, {
      eval: true,
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32, codeRangeSizeMb: 32, stackSizeMb: 4 },
      // exceljs may print warnings: they are the file's business, not the user's terminal.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (output: WorkerOutput) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(output);
    };
    const timer = setTimeout(
      () => finish({ ok: false, errors: [`reading the file took longer than ${limits.timeoutMs / 1000} s, so it was stopped`] }),
      limits.timeoutMs,
    );
    worker.on('message', (message: string) => finish(JSON.parse(message) as WorkerOutput));
    worker.on('error', (error: Error & { code?: string }) =>
      finish({
        ok: false,
        errors: [
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `reading the file needed more than the ${limits.workerHeapMb} MB of memory Headroom allows, so it was stopped`
            : `the file cannot be read: ${error.message.split('\n')[0]}`,
        ],
      }),
    );
    worker.on('exit', (code) => finish({ ok: false, errors: [`the file cannot be read (the reader stopped with code ${code})`] }));
  });
}

// ---------------------------------------------------------------- reading values

/** "Sheet 'Costs', row 14, column C". */
export function place(sheet: string, row: number, col: number): string {
  return `Sheet '${sheet}', row ${row}, column ${columnLetter(col)}`;
}

export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** What the person sees in the cell, for messages. */
export function shown(cell: RawCell): string {
  const text = cell.type === 'number' ? numberToDecimalText(cell.value) : String(cell.value);
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

/**
 * Pounds written as decimal text ("£1,234.56", "1234.5", "250") to pence, exactly; or why not.
 * The grammar is shared/parse.ts, the same one the grid and paste read with.
 */
export function parseMoneyText(input: string): { pence: Pence } | { problem: string } {
  const read = readAmountPence(input);
  return read.ok ? { pence: read.value } : { problem: read.message };
}

type Read<T> = { value: T } | { problem: string } | null;

interface CellContext {
  readonly where: string;
  readonly notes: string[];
}

/** A number cell of money: typed values must be whole pence; a formula's result is rounded. */
function readMoneyNumber(cell: Extract<RawCell, { type: 'number' }>, ctx: CellContext): Read<Pence> {
  const text = numberToDecimalText(cell.value);
  if (cell.value < 0) return { problem: `${shown(cell)} is negative; an amount must be 0 or more` };
  const parsed = readAmountPence(text);
  if (parsed.ok) return { value: parsed.value };
  // A formula's result is rounded to whole pence half-to-even (plan-format.md §1); a typed value is not.
  if (cell.formula && /^\d+\.\d+$/.test(text)) {
    const pence = decimalPoundsToPence(text);
    ctx.notes.push(`${ctx.where}: the formula's result ${text} was rounded to ${penceText(pence)}`);
    return { value: pence };
  }
  return { problem: parsed.message.replace(quote(text), shown(cell)) };
}

/** The cell as the text a person would type, for the field's reader. */
function cellText(cell: RawCell): string {
  if (cell.type === 'number') return numberToDecimalText(cell.value);
  if (cell.type === 'boolean') return cell.value ? 'yes' : 'no';
  return String(cell.value);
}

/**
 * A cell read by its field's reader (shared/fields): money stays in pence here for the
 * preview's totals; date cells fill months and dates directly; an empty cell is not given.
 */
function readCell(field: Field, cell: RawCell, ctx: CellContext): Read<unknown> {
  if (field.kind === 'money' && cell.type === 'number') return readMoneyNumber(cell, ctx);
  if (cell.type === 'date' && (field.kind === 'month' || field.kind === 'date')) {
    if (!cell.value) return { problem: `${shown(cell)} is not a ${field.kind}` };
    return { value: field.kind === 'month' ? cell.value.slice(0, 7) : cell.value };
  }
  const text = cellText(cell);
  if (text.trim() === '') return null;
  if (isFormula(text.trim())) return { problem: `${shown(cell)} is a formula as text; save the sheet's results, or type the value` };
  if (field.kind === 'money') {
    const pence = readAmountPence(text);
    return pence.ok ? { value: pence.value } : { problem: pence.message };
  }
  const read = field.read(text);
  if (!read.ok) return { problem: read.message };
  return read.value === undefined ? null : { value: read.value };
}

function penceText(pence: Pence): string {
  const pounds = Math.floor(pence / 100);
  return `£${pounds.toLocaleString('en-GB')}.${String(pence - pounds * 100).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- headers

type InterventionField = InterventionFieldKey;
type FundingField = 'stream' | 'streamId' | 'funder' | 'kind' | 'fy' | 'amount' | 'confirmedOn';

/** Header text as compared for refused names: lower case, no punctuation such as "(months)" brackets or "£". */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[£$€()[\]*:._\-/?#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FORBIDDEN_HEADERS = new Set(['__proto__', 'constructor', 'prototype']);

/** A totals line under a list of services, not a service. */
const TOTAL_ROW = /^(grand |sub-?)?totals?:?$/i;

// Headers are matched through the field tables (shared/fields), as paste matches them.
const INTERVENTION_LOOKUP = headerLookup(INTERVENTION_FIELD_LIST) as Map<string, InterventionField>;
const FUNDING_LOOKUP = headerLookup(FUNDING_ROW_FIELDS) as Map<string, FundingField>;
const INTERVENTION_BY_KEY = new Map<string, Field>(INTERVENTION_FIELD_LIST.map((f) => [f.key, f]));
const FUNDING_BY_KEY = new Map<string, Field>(FUNDING_ROW_FIELDS.map((f) => [f.key, f]));

export interface HeaderMatch<F extends string> {
  readonly kind: 'interventions' | 'funding';
  readonly row: number;
  readonly fields: Map<number, F>;
  readonly headers: Map<number, string>;
}

/** The first of the first ten rows that reads as an interventions or a funding header. */
export function findHeader(sheet: RawSheet): HeaderMatch<InterventionField> | HeaderMatch<FundingField> | null {
  for (const row of sheet.rows.slice(0, 10)) {
    const headers = new Map<number, string>();
    for (const cell of row.cells) if (cell.type === 'text') headers.set(cell.col, cell.value.trim());
    const match = <F extends string>(table: Map<string, F>) => {
      const fields = new Map<number, F>();
      for (const [col, header] of headers) {
        const field = matchHeader(table, header) as F | undefined;
        if (field) fields.set(col, field);
      }
      return fields;
    };
    const asInterventions = match(INTERVENTION_LOOKUP);
    const asFunding = match(FUNDING_LOOKUP);
    const has = <F extends string>(fields: Map<number, F>, ...wanted: F[]) => wanted.every((w) => [...fields.values()].includes(w));
    const isInterventions = has(asInterventions, 'name', 'annualCost');
    const isFunding = has(asFunding, 'fy', 'amount') && (has(asFunding, 'stream') || has(asFunding, 'funder'));
    if (isFunding && (!isInterventions || asFunding.size >= asInterventions.size))
      return { kind: 'funding', row: row.row, fields: asFunding, headers };
    if (isInterventions) return { kind: 'interventions', row: row.row, fields: asInterventions, headers };
  }
  return null;
}

// ---------------------------------------------------------------- from cells to plan fields

/** A fresh id made from a name (shared/parse.ts), kept from later rows. */
function reserveId(name: string, taken: Set<string>): string {
  const id = idFromName(name, taken);
  taken.add(id);
  return id;
}

/** Pence as the plan file's pounds: the double whose shortest text is the exact decimal. */
const toPounds = (pence: Pence) => pence / 100;

export interface InterpretOptions {
  /** The file's name, for the preview. */
  readonly file: string;
  readonly format: 'xlsx' | 'csv';
  /** Ids already in the plan: generated ids avoid them. */
  readonly takenInterventionIds?: Iterable<string>;
  readonly takenStreamIds?: Iterable<string>;
}

/** The cells of every sheet as plan fields: pure, so it is tested without files or workers. */
export function interpretSheets(sheets: readonly RawSheet[], options: InterpretOptions): ImportResult {
  const errors: string[] = [];
  const notes: string[] = [];
  const previews: SheetPreview[] = [];
  const interventions: Intervention[] = [];
  const interventionRows: { id: string; name: string; annualCost: Pence; from: string }[] = [];
  const explicitIds = new Map<string, string>();
  const takenInterventions = new Set(options.takenInterventionIds ?? []);
  const takenStreams = new Set(options.takenStreamIds ?? []);
  interface StreamDraft {
    id: string;
    name: string;
    funder: string;
    kind: FundingStream['kind'];
    allocations: FundingStream['allocations'];
    fys: Map<string, string>;
    total: Pence;
    at: string;
    explicit: boolean;
  }
  const streams = new Map<string, StreamDraft>();
  let missingPriority = false;
  let missingCategory = false;

  for (const sheet of sheets) {
    const header = findHeader(sheet);
    if (!header) {
      // Even a sheet Headroom does not read may not carry such headers.
      for (const row of sheet.rows.slice(0, 10)) {
        for (const cell of row.cells) {
          if (cell.type === 'text' && FORBIDDEN_HEADERS.has(cell.value.trim().toLowerCase()))
            errors.push(`${place(sheet.name, row.row, cell.col)}: the header '${cell.value.trim()}' is not allowed`);
        }
      }
      previews.push({ sheet: sheet.name, kind: 'ignored', headerRow: null, columns: [], rows: 0 });
      continue;
    }
    // Headers that name an object's internals are refused outright, wherever they are.
    let forbidden = false;
    for (const [col, text] of header.headers) {
      if (FORBIDDEN_HEADERS.has(text.trim().toLowerCase()) || FORBIDDEN_HEADERS.has(normaliseHeader(text).replace(/ /g, '_'))) {
        errors.push(`${place(sheet.name, header.row, col)}: the header '${text}' is not allowed`);
        forbidden = true;
      }
    }
    const seen = new Map<string, number>();
    for (const [col, field] of header.fields) {
      const before = seen.get(field);
      if (before !== undefined)
        errors.push(
          `${place(sheet.name, header.row, col)}: '${header.headers.get(col)}' repeats column ${columnLetter(before)} ('${header.headers.get(before)}')`,
        );
      else seen.set(field, col);
    }
    const columns: ColumnPreview[] = [...header.headers]
      .sort((a, b) => a[0] - b[0])
      .map(([col, text]) => ({ column: columnLetter(col), header: text, field: header.fields.get(col) ?? null }));
    const dataRows = sheet.rows.filter((r) => r.row > header.row);
    previews.push({ sheet: sheet.name, kind: header.kind, headerRow: header.row, columns, rows: dataRows.length });
    if (forbidden) continue;

    for (const raw of dataRows) {
      // A row keyed by plan field, on a null prototype: no header can reach Object.prototype.
      const record: Record<string, RawCell> = Object.create(null);
      for (const cell of raw.cells) {
        const field = header.fields.get(cell.col);
        if (field) record[field] = cell;
      }
      if (Object.keys(record).length === 0) continue;
      const rowErrors: string[] = [];
      const fieldsByKey = header.kind === 'interventions' ? INTERVENTION_BY_KEY : FUNDING_BY_KEY;
      const get = <T>(field: string): T | undefined => {
        const cell = record[field];
        if (!cell) return undefined;
        const where = place(sheet.name, raw.row, cell.col);
        if (cell.type === 'formula-without-value') {
          rowErrors.push(
            `${where}: the formula ${JSON.stringify(cell.value)} has no saved result; open the file in Excel and save it, or paste the values`,
          );
          return undefined;
        }
        if (cell.type === 'error') {
          rowErrors.push(`${where}: the cell holds the error ${cell.value}`);
          return undefined;
        }
        const result = readCell(fieldsByKey.get(field)!, cell, { where, notes });
        if (result === null) return undefined;
        if ('problem' in result) {
          rowErrors.push(`${where}: ${result.problem}`);
          return undefined;
        }
        return result.value as T;
      };
      const required = (field: string, label: string) =>
        rowErrors.push(`${place(sheet.name, raw.row, seen.get(field) ?? 1)}: ${label} is empty`);

      if (header.kind === 'interventions') {
        const name = get<string>('name');
        const id = get<string>('id');
        const category = get<Intervention['category']>('category');
        const annualCost = get<Pence>('annualCost');
        const noticeMonths = get<number>('noticeMonths');
        const exitCost = get<Pence>('exitCost');
        const serviceUsers = get<number>('serviceUsers');
        const priority = get<number>('priority');
        const system = get<string>('system');
        const area = get<string>('area');
        const provider = get<string>('provider');
        const start = get<string>('start');
        const end = get<string>('end');
        const itemNotes = get<string>('notes');
        if (name !== undefined && TOTAL_ROW.test(name) && !record.id) {
          notes.push(`Sheet '${sheet.name}', row ${raw.row} ('${name}') was taken as a total and skipped`);
          continue;
        }
        if (name === undefined && !record.name) required('name', 'the name');
        if (annualCost === undefined && !record.annualCost) required('annualCost', 'the annual cost');
        if (start && end && end < start)
          rowErrors.push(`${place(sheet.name, raw.row, seen.get('end')!)}: ends (${end}) before it starts (${start})`);
        if (id !== undefined) {
          const other = explicitIds.get(id);
          if (other) rowErrors.push(`${place(sheet.name, raw.row, seen.get('id')!)}: the id '${id}' is also used at ${other}`);
          else explicitIds.set(id, `row ${raw.row}`);
        }
        if (rowErrors.length || name === undefined || annualCost === undefined) {
          errors.push(...rowErrors);
          continue;
        }
        if (category === undefined) missingCategory = true;
        if (priority === undefined) missingPriority = true;
        const item: Intervention = {
          id: id ?? '',
          name,
          category: category ?? 'commissioned',
          ...(system !== undefined && { system }),
          ...(area !== undefined && { area }),
          ...(provider !== undefined && { provider }),
          annualCost: toPounds(annualCost),
          ...(start !== undefined && { start }),
          ...(end !== undefined && { end }),
          ...(noticeMonths !== undefined && { noticeMonths }),
          ...(exitCost !== undefined && { exitCost: toPounds(exitCost) }),
          ...(serviceUsers !== undefined && { serviceUsers }),
          priority: priority ?? interventions.length + 1,
          ...(itemNotes !== undefined && { notes: itemNotes }),
        };
        interventions.push(item);
        interventionRows.push({ id: item.id, name, annualCost, from: `Sheet '${sheet.name}', row ${raw.row}` });
      } else {
        const name = get<string>('stream');
        const streamId = get<string>('streamId');
        const funder = get<string>('funder');
        const kind = get<FundingStream['kind']>('kind');
        const fy = get<string>('fy');
        const amount = get<Pence>('amount');
        const confirmedOn = get<string>('confirmedOn');
        if (name === undefined && funder === undefined && !record.stream && !record.funder)
          required(seen.has('stream') ? 'stream' : 'funder', 'the stream');
        if (fy === undefined && !record.fy) required('fy', 'the financial year');
        if (amount === undefined && !record.amount) required('amount', 'the amount');
        if (rowErrors.length || fy === undefined || amount === undefined || (name === undefined && funder === undefined)) {
          errors.push(...rowErrors);
          continue;
        }
        const streamName = name ?? funder!;
        const key = streamId ?? `name:${streamName.toLowerCase()}`;
        const at = `Sheet '${sheet.name}', row ${raw.row}`;
        let draft = streams.get(key);
        if (!draft) {
          draft = {
            id: streamId ?? '',
            name: streamName,
            funder: funder ?? streamName,
            kind: kind ?? 'grant',
            allocations: [],
            fys: new Map(),
            total: 0,
            at,
            explicit: streamId !== undefined,
          };
          streams.set(key, draft);
        } else {
          const where = (field: string) => place(sheet.name, raw.row, seen.get(field)!);
          if (funder !== undefined && funder !== draft.funder)
            errors.push(`${where('funder')}: the funder '${funder}' differs from '${draft.funder}' given for this stream at ${draft.at}`);
          if (kind !== undefined && kind !== draft.kind)
            errors.push(`${where('kind')}: the kind '${kind}' differs from '${draft.kind}' given for this stream at ${draft.at}`);
        }
        const earlier = draft.fys.get(fy);
        if (earlier) {
          errors.push(`${place(sheet.name, raw.row, seen.get('fy')!)}: ${fy} already has an allocation for '${draft.name}' (${earlier})`);
          continue;
        }
        draft.fys.set(fy, `row ${raw.row}`);
        draft.allocations.push({ fy, amount: toPounds(amount), ...(confirmedOn !== undefined && { confirmedOn }) });
        draft.total += amount;
      }
    }
  }

  if (errors.length === 0 && previews.every((p) => p.kind === 'ignored')) {
    const found = sheets.map((s) => `'${s.name}'`).join(', ');
    errors.push(
      `no sheet has the headers Headroom needs (sheets read: ${found || 'none'}): an interventions sheet needs Name and Annual cost columns; ` +
        'a funding sheet needs Stream or Funder, FY and Amount columns, in one of the first 10 rows',
    );
  }
  if (errors.length > 0) {
    const extra = errors.length - IMPORT_LIMITS.maxErrors;
    return { ok: false, errors: extra > 0 ? [...errors.slice(0, IMPORT_LIMITS.maxErrors), `… and ${extra} more`] : errors };
  }

  // Ids: those given stand (a clash with the plan is reported by the merge); the rest are made from names.
  for (const id of explicitIds.keys()) takenInterventions.add(id);
  interventions.forEach((item, i) => {
    if (item.id === '') {
      item.id = reserveId(item.name, takenInterventions);
      interventionRows[i].id = item.id;
    }
  });
  for (const draft of streams.values()) if (draft.explicit) takenStreams.add(draft.id);
  const fundingStreams: FundingStream[] = [...streams.values()].map((draft) => ({
    id: draft.explicit ? draft.id : reserveId(draft.name, takenStreams),
    name: draft.name,
    funder: draft.funder,
    kind: draft.kind,
    allocations: draft.allocations,
  }));
  if (missingCategory) notes.push('Interventions without a category were taken as commissioned.');
  if (missingPriority) notes.push('Interventions without a priority were given their position in the list (1 = first).');

  return {
    ok: true,
    interventions,
    fundingStreams,
    preview: {
      file: options.file,
      format: options.format,
      sheets: previews,
      interventions: interventionRows,
      fundingStreams: fundingStreams.map((s, i) => ({
        id: s.id,
        name: s.name,
        allocations: s.allocations.length,
        total: [...streams.values()][i].total,
      })),
      notes,
    },
  };
}

// ---------------------------------------------------------------- the whole import

export interface ImportOptions {
  /** The plan the import is for: generated ids avoid its ids. */
  readonly plan?: Pick<Plan, 'interventions' | 'fundingStreams'>;
  readonly limits?: Partial<Limits>;
}

/** Reads a spreadsheet file; every check and parse happens before anything is returned. */
export async function importSpreadsheet(path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const limits: Limits = { ...IMPORT_LIMITS, ...options.limits };
  const read = readFileChecked(path, limits, 'spreadsheets');
  if (!read.ok) return read;
  return importSpreadsheetBytes(read.bytes, read.file, { ...options, limits });
}

export async function importSpreadsheetBytes(bytes: Uint8Array, file: string, options: ImportOptions = {}): Promise<ImportResult> {
  const limits: Limits = { ...IMPORT_LIMITS, ...options.limits };
  const read = await readSheets(bytes, file, limits, { what: 'spreadsheets' });
  if (!read.ok) return read;
  return interpretSheets(read.sheets, {
    file,
    format: read.format,
    takenInterventionIds: options.plan?.interventions.map((i) => i.id),
    takenStreamIds: options.plan?.fundingStreams.map((s) => s.id),
  });
}

// ---------------------------------------------------------------- the reading step, shared with actuals

export type FileRead =
  { readonly ok: true; readonly file: string; readonly bytes: Buffer } | { readonly ok: false; readonly errors: string[] };

/** A file's bytes, its size on disk checked before it is read; `what` names the files in the message. */
export function readFileChecked(path: string, limits: Pick<Limits, 'maxFileBytes'>, what: string): FileRead {
  const file = basename(path);
  const fail = (message: string): FileRead => ({ ok: false, errors: [`${file}: ${message}`] });
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? (error as Error).message})`);
  }
  if (size > limits.maxFileBytes) return fail(`the file is ${mb(size)}; Headroom imports ${what} up to ${mb(limits.maxFileBytes)}`);
  return { ok: true, file, bytes: readFileSync(path) };
}

export type SheetsRead =
  { readonly ok: true; readonly format: 'xlsx' | 'csv'; readonly sheets: RawSheet[] } | { readonly ok: false; readonly errors: string[] };

/**
 * The cells of a file's sheets: its size, kind and zip directory checked, then read in the
 * worker under `limits`. `what` names the files in messages ("spreadsheets", "extracts").
 */
export async function readSheets(bytes: Uint8Array, file: string, limits: Limits, options: { what: string }): Promise<SheetsRead> {
  const fail = (message: string): SheetsRead => ({ ok: false, errors: [`${file}: ${message}`] });
  if (bytes.byteLength > limits.maxFileBytes)
    return fail(`the file is ${mb(bytes.byteLength)}; Headroom imports ${options.what} up to ${mb(limits.maxFileBytes)}`);
  const isZip = bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ext = extname(file).toLowerCase();
  let format: 'xlsx' | 'csv';
  if (isZip) format = 'xlsx';
  else if (ext === '.csv' || ext === '.txt') format = 'csv';
  else if (ext === '.xls') return fail('old-style .xls workbooks are not read; save it as .xlsx or .csv');
  else return fail('the file is neither an Excel workbook (.xlsx) nor a CSV file');
  if (format === 'xlsx') {
    try {
      checkZipLimits(readZipDirectory(bytes), limits);
    } catch (error) {
      if (error instanceof Refused) return fail(error.message);
      throw error;
    }
  }
  const sheetName = file.replace(/\.[^.]*$/, '') || file;
  const workerLimits: WorkerLimits = {
    maxRows: limits.maxRows,
    maxColumns: limits.maxColumns,
    maxCells: limits.maxCells,
    maxSheets: limits.maxSheets,
  };
  const output = await runWorker(
    { format, sheetName, bytes: new Uint8Array(bytes), exceljsPath: format === 'xlsx' ? exceljsPath() : '', limits: workerLimits },
    limits,
  );
  if (!output.ok) return { ok: false, errors: output.errors.map((e) => (e.startsWith('Sheet ') ? e : `${file}: ${e}`)) };
  return { ok: true, format, sheets: output.sheets };
}

// ---------------------------------------------------------------- into a plan

export type MergeResult = { readonly ok: true; readonly plan: Plan } | { readonly ok: false; readonly errors: string[] };

/**
 * A new plan with the import's interventions and funding streams added, validated whole.
 * The plan given is never changed: on any problem the caller still has it as it was.
 */
export function mergeImport(plan: Plan, imported: Extract<ImportResult, { ok: true }>): MergeResult {
  const errors: string[] = [];
  const interventionIds = new Set(plan.interventions.map((i) => i.id));
  const streamIds = new Set(plan.fundingStreams.map((s) => s.id));
  for (const item of imported.interventions)
    if (interventionIds.has(item.id)) errors.push(`intervention '${item.id}' (${item.name}) is already in the plan`);
  for (const stream of imported.fundingStreams)
    if (streamIds.has(stream.id)) errors.push(`funding stream '${stream.id}' (${stream.name}) is already in the plan`);
  if (errors.length) return { ok: false, errors };
  const next: Plan = structuredClone(plan);
  next.interventions.push(...structuredClone(imported.interventions));
  next.fundingStreams.push(...structuredClone(imported.fundingStreams));
  const validation = validatePlan(next);
  if (!validation.ok) return { ok: false, errors: validation.problems.map(formatProblem) };
  return { ok: true, plan: next };
}
