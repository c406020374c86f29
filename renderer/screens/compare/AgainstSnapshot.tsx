// Compare against a snapshot: a live scenario beside a scenario of a snapshot kept in the
// document (the snapshot first, so each difference reads now − snapshot), what happens to each
// service with the rows that differ first, and what changed in the inputs since, in words.
// Main works the comparison out (both plans simulated there); this picks and shows it.
import { useId, useState } from 'react';
import type { SnapshotInfo } from '../../../shared/snapshots';
import { api } from '../../api';
import { Card, Empty, ScenarioPicker } from '../../components/common';
import { downloadFile } from '../../download';
import { useExport } from '../../components/useExport';
import type { HistoryView } from '../../../shared/ipc';
import { useMainAnswer, useRevisionKey, type MainAnswer } from '../../store/main-answer';
import { useStore } from '../../store/store';
import { ComparisonTables } from './ComparisonTables';
import { OutcomeMatrix } from './OutcomeMatrix';
import { chooseSnapshot, type PickedScenario } from './snapshot-choice';

function SnapshotPickers(props: {
  snapshots: readonly SnapshotInfo[];
  snapshot: SnapshotInfo;
  scenarioId: string;
  onSnapshot: (id: number) => void;
  onScenario: (id: string) => void;
}) {
  const snapshotId = useId();
  const scenarioId = useId();
  return (
    <>
      <div className="field inline">
        <label htmlFor={snapshotId}>Snapshot</label>
        <select
          id={snapshotId}
          value={props.snapshot.id}
          onChange={(e) => props.onSnapshot(Number(e.target.value))}
          data-testid="against-snapshot"
        >
          {props.snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor={scenarioId}>Its scenario</label>
        <select
          id={scenarioId}
          value={props.scenarioId}
          onChange={(e) => props.onScenario(e.target.value)}
          data-testid="against-snapshot-scenario"
        >
          {props.snapshot.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

function ExportAgainst(props: { scenarioId: string; snapshotId: number; snapshotScenarioId: string }) {
  const { state, failed, run: start } = useExport();
  const run = (format: 'xlsx' | 'csv') =>
    start(`Preparing ${format === 'xlsx' ? 'Excel' : 'CSV'}…`, async () =>
      downloadFile(await api.exportSnapshotComparison({ ...props, format })),
    );
  return (
    <div className="button-row">
      <button type="button" onClick={() => void run('xlsx')} data-testid="against-export-xlsx">
        Export Excel
      </button>
      <button type="button" onClick={() => void run('csv')} data-testid="against-export-csv">
        Export CSV
      </button>
      <span className={`export-state${failed ? ' field-error' : ''}`} role="status" aria-live="polite" data-testid="against-export-state">
        {state}
      </span>
    </div>
  );
}

export function AgainstSnapshot(props: { history: MainAnswer<HistoryView> }) {
  const { history } = props;
  const inView = useStore((s) => s.scenarioId);
  const [liveId, setLiveId] = useState<string | null>(null);
  const [pickedSnapshot, setPickedSnapshot] = useState<number | null>(null);
  const [pickedScenario, setPickedScenario] = useState<PickedScenario | null>(null);
  const revision = useRevisionKey();
  const live = liveId ?? inView;
  // The comparison is of the live plan: while a snapshot is open, its scenarios are not the live plan's.
  const viewing = useStore((s) => s.snapshot?.info.viewing ?? null);
  const choice = chooseSnapshot(history.value?.snapshots ?? [], pickedSnapshot, live, pickedScenario);
  const ask =
    choice && !viewing ? { scenarioId: live, snapshotId: choice.snapshot.id, snapshotScenarioId: choice.snapshotScenarioId } : null;
  const answer = useMainAnswer(ask ? `${revision}|${JSON.stringify(ask)}` : null, () => api.compareWithSnapshot(ask!));
  const compared = answer.value;

  return (
    <section className="against-snapshot" aria-labelledby="against-snapshot-title" data-testid="against-snapshot-section">
      <h2 id="against-snapshot-title" className="section-title">
        Against a snapshot
      </h2>
      {viewing ? (
        <Empty>Go back to the live plan to compare it with a snapshot: “{viewing.name}” is open.</Empty>
      ) : !history.value ? (
        <Empty>{history.error ? `The snapshots could not be read: ${history.error}` : 'Reading the snapshots…'}</Empty>
      ) : !choice || !ask ? (
        <Empty>No snapshots yet: take one on the Snapshots screen, then compare the plan as it is now with it.</Empty>
      ) : (
        <>
          <div className="against-pickers">
            <ScenarioPicker value={live} onChange={setLiveId} label="Now" />
            <SnapshotPickers
              snapshots={history.value.snapshots}
              snapshot={choice.snapshot}
              scenarioId={choice.snapshotScenarioId}
              onSnapshot={setPickedSnapshot}
              onScenario={(scenarioId) => setPickedScenario({ snapshotId: choice.snapshot.id, liveScenarioId: live, scenarioId })}
            />
            <ExportAgainst {...ask} />
          </div>
          {answer.error ? (
            <div className="banner error" role="alert" data-testid="against-error">
              Could not compare: {answer.error}
            </div>
          ) : !compared ? (
            <Empty>Comparing with the snapshot…</Empty>
          ) : (
            <div data-testid="against-result">
              <Card title={`What changed since ${choice.snapshot.name}`}>
                {compared.changes.length === 0 ? (
                  <p className="muted" data-testid="against-changes">
                    Nothing this scenario depends on has changed since the snapshot.
                  </p>
                ) : (
                  <ul className="change-list" data-testid="against-changes">
                    {compared.changes.map((c, i) => (
                      <li key={i} data-kind={c.kind}>
                        {c.text}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card title="What happens to each service" subtitle="Services whose outcome differs come first.">
                <div className="table-scroll">
                  <OutcomeMatrix comparison={compared.comparison} />
                </div>
              </Card>
              <Card title="Figures, snapshot and now" subtitle={`Differences are now − “${choice.snapshot.name}”.`}>
                <ComparisonTables comparison={compared.comparison} />
              </Card>
            </div>
          )}
        </>
      )}
    </section>
  );
}
