// The way in to Import actuals from a button (on the Outturn screen and in the File menu) that
// picks a file; a file dropped on the window is routed by sheet-import/drop.tsx.
import { useRef } from 'react';
import { useReadOnly } from '../../store/hooks';
import { EXTRACT_ACCEPT, useActualsImport } from './import-state';

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
