// Where a new plan's document goes (File > New plan). The harness keeps it in its data folder
// under the plan's name, never replacing a file; Electron asks with a save dialog.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { fileNameFor } from '../shared/file-name';
import { saveDialogOptions } from './dialogs';

export const PLAN_EXTENSION = '.headroom';
export const PLAN_FILE = { name: 'Headroom plan', extensions: ['headroom'] };

/** "Name.headroom" in `dir`, or "Name 2.headroom", "Name 3.headroom"… whichever is not there yet. */
export function freePlanFile(dir: string, planName: string, exists: (file: string) => boolean = fs.existsSync): string {
  const base = fileNameFor(planName, '');
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : ` ${n}`}${PLAN_EXTENSION}`);
    if (!exists(file)) return file;
  }
}

/**
 * Electron's answer: the file the person chose in a save dialog (over `win`, named after the
 * plan), with ".headroom" added when they typed none; null when they cancelled.
 */
export async function chooseNewPlanFile(dialog: Pick<Dialog, 'showSaveDialog'>, win: BrowserWindow | null, planName: string) {
  const options = saveDialogOptions('New plan', fileNameFor(planName, PLAN_EXTENSION), PLAN_FILE);
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  return path.extname(result.filePath) ? result.filePath : `${result.filePath}${PLAN_EXTENSION}`;
}
