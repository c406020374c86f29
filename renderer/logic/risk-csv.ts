// The Risk screen's downloads as CSV (RFC 4180): the risk summary and the ladder table.
// Money in pounds with 2 decimals (written from the summary's pence), probabilities as fractions. Text that a spreadsheet
// would run as a formula (a service named "=cmd…") is defused by shared/csv.ts, the one CSV writer.
import { csvMoney, csvText, type CsvCell } from '../../shared/csv';
import { monthName } from '../../shared/months';
import { poundsToPence } from '../../shared/money';
import type { LadderRow } from '../../shared/uncertainty/ladder';
import type { RiskView } from './risk-run';

/** Pounds exact to the penny (as the ladder JSON gives them) as "1234.56". */
function pounds(value: number): string {
  const pence = poundsToPence(value);
  if (pence === null) throw new RangeError(`${value} is not a sum of pounds and pence`);
  return csvMoney(pence);
}

export interface RiskCsvContext {
  readonly scenarioName: string;
  readonly underwriter: string;
}

/** One table: the run, the three totals, each intervention's chances, and the exposure by month. */
export function riskSummaryCsv(view: RiskView, context: RiskCsvContext): string {
  const s = view.summary;
  const lines: CsvCell[][] = [
    ['Section', 'Item', 'Mean', 'P10', 'P50', 'P90', 'Probability of closing', 'Probability of transitioning'],
    ['Run', `${context.scenarioName} (${view.scenarioId}); ${s.draws} draws; seed ${s.seed}`, null, null, null, null, null, null],
    [
      'Totals',
      `Drawn from ${context.underwriter} (£)`,
      csvMoney(s.drawn.mean),
      csvMoney(s.drawn.p10),
      csvMoney(s.drawn.p50),
      csvMoney(s.drawn.p90),
      null,
      null,
    ],
    [
      'Totals',
      'People losing support',
      s.usersLosingSupport.mean,
      s.usersLosingSupport.p10,
      s.usersLosingSupport.p50,
      s.usersLosingSupport.p90,
      null,
      null,
    ],
    [
      'Totals',
      'Largest FY at risk (£)',
      csvMoney(s.atRisk.mean),
      csvMoney(s.atRisk.p10),
      csvMoney(s.atRisk.p50),
      csvMoney(s.atRisk.p90),
      null,
      null,
    ],
  ];
  for (const r of view.interventions) lines.push(['Intervention', `${r.name} (${r.id})`, null, null, null, null, r.pClose, r.pTransition]);
  for (const p of view.fan) {
    lines.push(['Exposure by month (£)', monthName(p.month, true), null, csvMoney(p.p10), csvMoney(p.p50), csvMoney(p.p90), null, null]);
  }
  return csvText(lines);
}

/** A row per ladder value: the totals and the services that close, by name. */
export function ladderCsv(rows: readonly LadderRow[], variable: string, names: ReadonlyMap<string, string>): string {
  const lines: CsvCell[][] = [
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
  return csvText(lines);
}
