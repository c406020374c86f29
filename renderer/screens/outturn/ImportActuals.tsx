// The ways in to Import actuals: a button (on the Outturn screen and in the File menu) that
// picks a file, and a .csv or .xlsx dropped anywhere on the window.
import { useEffect, useRef } from 'react';
import { useReadOnly } from '../../store/hooks';
import { EXTRACT_ACCEPT, isExtract, useActualsImport } from './import-state';

export function ImportActualsButton(props: { label?: string; className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const open = useActualsImport((s) => s.open);
  const readOnly = useReadOnly();
  return (
    <>
      <button
        type="button"
        className={props.className}
        disabled={readOnly}
        onClick={() => input.current?.click()}
        data-testid="import-actuals"
      >
        {props.label ?? 'Import actuals…'}
      </button>
      <input
        ref={input}
        type="file"
        accept={EXTRACT_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Finance-system extract to import"
        data-testid="import-actuals-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) open(file);
        }}
      />
    </>
  );
}

/** A file dropped on the window never navigates away; an extract opens Import actuals. */
export function useExtractDrop(): void {
  const open = useActualsImport((s) => s.open);
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
      if (file && isExtract(file) && !readOnly) open(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [open, readOnly]);
}
