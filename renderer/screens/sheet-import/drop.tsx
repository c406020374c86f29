// A spreadsheet dropped anywhere on the window goes to the import it is for: main reads its
// header rows (classifySpreadsheet) and says plan spreadsheet or finance-system extract; when
// it cannot tell, the person chooses. A file dropped never navigates the window away.
import { useEffect, useId, useRef } from 'react';
import { MAX_EXTRACT_BASE64 } from '../../../shared/ipc';
import { api } from '../../api';
import { useReadOnly } from '../../store/hooks';
import { fileBase64, isExtract, useActualsImport } from '../outturn/import-state';
import { useSheetImport } from './state';
import './sheet-import.css';

/** Opens the import a dropped file is for, or asks. */
export async function routeDroppedFile(file: File): Promise<void> {
  const sheets = useSheetImport.getState();
  const openActuals = useActualsImport.getState().open;
  sheets.setChecking(file);
  try {
    const base64 = await fileBase64(file);
    // Only an extract is this large; its dialog says how large the app reads.
    if (base64.length > MAX_EXTRACT_BASE64) {
      sheets.setChecking(null);
      openActuals(file);
      return;
    }
    const { kind, reason } = await api.classifySpreadsheet({ fileName: file.name, base64 });
    if (useSheetImport.getState().checking !== file) return;
    if (kind === 'plan') sheets.open(file);
    else if (kind === 'actuals') {
      sheets.setChecking(null);
      openActuals(file);
    } else sheets.ask(file, reason);
  } catch (error) {
    sheets.ask(file, error instanceof Error ? error.message : String(error));
  }
}

export function useSpreadsheetDrop(): void {
  const readOnly = useReadOnly();
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = readOnly ? 'none' : 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file && isExtract(file) && !readOnly) void routeDroppedFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [readOnly]);
}

/** "Looking at costs.xlsx…" while main reads a dropped file's headers, then the two-choice prompt if it could not tell. */
export function DropChoiceDialog() {
  const checking = useSheetImport((s) => s.checking);
  const choice = useSheetImport((s) => s.choice);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeChoice = useSheetImport((s) => s.closeChoice);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (choice && !d.open) d.showModal();
    else if (!choice && d.open) d.close();
  }, [choice]);

  const choose = (kind: 'plan' | 'actuals') => {
    if (!choice) return;
    closeChoice();
    if (kind === 'plan') useSheetImport.getState().open(choice.file);
    else useActualsImport.getState().open(choice.file);
  };

  return (
    <>
      {checking ? (
        <p className="drop-status" role="status" data-testid="drop-checking">
          Looking at {checking.name}…
        </p>
      ) : null}
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={closeChoice} data-testid="drop-choice-dialog">
        <h2 id={titleId}>Which import is “{choice?.file.name}” for?</h2>
        <p className="hint" data-testid="drop-choice-reason">
          {choice?.reason}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={closeChoice}>
            Cancel
          </button>
          <button type="button" onClick={() => choose('actuals')} data-testid="drop-choice-actuals">
            Actuals from a finance-system extract
          </button>
          <button type="button" className="primary" onClick={() => choose('plan')} data-testid="drop-choice-plan">
            Services and funding for the plan
          </button>
        </div>
      </dialog>
    </>
  );
}
