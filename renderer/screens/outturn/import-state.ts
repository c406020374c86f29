// Which extract the Import actuals dialog is reading: set by File > Import actuals, the
// Outturn screen's button, or a .csv/.xlsx dropped anywhere on the window.
import { create } from 'zustand';

export interface ActualsImportState {
  readonly file: File | null;
  open: (file: File) => void;
  close: () => void;
}

export const useActualsImport = create<ActualsImportState>((set) => ({
  file: null,
  open: (file) => set({ file }),
  close: () => set({ file: null }),
}));

/** Extracts the import reads: what finance systems export. */
export const EXTRACT_ACCEPT = '.csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function isExtract(file: File): boolean {
  return /\.(csv|xlsx|txt)$/i.test(file.name);
}

/** A file's bytes as base64, for the API (binary-safe over IPC and HTTP). */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
