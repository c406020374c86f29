// The plan's variables: add, rename (every formula that uses it follows, in one edit), set a
// value or a formula, or a value per FY (an assumption table, stored as a formula in `fy`),
// and delete one no formula uses. Values shown are the resolved ones, from the engine's run.
import { useEffect, useId, useState } from 'react';
import { byYearFormula, readByYear } from '../../../shared/by-year';
import { newVariableNameProblem } from '../../../shared/names';
import type { Plan } from '../../../shared/plan';
import { api } from '../../api';
import { Card, Empty, FieldError } from '../../components/common';
import { ChoiceDialog } from '../../components/ChoiceDialog';
import { InlineField } from '../../components/InlineField';
import { fyLabel } from '../../logic/format';
import { setVariableValueEdit } from '../../logic/plan-settings-edits';
import { readVariableValue, valueText, type Read } from '../../logic/values';
import { applyEdit, storeCommand } from '../../store/actions';
import { useReadOnly, useScenario } from '../../store/hooks';
import { AddVariable } from './AddVariable';

type Mode = 'same' | 'by-year' | 'formula';
const fyKey = (fy: string) => fy.replace('/', '-');
const HINT = 'A plain decimal (3% is 0.03) or a formula starting with "="';

function readDecimalOnly(t: string): Read<number> {
  const read = readVariableValue(t);
  if (read.ok && typeof read.value === 'string')
    return { ok: false, message: 'a row of the table is a number; make the whole variable a formula instead' };
  return read as Read<number>;
}

/** The variable's name: Enter or leaving renames it in every formula (main rewrites them); Escape puts it back. */
function RenameField(props: { plan: Plan; name: string }) {
  const { plan, name } = props;
  const readOnly = useReadOnly();
  const id = useId();
  const [text, setText] = useState(name);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(name), [name]);

  async function commit() {
    const next = text.trim();
    if (next === name) return setError(null);
    const problem = newVariableNameProblem(plan, next);
    if (problem) return setError(problem);
    const result = await storeCommand(`Plan: rename variable ${name} → ${next}`, () => api.renameVariable({ from: name, to: next }));
    setError(result.ok ? null : (result.problems[0]?.message ?? null));
  }

  return (
    <div className="inline-field medium">
      <label htmlFor={id} className="visually-hidden">
        Name of variable {name}
      </label>
      <input
        id={id}
        value={text}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        title="Renaming changes every formula that uses it"
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void commit();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            setText(name);
            setError(null);
          }
        }}
        onBlur={() => void commit()}
        data-testid={`variable-name-${name}`}
      />
      <FieldError id={`${id}-error`} messages={error ? [error] : []} />
    </div>
  );
}

