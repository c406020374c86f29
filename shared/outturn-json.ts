// `headroom outturn --json` (plan-format.md §10, "The outturn report's JSON"): the forecast
// outturn report of shared/outturn.ts as it is held, money in pounds exact to the penny,
// months as "YYYY-MM" and the FY as "2021/22". Nothing is computed here.
import { penceToPounds } from './money';
import { formatFy, formatMonth } from './months';
import type { OutturnFigures, OutturnReport } from './outturn';

const month = (m: number | null) => (m === null ? null : formatMonth(m));

function figuresJson(f: OutturnFigures) {
  return {
    budget: penceToPounds(f.budget),
    actual: penceToPounds(f.actual),
    forecast: penceToPounds(f.forecast),
    outturn: penceToPounds(f.outturn),
    variance: penceToPounds(f.variance),
    varianceShare: f.varianceShare,
  };
}

export function outturnJson(report: OutturnReport) {
  return {
    plan: report.plan,
    scenario: { id: report.scenario.id, name: report.scenario.name },
    fy: formatFy(report.fy),
    underwriter: report.underwriter,
    budgetSource: report.budgetSource,
    asAt: month(report.asAt),
    actualMonths: report.actualMonths,
    lines: report.lines.map((l) => ({
      id: l.id,
      name: l.name,
      category: l.category,
      system: l.system,
      outcome: l.outcome === null ? null : { outcome: l.outcome.outcome, month: month(l.outcome.month) },
      commentary: l.commentary,
      ...figuresJson(l),
    })),
    totals: figuresJson(report.totals),
    bySystem: report.bySystem.map((g) => ({ label: g.label, ...figuresJson(g) })),
    byCategory: report.byCategory.map((g) => ({ label: g.label, ...figuresJson(g) })),
    funding: penceToPounds(report.funding),
    drawn: penceToPounds(report.drawn),
    underspend: penceToPounds(report.underspend),
    budgetDrawn: penceToPounds(report.budgetDrawn),
    budgetUnderspend: penceToPounds(report.budgetUnderspend),
    commissionedShare: report.commissionedShare,
    requiredShare: report.requiredShare,
    compliant: report.compliant,
  };
}
