// Which file the Import spreadsheet dialog is reading, and a dropped file whose kind the
// person is asked for: set by File > Import spreadsheet, the Interventions screen's button,
// or a .csv/.xlsx dropped anywhere on the window.
import { create } from 'zustand';

export interface SheetImportState {
  readonly file: File | null;
  /** A dropped file main is looking at, before it is routed to an import. */
  readonly checking: File | null;
  /** A dropped file main could not place, with why: the person chooses its import. */
  readonly choice: { readonly file: File; readonly reason: string } | null;
  open: (file: File) => void;
  close: () => void;
  setChecking: (file: File | null) => void;
  ask: (file: File, reason: string) => void;
  closeChoice: () => void;
}

export const useSheetImport = create<SheetImportState>((set) => ({
  file: null,
  checking: null,
  choice: null,
  open: (file) => set({ file, checking: null, choice: null }),
  close: () => set({ file: null }),
  setChecking: (checking) => set({ checking }),
  ask: (file, reason) => set({ choice: { file, reason }, checking: null }),
  closeChoice: () => set({ choice: null }),
}));

/** Plan spreadsheets the import reads, as the CLI's import-sheet does. */
export const SHEET_ACCEPT = '.xlsx,.csv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
