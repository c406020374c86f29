// Rows for the charts. Charts plot pounds on their axes; every figure shown as text is
// formatted from the engine's pence, never from these.
import type { SimulationResult } from '../../shared/engine';
import { monthName, type MonthIndex } from '../../shared/months';

export interface MonthRow {
  readonly month: MonthIndex;
  readonly label: string;
  /** Pounds, for plotting. */
  readonly funding: number;
  readonly spend: number;
  readonly partner: number;
  /** Spend plus partner contributions: the full cost of what runs. */
  readonly fullCost: number;
  /** Plan spend above the month's share of funding: what leans on the underwriter. */
  readonly overFunding: number;
  readonly atRisk: boolean;
  /** The engine's figures, for tooltips and tables. */
  readonly pence: { readonly funding: number; readonly spend: number; readonly partner: number };
}

const pounds = (pence: number) => pence / 100;

export function monthRows(result: SimulationResult): MonthRow[] {
  return result.months.map((m) => ({
    month: m.month,
    label: monthName(m.month, true),
    funding: pounds(m.funding),
    spend: pounds(m.spend),
    partner: pounds(m.partner),
    fullCost: pounds(m.spend + m.partner),
    overFunding: pounds(Math.max(0, m.spend - m.funding)),
    atRisk: m.atRisk,
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
      runs.push({ from: monthName(result.months[start!].month, true), to: monthName(result.months[last].month, true), months: last - start! + 1 });
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

/** Axis ticks in short money: £0, £250k, £1.2m. */
export function axisMoney(pounds: number): string {
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}£${(abs / 1_000_000).toFixed(abs % 1_000_000 === 0 ? 0 : 1)}m`;
  if (abs >= 1_000) return `${sign}£${Math.round(abs / 1_000)}k`;
  return `${sign}£${Math.round(abs)}`;
}

/** Round axis ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / (count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let t = 0; t < max + step * 0.999; t += step) ticks.push(Math.round(t * 100) / 100);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}
