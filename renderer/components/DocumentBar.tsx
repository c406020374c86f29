// The document bar: the plan's name and file, the actuals badge, save state, undo/redo and
// the File menu (new plan, imports, export).
import { useRef } from 'react';
import { actualsToWords } from '../../shared/outturn-figures';
import { parseMonth } from '../../shared/months';
import { ImportActualsButton } from '../screens/outturn/ImportActuals';
import { ImportSheetButton } from '../screens/sheet-import/ImportSheetButton';
import { openNewPlan } from '../screens/plan/new-plan-state';
import { exportPlanJson, importPlanJson, redo, undo } from '../store/actions';
import { useStore } from '../store/store';
import { useStickyHeight } from './sticky';

export function DocumentBar() {
  const info = useStore((s) => s.snapshot?.info ?? null);
  const planName = useStore((s) => s.snapshot?.plan.name ?? '');
  const asAt = useStore((s) => s.snapshot?.plan.actuals?.asAt ?? null);
  const pending = useStore((s) => s.pending !== null);
  const fileInput = useRef<HTMLInputElement>(null);
  const sticky = useStickyHeight('--sticky-docbar');
  if (!info) return null;
  return (
    <header className="docbar" ref={sticky}>
      <div className="doc-title">
        <span className="doc-name" data-testid="plan-name">
          {planName}
        </span>
        <span className="doc-file">{info.fileName}</span>
        {asAt ? (
          <button
            type="button"
            className="doc-actuals"
            data-testid="actuals-as-at-badge"
            title="Months up to here are actual spend from the finance system; later months are forecast. Open the outturn."
            onClick={() => useStore.getState().setScreen('outturn')}
          >
            {actualsToWords(parseMonth(asAt))}
          </button>
        ) : null}
      </div>
      <div className="doc-tools">
        <span className="save-state" role="status" aria-live="polite" data-testid="save-state">
          {info.readOnly ? 'Read-only' : pending ? 'Saving…' : 'All changes saved'}
        </span>
        <button
          type="button"
          onClick={() => void undo()}
          disabled={!info.undoLabel || info.readOnly}
          title={info.undoLabel ? `Undo: ${info.undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
          aria-keyshortcuts="Control+Z"
          data-testid="undo"
        >
          <span aria-hidden="true">↶</span> Undo{info.undoLabel ? <span className="op-label">: {info.undoLabel}</span> : null}
        </button>
        <button
          type="button"
          onClick={() => void redo()}
          disabled={!info.redoLabel || info.readOnly}
          title={info.redoLabel ? `Redo: ${info.redoLabel} (Ctrl+Y)` : 'Nothing to redo'}
          aria-keyshortcuts="Control+Y Control+Shift+Z"
          data-testid="redo"
        >
          <span aria-hidden="true">↷</span> Redo{info.redoLabel ? <span className="op-label">: {info.redoLabel}</span> : null}
        </button>
        <details className="menu">
          <summary data-testid="menu-file">File</summary>
          <div className="menu-items">
            <button
              type="button"
              onClick={(e) => {
                // The menu closes, so it is not left open behind the dialog; closing the dialog
                // (Escape, Cancel) then gives the focus back to File.
                const menu = e.currentTarget.closest('details');
                menu?.removeAttribute('open');
                menu?.querySelector('summary')?.focus();
                openNewPlan();
              }}
              aria-keyshortcuts="Control+N"
              data-testid="menu-new-plan"
            >
              New plan…
            </button>
            <button type="button" onClick={() => fileInput.current?.click()} disabled={info.readOnly}>
              Import plan (JSON)…
            </button>
            <button type="button" onClick={() => void exportPlanJson()}>
              Export plan (JSON)
            </button>
            <ImportActualsButton label="Import actuals (CSV, Excel)…" />
            <ImportSheetButton label="Import spreadsheet (CSV, Excel)…" testId="menu-import-sheet" />
          </div>
        </details>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Plan file to import"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) await importPlanJson(await file.text());
          }}
        />
      </div>
    </header>
  );
}
