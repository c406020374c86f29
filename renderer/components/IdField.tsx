// The id of an intervention, a funding stream or a scenario (shared/rename-id.ts). Checked
// where it is typed; an id nothing refers to changes at once, one that is referred to (or
// whose new spelling changes who is funded first among ties) asks first, in a dialog, then
// renames it everywhere in one undoable edit.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PlanEdit } from '../../shared/edits';
import { plural } from '../../shared/format';
import type { Plan } from '../../shared/plan';
import { idFollowsName, idPlaces, idProblem, renameIdEdit, tieOrderChanges, tieOrderWords, type IdKind } from '../../shared/rename-id';
import { applyEdit, clearProblems } from '../store/actions';
import { useFieldProblems, useReadOnly } from '../store/hooks';
import { FieldError } from './common';
import { refocusAfterNextPlan } from './refocus';
import './IdField.css';

const LIST = { intervention: 'interventions', stream: 'fundingStreams', scenario: 'scenarios' } as const;

interface Asking {
  readonly edit: PlanEdit;
  readonly to: string;
  readonly ties: readonly string[];
}

export function IdField(props: {
  plan: Plan;
  kind: IdKind;
  index: number;
  /** The input's test id, given the id it shows (a stream's changes with it). */
  testId: (id: string) => string;
  label?: string;
}) {
  const { plan, kind, index } = props;
  const thing =
    kind === 'intervention' ? plan.interventions[index] : kind === 'stream' ? plan.fundingStreams[index] : plan.scenarios![index];
  const readOnly = useReadOnly();
  const inputId = useId();
  const errorId = useId();
  const usesId = useId();
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState(thing.id);
  const [dirty, setDirty] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const places = useMemo(() => idPlaces(plan, kind, thing.id), [plan, kind, thing.id]);
  const problems = useFieldProblems(dirty ? [LIST[kind], index, 'id'] : null);

  useEffect(() => {
    if (!dirty) setText(thing.id);
  }, [thing.id, dirty]);

  useEffect(() => {
    const d = dialog.current;
    if (!asking || !d || d.open) return;
    d.showModal();
    // The question's answer is the rename: Enter gives it, Escape cancels.
    confirm.current?.focus();
  }, [asking]);

  async function store(edit: PlanEdit, to: string) {
    refocusAfterNextPlan(props.testId(to));
    const result = await applyEdit(edit);
    if (result.ok) setDirty(false);
  }

  function commit() {
    if (!dirty || asking) return;
    const problem = idProblem(plan, kind, index, text);
    if (problem) {
      setLocalError(problem);
      return;
    }
    const to = text.trim();
    if (to === thing.id) {
      revert();
      return;
    }
    const ties = kind === 'intervention' ? tieOrderChanges(plan, thing.id, to) : [];
    const edit = renameIdEdit(plan, kind, index, to);
    if (places.length === 0 && ties.length === 0) void store(edit, to);
    else setAsking({ edit, to, ties });
  }

  function revert() {
    setText(thing.id);
    setDirty(false);
    setLocalError(null);
    clearProblems();
  }

  function answer(rename: boolean) {
    const question = asking;
    setAsking(null);
    if (dialog.current?.open) dialog.current.close();
    if (rename && question) void store(question.edit, question.to);
    else {
      revert();
      input.current?.focus();
    }
  }

  const messages = localError ? [localError] : problems.map((p) => p.message);
  const invalid = messages.length > 0;
  const everywhere = `Rename everywhere (${plural(places.length, 'place')})`;
  const follows = idFollowsName(kind, thing.id, thing.name);
  return (
    <div className="id-field">
      <label htmlFor={inputId}>{props.label ?? 'Id'}</label>
      <input
        ref={input}
        id={inputId}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid || undefined}
        aria-describedby={`${usesId}${invalid ? ` ${errorId}` : ''}`}
        data-testid={props.testId(thing.id)}
        onChange={(e) => {
          setText(e.target.value);
          setDirty(true);
          setLocalError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            revert();
          }
        }}
        onBlur={commit}
      />
      <FieldError id={errorId} messages={messages} />
      {places.length ? (
        <details className="id-uses" data-testid={`${props.testId(thing.id)}-places`}>
          <summary id={usesId}>Used in {plural(places.length, 'place')}: renamed everywhere with it</summary>
          <ul>
            {places.map((p) => (
              <li key={p.words}>{p.words}</li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="inline-hint" id={usesId} data-testid={`${props.testId(thing.id)}-places`}>
          {follows ? 'Not used elsewhere yet: it follows the name until you change it.' : 'Not used elsewhere in the plan.'}
        </p>
      )}
      <dialog
        ref={dialog}
        className="dialog id-dialog"
        aria-labelledby={titleId}
        onCancel={(e) => {
          e.preventDefault();
          answer(false);
        }}
        data-testid="rename-id-dialog"
      >
        {asking ? (
          <>
            <h2 id={titleId}>{places.length ? `${everywhere}?` : 'Change the id?'}</h2>
            <p>
              “{thing.id}” becomes “{asking.to}”{places.length ? ' in the plan and in:' : '.'}
            </p>
            {places.length ? (
              <ul className="id-dialog-places">
                {places.map((p) => (
                  <li key={p.words}>{p.words}</li>
                ))}
              </ul>
            ) : null}
            {asking.ties.length ? <p className="tie-note">{tieOrderWords(asking.ties)}</p> : null}
            <div className="dialog-actions">
              <button type="button" onClick={() => answer(false)} data-testid="rename-id-cancel">
                Cancel
              </button>
              <button ref={confirm} type="button" className="primary" onClick={() => answer(true)} data-testid="rename-id-confirm">
                {places.length ? everywhere : 'Change the id'}
              </button>
            </div>
          </>
        ) : null}
      </dialog>
    </div>
  );
}
