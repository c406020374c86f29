// The part of a spreadsheet import that touches the untrusted file's contents: exceljs
// (or a small CSV reader) turns the bytes into plain cells, inside a worker thread with
// resource limits and a timeout (reliability.md: spreadsheet import limits), so a hostile file can exhaust only the
// worker. It reads cells and nothing else; what the cells mean is decided in spreadsheet.ts.
//
// `importWorkerMain` runs as the worker's whole program: spreadsheet.ts starts it from its
// source text (`eval: true`), so it must be self-contained. It may use `require` and its
// own inner functions, never anything imported or defined elsewhere in this file. The same
// source then works from the bundled CLI, the Electron main bundle and vitest alike,
// none of which can hand a worker a TypeScript file.

/** One cell as the worker saw it. Dates are "YYYY-MM-DD"; numbers are the file's doubles. */
export type RawCell =
  | { readonly col: number; readonly type: 'number'; readonly value: number; readonly formula: boolean }
  | { readonly col: number; readonly type: 'text'; readonly value: string; readonly formula: boolean }
  | { readonly col: number; readonly type: 'date'; readonly value: string; readonly formula: boolean }
  | { readonly col: number; readonly type: 'boolean'; readonly value: boolean; readonly formula: boolean }
  /** A formula saved without its result, or whose result is an error such as #DIV/0!. */
  | { readonly col: number; readonly type: 'formula-without-value'; readonly value: string; readonly formula: true }
  | { readonly col: number; readonly type: 'error'; readonly value: string; readonly formula: boolean };

export interface RawRow {
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface RawSheet {
  readonly name: string;
  readonly rows: readonly RawRow[];
}

export interface WorkerLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxCells: number;
  readonly maxSheets: number;
}

export interface WorkerInput {
  readonly format: 'xlsx' | 'csv';
  /** The file's name, used as the sheet name of a CSV file. */
  readonly sheetName: string;
  readonly bytes: Uint8Array;
  /** Where exceljs lives, resolved by the main thread (an eval worker cannot resolve it). */
  readonly exceljsPath: string;
  readonly limits: WorkerLimits;
}

/** What the worker answers, sent as its JSON text. */
export type WorkerOutput = { readonly ok: true; readonly sheets: RawSheet[] } | { readonly ok: false; readonly errors: string[] };

