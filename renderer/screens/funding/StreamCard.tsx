// One funding stream: its name, funder, kind, grant condition, notes and ring-fence, a row
// per FY of the horizon for its allocations, and deleting it.
import type { Plan } from '../../../shared/plan';
import { STREAM_FIELDS } from '../../../shared/fields';
import { Card } from '../../components/common';
import { IdField } from '../../components/IdField';
import { InlineField } from '../../components/InlineField';
import { refocusIfRenamed } from '../../components/refocus';
import { fyLabel, percent } from '../../logic/format';
import { setConditionEdit, setStreamTextEdit } from '../../logic/plan-edits';
import type { ResolvedStreamView } from '../../logic/resolved';
import { setStreamKindEdit, setStreamNotesEdit } from '../../logic/stream-edits';
import { readShare, readText, valueText } from '../../logic/values';
import type { FyYear } from '../../../shared/months';
import type { FundingStream } from '../../../shared/plan';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';
import { AllocationRow } from './AllocationRow';
import { DeleteStream } from './DeleteStream';
import { KINDS } from './kinds';
import { RingFence } from './RingFence';

export function StreamCard(props: {
  plan: Plan;
  si: number;
  fys: readonly FyYear[];
  resolved: ResolvedStreamView | undefined;
  onDeleted: () => void;
}) {
  const { plan, si, fys, resolved } = props;
  const stream = plan.fundingStreams[si];
  const readOnly = useReadOnly();
  const horizon = fys.map((fy) => fyLabel(fy));
  // Every FY of the horizon, and any allocation outside it, in FY order.
  const labels = [...new Set([...horizon, ...stream.allocations.map((a) => a.fy)])].sort();
  const kindId = `stream-kind-${stream.id}`;
  return (
    <Card className="stream-card">
      <div className="stream-head" data-testid={`stream-${stream.id}`}>
        <div className="stream-name">
          <InlineField
            label="Stream name"
            size="wide"
            value={stream.name}
            title={stream.name}
            path={['fundingStreams', si, 'name']}
            read={STREAM_FIELDS.name.read}
            edit={(v) => refocusIfRenamed(setStreamTextEdit(plan, si, 'name', v as string), (id) => `stream-name-${id}`)}
            className="strong"
            testId={`stream-name-${stream.id}`}
          />
        </div>
        <div className="stream-delete">
          <DeleteStream plan={plan} si={si} onDeleted={props.onDeleted} />
        </div>
      </div>
      <div className="stream-fields">
        <div className="stream-id">
          <IdField plan={plan} kind="stream" index={si} testId={(id) => `stream-id-${id}`} />
        </div>
        <InlineField
          label="Funder"
          value={stream.funder}
          path={['fundingStreams', si, 'funder']}
          read={STREAM_FIELDS.funder.read}
          edit={(v) => setStreamTextEdit(plan, si, 'funder', v as string)}
          testId={`stream-funder-${stream.id}`}
        />
        <div className="field">
          <label htmlFor={kindId}>Kind</label>
          <select
            id={kindId}
            value={stream.kind}
            disabled={readOnly}
            onChange={(e) => void applyEdit(setStreamKindEdit(plan, si, e.target.value as FundingStream['kind']))}
            data-testid={kindId}
          >
            {KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        <InlineField
          label="Grant condition"
          ariaLabel={`${stream.name}: grant condition, the least share commissioned`}
          hint="at least this share of spend commissioned"
          size="narrow"
          align="right"
          value={stream.conditions?.minCommissionedShare !== undefined ? valueText(stream.conditions.minCommissionedShare) : ''}
          display={
            typeof stream.conditions?.minCommissionedShare === 'number'
              ? `${percent(stream.conditions.minCommissionedShare, 2)}`
              : undefined
          }
          placeholder="None"
          path={['fundingStreams', si, 'conditions']}
          read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readShare(t))}
          edit={(v) => setConditionEdit(plan, si, v as number | string | undefined)}
          testId={`stream-condition-${stream.id}`}
        />
      </div>
      <div className="stream-more">
        <RingFence plan={plan} si={si} />
        <InlineField
          label="Notes"
          size="wide"
          value={stream.notes ?? ''}
          placeholder="None"
          path={['fundingStreams', si, 'notes']}
          read={(t) => readText(t)}
          edit={(v) => setStreamNotesEdit(plan, si, v as string | undefined)}
          testId={`stream-notes-${stream.id}`}
        />
      </div>
      <table className="data allocations" data-testid={`allocations-${stream.id}`}>
        <caption className="visually-hidden">Allocations of {stream.name} by financial year</caption>
        <thead>
          <tr>
            <th scope="col">FY</th>
            <th scope="col" className="num">
              Amount (£)
            </th>
            <th scope="col">Confirmation</th>
            <th scope="col">Known (as simulated)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {labels.map((fy) => (
            <AllocationRow
              key={fy}
              plan={plan}
              si={si}
              fy={fy}
              inHorizon={horizon.includes(fy)}
              value={resolved?.allocations.find((a) => fyLabel(a.fy) === fy)}
            />
          ))}
        </tbody>
      </table>
    </Card>
  );
}
