// What a plan holds outside its horizon, in words: shown where the horizon is edited, since
// an allocation or a year's cost outside it is kept in the file but takes no part in a run.
import { formatFy, fyOfMonth, isFyLabel, isMonth, monthName, parseFy, parseMonth } from './months';
import { readByYear } from './by-year';
import type { Plan } from './plan';

export interface Horizon {
  readonly start: string;
  readonly months: number;
}

/** The horizon in words: "36 months, April 2025 to March 2028". */
export function horizonInWords(horizon: Horizon): string {
  const first = parseMonth(horizon.start);
  return `${horizon.months === 1 ? '1 month' : `${horizon.months} months`}, ${monthName(first)} to ${monthName(first + horizon.months - 1)}`;
}

/** Each thing in the plan that falls outside `horizon` (the plan's own by default), in words. */
export function outsideHorizon(plan: Plan, horizon: Horizon = plan.horizon): string[] {
  if (!isMonth(horizon.start) || !Number.isInteger(horizon.months) || horizon.months < 1) return [];
  const first = parseMonth(horizon.start);
  const last = first + horizon.months - 1;
  const firstFy = fyOfMonth(first);
  const lastFy = fyOfMonth(last);
  const fyOutside = (fy: string) => isFyLabel(fy) && (parseFy(fy) < firstFy || parseFy(fy) > lastFy);
  const span = `${formatFy(firstFy)} to ${formatFy(lastFy)}`;
  const words: string[] = [];
  for (const stream of plan.fundingStreams)
    for (const a of stream.allocations) if (fyOutside(a.fy)) words.push(`${stream.name}: the ${a.fy} allocation is outside ${span}`);
  for (const item of plan.interventions) {
    if (typeof item.annualCost === 'object')
      for (const fy of Object.keys(item.annualCost)) if (fyOutside(fy)) words.push(`${item.name}: the ${fy} cost is outside ${span}`);
    if (item.start && isMonth(item.start) && parseMonth(item.start) > last)
      words.push(`${item.name} starts in ${monthName(parseMonth(item.start))}, after the horizon ends`);
    if (item.end && isMonth(item.end) && parseMonth(item.end) < first)
      words.push(`${item.name} ends in ${monthName(parseMonth(item.end))}, before the horizon starts`);
  }
  for (const scenario of plan.scenarios ?? [])
    for (const change of scenario.changes ?? [])
      if ('fy' in change && fyOutside(change.fy)) words.push(`Scenario “${scenario.name}”: a change to ${change.fy} is outside ${span}`);
  return words;
}

/**
 * The plan variables given by year (a table written as `=fy == 0 ? … : …`): they count FYs from
 * the horizon's first, so moving its start moves their values to other FYs, while costs and
 * allocations given per FY label stay where they are.
 */
export function variablesCountedFromStart(plan: Plan): string[] {
  const years = fyOfMonth(parseMonth(plan.horizon.start) + plan.horizon.months - 1) - fyOfMonth(parseMonth(plan.horizon.start)) + 1;
  return Object.entries(plan.variables ?? {})
    .filter(([, value]) => typeof value === 'string' && readByYear(value, years) !== null)
    .map(([name]) => name);
}
