// The CLI's `--json` result (plan-format.md §7): money in pounds exact to the penny, months
// and FYs as text, fields that do not apply null (0 for money, false for flags).
import type { SimulationResult, Totals } from './engine';
import { formatFy, formatMonth } from './months';
import { penceToPounds } from './money';

const month = (m: number | null) => (m === null ? null : formatMonth(m));

export function resultToJson(result: SimulationResult) {
  return {
    id: result.id,
    name: result.name,
    years: result.years.map((y) => ({
      fy: formatFy(y.fy),
      funding: penceToPounds(y.funding),
      spend: penceToPounds(y.spend),
      actual: penceToPounds(y.actual),
      forecast: penceToPounds(y.forecast),
      drawn: penceToPounds(y.drawn),
      underspend: penceToPounds(y.underspend),
      atRisk: penceToPounds(y.atRisk),
      commissionedShare: y.commissionedShare,
      compliant: y.compliant,
      limitBreached: y.limitBreached,
    })),
    interventions: result.interventions.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      noticeDeadline: month(r.noticeDeadline),
      noticeServed: month(r.noticeServed),
      lastMonth: month(r.lastMonth),
      runOn: penceToPounds(r.runOn),
      exitCost: penceToPounds(r.exitCost),
      avoidable: r.avoidable,
      usersMoved: r.usersMoved,
      usersLosingSupport: r.usersLosingSupport,
      partner: r.partner,
      handoverMonth: month(r.handoverMonth),
      actualToDate: penceToPounds(r.actualToDate),
    })),
    months: result.months.map((m) => ({
      month: formatMonth(m.month),
      funding: penceToPounds(m.funding),
      spend: penceToPounds(m.spend),
      partner: penceToPounds(m.partner),
      actual: m.actual,
    })),
    totals: totalsToJson(result.totals),
  };
}

/** The totals as the JSON shows them (a ladder row's too). */
export function totalsToJson(totals: Totals) {
  return {
    spend: penceToPounds(totals.spend),
    drawn: penceToPounds(totals.drawn),
    closures: totals.closures,
    avoidableClosures: totals.avoidableClosures,
    usersLosingSupport: totals.usersLosingSupport,
  };
}

export type ResultJson = ReturnType<typeof resultToJson>;

export function simulationJson(planName: string, results: readonly SimulationResult[]) {
  return { plan: planName, scenarios: results.map(resultToJson) };
}
