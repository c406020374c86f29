// An intervention's annual cost: "Same every year" (one amount or formula) or "By year" (a row
// per FY of the horizon). Each FY's value is the one the resolved scenario holds (resolved.ts),
// never worked out here. Going back to one amount asks which to keep when the years differ.
import { useId, useState } from 'react';
import { INTERVENTION_FIELDS, orEmpty, readMoneyValue } from '../../../shared/fields';
import type { AmountValue, Plan } from '../../../shared/plan';
import { ChoiceDialog } from '../../components/ChoiceDialog';
import { DataTable, num } from '../../components/DataTable';
import { InlineField } from '../../components/InlineField';
import type { AskFirst } from '../../components/grid/columns';
import {
  amountText,
  costByYearEdit,
  costMode,
  costOfFy,
  horizonFyLabels,
  sameEveryYearChoices,
  sameEveryYearChoiceText,
  setCostEveryYearEdit,
  setCostForFyEdit,
} from '../../logic/cost-edits';
import { annualCostQuestion, replaceFormulaQuestion } from '../../logic/edit-questions';
import { money } from '../../logic/format';
import type { ResolvedInterventionView } from '../../logic/resolved';
import { readAmount, valueText } from '../../logic/values';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

const readFyCost = orEmpty(readMoneyValue);

export function CostByYear(props: {
  plan: Plan;
  index: number;
  /** The plan's resolved values for this intervention, aligned with `fys`. */
  resolved: ResolvedInterventionView | null;
  fys: readonly string[];
}) {
  const { plan, index } = props;
  const item = plan.interventions[index];
  const cost = item.annualCost;
  const mode = costMode(cost);
  const readOnly = useReadOnly();
  const name = useId();
  const [choosing, setChoosing] = useState(false);
  const choices = sameEveryYearChoices(plan, index);
  const fys = horizonFyLabels(plan);
  const valueOf = (fy: string) => {
    const k = props.fys.indexOf(fy);
    const pence = k >= 0 ? props.resolved?.annualCost[k] : undefined;
    return pence === undefined ? '' : money(pence);
  };

  function chooseMode(next: 'same' | 'by-year') {
    if (next === mode) return;
    if (next === 'by-year') void applyEdit(costByYearEdit(plan, index));
    else if (choices.length === 1) void applyEdit(setCostEveryYearEdit(plan, index, choices[0].value));
    else setChoosing(true);
  }

  const askSame = (value: unknown): AskFirst | null => {
    const question = annualCostQuestion(cost, value, null, fys.length);
    return question && { question, edit: (c) => (c === 'replace' ? setCostEveryYearEdit(plan, index, value as AmountValue) : null) };
  };
  const askFy =
    (fy: string) =>
    (value: unknown): AskFirst | null => {
      const question = replaceFormulaQuestion(costOfFy(cost, fy), value, amountText);
      return question && { question, edit: (c) => (c === 'replace' ? setCostForFyEdit(plan, index, fy, value as AmountValue) : null) };
    };

  return (
    <section className="cost-by-year" data-testid="cost-editor">
      <h3>Annual cost</h3>
      <fieldset className="cost-mode" disabled={readOnly}>
        <legend className="visually-hidden">How the annual cost is given</legend>
        {(['same', 'by-year'] as const).map((m) => (
          <label key={m} className={`check${mode === m ? ' on' : ''}`}>
            <input type="radio" name={name} checked={mode === m} onChange={() => chooseMode(m)} data-testid={`cost-mode-${m}`} />
            {m === 'same' ? 'Same every year' : 'By year'}
          </label>
        ))}
      </fieldset>
      {mode === 'same' ? (
        <InlineField
          label="Amount or formula, every year"
          value={valueText(cost)}
          display={INTERVENTION_FIELDS.annualCost.format(cost)}
          path={['interventions', index, 'annualCost']}
          read={readAmount}
          edit={(v) => setCostEveryYearEdit(plan, index, v as AmountValue)}
          ask={askSame}
          title={valueText(cost)}
          testId="cost-same"
        />
      ) : null}
      <DataTable
        className="data compact cost-table"
        caption={`${item.name}: annual cost by FY`}
        columns={mode === 'same' ? ['FY', num('Value')] : ['FY', 'Amount or formula', num('Value')]}
        testId="cost-table"
      >
        {fys.map((fy) => (
          <tr key={fy} data-fy={fy}>
            <th scope="row">{fy}</th>
            {mode === 'by-year' ? (
              <td>
                <InlineField
                  label={`Annual cost ${fy}`}
                  hideLabel
                  value={valueText(costOfFy(cost, fy))}
                  display={INTERVENTION_FIELDS.annualCost.format(costOfFy(cost, fy) ?? '')}
                  placeholder="No cost"
                  title={valueText(costOfFy(cost, fy)) || undefined}
                  path={['interventions', index, 'annualCost', fy]}
                  read={readFyCost}
                  edit={(v) => setCostForFyEdit(plan, index, fy, v as AmountValue | undefined)}
                  ask={askFy(fy)}
                  testId={`cost-fy-${fy}`}
                />
              </td>
            ) : null}
            <td className="num" data-testid={`cost-value-${fy}`}>
              {valueOf(fy)}
            </td>
          </tr>
        ))}
      </DataTable>
      <ChoiceDialog
        testId="cost-same-dialog"
        stacked
        question={
          choosing
            ? {
                title: 'The years differ. Which annual cost should every year have?',
                choices: [
                  ...choices.map((c, k) => ({ id: `keep-${k}`, label: sameEveryYearChoiceText(c) })),
                  { id: 'cancel', label: 'Keep by year' },
                ],
                cancel: 'cancel',
              }
            : null
        }
        onAnswer={(id) => {
          setChoosing(false);
          const k = id.startsWith('keep-') ? Number(id.slice(5)) : -1;
          if (k >= 0 && choices[k]) void applyEdit(setCostEveryYearEdit(plan, index, choices[k].value));
        }}
      />
    </section>
  );
}
