// Where the CLI may write a file the person named. A path that exists is refused unless
// --force is given, and even then only a regular file of the kind being written is replaced:
// a mistyped `--pdf plan.json` never destroys a plan.
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { InputError } from './command';

export type OutputKind = 'xlsx' | 'csv' | 'html' | 'pdf' | 'json';

const KIND_NAMES: Record<OutputKind, string> = {
  xlsx: 'Excel workbook',
  csv: 'CSV file',
  html: 'HTML page',
  pdf: 'PDF',
  json: 'JSON plan',
};

/** The first bytes of a file, enough to tell the kinds apart. */
function head(path: string, bytes = 512): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** Whether `start` (a file's first bytes) looks like a file Headroom writes as `kind`. */
export function looksLike(kind: OutputKind, start: Buffer): boolean {
  const text = start
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  switch (kind) {
    case 'xlsx':
      return start.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'));
    case 'pdf':
      return start.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'html':
      return /^<(!doctype html|html)[\s>]/i.test(text);
    case 'json':
      return text.startsWith('{') && !start.includes(0);
    case 'csv':
      return !start.includes(0) && !text.startsWith('{') && !/^<(!doctype|html)/i.test(text) && !text.startsWith('%PDF');
  }
}

/** Refuses a path the CLI must not write to, with what is there and what to do. */
export function checkOutput(path: string, kind: OutputKind, force: boolean): void {
  let stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new InputError(`cannot write ${path}: ${(error as Error).message}`);
  }
  if (stats.isDirectory()) throw new InputError(`${path} is a folder; give a file name (nothing was written)`);
  if (!stats.isFile()) throw new InputError(`${path} is not a regular file (a link, device or pipe); nothing was written`);
  if (!force) throw new InputError(`${path} already exists; give --force to replace it (nothing was written)`);
  if (!looksLike(kind, head(path))) {
    throw new InputError(`${path} is not a ${KIND_NAMES[kind]}, so it was not replaced, even with --force (nothing was written)`);
  }
}
