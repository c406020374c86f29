// Adding a plan variable: a name (checked with the plan's rule for new variable names) and
// a value or formula, stored as one undoable edit.
import { useId, useState } from 'react';
import { newVariableNameProblem } from '../../../shared/names';
import type { Plan } from '../../../shared/plan';
import { FieldError } from '../../components/common';
import { addVariableEdit } from '../../logic/plan-settings-edits';
import { readVariableValue } from '../../logic/values';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export function AddVariable(props: { plan: Plan }) {
  const readOnly = useReadOnly();
  const id = useId();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const wanted = name.trim();
    const problem = newVariableNameProblem(props.plan, wanted);
    const read = value.trim() === '' ? ({ ok: true, value: 0 } as const) : readVariableValue(value);
    if (problem || !read.ok) {
      setError(problem ?? (read.ok ? null : `Value: ${read.message}`));
      return;
    }
    const result = await applyEdit(addVariableEdit(props.plan, wanted, read.value));
    if (result.ok) {
      setName('');
      setValue('');
      setError(null);
      document.querySelector<HTMLInputElement>(`[data-testid="new-variable-name"]`)?.focus();
    }
  }

  return (
    <form
      className="add-variable"
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>New variable</label>
        <input
          id={`${id}-name`}
          value={name}
          placeholder="e.g. payAward"
          disabled={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
          data-testid="new-variable-name"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-value`}>Value</label>
        <input
          id={`${id}-value`}
          value={value}
          placeholder="0"
          disabled={readOnly}
          onChange={(e) => setValue(e.target.value)}
          data-testid="new-variable-value"
        />
      </div>
      <button type="submit" disabled={readOnly} data-testid="new-variable-add">
        + Add variable
      </button>
      <FieldError id={`${id}-error`} messages={error ? [error] : []} />
    </form>
  );
}
