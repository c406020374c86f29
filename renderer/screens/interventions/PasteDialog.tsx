// Rows pasted from a spreadsheet: previewed cell by cell, stored only when all are sound.
// What only the validator can tell (a formula naming an unknown variable) comes back from
// the refused edit and is shown at the pasted cell it belongs to.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Plan } from '../../../shared/plan';
import { formatProblem, type PlanProblem } from '../../../shared/problem';
import {
  parseInterventionRows,
  pasteEdit,
  pasteProblemCount,
  placeProblems,
  PASTE_COLUMN_LABELS,
  DEFAULT_PASTE_COLUMNS,
} from '../../logic/paste';
import { applyEdit } from '../../store/actions';
import { plural } from '../../logic/format';
import { PreviewSummary, PreviewTable } from '../../components/ImportPreview';

export function PasteDialog(props: { plan: Plan; open: boolean; initialText: string; onClose: (added: number) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState(props.initialText);
  const [problems, setProblems] = useState<readonly PlanProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const textId = useId();
  const titleId = useId();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (props.open && !d.open) {
      setText(props.initialText);
      setProblems([]);
      d.showModal();
    } else if (!props.open && d.open) d.close();
  }, [props.open, props.initialText]);

  const parsed = useMemo(() => parseInterventionRows(text, props.plan), [text, props.plan]);
  const count = pasteProblemCount(parsed);
  const placed = useMemo(() => placeProblems(props.plan, parsed, problems), [props.plan, parsed, problems]);
  const at = (line: number, column: string | null) => placed.filter((p) => p.line === line && p.column === column).map((p) => p.message);

  async function add() {
    const edit = pasteEdit(props.plan, parsed);
    if (!edit) return;
    setSaving(true);
    const result = await applyEdit(edit);
    setSaving(false);
    if (result.ok) props.onClose(parsed.rows.length);
    else setProblems(result.problems);
  }

  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={titleId} onClose={() => props.onClose(0)} data-testid="paste-dialog">
      <h2 id={titleId}>Paste interventions</h2>
      <p className="hint">
        Copy rows from Excel or LibreOffice and paste them below. With a header row, columns are matched by name; without one they are read
        in this order: {DEFAULT_PASTE_COLUMNS.map((c) => PASTE_COLUMN_LABELS[c]).join(', ')}.
      </p>
      <label htmlFor={textId}>Rows (tab-separated)</label>
      <textarea
        id={textId}
        rows={5}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setProblems([]);
        }}
        spellCheck={false}
        data-testid="paste-text"
      />
      {parsed.rows.length > 0 ? (
        <>
          <PreviewSummary good={parsed.ok} testId="paste-summary">
            {parsed.ok
              ? `${plural(parsed.rows.length, 'row')} ready to add.`
              : `${plural(count, 'problem')} to fix before anything is added.`}
            {parsed.ignored.length ? ` Ignored columns: ${parsed.ignored.join(', ')}.` : ''}
          </PreviewSummary>
          <PreviewTable caption="Preview of the pasted rows">
            <thead>
              <tr>
                <th scope="col">Line</th>
                {parsed.columns.map((c) => (
                  <th key={c} scope="col">
                    {PASTE_COLUMN_LABELS[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {parsed.rows.map((row) => (
                <tr key={row.line} className={row.intervention ? undefined : 'row-bad'}>
                  <th scope="row">
                    {row.line}
                    {[...row.messages, ...at(row.line, null)].map((m, i) => (
                      <div key={i} className="cell-error">
                        {m}
                      </div>
                    ))}
                  </th>
                  {row.cells.map((cell) => {
                    const messages = cell.message ? [cell.message] : at(row.line, cell.column);
                    return (
                      <td key={cell.column} className={messages.length ? 'cell-bad' : undefined}>
                        {cell.text || <span className="muted">–</span>}
                        {messages.map((m, i) => (
                          <div key={i} className="cell-error">
                            {m}
                          </div>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </PreviewTable>
        </>
      ) : null}
      {problems.length ? (
        <div className="banner error" role="alert">
          <div>
            <strong>Not added.</strong> The plan is unchanged.
            <ul>
              {problems.slice(0, 6).map((p, i) => (
                <li key={i}>{formatProblem(p)}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={() => props.onClose(0)}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!parsed.ok || saving} onClick={() => void add()} data-testid="paste-add">
          {parsed.ok ? `Add ${plural(parsed.rows.length, 'intervention')}` : 'Add'}
        </button>
      </div>
    </dialog>
  );
}
