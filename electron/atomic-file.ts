// The one way Headroom writes a file the person asked for (exports, briefings, JSON plans):
// a crash leaves either the old file or the new one, never half of one (electron/reliability.md).
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `data` to `path` through a temporary file in the same folder, flushed to disk, then
 * renamed over it; then flushes the folder so that the rename itself survives a crash.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never written: nothing to clean up.
    }
    throw error;
  }
  syncFolder(dirname(path));
}

/** Makes a folder's entries durable; not possible on every platform (Windows), so best effort. */
function syncFolder(folder: string): void {
  try {
    const dir = openSync(folder, 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // The data is already safe in the file; only the directory entry's durability is at stake.
  }
}