function VariableRow(props: { plan: Plan; name: string; fys: readonly string[]; values: readonly string[] | undefined }) {
  const { plan, name, fys, values } = props;
  const readOnly = useReadOnly();
  const [asFormula, setAsFormula] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  const blockedId = useId();
  const value = plan.variables![name];
  const table = typeof value === 'string' && !asFormula ? readByYear(value, fys.length) : null;
  const mode: Mode = typeof value === 'number' ? 'same' : table ? 'by-year' : 'formula';
  const current = (i: number) => values?.[i] || (typeof value === 'number' ? String(value) : '0');

  // Leaving a formula for values replaces it: asked first, as typing over a formula is.
  const [leaving, setLeaving] = useState<Mode | null>(null);

  function changeMode(next: Mode) {
    if (mode === 'formula' && next !== 'formula' && leaving === null) {
      setLeaving(next);
      return;
    }
    setLeaving(null);
    setAsFormula(next === 'formula');
    if (next === 'by-year') void applyEdit(setVariableValueEdit(plan, name, byYearFormula(fys.map((_, i) => current(i))), '→ by year'));
    else if (next === 'same') void applyEdit(setVariableValueEdit(plan, name, Number(current(0)), '→ same every year'));
    else if (typeof value === 'number') void applyEdit(setVariableValueEdit(plan, name, `=${value}`, '→ formula'));
  }

  async function tryDelete() {
    // Main refuses while a formula uses it, naming the formulas.
    const result = await storeCommand(`Plan: delete variable ${name}`, () => api.deleteVariable({ name }));
    setBlocked(result.ok ? null : (result.problems[0]?.message ?? null));
  }

  const resolved = values && values.some((v) => v !== values[0]) ? fys.map((fy, i) => `${fy} ${values[i]}`).join(' · ') : values?.[0];
  const resolvedText = resolved ?? '';
  return (
    <tr data-testid={`variable-row-${name}`}>
      <th scope="row">
        <RenameField plan={plan} name={name} />
      </th>
      <td>
        <select
          aria-label={`How ${name} is given`}
          value={mode}
          disabled={readOnly}
          onChange={(e) => changeMode(e.target.value as Mode)}
          data-testid={`variable-mode-${name}`}
        >
          <option value="same">Same every year</option>
          <option value="by-year" disabled={fys.length < 2}>
            By year
          </option>
          <option value="formula">Formula</option>
        </select>
        <ChoiceDialog
          testId={`variable-leave-formula-${name}`}
          question={
            leaving
              ? {
                  title: `Replace the formula ${String(value)} with its values${leaving === 'by-year' ? ' for each year' : ''}?`,
                  detail: `It works out as ${resolvedText || 'nothing yet (it cannot be worked out)'}.`,
                  choices: [
                    { id: 'replace', label: 'Replace' },
                    { id: 'keep', label: 'Keep formula' },
                  ],
                  cancel: 'keep',
                }
              : null
          }
          onAnswer={(choice) => (choice === 'replace' && leaving ? changeMode(leaving) : setLeaving(null))}
        />
      </td>
      <td>
        {table ? (
          <table className="data compact by-year" data-testid={`variable-table-${name}`}>
            <caption className="visually-hidden">{name} by financial year</caption>
            <tbody>
              {fys.map((fy, i) => (
                <tr key={fy}>
                  <th scope="row">{fy}</th>
                  <td>
                    <InlineField
                      label={`${name} in ${fy}`}
                      hideLabel
                      size="narrow"
                      align="right"
                      value={table[i]}
                      path={['variables', name]}
                      read={readDecimalOnly}
                      edit={(v) => {
                        const next = table.map((old, j) => (j === i ? String(v) : old));
                        return setVariableValueEdit(plan, name, byYearFormula(next), `${fy} ${table[i]} → ${String(v)}`);
                      }}
                      testId={`variable-${name}-${fyKey(fy)}`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <InlineField
            label={`Value of ${name}`}
            hideLabel
            size={mode === 'formula' ? 'wide' : 'narrow'}
            align={mode === 'formula' ? 'left' : 'right'}
            value={valueText(value)}
            path={['variables', name]}
            read={readVariableValue}
            edit={(v) => setVariableValueEdit(plan, name, v as number | string)}
            title={HINT}
            testId={`variable-value-${name}`}
          />
        )}
      </td>
      <td className="num" data-testid={`variable-resolved-${name}`}>
        {mode === 'same' ? (
          <span className="muted">every year</span>
        ) : resolved ? (
          <span className="formula-value">= {resolved}</span>
        ) : null}
      </td>
      <td>
        <button
          type="button"
          className="danger-quiet"
          disabled={readOnly}
          onClick={() => void tryDelete()}
          aria-describedby={blocked ? blockedId : undefined}
          data-testid={`variable-delete-${name}`}
        >
          Delete
        </button>
        {blocked ? (
          <p id={blockedId} className="field-error" role="alert">
            {blocked}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

export function PlanVariables(props: { plan: Plan }) {
  const { plan } = props;
  const { resolved } = useScenario('base');
  const fys = (resolved?.fys ?? []).map(fyLabel);
  const names = Object.keys(plan.variables ?? {});
  return (
    <Card
      title="Variables"
      subtitle={`Names formulas can use, such as a pay award or inflation. ${HINT}; "By year" gives a value for each financial year.`}
    >
      {names.length === 0 ? (
        <Empty>No variables yet.</Empty>
      ) : (
        <table className="data plan-variables" data-testid="plan-variables">
          <caption className="visually-hidden">Plan variables</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Given as</th>
              <th scope="col">Value or formula</th>
              <th scope="col" className="num">
                Works out as
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => (
              <VariableRow key={name} plan={plan} name={name} fys={fys} values={resolved?.variables[name]} />
            ))}
          </tbody>
        </table>
      )}
      <AddVariable plan={plan} />
    </Card>
  );
}
