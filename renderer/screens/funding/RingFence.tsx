// A stream's ring-fence: the services it may pay for, as a checklist that opens inside the
// card (never over other controls). No tick at all means any intervention may use it.
import { useEffect, useId, useRef, useState } from 'react';
import type { Plan } from '../../../shared/plan';
import { setRingFenceEdit } from '../../logic/plan-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export function RingFence(props: { plan: Plan; si: number }) {
  const { plan, si } = props;
  const stream = plan.fundingStreams[si];
  const readOnly = useReadOnly();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const stored = stream.restrictedTo ?? [];
  // Ticks show at once and build on each other while their edits are on their way.
  const [ticked, setTicked] = useState<readonly string[] | null>(null);
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    setTicked((t) => (t && JSON.stringify(t) === storedKey ? null : t));
  }, [storedKey]);
  const list = ticked ?? stored;
  const names = list.map((id) => plan.interventions.find((i) => i.id === id)?.name ?? id);
  return (
    <div className="ring-fence" data-testid={`ring-fence-${stream.id}`}>
      <div className="ring-fence-head">
        <span className="field-label">Ring-fenced to</span>
        <span data-testid={`ring-fence-summary-${stream.id}`}>
          {list.length ? names.join(', ') : <span className="muted">Any intervention (not ring-fenced)</span>}
        </span>
        <button
          ref={toggle}
          type="button"
          className="link-button small"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          data-testid={`ring-fence-toggle-${stream.id}`}
        >
          {open ? 'Done' : 'Change'}
          <span className="visually-hidden"> the ring-fence of {stream.name}</span>
        </button>
      </div>
      {open ? (
        <fieldset
          id={listId}
          className="ring-fence-list"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setOpen(false);
            toggle.current?.focus();
          }}
        >
          <legend>Only the ticked interventions may use {stream.name}; none ticked means any may</legend>
          {plan.interventions.map((item) => (
            <label key={item.id} className="check plain">
              <input
                type="checkbox"
                checked={list.includes(item.id)}
                disabled={readOnly}
                data-testid={`ring-fence-${stream.id}-${item.id}`}
                onChange={(e) => {
                  const next = e.target.checked ? [...list, item.id] : list.filter((id) => id !== item.id);
                  const edit = setRingFenceEdit(plan, si, next);
                  if (!edit.ops.length) return setTicked(null);
                  setTicked(next);
                  void applyEdit(edit).then((r) => {
                    if (!r.ok) setTicked(null);
                  });
                }}
              />
              {item.name}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
