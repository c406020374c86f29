// The guided start of a new plan: its name, horizon, underwriter and limit, and the first
// funding stream. One compact form (Enter creates, Escape cancels); the answers go to
// createPlan, which makes a new document (nothing is replaced) and the page reloads onto it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { horizonInWords } from '../../../shared/horizon';
import { formatFy, formatMonth, fyStart, parseFy } from '../../../shared/months';
import { fyLabelOfMonth, horizonFys, MAX_NEW_PLAN_YEARS } from '../../../shared/new-plan';
import { readWhole } from '../../../shared/parse';
import { api } from '../../api';
import { FieldError } from '../../components/common';
import { useNewPlan } from './new-plan-state';
import { blankForm, fieldOf, fyKey, readForm, type Form, type Kind } from './new-plan-form';
import './new-plan.css';

function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children(describedBy)}
      {props.hint ? (
        <span id={hintId} className="hint">
          {props.hint}
        </span>
      ) : null}
      <FieldError id={errorId} messages={props.error ? [props.error] : []} />
    </div>
  );
}

export function NewPlanDialog() {
  const open = useNewPlan((s) => s.open);
  const hide = useNewPlan((s) => s.hide);
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const id = useId();
  const [values, setValues] = useState<Form>(blankForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setValues(blankForm());
      setErrors({});
      d.showModal();
      d.querySelector<HTMLInputElement>('input')?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);

  // A field typed in loses its message; the others keep theirs until the next try.
  const set = (patch: Partial<Form>, field?: string) => {
    setValues((v) => ({ ...v, ...patch }));
    const key = field ?? Object.keys(patch)[0];
    if (errors[key] || errors.form) setErrors(({ [key]: _gone, form: _form, ...rest }) => rest);
  };
  const years = readWhole(values.years);
  const fys = years.ok && years.value >= 1 && years.value <= MAX_NEW_PLAN_YEARS ? horizonFys(values.startFy, years.value) : [];
  const current = fyLabelOfMonth(new Date().getFullYear(), new Date().getMonth());
  // Three FYs back to five ahead of the current one.
  const startChoices = Array.from({ length: 9 }, (_, i) => formatFy(parseFy(current) + i - 3));

  function focusFirstError(found: Record<string, string>) {
    const first = Object.keys(found)[0];
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  }

  async function create() {
    if (busy) return;
    const { answers, errors: found } = readForm(values);
    setErrors(found);
    if (!answers) {
      focusFirstError(found);
      return;
    }
    setBusy(true);
    try {
      const result = await api.createPlan(answers);
      if (result.ok) {
        // The new document opens on a fresh page: its own undo history, view and results.
        window.location.reload();
        return;
      }
      if (result.cancelled) return;
      const placed: Record<string, string> = {};
      for (const p of result.problems) placed[fieldOf(p)] ??= p.message;
      setErrors(placed);
      focusFirstError(placed);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const text = (
    field: 'name' | 'years' | 'underwriter' | 'limit' | 'streamName' | 'funder',
    label: string,
    testId: string,
    extra: {
      placeholder?: string;
      inputMode?: 'decimal' | 'numeric';
      hint?: ReactNode;
    } = {},
  ) => (
    <Field id={`${id}-${field}`} label={label} error={errors[field]} hint={extra.hint}>
      {(describedBy) => (
        <input
          id={`${id}-${field}`}
          type="text"
          value={values[field]}
          placeholder={extra.placeholder}
          inputMode={extra.inputMode}
          aria-invalid={errors[field] ? true : undefined}
          aria-describedby={describedBy}
          data-field={field}
          data-testid={testId}
          onChange={(e) => set({ [field]: e.target.value } as Partial<Form>)}
        />
      )}
    </Field>
  );

  return (
    <dialog
      ref={dialog}
      className="dialog new-plan"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        // Escape closes through the store at once, so a Ctrl+N straight after it opens the dialog again.
        event.preventDefault();
        hide();
      }}
      onClose={hide}
      data-testid="new-plan-dialog"
    >
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2 id={`${id}-title`}>New plan</h2>
        <p className="hint">
          A few answers to start from; everything can be changed later on the Plan and Funding screens. The plan is kept in a new file:
          nothing open now is replaced.
        </p>
        <div className="new-plan-grid">
          {text('name', 'Plan name', 'new-plan-name', { placeholder: 'e.g. Violence Reduction Unit 2025–28' })}
          <Field id={`${id}-startFy`} label="First financial year">
            {() => (
              <select
                id={`${id}-startFy`}
                value={values.startFy}
                data-field="startFy"
                data-testid="new-plan-start-fy"
                onChange={(e) => set({ startFy: e.target.value })}
              >
                {startChoices.map((fy) => (
                  <option key={fy} value={fy}>
                    {fy}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('years', 'Years', 'new-plan-years', {
            inputMode: 'numeric',
            hint: fys.length ? horizonInWords({ start: formatMonth(fyStart(parseFy(values.startFy))), months: fys.length * 12 }) : null,
          })}
          {text('underwriter', 'Underwritten by', 'new-plan-underwriter', { placeholder: 'e.g. OPCC treasurer' })}
          {text('limit', 'Underwriting limit (£)', 'new-plan-limit', { inputMode: 'decimal', placeholder: '0' })}
        </div>
        <fieldset className="new-plan-stream">
          <legend>First funding stream (optional)</legend>
          <div className="new-plan-grid">
            {text('streamName', 'Stream name', 'new-plan-stream-name', { placeholder: 'e.g. Serious Violence Fund' })}
            {text('funder', 'Funder', 'new-plan-stream-funder', { placeholder: 'e.g. Home Office' })}
            <Field id={`${id}-kind`} label="Kind">
              {() => (
                <select
                  id={`${id}-kind`}
                  value={values.kind}
                  data-testid="new-plan-stream-kind"
                  onChange={(e) => set({ kind: e.target.value as Kind })}
                >
                  <option value="grant">Grant</option>
                  <option value="one-off">One-off</option>
                  <option value="contribution">Contribution</option>
                </select>
              )}
            </Field>
          </div>
          <div className="new-plan-amounts">
            {fys.map((fy) => (
              <Field key={fy} id={`${id}-amount-${fyKey(fy)}`} label={`${fy} (£)`} error={errors[`amount-${fy}`]}>
                {(describedBy) => (
                  <input
                    id={`${id}-amount-${fyKey(fy)}`}
                    type="text"
                    inputMode="decimal"
                    placeholder="Not yet known"
                    value={values.amounts[fy] ?? ''}
                    aria-invalid={errors[`amount-${fy}`] ? true : undefined}
                    aria-describedby={describedBy}
                    data-field={`amount-${fy}`}
                    data-testid={`new-plan-amount-${fyKey(fy)}`}
                    onChange={(e) => set({ amounts: { ...values.amounts, [fy]: e.target.value } }, `amount-${fy}`)}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
        {errors.form ? (
          <p className="paste-summary bad" role="alert" data-testid="new-plan-error">
            {errors.form}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={hide} data-testid="new-plan-cancel">
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="new-plan-create">
            {busy ? 'Creating…' : 'Create plan'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
