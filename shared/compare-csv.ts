// The comparison as CSV (RFC 4180). Money in pounds with 2 decimals, shares as fractions,
// flags as yes/no. Text that a spreadsheet would run as a formula is defused (CWE-1236).
import type { Comparison, ComparisonRow } from './compare';

const RISKY_START = /^[=+\-@\t\r\0]/;
const NUMERIC = /^-?\d+(\.\d+)?$/;

/** A text cell as a spreadsheet should show it, never run it. */
export function safeText(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function measureCell(kind: ComparisonRow['kind'], value: number | null): string {
  if (value === null) return '';
  if (kind === 'money') return moneyText(value);
  if (kind === 'flag') return value ? 'yes' : 'no';
  return String(value);
}

/** Pence as "1234.56" (exact; no floating point formatting). */
export function moneyText(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  return `${sign}${pounds}.${String(abs - pounds * 100).padStart(2, '0')}`;
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
  const lines: string[][] = [header];
  const measure = (section: string, fy: string, row: ComparisonRow) => [
    section, fy, row.label,
    ...row.values.map((v) => measureCell(row.kind, v)),
    ...row.differences.slice(1).map((d) => flagDifference(row.kind, d)),
  ];
  for (const row of comparison.totals) lines.push(measure('Totals', '', row));
  for (const year of comparison.years) for (const row of year.rows) lines.push(measure('Year', year.label, row));
  for (const row of comparison.interventions) {
    lines.push(['Outcome', '', `${row.name} (${row.id})`, ...row.outcomes, ...row.outcomes.slice(1).map((o) => (o === row.outcomes[0] ? 'same' : 'differs'))]);
  }
  return lines.map((cells) => cells.map((cell) => quote(NUMERIC.test(cell) ? cell : safeText(cell))).join(',')).join('\r\n') + '\r\n';
}
