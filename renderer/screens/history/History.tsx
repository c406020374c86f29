// The change history: every command stored in the live document, newest first, with when it
// was stored and a marker where each snapshot was taken; filtered by a service or a stream,
// and saved as CSV. It is the undo log read as a record (main sends it), asked again after
// every edit, undo and redo.
import { useId, useMemo, useState } from 'react';
import { storedAtText, momentText } from '../../../shared/format';
import { filterHistory } from '../../../shared/history-csv';
import type { HistoryEntry } from '../../../shared/snapshots';
import { api } from '../../api';
import { Card, Empty, ScreenHeader } from '../../components/common';
import { DataTable } from '../../components/DataTable';
import { downloadFile } from '../../download';
import { useExport } from '../../components/useExport';
import { usePlan } from '../../store/hooks';
import { useHistory } from '../../store/main-answer';
import { useStore } from '../../store/store';
import { historyRows, subjectChoices, type HistoryRow, type SubjectChoice } from './history-rows';
import './history.css';

function SubjectSelect(props: {
  label: string;
  all: string;
  value: string;
  choices: readonly SubjectChoice[];
  onChange: (id: string) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={props.testId}>
        <option value="">{props.all}</option>
        {props.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function ChangeRow(props: { entry: HistoryEntry }) {
  const { entry } = props;
  return (
    <tr className={entry.undone ? 'undone' : undefined} data-testid={`history-row-${entry.position}`} data-kind="change">
      <td className="when">{storedAtText(entry.storedAt)}</td>
      <td className="change">{entry.label}</td>
      <td>{entry.undone ? <span className="pill small">undone</span> : null}</td>
    </tr>
  );
}

function Row(props: { row: HistoryRow }) {
  const { row } = props;
  if (row.kind === 'change') return <ChangeRow entry={row.entry} />;
  return (
    <tr className="snapshot-mark" data-testid={`history-snapshot-${row.snapshot.id}`} data-kind="snapshot">
      <td className="when">{momentText(row.snapshot.takenAt)}</td>
      <td colSpan={2}>
        <span className="mark-icon" aria-hidden="true" />
        Snapshot “{row.snapshot.name}” taken
      </td>
    </tr>
  );
}

function ExportHistory(props: { intervention: string; stream: string; disabled: boolean }) {
  const { state, failed, run: start } = useExport();
  const run = () =>
    start('Preparing CSV…', async () =>
      downloadFile(
        await api.exportHistory({ format: 'csv', intervention: props.intervention || undefined, stream: props.stream || undefined }),
      ),
    );
  return (
    <div className="button-row">
      <button type="button" onClick={() => void run()} disabled={props.disabled} data-testid="history-export-csv">
        Export CSV
      </button>
      <span className={`export-state${failed ? ' field-error' : ''}`} role="status" aria-live="polite" data-testid="history-export-state">
        {state}
      </span>
    </div>
  );
}

export function History() {
  const plan = usePlan();
  const trimmed = useStore((s) => s.snapshot?.info.undoTrimmed ?? false);
  const history = useHistory();
  const [intervention, setIntervention] = useState('');
  const [stream, setStream] = useState('');
  const entries = history.value?.entries;
  const choices = useMemo(() => (plan && entries ? subjectChoices(plan, entries) : null), [plan, entries]);
  const rows = useMemo(() => {
    if (!history.value) return null;
    const filter = { intervention: intervention || undefined, stream: stream || undefined };
    const shown = intervention || stream ? filterHistory(history.value.entries, filter) : history.value.entries;
    return historyRows(shown, history.value.snapshots);
  }, [history.value, intervention, stream]);
  const filtering = intervention !== '' || stream !== '';

  return (
    <div className="screen" data-testid="screen-history">
      <ScreenHeader title="Change history" lede="Every change stored in this plan, newest first, and where each snapshot was taken.">
        {choices ? (
          <>
            <SubjectSelect
              label="Service"
              all="All services"
              value={intervention}
              choices={choices.services}
              onChange={setIntervention}
              testId="history-service"
            />
            <SubjectSelect
              label="Stream"
              all="All streams"
              value={stream}
              choices={choices.streams}
              onChange={setStream}
              testId="history-stream"
            />
          </>
        ) : null}
        <ExportHistory intervention={intervention} stream={stream} disabled={!rows} />
      </ScreenHeader>
      {history.error ? (
        <div className="banner error" role="alert">
          The history could not be read: {history.error}
        </div>
      ) : null}
      {!rows ? (
        history.error ? null : (
          <Empty>Reading the history…</Empty>
        )
      ) : (
        <Card
          title={filtering ? 'Stored changes, filtered' : 'Stored changes'}
          subtitle={
            <>
              Undone changes stay listed until another change replaces them; they are not part of the plan.
              {filtering ? ' Changes stored before the file recorded what they touched are left out of a filtered list.' : ''}
              {trimmed ? ' The oldest changes were dropped from the file to keep it small.' : ''}
            </>
          }
        >
          {rows.length === 0 ? (
            <Empty>{filtering ? 'No stored change touches what is chosen.' : 'No changes have been stored yet.'}</Empty>
          ) : (
            <div className="table-scroll">
              <DataTable
                caption="Stored changes, newest first, with the snapshots taken between them"
                columns={['When', 'Change', 'State']}
                className="data history"
                testId="history-table"
              >
                {rows.map((row) => (
                  <Row key={row.key} row={row} />
                ))}
              </DataTable>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
