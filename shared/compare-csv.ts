// The comparison as CSV (RFC 4180, through shared/csv.ts). Money in pounds with 2 decimals,
// shares as fractions, flags as yes/no, outcomes as "closes 2022-08".
import type { Comparison, ComparisonRow } from './compare';
import { csvMoney, csvText, type CsvCell } from './csv';
import { outcomeCode, sameOutcome } from './words';

export function measureCell(kind: ComparisonRow['kind'], value: number | null): string {
  if (value === null) return '';
  if (kind === 'money') return csvMoney(value);
  if (kind === 'flag') return value ? 'yes' : 'no';
  return String(value);
}

function flagDifference(kind: ComparisonRow['kind'], value: number | null): string {
  if (value === null) return '';
  if (kind === 'flag') return value === 0 ? 'same' : 'differs';
  if (kind === 'share') return String(Math.round(value * 10000) / 10000);
  return measureCell(kind, value);
}

export function comparisonCsv(comparison: Comparison): string {
  const ids = comparison.scenarios.map((s) => s.id);
  const header = ['Section', 'FY', 'Item', ...ids, ...ids.slice(1).map((id) => `${id} − ${ids[0]}`)];
  const lines: CsvCell[][] = [header];
  const measure = (section: string, fy: string, row: ComparisonRow) => [
    section,
    fy,
    row.label,
    ...row.values.map((v) => measureCell(row.kind, v)),
    ...row.differences.slice(1).map((d) => flagDifference(row.kind, d)),
  ];
  for (const row of comparison.totals) lines.push(measure('Totals', '', row));
  for (const year of comparison.years) for (const row of year.rows) lines.push(measure('Year', year.label, row));
  for (const row of comparison.interventions) {
    const [first] = row.outcomes;
    lines.push([
      'Outcome',
      '',
      `${row.name} (${row.id})`,
      ...row.outcomes.map(outcomeCode),
      ...row.outcomes.slice(1).map((o) => (sameOutcome(o, first) ? 'same' : 'differs')),
    ]);
  }
  return csvText(lines);
}
