// The selected intervention: its outcome in the plan, taper schedule (partner shares),
// handover, transition route and notes.
import { useId, useState } from 'react';
import type { InterventionResult } from '../../shared/engine';
import type { PartnerShare, Plan } from '../../shared/plan';
import { parseMonth } from '../../shared/months';
import { Card } from './common';
import { InlineField } from './InlineField';
import { monthLong, outcomeText, percent } from '../logic/format';
import { deleteInterventionEdit, setInterventionFieldEdit, setPartnerSharesEdit, setTransitionEdit } from '../logic/plan-edits';
import { readMonth, readShare, readText, readWholeNumber, valueText } from '../logic/values';
import { statusRuns, STATUS_LABELS } from '../logic/timeline';
import { applyEdit } from '../store/actions';
import { useReadOnly } from '../store/hooks';
import { useStore } from '../store/store';
import './InterventionDetail.css';

function shareText(share: number | string): string {
  return typeof share === 'number' ? percent(share, 2) : share;
}

function StatusStrip(props: { result: InterventionResult; horizonStart: number }) {
  const runs = statusRuns(props.result.status, props.horizonStart);
  const total = props.result.status.length;
  return (
    <div className="status-strip" role="img" aria-label={runs.filter((r) => r.status !== 'inactive').map((r) => `${STATUS_LABELS[r.status]} ${monthLong(r.from)} to ${monthLong(r.to)}`).join('; ')}>
      {runs.map((r) => (
        <span key={r.offset} className={`run status-${r.status}`} style={{ width: `${(r.length / total) * 100}%` }} />
      ))}
    </div>
  );
}

