// The forecast outturn report from a plan (plan-format.md §10): the scenario simulated with its
// actuals and as planned, then shared/outturn-figures.ts. The CLI's `outturn`, its workbook
// and PDF use this; the app builds the same figures from the results its worker sends.
import { simulate, type SimulationResult } from './engine';
import { formatProblem } from './format';
<<<<<<< HEAD
import type { FyYear } from './months';
import { outturnFrom, type OutturnReport } from './outturn-figures';
=======
import { formatMoney, formatPercent, divRoundHalfEven, type Pence } from './money';
import { formatFy, fyEnd, fyOfMonth, fyStart, monthName, parseFy, parseMonth, type FyYear, type MonthIndex } from './months';
>>>>>>> feat/outturn-export
import type { Plan } from './plan';
import { resolveScenario } from './resolve';
import { validatePlan } from './validate';

export * from './outturn-figures';

/** A plan's figures as planned: the same plan without its actuals (the budget). */
export function withoutActuals(plan: Plan): Plan {
  const { actuals: _actuals, ...rest } = plan;
  void _actuals;
  return rest;
}

/** The scenario simulated with its actuals, and as planned (without them). */
export function outturnResults(plan: Plan, scenarioId: string): { result: SimulationResult; budget: SimulationResult } {
  const validation = validatePlan(plan);
  if (!validation.ok) throw new Error(`the plan is not valid:\n${validation.problems.map(formatProblem).join('\n')}`);
  const scenario = validation.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`no scenario "${scenarioId}" in the plan (it has: ${validation.scenarios.map((s) => s.id).join(', ')})`);
  const result = simulate(scenario);
  if (!validation.plan.actuals) return { result, budget: result };
  const asPlanned = withoutActuals(validation.plan);
  const resolved = resolveScenario(asPlanned, scenarioId);
  if (!resolved.scenario) throw new Error(resolved.problems.map(formatProblem).join('\n'));
  return { result, budget: simulate(resolved.scenario) };
}

export function outturnReport(plan: Plan, scenarioId: string, fy: FyYear): OutturnReport {
  const { result, budget } = outturnResults(plan, scenarioId);
  return outturnFrom(plan, result, budget, fy);
}

/** What the FY's figures rest on: "Actuals to June 2021", or that every month is forecast. */
export function actualsBasis(report: Pick<OutturnReport, 'fy' | 'asAt' | 'actualMonths'>): string {
  const words = actualsToWords(report.asAt);
  if (words === null) return 'No actuals yet: every month is forecast';
  if (report.actualMonths === 0) return `${words}; none in ${formatFy(report.fy)}: every month is forecast`;
  return words;
}

/** The grant condition at outturn: "Grant condition met: 89.61% commissioned, at least 20% required." */
export function conditionSentence(report: Pick<OutturnReport, 'commissionedShare' | 'requiredShare' | 'compliant'>): string {
  if (report.requiredShare === null) return 'No grant condition on the commissioned share.';
  return `Grant condition ${report.compliant ? 'met' : 'broken'}: ${formatPercent(report.commissionedShare, 2)} commissioned, at least ${formatPercent(report.requiredShare, 2)} required.`;
}

const SHARE_2DP = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A variance as a share of budget, signed and always to 2 decimals so columns line up: "+4.17%", "-22.90%", "0.00%"; "–" without a budget. */
export function varianceShareText(share: number | null): string {
  if (share === null) return '–';
  return `${share > 0 ? '+' : ''}${SHARE_2DP.format(share)}`;
}
