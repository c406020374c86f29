// An extract's sums written into a plan's actuals (plan-format.md §10): the months the
// extract covers are replaced for every intervention, the rest kept; the plan given is never
// changed, and the new one is validated whole before it is returned.
import { penceToPounds, type Pence } from '../../shared/money';
import { formatMonth, monthName, parseMonth, type MonthIndex } from '../../shared/months';
import type { Plan } from '../../shared/plan';
import { formatProblem } from '../../shared/problem';
import { validatePlan } from '../../shared/validate';

/** Per intervention (by index in the plan), pence per month. */
export type ActualsSums = Map<number, Map<MonthIndex, Pence>>;

export type AppliedActuals =
  | {
      readonly ok: true;
      readonly plan: Plan;
      readonly monthsReplaced: readonly MonthIndex[];
      readonly ledgerCodesAdded: readonly { readonly intervention: string; readonly code: string }[];
    }
  | { readonly ok: false; readonly errors: string[] };

export interface ApplyOptions {
  /** The last actual month; by default the latest month of `sums`. */
  readonly asAt?: MonthIndex;
  /** Codes to add to interventions' ledgerCodes (by index), unless already there in any case. */
  readonly mapped?: ReadonlyMap<number, readonly string[]>;
}

/**
 * A new plan whose actuals hold `sums` for every month they cover (zero sums left out),
 * with the plan's other months kept, entries in plan order then month order.
 */
export function applyActuals(plan: Plan, sums: ActualsSums, options: ApplyOptions = {}): AppliedActuals {
  const covered = new Set<MonthIndex>();
  for (const byMonth of sums.values()) for (const month of byMonth.keys()) covered.add(month);
  const monthsReplaced = [...covered].sort((a, b) => a - b);
  if (monthsReplaced.length === 0) return { ok: false, errors: ['the extract has no postings'] };
  const asAt = options.asAt ?? monthsReplaced[monthsReplaced.length - 1];

  const order = new Map(plan.interventions.map((item, i) => [item.id, i]));
  const kept = (plan.actuals?.spend ?? []).filter((entry) => !covered.has(parseMonth(entry.month)));
  const later = kept.filter((entry) => parseMonth(entry.month) > asAt).map((entry) => parseMonth(entry.month));
  if (later.length > 0) {
    const latest = Math.max(...later);
    return {
      ok: false,
      errors: [
        `the plan has actuals up to ${monthName(latest)}, after the extract's latest month ${monthName(asAt)}; ` +
          `give the as-at month ${formatMonth(latest)} to keep them, or import an extract that covers those months`,
      ],
    };
  }
  const added = [...sums].flatMap(([i, byMonth]) =>
    [...byMonth]
      .filter(([, pence]) => pence !== 0)
      .map(([month, pence]) => ({ intervention: plan.interventions[i].id, month: formatMonth(month), amount: penceToPounds(pence) })),
  );
  const spend = [...kept, ...added].sort(
    (a, b) => (order.get(a.intervention) ?? Infinity) - (order.get(b.intervention) ?? Infinity) || a.month.localeCompare(b.month),
  );

  const next: Plan = structuredClone(plan);
  next.actuals = { ...next.actuals, asAt: formatMonth(asAt), spend };
  const ledgerCodesAdded: { intervention: string; code: string }[] = [];
  for (const [i, codes] of options.mapped ?? []) {
    const item = next.interventions[i];
    for (const code of codes) {
      const have = item.ledgerCodes ?? [];
      if (have.some((c) => c.trim().toLowerCase() === code.trim().toLowerCase())) continue;
      item.ledgerCodes = [...have, code];
      ledgerCodesAdded.push({ intervention: item.id, code });
    }
  }
  const validation = validatePlan(next);
  if (!validation.ok)
    return { ok: false, errors: ['with these actuals the plan would break its rules:', ...validation.problems.map(formatProblem)] };
  return { ok: true, plan: next, monthsReplaced, ledgerCodesAdded };
}
