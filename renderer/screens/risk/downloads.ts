// The Risk screen's CSV downloads, named after the plan's file.
import { riskFileName } from '../../../shared/file-name';
import type { Scenario } from '../../../shared/plan';
import { downloadText } from '../../download';
import { ladderCsv, riskSummaryCsv } from '../../logic/risk-csv';
import type { CompletedLadder, CompletedRisk } from '../../store/analysis-slice';
import { useStore } from '../../store/store';

const documentName = () => useStore.getState().snapshot?.info.fileName;

export function downloadRiskCsv(result: CompletedRisk, scenario: Scenario, underwriter: string): void {
  downloadText(
    riskFileName(documentName(), ['risk', result.scenarioId]),
    'text/csv',
    riskSummaryCsv(result, { scenarioName: scenario.name, underwriter }),
  );
}

export function downloadLadderCsv(ladder: CompletedLadder, names: ReadonlyMap<string, string>): void {
  downloadText(
    riskFileName(documentName(), ['ladder', ladder.scenarioId, ladder.variable]),
    'text/csv',
    ladderCsv(ladder.rows, ladder.variable, names),
  );
}
