// "+ Add funding stream": asks the name first (the id is derived from it), with the funder
// and kind, then adds the stream as one edit and moves focus to its card.
import { useEffect, useId, useRef, useState } from 'react';
import { problemInWords } from '../../../shared/problem-words';
import type { FundingStream, Plan } from '../../../shared/plan';
import { FieldError } from '../../components/common';
import { addStreamEdit } from '../../logic/plan-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';
import { KINDS } from './kinds';

export function AddStream(props: { plan: Plan; onAdded: () => void }) {
  const readOnly = useReadOnly();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [funder, setFunder] = useState('');
  const [kind, setKind] = useState<FundingStream['kind']>('grant');
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const ids = { name: useId(), funder: useId(), kind: useId(), error: useId() };
  useEffect(() => {
    if (open) nameInput.current?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    setName('');
    setFunder('');
    setKind('grant');
    setError(null);
    requestAnimationFrame(() => openButton.current?.focus());
  }

  if (!open) {
    return (
      <button ref={openButton} type="button" disabled={readOnly} onClick={() => setOpen(true)} data-testid="add-stream">
        + Add funding stream
      </button>
    );
  }
  return (
    <form
      className="add-stream"
      aria-label="New funding stream"
      data-testid="add-stream-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim()) {
          setError('Give the stream a name');
          nameInput.current?.focus();
          return;
        }
        if (!funder.trim()) {
          setError('Name the funder (who gives the money)');
          return;
        }
        const result = await applyEdit(addStreamEdit(props.plan, name.trim(), { funder: funder.trim(), kind }));
        if (!result.ok) {
          setError(result.problems.map((p) => problemInWords(props.plan, p)).join('; ') || 'The stream could not be added');
          return;
        }
        setOpen(false);
        setName('');
        setFunder('');
        setError(null);
        props.onAdded();
      }}
    >
      <div className="field">
        <label htmlFor={ids.name}>Stream name</label>
        <input
          id={ids.name}
          ref={nameInput}
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Youth fund"
          aria-invalid={error !== null && !name.trim() ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          data-testid="add-stream-name"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.funder}>Funder</label>
        <input
          id={ids.funder}
          value={funder}
          onChange={(e) => setFunder(e.target.value)}
          placeholder="e.g. Home Office"
          aria-invalid={error !== null && name.trim() !== '' && !funder.trim() ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          data-testid="add-stream-funder"
        />
      </div>
      <div className="field">
        <label htmlFor={ids.kind}>Kind</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as FundingStream['kind'])} data-testid="add-stream-kind">
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" data-testid="add-stream-save">
          Add stream
        </button>
        <button type="button" onClick={close} data-testid="add-stream-cancel">
          Cancel
        </button>
      </div>
      <FieldError id={ids.error} messages={error ? [error] : []} />
    </form>
  );
}
