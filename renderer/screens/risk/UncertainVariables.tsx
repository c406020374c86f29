// The scenario's uncertain variables: a row per variable with its distribution and
// parameters, edited in place (each change saved as an edit), and the form to add one.
import { useId } from 'react';
import type { Plan, Scenario } from '../../../shared/plan';
import type { Uncertainty } from '../../../shared/uncertainty/distributions';
import { Card, Empty, FieldError } from '../../components/common';
import { DataTable, hidden } from '../../components/DataTable';
import { InlineField } from '../../components/InlineField';
import {
  currentValue,
  defaultEntry,
  DISTS,
  PARAMS,
  paramText,
  readNumberList,
  readParam,
  removeUncertaintyEdit,
  replaceUncertaintyEdit,
  setUncertaintyParamEdit,
  type Dist,
} from '../../logic/uncertainty-edits';
import { applyEdit } from '../../store/actions';
import { useFieldProblems, useReadOnly } from '../../store/hooks';
import { AddUncertain } from './AddUncertain';
import { VariableUse } from './VariableUse';

function ParamField(props: {
  plan: Plan;
  scenario: Scenario;
  si: number;
  k: number;
  entry: Uncertainty;
  param: (typeof PARAMS)[Dist][number];
}) {
  const { plan, scenario, si, k, entry, param } = props;
  const value = (entry as unknown as Record<string, unknown>)[param.key];
  return (
    <InlineField
      label={param.label}
      ariaLabel={`${entry.variable}: ${param.label.toLowerCase()}`}
      size={param.list ? 'medium' : 'narrow'}
      align={param.list ? 'left' : 'right'}
      value={paramText(value)}
      placeholder={param.optional ? 'none' : undefined}
      path={['scenarios', si, 'uncertainty', k, param.key]}
      read={(t) => (param.list ? readNumberList(t, !!param.optional) : readParam(t, !!param.optional))}
      edit={(v) => setUncertaintyParamEdit(plan, scenario.id, k, param.key, v as number | number[] | undefined)}
      testId={`uncertain-${entry.variable}-${param.key}`}
    />
  );
}

function UncertainRow(props: { plan: Plan; scenario: Scenario; si: number; k: number; entry: Uncertainty }) {
  const { plan, scenario, si, k, entry } = props;
  const readOnly = useReadOnly();
  const distId = useId();
  const errorId = useId();
  const problems = useFieldProblems(['scenarios', si, 'uncertainty', k, 'dist']);
  return (
    <>
      <tr data-testid={`uncertain-${entry.variable}`}>
        <th scope="row">
          <code>{entry.variable}</code>
        </th>
        <td>
          <label htmlFor={distId} className="visually-hidden">
            {entry.variable}: distribution
          </label>
          <select
            id={distId}
            value={entry.dist}
            disabled={readOnly}
            aria-invalid={problems.length > 0 || undefined}
            aria-describedby={problems.length > 0 ? errorId : undefined}
            data-testid={`uncertain-${entry.variable}-dist`}
            onChange={(e) => {
              const dist = e.target.value as Dist;
              void applyEdit(
                replaceUncertaintyEdit(
                  plan,
                  scenario.id,
                  k,
                  defaultEntry(entry.variable, dist, currentValue(plan, scenario, entry.variable)),
                ),
              );
            }}
          >
            {DISTS.map((d) => (
              <option key={d.dist} value={d.dist}>
                {d.label}
              </option>
            ))}
          </select>
          <FieldError id={errorId} messages={problems.map((p) => p.message)} />
        </td>
        <td>
          <div className="param-row">
            {PARAMS[entry.dist].map((param) => (
              <ParamField key={`${entry.dist}-${param.key}`} plan={plan} scenario={scenario} si={si} k={k} entry={entry} param={param} />
            ))}
          </div>
        </td>
        <td className="actions">
          <button
            type="button"
            className="link-button small"
            disabled={readOnly}
            onClick={() => void applyEdit(removeUncertaintyEdit(plan, scenario.id, k))}
            data-testid={`uncertain-${entry.variable}-remove`}
          >
            Remove<span className="visually-hidden"> {entry.variable}</span>
          </button>
        </td>
      </tr>
      <VariableUse plan={plan} scenario={scenario} variable={entry.variable} columns={4} />
    </>
  );
}

export function UncertainVariables(props: { plan: Plan; scenario: Scenario; si: number }) {
  const { plan, scenario, si } = props;
  const list = scenario.uncertainty ?? [];
  return (
    <Card
      title="Uncertain variables"
      subtitle="Each draw picks every one of these at random (independently, unless correlated below) and simulates the scenario. Changes are saved as you make them."
    >
      {list.length === 0 ? (
        <Empty>Nothing is uncertain in this scenario yet: every draw would give the same result. Add a variable below.</Empty>
      ) : (
        <div className="table-scroll">
          <DataTable
            className="data uncertain-table"
            testId="uncertain-table"
            caption={`Uncertain variables of ${scenario.name}`}
            columns={['Variable', 'Distribution', 'Parameters', hidden('Remove')]}
          >
            {list.map((entry, k) => (
              <UncertainRow key={`${k}-${entry.variable}-${entry.dist}`} plan={plan} scenario={scenario} si={si} k={k} entry={entry} />
            ))}
          </DataTable>
        </div>
      )}
      <AddUncertain plan={plan} scenario={scenario} si={si} />
    </Card>
  );
}
