// A button that picks a plan spreadsheet and opens Import spreadsheet: in the File menu and
// on the Interventions screen beside Paste rows.
import { useRef } from 'react';
import { useReadOnly } from '../../store/hooks';
import { SHEET_ACCEPT, useSheetImport } from './state';

export function ImportSheetButton(props: { label?: string; className?: string; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const open = useSheetImport((s) => s.open);
  const readOnly = useReadOnly();
  const testId = props.testId ?? 'import-sheet';
  return (
    <>
      <button
        type="button"
        className={props.className}
        disabled={readOnly}
        onClick={(e) => {
          // From the File menu: the menu closes, so it is not left open behind the dialog.
          e.currentTarget.closest('details')?.removeAttribute('open');
          input.current?.click();
        }}
        data-testid={testId}
      >
        {props.label ?? 'Import spreadsheet…'}
      </button>
      <input
        ref={input}
        type="file"
        accept={SHEET_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Plan spreadsheet to import"
        data-testid={`${testId}-file`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) open(file);
        }}
      />
    </>
  );
}
