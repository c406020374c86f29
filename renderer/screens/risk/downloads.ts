// The Risk screen's CSV downloads, named after the plan's file.
import type { Scenario } from '../../../shared/plan';
import { downloadText } from '../../download';
import { ladderCsv, riskSummaryCsv } from '../../logic/risk-csv';
import type { CompletedLadder, CompletedRisk } from '../../store/analysis-slice';
import { useStore } from '../../store/store';

function fileBase(): string {
  return (useStore.getState().snapshot?.info.fileName ?? 'plan').replace(/\.[^.]+$/, '');
}

export function downloadRiskCsv(result: CompletedRisk, scenario: Scenario, underwriter: string): void {
  downloadText(`${fileBase()}-risk-${result.scenarioId}.csv`, 'text/csv', riskSummaryCsv(result, { scenarioName: scenario.name, underwriter }));
}

export function downloadLadderCsv(ladder: CompletedLadder, names: ReadonlyMap<string, string>): void {
  downloadText(`${fileBase()}-ladder-${ladder.scenarioId}-${ladder.variable}.csv`, 'text/csv', ladderCsv(ladder.rows, ladder.variable, names));
}
