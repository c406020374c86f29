// Edits of an intervention's annual cost (plan-format.md §2: one amount or formula, or a map
// FY label → amount or formula): one user command, one PlanEdit, labelled old → new.
import type { PlanEdit } from '../../shared/edits';
import { formatMoney, poundsToPence } from '../../shared/money';
import { fyOfMonth, formatFy, parseMonth } from '../../shared/months';
import type { AmountValue, AnnualCostValue, Plan } from '../../shared/plan';

export type CostMode = 'same' | 'by-year';

const MAX_LABEL = 200;
const MAX_VALUE_TEXT = 40;

export function costMode(cost: AnnualCostValue): CostMode {
  return typeof cost === 'object' ? 'by-year' : 'same';
}

/** The labels of the horizon's FYs, in order ("2020/21", "2021/22", ...). */
export function horizonFyLabels(plan: Plan): string[] {
  const first = parseMonth(plan.horizon.start);
  const from = fyOfMonth(first);
  const to = fyOfMonth(first + plan.horizon.months - 1);
  const labels: string[] = [];
  for (let fy = from; fy <= to; fy++) labels.push(formatFy(fy));
  return labels;
}

/** What the plan holds for an FY: a map without the FY means no cost (plan-format.md §2). */
export function costOfFy(cost: AnnualCostValue, fy: string): AmountValue | undefined {
  return typeof cost === 'object' ? (Object.hasOwn(cost, fy) ? cost[fy] : undefined) : cost;
}

/** An amount as an edit label shows it: "£330,000", "£12.50", "=base * uplift", "no cost". */
export function amountText(value: unknown): string {
  if (value === undefined || value === null) return 'no cost';
  if (typeof value === 'number') {
    const pence = poundsToPence(value);
    return pence === null ? String(value) : formatMoney(pence, { wholePounds: pence % 100 === 0 });
  }
  const text = String(value);
  return text.length > MAX_VALUE_TEXT ? `${text.slice(0, MAX_VALUE_TEXT - 1)}…` : text;
}

/** The name and what follows it, the name shortened so the label fits an edit's limit. */
function clip(name: string, tail: string): string {
  return name.length + tail.length > MAX_LABEL ? `${name.slice(0, Math.max(0, MAX_LABEL - tail.length - 1))}…${tail}` : `${name}${tail}`;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One amount or formula for every year (also how a by-year cost goes back to one amount). */
export function setCostEveryYearEdit(plan: Plan, index: number, value: AmountValue): PlanEdit {
  const item = plan.interventions[index];
  const cost = item.annualCost;
  const text =
    typeof cost === 'object'
      ? clip(item.name, `: annual cost the same every year, ${amountText(value)}`)
      : clip(item.name, `: annual cost ${amountText(cost)} → ${amountText(value)}`);
  return { label: text, ops: same(cost, value) ? [] : [{ op: 'set', path: ['interventions', index, 'annualCost'], value }] };
}

/**
 * The cost of one FY, `undefined` for no cost. A single amount or formula becomes a cost by
 * year that keeps it for every other FY of the horizon.
 */
export function setCostForFyEdit(plan: Plan, index: number, fy: string, value: AmountValue | undefined): PlanEdit {
  const item = plan.interventions[index];
  const cost = item.annualCost;
  const old = costOfFy(cost, fy);
  const edit = (ops: PlanEdit['ops']): PlanEdit => ({
    label: clip(item.name, `: annual cost ${fy} ${amountText(old)} → ${amountText(value)}`),
    ops,
  });
  if (typeof cost === 'object') {
    if (same(old, value)) return edit([]);
    return edit([{ op: 'set', path: ['interventions', index, 'annualCost', fy], value }]);
  }
  if (same(cost, value)) return edit([]);
  const byYear: Record<string, AmountValue> = {};
  for (const label of horizonFyLabels(plan)) byYear[label] = cost;
  if (value === undefined) delete byYear[fy];
  else byYear[fy] = value;
  return edit([{ op: 'set', path: ['interventions', index, 'annualCost'], value: byYear }]);
}

/** "By year": each FY of the horizon starts with the current amount or formula. */
export function costByYearEdit(plan: Plan, index: number): PlanEdit {
  const item = plan.interventions[index];
  const cost = item.annualCost;
  const edit = { label: clip(item.name, ': annual cost by year'), ops: [] as PlanEdit['ops'] };
  if (typeof cost === 'object') return edit;
  const byYear: Record<string, AmountValue> = {};
  for (const fy of horizonFyLabels(plan)) byYear[fy] = cost;
  edit.ops.push({ op: 'set', path: ['interventions', index, 'annualCost'], value: byYear });
  return edit;
}

export interface SameEveryYearChoice {
  /** The amount or formula every year would get (0 for an FY without a cost). */
  readonly value: AmountValue;
  /** The FYs of the horizon that hold it now. */
  readonly fys: readonly string[];
}

/** The different amounts a by-year cost holds over the horizon, in the order of their first FY. */
export function sameEveryYearChoices(plan: Plan, index: number): SameEveryYearChoice[] {
  const cost = plan.interventions[index].annualCost;
  const choices: { value: AmountValue; fys: string[] }[] = [];
  for (const fy of horizonFyLabels(plan)) {
    const value = costOfFy(cost, fy) ?? 0;
    const found = choices.find((c) => same(c.value, value));
    if (found) found.fys.push(fy);
    else choices.push({ value, fys: [fy] });
  }
  return choices;
}

/** A choice of what every year keeps, in words: "£200,000 (2020/21, 2021/22)". */
export function sameEveryYearChoiceText(choice: SameEveryYearChoice): string {
  const value = typeof choice.value === 'number' ? amountText(choice.value) : `The formula ${amountText(choice.value)}`;
  return `${value} (${choice.fys.join(', ')})`;
}
