// An intervention's taper schedule: from each month a partner pays a share of the cost; a
// share of 100% is a handover. Shares are added, edited in place and removed.
import { useId, useState } from 'react';
import type { PartnerShare, Plan } from '../../../shared/plan';
import { FieldError } from '../../components/common';
import { DataTable, hidden, num } from '../../components/DataTable';
import { InlineField } from '../../components/InlineField';
import { percent } from '../../logic/format';
import { replaceFormulaQuestion } from '../../logic/edit-questions';
import { setPartnerSharesEdit } from '../../logic/plan-edits';
import { readMonth, readShare, valueText } from '../../logic/values';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

function shareText(share: number | string): string {
  return typeof share === 'number' ? percent(share, 2) : share;
}

export function TaperSchedule(props: { plan: Plan; index: number }) {
  const { plan, index } = props;
  const item = plan.interventions[index];
  const readOnly = useReadOnly();
  const [adding, setAdding] = useState(false);
  const shares = item.partnerShares ?? [];
  const replaceShare = (k: number, entry: PartnerShare) =>
    setPartnerSharesEdit(
      plan,
      index,
      shares.map((s, j) => (j === k ? entry : s)),
    );

  return (
    <section className="taper-schedule">
      <h3>Taper schedule</h3>
      <p className="hint">From each month, the partner pays this share of the cost; a share of 100% is a handover.</p>
      {shares.length ? (
        <DataTable className="data compact" caption="Partner contributions" columns={['From', num('Share'), 'Partner', hidden('Remove')]}>
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
                  ask={(v) => {
                    const question = replaceFormulaQuestion(s.share, v, (x) => shareText(x as number | string));
                    return (
                      question && {
                        question,
                        edit: (c) => (c === 'replace' ? replaceShare(k, { ...s, share: v as number | string }) : null),
                      }
                    );
                  }}
                  hint={<span className="muted small">{shareText(s.share)}</span>}
                />
              </td>
              <td>
                <InlineField
                  label="Partner"
                  hideLabel
                  size="medium"
                  value={s.partner}
                  title={s.partner}
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
                  onClick={() =>
                    void applyEdit(
                      setPartnerSharesEdit(
                        plan,
                        index,
                        shares.filter((_, j) => j !== k),
                      ),
                    )
                  }
                  aria-label={`Remove the share from ${s.from}`}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
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
  );
}

function AddShare(props: { onAdd: (entry: PartnerShare) => void; onCancel: () => void; defaultPartner: string; defaultFrom: string }) {
  const [from, setFrom] = useState(props.defaultFrom);
  const [share, setShare] = useState('');
  const [partner, setPartner] = useState(props.defaultPartner);
  const [error, setError] = useState<string | null>(null);
  const ids = { from: useId(), share: useId(), partner: useId(), error: useId() };
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
      <FieldError id={ids.error} messages={error ? [error] : []} />
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
