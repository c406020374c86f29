// Import actuals from a finance-system extract (plan-format.md §10): the file is read by the
// same code as `npx headroom import-actuals` (in main or the harness), and previewed here:
// the columns recognised, rows matched to each service, rows skipped, the months replaced.
// Codes that match nothing can be mapped to a service (which adds them to its ledger codes).
// Nothing changes until Import, which stores the whole import as one undoable edit.
import { useEffect, useId, useRef, useState } from 'react';
import type { ActualsImportAnswer, ActualsPreview, UnmatchedCode } from '../../../shared/actuals-import';
import { MAX_EXTRACT_BASE64 } from '../../../shared/ipc';
import { formatMoney } from '../../../shared/money';
import { monthName, parseMonth } from '../../../shared/months';
import { api } from '../../api';
import { DataTable, num } from '../../components/DataTable';
import { plural } from '../../logic/format';
import { applyEdit } from '../../store/actions';
import { usePlan } from '../../store/hooks';
import { useStore } from '../../store/store';
import { fileBase64, useActualsImport } from './import-state';

const monthText = (code: string | null) => (code ? monthName(parseMonth(code)) : 'none yet');

function Preview(props: { preview: ActualsPreview }) {
  const p = props.preview;
  const plan = usePlan();
  const nameOf = (id: string) => plan?.interventions.find((i) => i.id === id)?.name ?? id;
  const recognised = p.columns.filter((c) => c.role !== null);
  const ignored = p.columns.filter((c) => c.role === null);
  return (
    <div data-testid="actuals-preview">
      <p className="paste-summary good">
        {plural(p.rowsMatched, 'row')} of {p.rowsRead.toLocaleString('en-GB')} matched to {plural(p.interventions.length, 'service')};
        actuals to {monthText(p.asAtAfter)} (before: {monthText(p.asAtBefore)}).
      </p>
      <p className="hint">
        Sheet “{p.sheet}”, header in row {p.headerRow}: {recognised.map((c) => `${c.header} (${c.column}) as ${c.role}`).join(', ')}
        {ignored.length ? `; ignored: ${ignored.map((c) => c.header || c.column).join(', ')}` : ''}.
      </p>
      <p className="hint" data-testid="actuals-months-replaced">
        Replaces every service’s actuals for {p.monthsReplaced.map((m) => monthName(parseMonth(m), true)).join(', ')}.
      </p>
      <div className="paste-preview">
        <DataTable
          caption="Rows matched to each service"
          className="data compact"
          columns={['Service', num('Rows'), 'Months', num('Total')]}
        >
          {p.interventions.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td className="num">{i.rows.toLocaleString('en-GB')}</td>
              <td>{i.months.map((m) => monthName(parseMonth(m), true)).join(', ')}</td>
              <td className="num">{formatMoney(i.total)}</td>
            </tr>
          ))}
        </DataTable>
      </div>
      {p.skipped.length || p.notes.length || p.ledgerCodesAdded.length ? (
        <ul className="hint">
          {p.skipped.map((s) => (
            <li key={s.reason}>
              Skipped {s.reason}: row{s.rows.length === 1 ? '' : 's'} {s.rows.slice(0, 12).join(', ')}
              {s.rows.length > 12 ? ` and ${s.rows.length - 12} more` : ''}
            </li>
          ))}
          {p.ledgerCodesAdded.map((c) => (
            <li key={c.code}>
              Code “{c.code}” will be kept as a ledger code of {nameOf(c.intervention)}
            </li>
          ))}
          {p.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Unmatched(props: { codes: readonly UnmatchedCode[]; mapping: Record<string, string>; onMap: (code: string, id: string) => void }) {
  const plan = usePlan()!;
  return (
    <div data-testid="actuals-unmatched">
      <h3>Codes that match no service</h3>
      <p className="hint">
        Choose the service each code books to; it is added to that service’s ledger codes, so the next import matches it.
      </p>
      <DataTable caption="Unmatched codes" className="data compact" columns={['Code', num('Rows'), num('Total'), 'Books to']}>
        {props.codes.map((c) => (
          <tr key={c.code}>
            <th scope="row">{c.code}</th>
            <td className="num">{c.rows.length.toLocaleString('en-GB')}</td>
            <td className="num">{formatMoney(c.total)}</td>
            <td>
              <select
                aria-label={`Service for code ${c.code}`}
                value={props.mapping[c.code] ?? ''}
                onChange={(e) => props.onMap(c.code, e.target.value)}
                data-testid={`map-${c.code}`}
              >
                <option value="">Choose a service…</option>
                {plan.interventions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export function ImportActualsDialog() {
  const file = useActualsImport((s) => s.file);
  const close = useActualsImport((s) => s.close);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [answer, setAnswer] = useState<ActualsImportAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [fillEarlier, setFillEarlier] = useState(true);

  async function read(chosen: File, map: Record<string, string>, fill = fillEarlier) {
    setBusy(true);
    setFailure(null);
    try {
      const base64 = await fileBase64(chosen);
      if (base64.length > MAX_EXTRACT_BASE64)
        throw new Error(`${chosen.name} is larger than the app reads (about 17 MB); import it with npx headroom import-actuals`);
      const mapped = Object.fromEntries(Object.entries(map).filter(([, id]) => id));
      const mappedOrNone = Object.keys(mapped).length ? mapped : undefined;
      setAnswer(await api.previewActualsImport({ fileName: chosen.name, base64, mapping: mappedOrNone, fillEarlier: fill }));
    } catch (error) {
      setAnswer(null);
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  // The effect reads a newly chosen file with the read of the render that chose it.
  const readLatest = useRef(read);
  readLatest.current = read;
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (file && !d.open) {
      setAnswer(null);
      setMapping({});
      d.showModal();
      void readLatest.current(file, {});
    } else if (!file && d.open) d.close();
  }, [file]);

  async function importNow() {
    if (!answer?.ok) return;
    setBusy(true);
    const result = await applyEdit(answer.edit);
    setBusy(false);
    if (result.ok) {
      close();
      useStore.getState().setScreen('outturn');
    } else setFailure(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }

  const mappedCount = Object.values(mapping).filter(Boolean).length;
  return (
    <dialog ref={dialog} className="dialog wide" aria-labelledby={titleId} onClose={close} data-testid="actuals-import-dialog">
      <h2 id={titleId}>Import actuals{file ? ` from ${file.name}` : ''}</h2>
      <p className="hint">
        A finance-system extract with a row per posting: a cost centre or code, a period (2021-04, Apr-21, P07 2021/22, a date) and an
        amount. Rows are added up per service and month; the months the extract covers replace the actuals held for them. Nothing changes
        until you press Import, and Undo takes the whole import back.
      </p>
      {busy && !answer ? <p role="status">Reading the extract…</p> : null}
      {failure ? (
        <p className="paste-summary bad" role="alert">
          {failure}
        </p>
      ) : null}
      {answer?.ok ? <Preview preview={answer.preview} /> : null}
      {answer?.ok && answer.earlier ? (
        <div className="earlier-gap" data-testid="actuals-earlier">
          <label>
            <input
              type="checkbox"
              checked={answer.earlier.filled}
              disabled={busy}
              onChange={(e) => {
                setFillEarlier(e.target.checked);
                if (file) void read(file, mapping, e.target.checked);
              }}
            />{' '}
            Count {monthText(answer.earlier.from)} to {monthText(answer.earlier.to)} as spent as planned
          </label>
          <p className="hint">
            The extract starts later, and those months hold no actuals for {plural(answer.earlier.entries, 'service-month')} the plan has{' '}
            {formatMoney(answer.earlier.planned)} of spending in.{' '}
            {answer.earlier.filled
              ? 'They will be recorded at their planned cost; type over any that differ.'
              : 'Unticked, they count as £0 spent: import an extract that covers them as well.'}
          </p>
        </div>
      ) : null}
      {answer && !answer.ok ? (
        <div>
          <p className="paste-summary bad" role="alert" data-testid="actuals-import-errors">
            Not imported: {plural(answer.errors.length, 'problem')} in the extract. The plan is unchanged.
          </p>
          <ul className="hint">
            {answer.errors.slice(0, 12).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {answer.unmatched.length ? (
            <Unmatched codes={answer.unmatched} mapping={mapping} onMap={(code, id) => setMapping({ ...mapping, [code]: id })} />
          ) : null}
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          Cancel
        </button>
        {answer && !answer.ok && answer.unmatched.length ? (
          <button
            type="button"
            disabled={busy || mappedCount === 0}
            onClick={() => file && void read(file, mapping)}
            data-testid="actuals-retry"
          >
            Read again with {plural(mappedCount, 'code')} mapped
          </button>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={busy || !answer?.ok}
          onClick={() => void importNow()}
          data-testid="actuals-import-confirm"
        >
          Import
        </button>
      </div>
    </dialog>
  );
}
