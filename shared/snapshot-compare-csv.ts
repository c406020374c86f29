// A comparison against a snapshot as CSV: the comparison's own CSV (shared/compare-csv.ts,
// columns headed "<snapshot>: <scenario>" and "Now: <scenario>"), then a "What changed"
// section: one row per input that changed since the snapshot, in words, with its kind and id.
import { comparisonCsv } from './compare-csv';
import { csvText, type CsvCell } from './csv';
import type { SnapshotComparison } from './snapshot-compare';

/** The row that stands in for the changes when there are none. */
export const NO_INPUT_CHANGES = 'No inputs changed since the snapshot';

export function snapshotComparisonCsv(sc: SnapshotComparison): string {
  const rows: CsvCell[][] = sc.changes.length
    ? sc.changes.map((c) => ['What changed', '', c.text, c.kind, c.subject])
    : [['What changed', '', NO_INPUT_CHANGES]];
  return comparisonCsv(sc.comparison, sc.results) + csvText(rows);
}
