// Import spreadsheet: services and funding from an .xlsx or .csv, read in main (or the
// harness) by the same code, limits and worker as `npx headroom import-sheet`, previewed
// here with the look of the paste preview. All or nothing: Import stores one undoable edit.
import { useEffect, useId, useRef, useState } from 'react';
import { MAX_EXTRACT_BASE64 } from '../../../shared/ipc';
import type { SheetImportAnswer } from '../../../shared/sheet-import';
import { api } from '../../api';
import { applyEdit } from '../../store/actions';
import { useStore } from '../../store/store';
import { fileBase64 } from '../outturn/import-state';
import { ColumnsHelp } from './ColumnsHelp';
import { SheetPreview, SheetProblems } from './SheetPreview';
import { useSheetImport } from './state';
import './sheet-import.css';

export function SheetImportDialog() {
  const file = useSheetImport((s) => s.file);
  const close = useSheetImport((s) => s.close);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [answer, setAnswer] = useState<SheetImportAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (file && !d.open) {
      setAnswer(null);
      setFailure(null);
      d.showModal();
      void readLatest.current(file);
    } else if (!file && d.open) d.close();
  }, [file]);

  async function read(chosen: File) {
    setBusy(true);
    try {
      const base64 = await fileBase64(chosen);
      if (base64.length > MAX_EXTRACT_BASE64)
        throw new Error(`${chosen.name} is larger than the app reads (about 17 MB); a plan spreadsheet is at most 10 MB`);
      const next = await api.previewSheetImport({ fileName: chosen.name, base64 });
      // A file chosen meanwhile wins: only the latest read is shown.
      if (useSheetImport.getState().file === chosen) setAnswer(next);
    } catch (error) {
      if (useSheetImport.getState().file !== chosen) return;
      setAnswer(null);
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  // The effect reads a newly chosen file with the read of the render that chose it.
  const readLatest = useRef(read);
  readLatest.current = read;

  async function importNow() {
    if (!answer?.ok) return;
    setBusy(true);
    const result = await applyEdit(answer.edit);
    setBusy(false);
    if (result.ok) {
      close();
      useStore.getState().setScreen(answer.interventions.length ? 'interventions' : 'funding');
    } else setFailure(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }

  return (
    <dialog ref={dialog} className="dialog wide sheet-import" aria-labelledby={titleId} onClose={close} data-testid="sheet-import-dialog">
      <h2 id={titleId}>Import spreadsheet{file ? ` “${file.name}”` : ''}</h2>
      <p className="hint">
        Services from a sheet with Name and Annual cost columns, and funding from a sheet with Stream (or Funder), FY and Amount columns,
        read as <code>npx headroom import-sheet</code> reads them. All or nothing: nothing changes until you press Import, and Undo takes
        the whole import back.
      </p>
      <div className="sheet-import-body">
        <ColumnsHelp />
        {busy && !answer ? <p role="status">Reading the spreadsheet…</p> : null}
        {failure ? (
          <p className="paste-summary bad" role="alert">
            {failure}
          </p>
        ) : null}
        {answer?.ok ? <SheetPreview answer={answer} /> : null}
        {answer && !answer.ok ? <SheetProblems problems={answer.problems} /> : null}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={close} data-testid="sheet-import-cancel">
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !answer?.ok}
          onClick={() => void importNow()}
          data-testid="sheet-import-confirm"
        >
          Import
        </button>
      </div>
    </dialog>
  );
}
