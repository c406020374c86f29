// How much of a plan file is checked on open, and the one repair Headroom offers. quick_check
// misses an index that disagrees with its table (a flipped byte in an index page), so a file
// small enough is checked in full; damage confined to indexes is repaired by rebuilding them,
// the data itself being intact, after a backup through SQLite's backup API.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DocumentError, MESSAGES } from './document-error';

/** Files up to this size get integrity_check on open (about 10 ms per MB here); larger ones quick_check. */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** Refuses a damaged file, naming index-only damage (which can be repaired) apart from the rest. */
export function checkIntegrity(db: Database.Database, file: string, name: string): void {
  const size = fs.statSync(file).size;
  const quick = () => db.pragma('quick_check', { simple: true }) === 'ok';
  if (size > FULL_CHECK_MAX_BYTES) {
    if (!quick()) throw new DocumentError('corrupt', MESSAGES.corrupt(name));
    return;
  }
  if (db.pragma('integrity_check', { simple: true }) === 'ok') return;
  if (quick()) throw new DocumentError('damaged-index', MESSAGES.damagedIndex(name));
  throw new DocumentError('corrupt', MESSAGES.corrupt(name));
}

function unusedName(base: string): string {
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * Rebuilds the indexes of a file whose only damage is in them. A copy is taken first (the
 * backup API, never a file copy) and its path returned; the file is then checked in full.
 */
export async function rebuildIndexes(file: string): Promise<string> {
  const name = path.basename(file);
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('trusted_schema = 0');
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new DocumentError('corrupt', MESSAGES.corrupt(name));
    const backup = unusedName(`${file}.before-repair`);
    await db.backup(backup);
    db.exec('REINDEX');
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new DocumentError('corrupt', MESSAGES.corrupt(name));
    return backup;
  } finally {
    db.close();
  }
}
