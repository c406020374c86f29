// The comparison of section 8: scenarios side by side, differences from the first named,
// and an outcome row per intervention with the rows that differ first. The app, the CLI
// and the exports all render this one structure.
import type { InterventionResult, SimulationResult } from './engine';
import { formatFy, formatMonth, type FyYear } from './months';
import { formatMoney, formatPercent } from './money';

export type MeasureKind = 'money' | 'count' | 'share' | 'flag';

export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly kind: MeasureKind;
  /** One value per scenario; money in pence, shares as fractions, flags as 0/1. */
  readonly values: readonly (number | null)[];
  /** value − first scenario's value; null for the first scenario or when either is null. */
  readonly differences: readonly (number | null)[];
}

export interface ComparisonYear {
  readonly fy: FyYear;
  readonly label: string;
  readonly rows: readonly ComparisonRow[];
}

export interface OutcomeRow {
  readonly id: string;
  readonly name: string;
  readonly outcomes: readonly string[];
  readonly differs: boolean;
}

export interface Comparison {
  readonly scenarios: readonly { readonly id: string; readonly name: string; readonly stance: string }[];
  readonly totals: readonly ComparisonRow[];
  readonly years: readonly ComparisonYear[];
  readonly interventions: readonly OutcomeRow[];
}

/** "continues", "closes 2022-08", "transitions 2021-10", "ended". */
export function outcomeLabel(r: InterventionResult): string {
  if (r.outcome === 'closes') return `closes ${formatMonth(r.lastMonth!)}`;
  if (r.outcome === 'transitions') return `transitions ${formatMonth(r.handoverMonth!)}`;
  return r.outcome;
}

function row(key: string, label: string, kind: MeasureKind, values: (number | null)[]): ComparisonRow {
  const first = values[0];
  const differences = values.map((v, i) => (i === 0 || v === null || first === null ? null : v - first));
  return { key, label, kind, values, differences };
}

const TOTALS: [keyof SimulationResult['totals'], string, MeasureKind][] = [
  ['funding', 'Funding', 'money'],
  ['spend', 'Spend', 'money'],
  ['partner', 'Paid by partners', 'money'],
  ['drawn', 'Drawn from underwriter', 'money'],
  ['underspend', 'Funding lapsing unspent', 'money'],
  ['peakAtRisk', 'Largest FY at risk before confirmation', 'money'],
  ['closures', 'Services closing', 'count'],
  ['avoidableClosures', 'Closures avoidable by waiting', 'count'],
  ['transitions', 'Services handed over', 'count'],
  ['usersLosingSupport', 'People losing support', 'count'],
  ['usersMoved', 'People moved to other support', 'count'],
  ['nonCompliantYears', 'FYs breaking the grant condition', 'count'],
];

export function compare(results: readonly SimulationResult[]): Comparison {
  if (results.length === 0) throw new Error('compare needs at least one scenario');
  const totals = TOTALS.map(([key, label, kind]) => row(key, label, kind, results.map((r) => r.totals[key])));
  const years = results[0].years.map((first, yi) => {
    const at = (r: SimulationResult) => r.years[yi];
    return {
      fy: first.fy,
      label: formatFy(first.fy),
      rows: [
        row('funding', 'Funding', 'money', results.map((r) => at(r).funding)),
        row('spend', 'Spend', 'money', results.map((r) => at(r).spend)),
        row('drawn', 'Drawn from underwriter', 'money', results.map((r) => at(r).drawn)),
        row('underspend', 'Underspend', 'money', results.map((r) => at(r).underspend)),
        row('atRisk', 'At risk before confirmation', 'money', results.map((r) => at(r).atRisk)),
        row('commissionedShare', 'Commissioned share', 'share', results.map((r) => at(r).commissionedShare)),
        row('compliant', 'Grant condition met', 'flag', results.map((r) => (at(r).compliant ? 1 : 0))),
        row('limitBreached', 'Underwriting limit breached', 'flag', results.map((r) => (at(r).limitBreached ? 1 : 0))),
      ],
    };
  });
  const outcomeRows = results[0].interventions.map((first, ii) => {
    const outcomes = results.map((r) => outcomeLabel(r.interventions[ii]));
    return { id: first.id, name: first.name, outcomes, differs: outcomes.some((o) => o !== outcomes[0]) };
  });
  const interventions = [...outcomeRows.filter((r) => r.differs), ...outcomeRows.filter((r) => !r.differs)];
  return {
    scenarios: results.map((r) => ({ id: r.id, name: r.name, stance: r.stance })),
    totals,
    years,
    interventions,
  };
}

const COUNT = new Intl.NumberFormat('en-GB');

/** A comparison value for people: £1,234.56, 48.46%, yes/no; differences signed (+£…, same/differs). */
export function formatComparisonValue(row: Pick<ComparisonRow, 'kind'>, value: number | null, signed = false): string {
  if (value === null) return '–';
  const sign = signed && value > 0 ? '+' : '';
  switch (row.kind) {
    case 'money':
      return sign + formatMoney(value);
    case 'share':
      return sign + formatPercent(value, 2);
    case 'flag':
      return signed ? (value === 0 ? 'same' : 'differs') : value ? 'yes' : 'no';
    default:
      return sign + COUNT.format(value);
  }
}
