// "Take a snapshot": a name (unique in the document) and a note, read with the contract's own
// schema, so a name's problem shows at the field before anything is sent; the store's refusal
// (a name already taken) shows there too. Only the live plan can be snapshotted.
import { useId, useState, type FormEvent } from 'react';
import { TakeSnapshotSchema } from '../../../shared/snapshots';
import { FieldError } from '../../components/common';
import { takeSnapshot } from '../../store/snapshots';
import { useStore } from '../../store/store';

type Errors = { name?: string; note?: string };

/** Where a problem belongs: the note's at the note, every other at the name. */
function errorsOf(problems: readonly { readonly path: string | readonly PropertyKey[]; readonly message: string }[]): Errors {
  const errors: Errors = {};
  for (const p of problems) {
    const field = String(Array.isArray(p.path) ? p.path[0] : p.path).startsWith('note') ? 'note' : 'name';
    errors[field] ??= p.message;
  }
  return errors;
}

export function TakeSnapshotForm() {
  const id = useId();
  const viewing = useStore((s) => s.snapshot?.info.viewing ?? null);
  const readOnly = useStore((s) => s.snapshot?.info.readOnly ?? false);
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || readOnly) return;
    setTaken(null);
    const read = TakeSnapshotSchema.safeParse({ name, note: note.trim() ? note : undefined });
    if (!read.success) {
      const found = errorsOf(read.error.issues);
      setErrors(found);
      document.getElementById(`${id}-${found.name ? 'name' : 'note'}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await takeSnapshot(read.data);
      if (!result) return;
      if (result.ok) {
        setName('');
        setNote('');
        setErrors({});
        setTaken(result.snapshot.name);
      } else {
        const found = errorsOf(result.problems);
        setErrors(found);
        document.getElementById(`${id}-${found.name ? 'name' : 'note'}`)?.focus();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="take-snapshot" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Take a snapshot</h2>
      <p className="hint">
        Freezes the whole plan as it is now, with its results, under a name. It never changes afterwards: keep one for each version that was
        agreed or sent.
      </p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          maxLength={200}
          placeholder="Budget as approved, February"
          disabled={readOnly}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setErrors((x) => ({ ...x, name: undefined }));
          }}
          data-testid="snapshot-name"
        />
        <FieldError id={`${id}-name-error`} messages={errors.name ? [errors.name] : []} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          value={note}
          placeholder="Why it was taken (optional)"
          disabled={readOnly}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? `${id}-note-error` : undefined}
          onChange={(e) => {
            setNote(e.target.value);
            setErrors((x) => ({ ...x, note: undefined }));
          }}
          data-testid="snapshot-note"
        />
        <FieldError id={`${id}-note-error`} messages={errors.note ? [errors.note] : []} />
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={readOnly || busy} data-testid="snapshot-take">
          Take snapshot
        </button>
        <span className="hint" role="status">
          {viewing
            ? 'Go back to the live plan to take a snapshot.'
            : readOnly
              ? 'This plan is open read-only.'
              : taken
                ? `Snapshot "${taken}" taken.`
                : ''}
        </span>
      </div>
    </form>
  );
}
