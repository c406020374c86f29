// A field that stores its value through api.applyEdit when the person presses Enter or
// leaves it; Escape puts the stored value back. A value the validator refuses stays in the
// field with the validator's message, and nothing is stored.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { PlanEdit } from '../../shared/edits';
import { applyEdit, clearProblems } from '../store/actions';
import { useFieldProblems, useReadOnly } from '../store/hooks';
import { pathText, type PathSegment } from '../logic/paths';
import type { Read } from '../logic/values';
import type { EditChoice } from '../logic/edit-questions';
import { ChoiceDialog } from './ChoiceDialog';
import { FieldError } from './common';
import type { AskFirst } from './grid/columns';
import './InlineField.css';

export interface InlineFieldProps {
  label: string;
  hideLabel?: boolean;
  /** A fuller name for assistive technology when the visible label is short. */
  ariaLabel?: string;
  /** The stored value as the field edits it (a formula as written). */
  value: string;
  /** Where the validator's problems for this field are (plan path segments or text). */
  path: readonly PathSegment[] | string | null;
  read: (text: string) => Read<unknown>;
  edit: (value: unknown) => PlanEdit;
  /** A question to answer before the read value is stored (a formula it would replace). */
  ask?: (value: unknown) => AskFirst | null;
  /** The stored value as shown while the field is not being edited ("£3,307,000"). */
  display?: string;
  /** A field that looks like text until hovered or focused (for grids). */
  quiet?: boolean;
  /** Shown after the field: a formula's value, a unit. */
  hint?: ReactNode;
  placeholder?: string;
  size?: 'narrow' | 'medium' | 'wide';
  /** A tooltip with the whole value, for a field narrower than what it holds. */
  title?: string;
  align?: 'left' | 'right';
  type?: 'text' | 'date' | 'month';
  testId?: string;
  className?: string;
}

export function InlineField(props: InlineFieldProps) {
  const inputId = useId();
  const errorId = useId();
  const readOnly = useReadOnly();
  const [text, setText] = useState(props.value);
  const [dirty, setDirty] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [focused, setFocused] = useState(false);
  const problems = useFieldProblems(dirty || localError ? props.path : null);
  const committing = useRef(false);
  const refused = useRef<string | null>(null);
  // While a question is open, the blur of the input (the dialog takes the focus) stores nothing.
  const [asking, setAsking] = useState<AskFirst | null>(null);
  const askingRef = useRef(false);

  useEffect(() => {
    if (!dirty) setText(props.value);
  }, [props.value, dirty]);

  async function commit() {
    if (!dirty || committing.current || askingRef.current || refused.current === text) return;
    const read = props.read(text);
    if (!read.ok) {
      setLocalError(read.message);
      return;
    }
    setLocalError(null);
    const ask = props.ask?.(read.value);
    if (ask) {
      askingRef.current = true;
      setAsking(ask);
      return;
    }
    await store(props.edit(read.value));
  }

  async function store(edit: PlanEdit) {
    if (edit.ops.length === 0) {
      setDirty(false);
      return;
    }
    committing.current = true;
    setSaving(true);
    const result = await applyEdit(edit);
    committing.current = false;
    setSaving(false);
    if (result.ok) setDirty(false);
    else refused.current = text;
  }

  async function answer(choice: EditChoice) {
    const edit = asking?.edit(choice) ?? null;
    setAsking(null);
    askingRef.current = false;
    if (edit === null) revert();
    else await store(edit);
  }

  function revert() {
    setText(props.value);
    setDirty(false);
    setLocalError(null);
    refused.current = null;
    clearProblems();
  }

  const pathLabel = props.path === null ? '' : typeof props.path === 'string' ? props.path : pathText(props.path);
  const messages = localError ? [localError] : problems.map((p) => p.message);
  const invalid = messages.length > 0;
  return (
    <div className={`inline-field ${props.size ?? 'medium'}${props.className ? ` ${props.className}` : ''}`}>
      <label htmlFor={inputId} className={props.hideLabel ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <div className="inline-field-row">
        <input
          id={inputId}
          type={props.type ?? 'text'}
          value={!focused && !dirty && props.display !== undefined ? props.display : text}
          placeholder={props.placeholder}
          title={props.title}
          readOnly={readOnly}
          className={`${props.align === 'right' ? 'num' : ''}${saving ? ' saving' : ''}${props.quiet ? ' quiet' : ''}`}
          aria-label={props.ariaLabel}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          data-testid={props.testId}
          data-path={pathLabel || undefined}
          onChange={(e) => {
            setText(e.target.value);
            setDirty(true);
            setLocalError(null);
            refused.current = null;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              revert();
            }
          }}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            void commit();
          }}
        />
        {props.hint ? <span className="inline-hint">{props.hint}</span> : null}
      </div>
      <FieldError id={errorId} messages={messages} />
      {props.ask ? <ChoiceDialog question={asking?.question ?? null} onAnswer={(c) => void answer(c)} /> : null}
    </div>
  );
}
