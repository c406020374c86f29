// How the app asks where to save. Every save dialog asks before replacing a file (macOS and
// Windows always do; on Linux only with showOverwriteConfirmation) and can make a folder.
import type { SaveDialogOptions } from 'electron';

export interface FileKind {
  readonly name: string;
  readonly extensions: readonly string[];
}

export function saveDialogOptions(title: string, defaultPath: string, kind: FileKind): SaveDialogOptions {
  return {
    title,
    defaultPath,
    filters: [{ name: kind.name, extensions: [...kind.extensions] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}
