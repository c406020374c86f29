// Actuals (plan-format.md §10): what has really been spent, month by month, up to `asAt`.
// The rules a plan's actuals must keep, and the actuals resolved to pence for the engine.
// They are the same in every scenario, so they are checked and resolved once per plan.
import { formatMoney, poundsToPence, type Pence } from './money';
import { fyOfMonth, formatFy, formatMonth, parseFy, parseMonth, type MonthIndex } from './months';
import type { Actuals, Plan } from './plan';
import type { PlanProblem } from './problem';

/** The actuals as the engine reads them: pence per intervention (plan order) and month. */
export interface ResolvedActuals {
  /** The last actual month; months of the horizon up to it are actual months. */
  readonly asAt: MonthIndex;
  /** Per intervention of the plan (by index), its actual amounts by month. */
  readonly byIntervention: readonly ReadonlyMap<MonthIndex, Pence>[];
}

/** Every problem of a plan's actuals, each at its place in the file; [] when there are none or all hold. */
export function actualsProblems(plan: Plan): PlanProblem[] {
  const actuals = plan.actuals;
  if (!actuals) return [];
  const problems: PlanProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const H0 = parseMonth(plan.horizon.start);
  const HN = H0 + plan.horizon.months - 1;
  const asAt = parseMonth(actuals.asAt);
  const horizonText = `${formatMonth(H0)} to ${formatMonth(HN)}`;
  if (asAt < H0 || asAt > HN) add('actuals.asAt', `"${actuals.asAt}" is outside the horizon (${horizonText})`);

  const ids = new Set(plan.interventions.map((item) => item.id));
  const seen = new Map<string, number>();
  // Per intervention and FY: the sum so far and the last entry that added to it.
  const sums = new Map<string, { pence: Pence; last: number }>();
  actuals.spend.forEach((entry, index) => {
    const path = `actuals.spend[${index}]`;
    if (!ids.has(entry.intervention)) add(`${path}.intervention`, `no intervention "${entry.intervention}"`);
    const month = parseMonth(entry.month);
    if (month < H0) add(`${path}.month`, `"${entry.month}" is before the horizon's first month "${formatMonth(H0)}"`);
    else if (month > HN) add(`${path}.month`, `"${entry.month}" is after the horizon's last month "${formatMonth(HN)}"`);
    else if (month > asAt) add(`${path}.month`, `"${entry.month}" is after asAt "${actuals.asAt}"`);
    const key = `${entry.intervention}\u0000${month}`;
    const first = seen.get(key);
    if (first !== undefined)
      add(
        `${path}.month`,
        `"${entry.intervention}" already has an actual for ${entry.month} (actuals.spend[${first}]); give one entry per month`,
      );
    else seen.set(key, index);
    const fyKey = `${entry.intervention}\u0000${fyOfMonth(month)}`;
    const sum = sums.get(fyKey) ?? { pence: 0, last: index };
    sums.set(fyKey, { pence: sum.pence + (poundsToPence(entry.amount) ?? 0), last: index });
  });
  for (const [key, { pence, last }] of sums) {
    if (pence >= 0) continue;
    const [id, fy] = key.split('\u0000');
    add(
      `actuals.spend[${last}].amount`,
      `"${id}"'s actual amounts for ${formatFy(Number(fy))} sum to ${formatMoney(pence)}; refunds and corrections may not take an FY below £0`,
    );
  }

  const noted = new Map<string, number>();
  actuals.commentary?.forEach((note, index) => {
    const path = `actuals.commentary[${index}]`;
    if (!ids.has(note.intervention)) add(`${path}.intervention`, `no intervention "${note.intervention}"`);
    const fy = parseFy(note.fy);
    if (fy < fyOfMonth(H0) || fy > fyOfMonth(HN)) add(`${path}.fy`, `${note.fy} is not an FY of the horizon (${horizonText})`);
    const key = `${note.intervention}\u0000${fy}`;
    const first = noted.get(key);
    if (first !== undefined)
      add(`${path}.fy`, `"${note.intervention}" already has a commentary for ${note.fy} (actuals.commentary[${first}])`);
    else noted.set(key, index);
  });
  return problems;
}

/** The actuals of a valid plan in pence; null for a plan without actuals. */
export function resolveActuals(plan: Plan): ResolvedActuals | null {
  const actuals: Actuals | undefined = plan.actuals;
  if (!actuals) return null;
  const index = new Map(plan.interventions.map((item, i) => [item.id, i]));
  const byIntervention = plan.interventions.map(() => new Map<MonthIndex, Pence>());
  for (const entry of actuals.spend) {
    const i = index.get(entry.intervention);
    if (i !== undefined) byIntervention[i].set(parseMonth(entry.month), poundsToPence(entry.amount) ?? 0);
  }
  return { asAt: parseMonth(actuals.asAt), byIntervention };
}
