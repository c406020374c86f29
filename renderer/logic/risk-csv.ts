// The Risk screen's downloads as CSV (RFC 4180): the risk summary and the ladder table.
// Money in pounds with 2 decimals (written from the summary's pence), probabilities as fractions. Text that a spreadsheet
// would run as a formula (a service named "=cmd…") is defused, as in the comparison CSV.
import { moneyText, safeText } from '../../shared/compare-csv';
import { monthName } from '../../shared/months';
import { poundsToPence } from '../../shared/money';
import type { LadderRow } from '../../shared/uncertainty/ladder';
import type { RiskView } from './risk-run';

const NUMERIC = /^-?\d+(\.\d+)?(e-?\d+)?$/;

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = NUMERIC.test(text) ? text : safeText(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csv(lines: readonly (readonly (string | number | null)[])[]): string {
  return lines.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Pounds exact to the penny (as the ladder JSON gives them) as "1234.56". */
function pounds(value: number): string {
  const pence = poundsToPence(value);
  if (pence === null) throw new RangeError(`${value} is not a sum of pounds and pence`);
  return moneyText(pence);
}

export interface RiskCsvContext {
  readonly scenarioName: string;
  readonly underwriter: string;
}

/** One table: the run, the three totals, each intervention's chances, and the exposure by month. */
export function riskSummaryCsv(view: RiskView, context: RiskCsvContext): string {
  const s = view.summary;
  const lines: (string | number | null)[][] = [
    ['Section', 'Item', 'Mean', 'P10', 'P50', 'P90', 'Probability of closing', 'Probability of transitioning'],
    ['Run', `${context.scenarioName} (${view.scenarioId}); ${s.draws} draws; seed ${s.seed}`, null, null, null, null, null, null],
    ['Totals', `Drawn from ${context.underwriter} (£)`, moneyText(s.drawn.mean), moneyText(s.drawn.p10), moneyText(s.drawn.p50), moneyText(s.drawn.p90), null, null],
    ['Totals', 'People losing support', s.usersLosingSupport.mean, s.usersLosingSupport.p10, s.usersLosingSupport.p50, s.usersLosingSupport.p90, null, null],
    ['Totals', 'Largest FY at risk (£)', moneyText(s.atRisk.mean), moneyText(s.atRisk.p10), moneyText(s.atRisk.p50), moneyText(s.atRisk.p90), null, null],
  ];
  for (const r of view.interventions) lines.push(['Intervention', `${r.name} (${r.id})`, null, null, null, null, r.pClose, r.pTransition]);
  for (const p of view.fan) {
    lines.push(['Exposure by month (£)', monthName(p.month, true), null, moneyText(p.p10), moneyText(p.p50), moneyText(p.p90), null, null]);
  }
  return csv(lines);
}

/** A row per ladder value: the totals and the services that close, by name. */
export function ladderCsv(rows: readonly LadderRow[], variable: string, names: ReadonlyMap<string, string>): string {
  const lines: (string | number | null)[][] = [
    [variable, 'Spend (£)', 'Drawn (£)', 'Closures', 'Avoidable closures', 'People losing support', 'Services that close'],
  ];
  for (const r of rows) {
    lines.push([
      r.value,
      pounds(r.totals.spend),
      pounds(r.totals.drawn),
      r.totals.closures,
      r.totals.avoidableClosures,
      r.totals.usersLosingSupport,
      r.closes.map((id) => names.get(id) ?? id).join('; '),
    ]);
  }
  return csv(lines);
}
