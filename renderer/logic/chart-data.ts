// Rows for the charts. Charts plot pounds on their axes; every figure shown as text is
// formatted from the engine's pence, never from these.
import type { SimulationResult } from '../../shared/engine';
import { monthName, type MonthIndex } from '../../shared/months';

export interface MonthRow {
  readonly month: MonthIndex;
  readonly label: string;
  /** Pounds, for plotting. */
  readonly funding: number;
  /** Spend in a forecast month, and in an actual month (what was really spent); one of them is 0. */
  readonly spend: number;
  readonly actualSpend: number;
  readonly partner: number;
  /** Spend plus partner contributions: the full cost of what runs. */
  readonly fullCost: number;
  /** Plan spend above the month's share of funding: what leans on the underwriter. */
  readonly overFunding: number;
  readonly atRisk: boolean;
  /** An actual month (up to the actuals' asAt). */
  readonly actual: boolean;
  /** The engine's figures, for tooltips and tables. */
  readonly pence: { readonly funding: number; readonly spend: number; readonly partner: number };
}

const pounds = (pence: number) => pence / 100;

export function monthRows(result: SimulationResult): MonthRow[] {
  return result.months.map((m) => ({
    month: m.month,
    label: monthName(m.month, true),
    funding: pounds(m.funding),
    spend: m.actual ? 0 : pounds(m.spend),
    actualSpend: m.actual ? pounds(m.spend) : 0,
    partner: pounds(m.partner),
    fullCost: pounds(m.spend + m.partner),
    overFunding: pounds(Math.max(0, m.spend - m.funding)),
    atRisk: m.atRisk,
    actual: m.actual,
    pence: { funding: m.funding, spend: m.spend, partner: m.partner },
  }));
}

/** Runs of at-risk months (funding not yet known), as [first, last] labels for shading. */
export function atRiskRuns(result: SimulationResult): { from: string; to: string; months: number }[] {
  const runs: { from: string; to: string; months: number }[] = [];
  let start: number | null = null;
  result.months.forEach((m, i) => {
    if (m.atRisk && start === null) start = i;
    const ends = start !== null && (!m.atRisk || i === result.months.length - 1);
    if (ends) {
      const last = m.atRisk ? i : i - 1;
      runs.push({
        from: monthName(result.months[start!].month, true),
        to: monthName(result.months[last].month, true),
        months: last - start! + 1,
      });
      start = null;
    }
  });
  return runs;
}

/** One row per month with each scenario's spend and funding under its own keys. */
export function overlayRows(results: readonly SimulationResult[]): Record<string, number | string>[] {
  if (results.length === 0) return [];
  return results[0].months.map((m, i) => {
    const row: Record<string, number | string> = { month: m.month, label: monthName(m.month, true) };
    results.forEach((r, k) => {
      row[`spend${k}`] = pounds(r.months[i]?.spend ?? 0);
      row[`funding${k}`] = pounds(r.months[i]?.funding ?? 0);
    });
    return row;
  });
}

// Axis ticks are worded with every other figure, in shared/format.ts.
export { axisMoney, niceTicks } from '../../shared/format';
