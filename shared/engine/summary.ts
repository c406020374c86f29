// The summary of one scenario: the totals, each intervention's outcome and the FYs at risk,
// from the same account as the full result but with no per-month or per-intervention
// objects and no timelines. What a risk draw, a ladder row and a break-even probe read.
import { fyStart } from '../months';
import { monthlyPart } from '../money';
import type { ResolvedScenario } from '../resolve';
import { accountFor, totalsOf } from './account';
import { OUTCOME_CODE, type MonthFigures, type SimulationSummary } from './types';

export interface SummaryOptions {
  /** Keep spend, funding and at-risk flags month by month (the Risk screen's fan chart). */
  readonly byMonth?: boolean;
}

export function simulateSummary(scenario: ResolvedScenario, options: SummaryOptions = {}): SimulationSummary {
  const account = accountFor(scenario, false);
  const { outcomes, ledger } = account;
  const closes: string[] = [];
  for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === OUTCOME_CODE.closes) closes.push(scenario.interventions[i].id);
  let byMonth: MonthFigures | null = null;
  if (options.byMonth) {
    const { H0, M, fyOfOffset } = ledger;
    const funding = new Float64Array(M);
    const atRisk = new Uint8Array(M);
    for (let k = 0; k < M; k++) {
      const f = fyOfOffset[k];
      funding[k] = monthlyPart(account.funding[f], H0 + k - fyStart(scenario.fys[f]));
      atRisk[k] = H0 + k < account.knowns[f].month ? 1 : 0;
    }
    byMonth = { spend: account.monthSpend.slice(), funding, atRisk };
  }
  return {
    id: scenario.id,
    underwriter: scenario.underwriter,
    totals: totalsOf(scenario, account),
    outcomes: outcomes.slice(),
    closes,
    atRiskByYear: account.atRisk.slice(),
    byMonth,
  };
}
