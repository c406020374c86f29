// Funding: each stream's allocation per FY (an amount or a formula, with its value), when
// it is known (the resolver's month and its source), its ring-fence and its grant
// condition. Every field stores at once.
import { isFormula } from '../../shared/parse';
import type { Plan } from '../../shared/plan';
import { Card, Empty, ScreenHeader } from '../components/common';
import { IdField } from '../components/IdField';
import { InlineField } from '../components/InlineField';
import { refocusIfRenamed } from '../components/refocus';
import { KnownNote } from '../components/KnownNote';
import { dateLong, fyLabel, money, percent } from '../logic/format';
import { knownWords } from '../../shared/words';
import { addStreamEdit, setAllocationEdit, setConditionEdit, setRingFenceEdit, setStreamTextEdit } from '../logic/plan-edits';
import { readAmount, readDate, readShare, valueText } from '../logic/values';
import { applyEdit } from '../store/actions';
import { usePlan, useReadOnly, useScenario } from '../store/hooks';
import './Funding.css';

function RingFence(props: { plan: Plan; index: number }) {
  const { plan, index } = props;
  const stream = plan.fundingStreams[index];
  const readOnly = useReadOnly();
  const list = stream.restrictedTo ?? [];
  const names = list.map((id) => plan.interventions.find((i) => i.id === id)?.name ?? id);
  return (
    <div className="ring-fence">
      <div>{list.length ? names.join(', ') : <span className="muted">Any intervention</span>}</div>
      <details className="popover">
        <summary className="link-button small">Change</summary>
        <fieldset className="check-list">
          <legend>Only these interventions may use {stream.name}</legend>
          {plan.interventions.map((item) => (
            <label key={item.id} className="check">
              <input
                type="checkbox"
                checked={list.includes(item.id)}
                disabled={readOnly}
                onChange={(e) => {
                  const next = e.target.checked ? [...list, item.id] : list.filter((id) => id !== item.id);
                  const edit = setRingFenceEdit(plan, index, next);
                  if (edit.ops.length) void applyEdit(edit);
                }}
              />
              {item.name}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

export function Funding() {
  const plan = usePlan();
  const readOnly = useReadOnly();
  const { resolved } = useScenario('base');
  if (!plan) return null;
  const fys = resolved?.fys ?? [];
  return (
    <div className="screen" data-testid="screen-funding">
      <ScreenHeader
        title="Funding"
        lede="What each funder gives for each financial year, and when it is confirmed. Unspent funding lapses on 31 March."
      >
        <button type="button" disabled={readOnly} onClick={() => void applyEdit(addStreamEdit(plan))}>
          + Add funding stream
        </button>
      </ScreenHeader>
      {fys.length === 0 ? (
        <Empty>Working out the amounts…</Empty>
      ) : (
        <Card>
          <div className="table-scroll">
            <table className="data funding-grid" data-testid="funding-grid">
              <caption className="visually-hidden">Funding streams by financial year</caption>
              <thead>
                <tr>
                  <th scope="col">Stream</th>
                  {fys.map((fy) => (
                    <th key={fy} scope="col">
                      {fyLabel(fy)}
                    </th>
                  ))}
                  <th scope="col">Ring-fenced to</th>
                  <th scope="col">Commissioned share (grant condition)</th>
                </tr>
              </thead>
              <tbody>
                {plan.fundingStreams.map((stream, si) => {
                  const values = resolved?.streams[si];
                  return (
                    <tr key={stream.id}>
                      <th scope="row" className="stream-cell">
                        <InlineField
                          label="Stream name"
                          hideLabel
                          size="wide"
                          value={stream.name}
                          title={stream.name}
                          path={['fundingStreams', si, 'name']}
                          read={(t) => (t.trim() ? { ok: true, value: t.trim() } : { ok: false, message: 'is required' })}
                          edit={(v) => refocusIfRenamed(setStreamTextEdit(plan, si, 'name', v as string), (id) => `stream-name-${id}`)}
                          className="strong"
                          quiet
                          testId={`stream-name-${stream.id}`}
                        />
                        <div className="muted small">
                          {stream.funder} · {stream.kind}
                        </div>
                        <IdField plan={plan} kind="stream" index={si} testId={(id) => `stream-id-${id}`} />
                      </th>
                      {fys.map((fyYear) => {
                        const fy = fyLabel(fyYear);
                        const ai = stream.allocations.findIndex((a) => a.fy === fy);
                        const allocation = ai >= 0 ? stream.allocations[ai] : null;
                        const value = values?.allocations.find((a) => a.fy === fyYear);
                        const path = ai >= 0 ? ['fundingStreams', si, 'allocations', ai] : ['fundingStreams', si, 'allocations'];
                        return (
                          <td key={fy} className="alloc-cell" data-testid={`alloc-${stream.id}-${fy}`}>
                            <InlineField
                              label={`${stream.name} ${fy} amount`}
                              hideLabel
                              align="right"
                              value={allocation ? valueText(allocation.amount) : ''}
                              display={allocation && typeof allocation.amount === 'number' && value ? money(value.amount) : undefined}
                              quiet
                              placeholder="No allocation"
                              path={ai >= 0 ? [...path, 'amount'] : path}
                              read={(t) => readAmount(t)}
                              edit={(v) => setAllocationEdit(plan, si, fy, 'amount', v)}
                              hint={
                                allocation && isFormula(allocation.amount) && value ? (
                                  <span className="formula-value">= {money(value.amount)}</span>
                                ) : null
                              }
                              testId={`amount-${stream.id}-${fy}`}
                            />
                            {allocation ? (
                              <InlineField
                                label={`${stream.name} ${fy} confirmed on`}
                                hideLabel
                                quiet
                                align="right"
                                value={allocation.confirmedOn ? dateLong(allocation.confirmedOn) : ''}
                                display={value?.knownSource === 'confirmed-on' ? knownWords(value) : undefined}
                                placeholder="Add a confirmation date"
                                path={[...path, 'confirmedOn']}
                                read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readDate(t))}
                                edit={(v) => setAllocationEdit(plan, si, fy, 'confirmedOn', v)}
                                className={value?.knownSource === 'confirmed-on' ? 'confirmed' : 'expected'}
                                testId={`confirm-${stream.id}-${fy}`}
                              />
                            ) : null}
                            {allocation ? (
                              <KnownNote fact={value} dateGiven={Boolean(allocation.confirmedOn)} testId={`known-${stream.id}-${fy}`} />
                            ) : null}
                          </td>
                        );
                      })}
                      <td>
                        <RingFence plan={plan} index={si} />
                      </td>
                      <td>
                        <InlineField
                          label={`${stream.name}: least commissioned share`}
                          hideLabel
                          size="narrow"
                          align="right"
                          quiet
                          value={
                            stream.conditions?.minCommissionedShare !== undefined ? valueText(stream.conditions.minCommissionedShare) : ''
                          }
                          display={
                            typeof stream.conditions?.minCommissionedShare === 'number'
                              ? `at least ${percent(stream.conditions.minCommissionedShare, 2)}`
                              : undefined
                          }
                          placeholder="None"
                          path={['fundingStreams', si, 'conditions']}
                          read={(t) => (t.trim() === '' ? { ok: true, value: undefined } : readShare(t))}
                          edit={(v) => setConditionEdit(plan, si, v as number | string | undefined)}
                        />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="hint">
            Amounts are in pounds; a formula starts with “=” (for example <code>=3307000 * grantLevel</code>). A date left empty means the
            amount is known when its year starts.
          </p>
        </Card>
      )}
    </div>
  );
}
