// The scenario's own values of the plan's variables: a level control for a variable that
// stream amounts depend on (such as grantLevel), else a number or a formula.
import { isFormula } from '../../../shared/parse';
import type { Plan, Scenario } from '../../../shared/plan';
import { Empty } from '../../components/common';
import { InlineField } from '../../components/InlineField';
import { LevelControl } from '../../components/LevelControl';
import { fundingVariables, setVariableEdit, variableOf } from '../../logic/scenario-edits';
import { readNumber, valueText, type Read } from '../../logic/values';
import { previewEdit, resimulateStored } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';
import { store } from './store-edit';

export function Variables(props: { plan: Plan; scenario: Scenario; index: number }) {
  const { plan, scenario, index } = props;
  const readOnly = useReadOnly();
  const levels = new Set(fundingVariables(plan));
  const names = [...new Set([...Object.keys(plan.variables ?? {}), ...Object.keys(scenario.variables ?? {})])];
  if (names.length === 0) return <Empty>This plan has no variables.</Empty>;
  return (
    <div className="variable-list">
      {names.map((name) => {
        const v = variableOf(plan, scenario, name);
        const numeric = typeof v.value === 'number' ? v.value : null;
        const isLevel = levels.has(name) && (numeric !== null || v.value === undefined);
        return (
          <div key={name} className="variable-row">
            <div className="variable-name">
              <code>{name}</code>
              <span className="muted small">
                {v.fromScenario ? 'set in this scenario' : `plan value ${valueText(plan.variables?.[name])}`}
              </span>
            </div>
            {isLevel ? (
              <LevelControl
                label={`Variable ${name}`}
                level={numeric}
                disabled={readOnly}
                testId={`variable-${name}`}
                onPreview={(l) => previewEdit(setVariableEdit(plan, scenario.id, name, l))}
                onCommit={(l) => store(setVariableEdit(plan, scenario.id, name, Math.round(l * 10_000) / 10_000))}
                onCancel={() => resimulateStored()}
              />
            ) : (
              <InlineField
                label={`Variable ${name}`}
                hideLabel
                size="narrow"
                align="right"
                value={valueText(v.value)}
                path={['scenarios', index, 'variables', name]}
                read={(t): Read<number | string> => {
                  const text = t.trim();
                  if (isFormula(text)) return { ok: true, value: text };
                  const n = readNumber(text);
                  return n === null ? { ok: false, message: `"${text}" is not a number or a formula` } : { ok: true, value: n };
                }}
                edit={(value) => setVariableEdit(plan, scenario.id, name, value as number | string)}
                testId={`variable-${name}`}
              />
            )}
            {v.fromScenario ? (
              <button
                type="button"
                className="link-button small"
                disabled={readOnly}
                onClick={() => void store(setVariableEdit(plan, scenario.id, name, undefined))}
              >
                Use the plan’s value
              </button>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
