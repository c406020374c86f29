// The Interventions grid's columns, from the intervention field table (shared/fields):
// headings, readers and paths come from there; cells show what the engine resolved for the FY.
import {
  GRID_ORDER,
  INTERVENTION_FIELDS,
  interventionPath,
  required,
  valueText,
  type Field,
  type InterventionFieldKey,
} from '../../../shared/fields';
import { parseMonth } from '../../../shared/months';
import { isFormula } from '../../../shared/parse';
import type { AmountValue, Intervention, Plan } from '../../../shared/plan';
import type { AskFirst, GridColumn } from '../../components/grid/columns';
import { costOfFy, horizonFyLabels, setCostEveryYearEdit, setCostForFyEdit } from '../../logic/cost-edits';
import { annualCostQuestion, replaceFormulaQuestion } from '../../logic/edit-questions';
import { count, money, monthShort } from '../../logic/format';
import { setInterventionFieldEdit, type InterventionField } from '../../logic/plan-edits';
import type { ResolvedView } from '../../logic/resolved';

export type InterventionColumn = GridColumn<Intervention> & { readonly key: InterventionField };

/** Typing over a formula asks first; Keep stores nothing. */
function askOverFormula(plan: Plan, key: 'noticeMonths' | 'exitCost') {
  return (index: number, value: unknown): AskFirst | null => {
    const question = replaceFormulaQuestion(plan.interventions[index][key], value, INTERVENTION_FIELDS[key].format);
    return question && { question, edit: (choice) => (choice === 'replace' ? setInterventionFieldEdit(plan, index, key, value) : null) };
  };
}

/**
 * An annual cost typed in the grid showing `fy`: a cost by year changes that FY; a single cost
 * asks whether every year changes or only `fy` (which makes it a cost by year).
 */
function askAnnualCost(plan: Plan, fy: string, fyCount: number) {
  return (index: number, value: unknown): AskFirst | null => {
    const question = annualCostQuestion(plan.interventions[index].annualCost, value, fy, fyCount);
    const amount = value as AmountValue;
    return (
      question && {
        question,
        edit: (choice) =>
          choice === 'only-fy' || (choice === 'replace' && typeof plan.interventions[index].annualCost === 'object')
            ? setCostForFyEdit(plan, index, fy, amount)
            : choice === 'replace' || choice === 'every-year'
              ? setCostEveryYearEdit(plan, index, amount)
              : null,
      }
    );
  };
}

const NUMERIC = new Set<InterventionFieldKey>(['annualCost', 'priority', 'noticeMonths', 'exitCost', 'serviceUsers']);

/** A column of a field as the plan stores it: shown, edited and sorted by its stored value. */
function plainColumn(plan: Plan, key: InterventionField): InterventionColumn {
  const field: Field = INTERVENTION_FIELDS[key];
  return {
    key,
    label: field.short ?? field.label,
    numeric: NUMERIC.has(key),
    show: (item) => field.format(item[key]),
    text: (item) => valueText(item[key]),
    read: field.read,
    edit: (i, v) => setInterventionFieldEdit(plan, i, key, v),
    sort: (item) => (item[key] === undefined ? null : (item[key] as string | number)),
    path: (i) => interventionPath(i, key),
  };
}

/**
 * The grid's columns for the FY shown (`fy`, the `fyIndex`-th of the resolved FYs): money and
 * notice show the resolved value, so a formula shows what it works out to.
 */
export function interventionColumns(
  plan: Plan,
  resolved: ResolvedView | null,
  fyIndex: number,
  fy: string,
  showDates: boolean,
): InterventionColumn[] {
  const value = (index: number, field: 'annualCost' | 'noticeMonths' | 'exitCost') =>
    resolved?.interventions[index]?.[field][fyIndex] ?? null;
  const byKey: Partial<Record<InterventionField, InterventionColumn>> = {
    category: {
      ...plainColumn(plan, 'category'),
      text: (item) => item.category,
      options: ['commissioned', 'central'],
    },
    annualCost: {
      ...plainColumn(plan, 'annualCost'),
      // The heading names the FY the figures are for.
      label: `${INTERVENTION_FIELDS.annualCost.label} ${fy}`,
      show: (item, i) => {
        const v = value(i, 'annualCost');
        return v === null ? valueText(costOfFy(item.annualCost, fy)) : money(v);
      },
      formula: (item) => isFormula(costOfFy(item.annualCost, fy)),
      text: (item) => valueText(costOfFy(item.annualCost, fy)),
      edit: (i, v) =>
        typeof plan.interventions[i].annualCost === 'object'
          ? setCostForFyEdit(plan, i, fy, v as AmountValue)
          : setCostEveryYearEdit(plan, i, v as AmountValue),
      ask: askAnnualCost(plan, fy, horizonFyLabels(plan).length),
      sort: (_item, i) => value(i, 'annualCost'),
    },
    // Paste and import give a missing priority the next one; in the grid it is required.
    priority: {
      ...plainColumn(plan, 'priority'),
      show: (item) => String(item.priority),
      read: required(INTERVENTION_FIELDS.priority.read, 'A priority is required'),
    },
    noticeMonths: {
      ...plainColumn(plan, 'noticeMonths'),
      show: (item, i) => {
        const n = value(i, 'noticeMonths');
        return n === null ? valueText(item.noticeMonths ?? 0) : INTERVENTION_FIELDS.noticeMonths.format(n);
      },
      formula: (item) => isFormula(item.noticeMonths),
      ask: askOverFormula(plan, 'noticeMonths'),
      text: (item) => valueText(item.noticeMonths ?? 0),
      sort: (_item, i) => value(i, 'noticeMonths'),
    },
    exitCost: {
      ...plainColumn(plan, 'exitCost'),
      show: (item, i) => (item.exitCost === undefined ? '' : money(value(i, 'exitCost') ?? 0)),
      formula: (item) => isFormula(item.exitCost),
      ask: askOverFormula(plan, 'exitCost'),
      sort: (_item, i) => value(i, 'exitCost'),
    },
    serviceUsers: {
      ...plainColumn(plan, 'serviceUsers'),
      show: (item) => count(item.serviceUsers ?? 0),
      text: (item) => String(item.serviceUsers ?? 0),
      sort: (item) => item.serviceUsers ?? 0,
    },
    start: { ...plainColumn(plan, 'start'), show: (item) => (item.start ? monthShort(parseMonth(item.start)) : '') },
    end: { ...plainColumn(plan, 'end'), show: (item) => (item.end ? monthShort(parseMonth(item.end)) : '') },
  };
  return (GRID_ORDER as readonly InterventionField[])
    .filter((key) => showDates || (key !== 'start' && key !== 'end'))
    .map((key) => byKey[key] ?? plainColumn(plan, key));
}