export function importWorkerMain(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const input = workerData as WorkerInput;
  const { limits } = input;

  class Refused extends Error {}

  function columnName(n: number): string {
    let s = '';
    for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  }

  function where(sheet: string, row: number, col: number): string {
    return `Sheet '${sheet}', row ${row}, column ${columnName(col)}`;
  }

  function checkPlace(sheet: string, row: number, col: number) {
    if (row > limits.maxRows || col > limits.maxColumns) {
      throw new Refused(
        `${where(sheet, row, col)}: cell ${columnName(col)}${row} is outside the area Headroom reads ` +
          `(up to row ${limits.maxRows.toLocaleString('en-GB')} and column ${columnName(limits.maxColumns)}); delete what is beyond it`,
      );
    }
  }

  function isoDate(date: Date): string {
    if (Number.isNaN(date.getTime())) return '';
    return date.toISOString().slice(0, 10);
  }

  /** exceljs's value of a cell as a RawCell (null for an empty cell). */
  function fromExcel(col: number, value: unknown, formula: boolean): RawCell | null {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') return { col, type: 'number', value, formula };
    if (typeof value === 'string') return { col, type: 'text', value, formula };
    if (typeof value === 'boolean') return { col, type: 'boolean', value, formula };
    if (value instanceof Date) return { col, type: 'date', value: isoDate(value), formula };
    if (typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if ('formula' in v || 'sharedFormula' in v) {
        const text = String(v.formula ?? v.sharedFormula ?? '');
        const result = v.result;
        if (result === undefined || result === null) return { col, type: 'formula-without-value', value: `=${text}`, formula: true };
        if (typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object)) {
          return { col, type: 'formula-without-value', value: `=${text} (${String((result as { error: unknown }).error)})`, formula: true };
        }
        return fromExcel(col, result, true);
      }
      if (Array.isArray(v.richText))
        return { col, type: 'text', value: (v.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join(''), formula };
      if ('error' in v) return { col, type: 'error', value: String(v.error), formula };
      if ('text' in v) return fromExcel(col, v.text, formula);
    }
    return { col, type: 'error', value: 'a value Headroom cannot read', formula };
  }

  async function readXlsx(): Promise<RawSheet[]> {
    const ExcelJS = require(input.exceljsPath) as typeof import('exceljs');
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) as never);
    } catch (error) {
      throw new Refused(`the file cannot be read as an Excel workbook (${String((error as Error)?.message ?? error).split('\n')[0]})`);
    }
    if (book.worksheets.length > limits.maxSheets)
      throw new Refused(`the workbook has ${book.worksheets.length} sheets; Headroom reads at most ${limits.maxSheets}`);
    let cells = 0;
    const sheets: RawSheet[] = [];
    for (const sheet of book.worksheets) {
      const rows: RawRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const out: RawCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          checkPlace(sheet.name, rowNumber, col);
          if (++cells > limits.maxCells)
            throw new Refused(
              `the workbook has more than ${limits.maxCells.toLocaleString('en-GB')} cells; Headroom reads at most that many`,
            );
          // A merged cell's other parts repeat the master's value: read it once.
          if (cell.isMerged && cell.master !== cell) return;
          const raw = fromExcel(col, cell.value, false);
          if (raw) out.push(raw);
        });
        if (out.length) rows.push({ row: rowNumber, cells: out });
      });
      sheets.push({ name: sheet.name, rows });
    }
    return sheets;
  }

  /**
   * RFC 4180, with a UTF-8, UTF-16 (Excel's "Unicode text") or Windows-1252 file (Excel's
   * "CSV" on Windows writes the latter), separated by commas, semicolons (where the decimal
   * point is a comma) or tabs: the separator is the one the first line uses most.
   */
  function readCsv(): RawSheet[] {
    const bytes = input.bytes;
    let text: string;
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes.length > 1 && bytes[1] === 0 && bytes[0] !== 0)) {
      text = new TextDecoder('utf-16le').decode(bytes);
    } else if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes.length > 1 && bytes[0] === 0 && bytes[1] !== 0)) {
      text = new TextDecoder('utf-16be').decode(bytes);
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder('windows-1252').decode(bytes);
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const separator = separatorOf(text);
    const rows: RawRow[] = [];
    let row: RawCell[] = [];
    let field = '';
    let quoted = false;
    let wasQuoted = false;
    let r = 1;
    let c = 1;
    let cells = 0;
    const endField = () => {
      if (field !== '' || wasQuoted) {
        checkPlace(input.sheetName, r, c);
        if (++cells > limits.maxCells)
          throw new Refused(`the file has more than ${limits.maxCells.toLocaleString('en-GB')} cells; Headroom reads at most that many`);
        if (field.trim() !== '') row.push({ col: c, type: 'text', value: field, formula: false });
      }
      field = '';
      wasQuoted = false;
      c++;
    };
    const endRow = () => {
      endField();
      if (row.length) rows.push({ row: r, cells: row });
      row = [];
      r++;
      c = 1;
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += ch;
      } else if (ch === '"' && field === '') {
        quoted = true;
        wasQuoted = true;
      } else if (ch === separator) endField();
      else if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        endRow();
      } else field += ch;
    }
    if (quoted) throw new Refused(`${where(input.sheetName, r, c)}: a quoted value is never closed`);
    if (field !== '' || row.length) endRow();
    return [{ name: input.sheetName, rows }];
  }

  /** The separator the first line uses most (outside quotes): comma, semicolon or tab. */
  function separatorOf(text: string): string {
    const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (let i = 0; i < text.length && i < 65536; i++) {
      const ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && ch in counts) counts[ch]++;
    }
    return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
  }

  // As JSON text: for a sheet of a million cells, stringify and parse take a fraction of the
  // time structured cloning of as many small objects does.
  const reply = (message: WorkerOutput) => parentPort!.postMessage(JSON.stringify(message));
  Promise.resolve()
    .then(() => (input.format === 'csv' ? readCsv() : readXlsx()))
    .then(
      (sheets) => reply({ ok: true, sheets }),
      (error: unknown) =>
        reply({
          ok: false,
          errors: [
            error instanceof Refused
              ? error.message
              : `the file cannot be read: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
          ],
        }),
    );
}
