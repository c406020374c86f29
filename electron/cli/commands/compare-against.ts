// compare --against "SNAPSHOT NAME:SCENARIO": a scenario of the document's plan now against a
// scenario of one of its snapshots (plan-format.md §8, "Against a snapshot"), as a table and
// the input changes in words, CSV, JSON or an Excel workbook. Every figure and every change
// comes from shared/snapshot-compare.ts.
import { performance } from 'node:perf_hooks';
import { comparisonJson } from '../../../shared/compare';
import { jsonText } from '../../../shared/json-text';
import { compareWithSnapshot, type SnapshotComparison } from '../../../shared/snapshot-compare';
import { snapshotComparisonCsv } from '../../../shared/snapshot-compare-csv';
import type { SnapshotInfo } from '../../../shared/snapshots';
import { snapshotComparisonWorkbook } from '../../export/snapshot-workbook';
import { InputError, type Io, UsageError } from '../command';
import { requireDocument, snapshotPlanOf, snapshotRefOption, withDocument } from '../document';
import { comparisonText } from '../report-text';
import { changesText } from '../snapshot-text';
import { outPath, size, took, write } from './exports';

const SHEETS = ['Summary', 'Changes', 'Years', 'Interventions', 'Decisions', 'Monthly'];

/** The comparison as `compare --json` gives it, with the snapshot and scenario compared against and the input changes. */
export function againstJson(sc: SnapshotComparison, snapshot: SnapshotInfo, scenario: string) {
  const { plan, ...comparison } = comparisonJson(sc.plan, sc.comparison);
  return { plan, against: { snapshot, scenario }, ...comparison, changes: sc.changes };
}

export async function compareAgainst(doc: string, values: Record<string, unknown>, io: Io): Promise<number> {
  requireDocument(doc, 'against');
  const ref = snapshotRefOption(values, 'against')!;
  const ids = (values.scenario as string[] | undefined) ?? [];
  if (ids.length !== 1)
    throw new UsageError(`with --against, give exactly one --scenario (the scenario of the plan now), not ${ids.length}`);
  if (values.csv && values.json) throw new UsageError('choose one of --csv and --json');
  const xlsx = outPath(values, 'xlsx', 'xlsx');
  const csvOut = outPath(values, 'csv-out', 'csv');
  const { sc, info } = await withDocument(doc, 'read', (document) => {
    const snapshot = snapshotPlanOf(document, doc, ref.snapshot);
    try {
      return {
        sc: compareWithSnapshot(document.plan(), ids[0], { name: snapshot.info.name, plan: snapshot.plan }, ref.scenario),
        info: snapshot.info,
      };
    } catch (error) {
      throw new InputError((error as Error).message);
    }
  });
  if (values.csv) io.out(snapshotComparisonCsv(sc).trimEnd());
  else if (values.json) io.out(jsonText(againstJson(sc, info, ref.scenario)));
  else if (!xlsx && !csvOut) {
    const titles = [sc.snapshot, 'Now'];
    io.out(`${comparisonText(sc.plan, sc.comparison, titles)}\n\n${changesText(sc.snapshot, sc.changes)}`);
  }
  // With data on standard output, say what was written on standard error.
  const status = values.csv || values.json ? io.err : io.out;
  if (csvOut) {
    const start = performance.now();
    const csv = snapshotComparisonCsv(sc);
    write(csvOut, csv);
    status(`Wrote ${csvOut} (${size(Buffer.byteLength(csv))}) in ${took(start)}`);
  }
  if (xlsx) {
    const start = performance.now();
    const bytes = await snapshotComparisonWorkbook(sc);
    write(xlsx, bytes);
    status(`Wrote ${xlsx} (${SHEETS.length} sheets: ${SHEETS.join(', ')}; ${size(bytes.length)}) in ${took(start)}`);
  }
  return 0;
}
