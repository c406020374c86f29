// The comparison as CSV (RFC 4180, through shared/csv.ts). Money in pounds with 2 decimals,
// shares as fractions, flags as yes/no, outcomes as "closes 2022-08" ("not in plan" for a service
// missing from a compared plan); with the results, each
// service's detail per scenario (shared/service-detail.ts) and every notice deadline.
// Columns are headed by scenario names.
import { interventionsById, scenarioColumnNames, type Comparison, type ComparisonRow } from './compare';
import { csvMoney, csvText, type CsvCell } from './csv';
import type { SimulationResult } from './engine';
import { formatFy } from './months';
import { decisionCells, decisionRows, monthCell, SERVICE_DETAIL, type DetailColumn } from './service-detail';
import { NOT_IN_PLAN, outcomeCode, sameOutcome } from './words';

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

function detailText(column: DetailColumn, value: string | number | null): string {
  if (value === null) return '';
  if (column.kind === 'money') return csvMoney(value as number);
  if (column.kind === 'month') return monthCell(value as number) ?? '';
  return String(value);
}

/** `results`: the compared scenarios' results, in the same order, for the per-service rows. */
export function comparisonCsv(comparison: Comparison, results: readonly SimulationResult[] = []): string {
  const names = scenarioColumnNames(comparison.scenarios);
  const header = ['Section', 'FY', 'Item', ...names, ...names.slice(1).map((name) => `${name} − ${names[0]}`)];
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
  if (results.length === comparison.scenarios.length) lines.push(...serviceLines(comparison, results));
  return csvText(lines);
}

function serviceLines(comparison: Comparison, results: readonly SimulationResult[]): CsvCell[][] {
  const lines: CsvCell[][] = [];
  const byId = interventionsById(results);
  for (const row of comparison.interventions) {
    for (const column of SERVICE_DETAIL.slice(1)) {
      const cells = byId.map((m) => {
        const found = m.get(row.id);
        return found ? detailText(column, column.value(found)) : NOT_IN_PLAN;
      });
      lines.push([
        'Service',
        '',
        `${row.name} (${row.id}): ${column.label}`,
        ...cells,
        ...cells.slice(1).map((c) => (c === cells[0] ? 'same' : 'differs')),
      ]);
    }
  }
  for (const d of decisionRows(results)) {
    const passed = d.passed ? ' (already passed when the plan starts)' : '';
    const cells = decisionCells(d, results);
    lines.push([
      'Decision',
      formatFy(d.fy),
      `${monthCell(d.deadline)} ${d.name} (${d.id}) notice deadline${passed}`,
      ...cells,
      ...cells.slice(1).map((c) => (c === cells[0] ? 'same' : 'differs')),
    ]);
  }
  return lines;
}