export function InterventionDetail(props: { plan: Plan; index: number; result: InterventionResult | null; horizonStart: number }) {
  const { plan, index, result } = props;
  const item = plan.interventions[index];
  const readOnly = useReadOnly();
  const select = useStore((s) => s.selectIntervention);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [adding, setAdding] = useState(false);
  const shares = item.partnerShares ?? [];
  const handover = shares.find((s) => s.share === 1);

  const replaceShare = (k: number, entry: PartnerShare) => setPartnerSharesEdit(plan, index, shares.map((s, j) => (j === k ? entry : s)));

  return (
    <Card title={item.name} subtitle={`${item.category === 'commissioned' ? 'Commissioned intervention' : 'Central capability'} · ${item.id}`} className="detail" id="intervention-detail">
      <div className="detail-grid" data-testid="intervention-detail">
        <section>
          <h3>In the plan as written</h3>
          {result ? (
            <>
              <p className="detail-outcome">{outcomeText(result)}</p>
              <StatusStrip result={result} horizonStart={props.horizonStart} />
            </>
          ) : null}
          <h3>Handover</h3>
          <p>
            {handover
              ? `${handover.partner} takes on the whole cost from ${monthLong(parseMonth(handover.from))}.`
              : shares.length
                ? 'A partner pays part of the cost; no full handover is planned.'
                : 'No partner contributes; no handover is planned.'}
          </p>
        </section>

        <section>
          <h3>Taper schedule</h3>
          <p className="hint">From each month, the partner pays this share of the cost; a share of 100% is a handover.</p>
          {shares.length ? (
            <table className="data compact">
              <caption className="visually-hidden">Partner contributions</caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col" className="num">
                    Share
                  </th>
                  <th scope="col">Partner</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shares.map((s, k) => (
                  <tr key={`${s.from}-${k}`}>
                    <td>
                      <InlineField
                        label="From month"
                        hideLabel
                        size="narrow"
                        value={s.from}
                        path={['interventions', index, 'partnerShares', k, 'from']}
                        read={readMonth}
                        edit={(v) => replaceShare(k, { ...s, from: v as string })}
                      />
                    </td>
                    <td className="num">
                      <InlineField
                        label="Share"
                        hideLabel
                        size="narrow"
                        align="right"
                        value={valueText(s.share)}
                        path={['interventions', index, 'partnerShares', k, 'share']}
                        read={readShare}
                        edit={(v) => replaceShare(k, { ...s, share: v as number | string })}
                        hint={<span className="muted small">{shareText(s.share)}</span>}
                      />
                    </td>
                    <td>
                      <InlineField
                        label="Partner"
                        hideLabel
                        size="medium"
                        value={s.partner}
                        path={['interventions', index, 'partnerShares', k, 'partner']}
                        read={(t) => (t.trim() ? { ok: true, value: t.trim() } : { ok: false, message: 'Name the partner' })}
                        edit={(v) => replaceShare(k, { ...s, partner: v as string })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link-button small"
                        disabled={readOnly}
                        onClick={() => void applyEdit(setPartnerSharesEdit(plan, index, shares.filter((_, j) => j !== k)))}
                        aria-label={`Remove the share from ${s.from}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {adding ? (
            <AddShare
              onAdd={async (entry) => {
                const r = await applyEdit(setPartnerSharesEdit(plan, index, [...shares, entry]));
                if (r.ok) setAdding(false);
              }}
              onCancel={() => setAdding(false)}
              defaultPartner={shares[shares.length - 1]?.partner ?? ''}
              defaultFrom={plan.horizon.start}
            />
          ) : (
            <button type="button" className="link-button" disabled={readOnly} onClick={() => setAdding(true)}>
              + Add a partner share
            </button>
          )}
        </section>

        <section>
          <h3>If it closes</h3>
          <div className="form-grid">
            <InlineField
              label="People move to"
              value={item.transition?.to ?? ''}
              placeholder="No transition route"
              path={['interventions', index, 'transition']}
              read={(t) => readText(t)}
              edit={(v) => setTransitionEdit(plan, index, v ? { to: v as string, capacity: item.transition?.capacity ?? 0 } : undefined)}
            />
            <InlineField
              label="Places available"
              size="narrow"
              align="right"
              value={item.transition ? String(item.transition.capacity) : ''}
              placeholder="0"
              path={['interventions', index, 'transition', 'capacity']}
              read={(t) => readWholeNumber(t.trim() === '' ? '0' : t)}
              edit={(v) => setTransitionEdit(plan, index, { to: item.transition?.to ?? 'Other support', capacity: v as number })}
            />
          </div>
          {result && result.outcome === 'closes' ? (
            <p className="hint">
              In the plan it closes: {result.usersMoved} move to {result.transitionTo ?? 'other support'}, {result.usersLosingSupport} lose support.
            </p>
          ) : null}
          <InlineField
            label="Notes"
            size="wide"
            value={item.notes ?? ''}
            path={['interventions', index, 'notes']}
            read={(t) => readText(t)}
            edit={(v) => setInterventionFieldEdit(plan, index, 'notes', v)}
          />
          <div className="button-row">
            {confirmDelete ? (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={async () => {
                    const r = await applyEdit(deleteInterventionEdit(plan, index));
                    if (r.ok) select(null);
                  }}
                >
                  Delete “{item.name}”
                </button>
                <button type="button" onClick={() => setConfirmDelete(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" className="danger-quiet" disabled={readOnly} onClick={() => setConfirmDelete(true)}>
                Delete intervention…
              </button>
            )}
          </div>
        </section>
      </div>
    </Card>
  );
}

function AddShare(props: { onAdd: (entry: PartnerShare) => void; onCancel: () => void; defaultPartner: string; defaultFrom: string }) {
  const [from, setFrom] = useState(props.defaultFrom);
  const [share, setShare] = useState('');
  const [partner, setPartner] = useState(props.defaultPartner);
  const [error, setError] = useState<string | null>(null);
  const ids = { from: useId(), share: useId(), partner: useId() };
  return (
    <form
      className="add-share"
      onSubmit={(e) => {
        e.preventDefault();
        const m = readMonth(from);
        const s = readShare(share);
        if (!m.ok) return setError(`From: ${m.message}`);
        if (!s.ok) return setError(`Share: ${s.message}`);
        if (!partner.trim()) return setError('Name the partner');
        setError(null);
        props.onAdd({ from: m.value, share: s.value, partner: partner.trim() });
      }}
    >
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.from}>From</label>
          <input id={ids.from} value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.share}>Share</label>
          <input id={ids.share} value={share} onChange={(e) => setShare(e.target.value)} placeholder="50% or 0.5" />
        </div>
        <div className="field">
          <label htmlFor={ids.partner}>Partner</label>
          <input id={ids.partner} value={partner} onChange={(e) => setPartner(e.target.value)} />
        </div>
      </div>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="primary">
          Add
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
