// A comparison against a snapshot (shared/snapshot-compare.ts) as an Excel workbook: the
// comparison's sheets as workbook.ts makes them, columns headed "<snapshot>: <scenario>" and
// "Now: <scenario>", with a Changes sheet after the Summary: each input changed since the
// snapshot, in words, with its kind and the id of what changed.
import { NO_INPUT_CHANGES } from '../../shared/snapshot-compare-csv';
import type { SnapshotComparison } from '../../shared/snapshot-compare';
import { comparedWorkbook } from './workbook';
import { freeze, setCell, titledSheet, widths, type ExportOptions } from './workbook-cells';

export async function snapshotComparisonWorkbook(sc: SnapshotComparison, opts: ExportOptions = {}): Promise<Buffer> {
  const set = { plan: { name: sc.plan }, comparison: sc.comparison, results: sc.results };
  return comparedWorkbook(set, opts, (book, date) => {
    const title = `What changed in the inputs since "${sc.snapshot}"`;
    const { sheet, header } = titledSheet(book, set, date, 'Changes', title, ['What changed', 'Kind', 'Id']);
    if (sc.changes.length === 0) setCell(sheet, header + 1, 1, NO_INPUT_CHANGES);
    sc.changes.forEach((change, i) => {
      setCell(sheet, header + 1 + i, 1, change.text);
      setCell(sheet, header + 1 + i, 2, change.kind);
      setCell(sheet, header + 1 + i, 3, change.subject);
    });
    widths(sheet, [90, 14, 24]);
    freeze(sheet, 1, 0);
  });
}
