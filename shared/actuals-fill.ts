// Actual months without an entry count as £0 (plan-format.md §10). A treasurer who keeps
// actuals only for the current year can fill earlier months "as planned": an entry per
// intervention and month equal to its planned cost, for months that have no entry yet.
import { monthlySpend } from './engine';
import type { EarlierGap } from './actuals-import';
import { penceToPounds, poundsToPence } from './money';
import { formatMonth, parseMonth, type MonthIndex } from './months';
import type { ActualSpend, Plan } from './plan';
import { BASE_SCENARIO_ID, resolveScenario } from './resolve';

/**
 * Entries for the months from..to (inside the horizon) that the plan's actuals do not already
 * hold, each at what the base plan spends in it (after its closures, exit costs included);
 * months planned at £0 get no entry. Throws when the plan does not resolve.
 */
export function plannedEntries(plan: Plan, from: MonthIndex, to: MonthIndex): ActualSpend[] {
  const { actuals: _actuals, ...planned } = plan;
  void _actuals;
  const resolved = resolveScenario(planned, BASE_SCENARIO_ID);
  if (!resolved.scenario) throw new Error(`the plan does not resolve: ${resolved.problems[0]?.message ?? ''}`);
  const H0 = parseMonth(plan.horizon.start);
  const rows = monthlySpend(resolved.scenario);
  const held = new Set((plan.actuals?.spend ?? []).map((e) => `${e.intervention}|${e.month}`));
  const entries: ActualSpend[] = [];
  plan.interventions.forEach((item, i) => {
    for (let m = Math.max(from, H0); m <= Math.min(to, H0 + plan.horizon.months - 1); m++) {
      const pence = rows[i][m - H0];
      const month = formatMonth(m);
      if (pence !== 0 && !held.has(`${item.id}|${month}`)) entries.push({ intervention: item.id, month, amount: penceToPounds(pence) });
    }
  });
  return entries;
}

/**
 * After an import: the months that were forecast before it (after `asAtBefore`) and come
 * before the extract's first, which now hold no actual for a service the plan spends in them
 * (they count as £0); and, when `fill` is set, the plan with them recorded at what the plan
 * spends. Months already actual are never touched. No gap: the plan unchanged and null.
 */
export function withEarlierMonths(
  plan: Plan,
  asAtBefore: string | null,
  monthsReplaced: readonly string[],
  fill: boolean,
): { plan: Plan; earlier: EarlierGap | null } {
  if (!plan.actuals || monthsReplaced.length === 0) return { plan, earlier: null };
  const first = Math.min(...monthsReplaced.map(parseMonth));
  // Only months that were forecast before the import: months already actual keep what they hold.
  const from = asAtBefore === null ? parseMonth(plan.horizon.start) : parseMonth(asAtBefore) + 1;
  const entries = plannedEntries(plan, from, first - 1);
  if (entries.length === 0) return { plan, earlier: null };
  const months = entries.map((e) => parseMonth(e.month));
  const earlier: EarlierGap = {
    from: formatMonth(Math.min(...months)),
    to: formatMonth(Math.max(...months)),
    entries: entries.length,
    planned: entries.reduce((sum, e) => sum + (poundsToPence(e.amount) ?? 0), 0),
    filled: fill,
  };
  if (!fill) return { plan, earlier };
  // Kept in the import's order: interventions in plan order, months in order.
  const rank = new Map(plan.interventions.map((item, i) => [item.id, i]));
  const spend = [...plan.actuals.spend, ...entries].sort(
    (a, b) => rank.get(a.intervention)! - rank.get(b.intervention)! || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0),
  );
  return { plan: { ...plan, actuals: { ...plan.actuals, spend } }, earlier };
}
