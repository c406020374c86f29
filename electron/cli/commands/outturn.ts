// outturn: the forecast outturn report of an FY (plan-format.md §10) as tables, JSON, an
// Excel workbook and/or an A4 landscape PDF. Every figure comes from shared/outturn.ts.
import { performance } from 'node:perf_hooks';
import { jsonText } from '../../../shared/json-text';
import { isFyLabel, parseFy } from '../../../shared/months';
import { defaultOutturnFy, outturnAgainst, outturnReport, type OutturnReport } from '../../../shared/outturn';
import type { Plan } from '../../../shared/plan';
import { outturnJson } from '../../../shared/outturn-json';
import { outturnHtml } from '../../export/outturn-html';
import { OUTTURN_SHEETS, outturnWorkbook } from '../../export/outturn-workbook';
import { htmlToPdf } from '../../export/pdf';
import { type Command, InputError, requireCount, UsageError } from '../command';
import { requireDocument, snapshotPlanOf, snapshotRefOption, withDocument } from '../document';
import { loadPlanAsync, pickScenarios } from '../load-plan';
import { outturnText } from '../outturn-text';
import { FORCE, outPath, size, took, write } from './exports';

/** The budget from a snapshot's scenario, labelled "<snapshot>: <scenario name>". */
async function snapshotBudget(doc: string, ref: { snapshot: string; scenario: string }) {
  return withDocument(doc, 'read', (document): { label: string; plan: Plan; scenarioId: string } => {
    const { info, plan } = snapshotPlanOf(document, doc, ref.snapshot);
    const scenario = info.scenarios.find((s) => s.id === ref.scenario);
    if (!scenario)
      throw new InputError(
        `no scenario "${ref.scenario}" in snapshot "${info.name}" (it has: ${info.scenarios.map((s) => s.id).join(', ')})`,
      );
    return { label: `${info.name}: ${scenario.name}`, plan, scenarioId: scenario.id };
  });
}

export const outturnCommand: Command = {
  name: 'outturn',
  summary: "forecast an FY's outturn against budget from the actuals; write it to Excel or PDF",
  usage:
    'headroom outturn PLAN.json [--fy 2021/22] [--scenario ID] [--budget "SNAPSHOT NAME:SCENARIO"] [--json] [--xlsx OUT.xlsx] [--pdf OUT.pdf] [--force]',
  options: {
    fy: { type: 'string' },
    budget: { type: 'string' },
    scenario: { type: 'string' },
    json: { type: 'boolean' },
    xlsx: { type: 'string' },
    pdf: { type: 'string' },
    ...FORCE,
  },
  async run(positionals, values, io) {
    requireCount(positionals, 1, 1, 'the plan file');
    const fyOption = values.fy as string | undefined;
    if (fyOption !== undefined && !isFyLabel(fyOption)) throw new UsageError(`--fy needs an FY like "2021/22", not "${fyOption}"`);
    const scenarioId = (values.scenario as string | undefined) ?? 'base';
    if (values.budget !== undefined) requireDocument(positionals[0], 'budget');
    const budgetRef = snapshotRefOption(values, 'budget');
    const xlsx = outPath(values, 'xlsx', 'xlsx');
    const pdfOut = outPath(values, 'pdf', 'pdf');
    const loaded = await loadPlanAsync(positionals[0]);
    pickScenarios(loaded, [scenarioId]);
    const fy = fyOption === undefined ? defaultOutturnFy(loaded.plan) : parseFy(fyOption);
    const budget = budgetRef && (await snapshotBudget(positionals[0], budgetRef));
    let report: OutturnReport;
    try {
      report = budget ? outturnAgainst(loaded.plan, scenarioId, fy, budget) : outturnReport(loaded.plan, scenarioId, fy);
    } catch (error) {
      // The plan is valid and the scenario exists: what is left is an FY outside the horizon,
      // or a scenario the snapshot does not have.
      throw new InputError((error as Error).message);
    }
    if (values.json) io.out(jsonText(outturnJson(report)));
    else if (!xlsx && !pdfOut) io.out(outturnText(report));
    // With JSON on standard output, say what was written on standard error.
    const status = values.json ? io.err : io.out;
    if (xlsx) {
      const start = performance.now();
      const bytes = await outturnWorkbook(report);
      write(xlsx, bytes);
      status(`Wrote ${xlsx} (${OUTTURN_SHEETS.length} sheets: ${OUTTURN_SHEETS.join(', ')}; ${size(bytes.length)}) in ${took(start)}`);
    }
    if (pdfOut) {
      const start = performance.now();
      const pdf = await htmlToPdf(outturnHtml(report), pdfOut);
      status(`Wrote ${pdfOut} (${pdf.pages} A4 landscape page${pdf.pages === 1 ? '' : 's'}, ${size(pdf.bytes)}) in ${took(start)}`);
    }
    return 0;
  },
};
