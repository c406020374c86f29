// Builders for edits of the plan's actuals (plan-format.md §10): one user command, one
// PlanEdit, each undoable. Amounts arrive in pence and are written as pounds (exact: pence
// are whole, so penceToPounds gives at most 2 decimals).
import type { EditOp, PlanEdit } from '../../shared/edits';
import { formatMoney, penceToPounds, poundsToPence, type Pence } from '../../shared/money';
import { formatMonth, monthName, type MonthIndex } from '../../shared/months';
import { fail, ok, readPence, type Read } from '../../shared/parse';
import type { Plan } from '../../shared/plan';

/** What a person types into an actual's cell: pounds, negative for a refund; blank clears it. */
export function readActual(text: string): Read<Pence | null> {
  if (text.trim() === '' || text.trim() === '–') return ok(null);
  const read = readPence(text);
  return read.ok ? read : fail(read.message);
}

/** Records actuals for the first time, up to `asAt`. */
export function startActualsEdit(plan: Plan, asAt: MonthIndex): PlanEdit {
  if (plan.actuals) return setAsAtEdit(plan, asAt);
  return {
    label: `Record actuals to ${monthName(asAt)}`,
    ops: [{ op: 'set', path: ['actuals'], value: { asAt: formatMonth(asAt), spend: [] } }],
  };
}

/** Moves the last actual month. The validator refuses a month before entries already recorded. */
export function setAsAtEdit(plan: Plan, asAt: MonthIndex): PlanEdit {
  const label = `Actuals to ${monthName(asAt)}`;
  if (!plan.actuals || plan.actuals.asAt === formatMonth(asAt)) return { label, ops: [] };
  return { label, ops: [{ op: 'set', path: ['actuals', 'asAt'], value: formatMonth(asAt) }] };
}

/** Sets (or with null clears) one intervention's actual for one month. */
export function setActualEdit(plan: Plan, interventionId: string, month: MonthIndex, pence: Pence | null): PlanEdit {
  const item = plan.interventions.find((i) => i.id === interventionId);
  const name = item?.name ?? interventionId;
  const label =
    pence === null ? `${name}: actual for ${monthName(month)} cleared` : `${name}: actual for ${monthName(month)} ${formatMoney(pence)}`;
  const actuals = plan.actuals;
  if (!actuals) return { label, ops: [] };
  const code = formatMonth(month);
  const index = actuals.spend.findIndex((e) => e.intervention === interventionId && e.month === code);
  const ops: EditOp[] = [];
  if (index >= 0) {
    if (pence === null) ops.push({ op: 'remove', path: ['actuals', 'spend'], index });
    else if (poundsToPence(actuals.spend[index].amount) !== pence)
      ops.push({ op: 'set', path: ['actuals', 'spend', index, 'amount'], value: penceToPounds(pence) });
  } else if (pence !== null) {
    ops.push({
      op: 'insert',
      path: ['actuals', 'spend'],
      index: actuals.spend.length,
      value: { intervention: interventionId, month: code, amount: penceToPounds(pence) },
    });
  }
  return { label, ops };
}

/** Sets (or with blank text clears) the treasurer's commentary on a service's outturn for an FY. */
export function setCommentaryEdit(plan: Plan, interventionId: string, fy: string, text: string): PlanEdit {
  const item = plan.interventions.find((i) => i.id === interventionId);
  const label = `${item?.name ?? interventionId}: outturn commentary ${fy}`;
  const actuals = plan.actuals;
  if (!actuals) return { label, ops: [] };
  const value = text.trim();
  const list = actuals.commentary ?? [];
  const index = list.findIndex((c) => c.intervention === interventionId && c.fy === fy);
  if (index >= 0 && list[index].text === value) return { label, ops: [] };
  if (!actuals.commentary) {
    return value
      ? { label, ops: [{ op: 'set', path: ['actuals', 'commentary'], value: [{ intervention: interventionId, fy, text: value }] }] }
      : { label, ops: [] };
  }
  if (index >= 0) {
    return value
      ? { label, ops: [{ op: 'set', path: ['actuals', 'commentary', index, 'text'], value }] }
      : { label, ops: [{ op: 'remove', path: ['actuals', 'commentary'], index }] };
  }
  return value
    ? {
        label,
        ops: [
          { op: 'insert', path: ['actuals', 'commentary'], index: list.length, value: { intervention: interventionId, fy, text: value } },
        ],
      }
    : { label, ops: [] };
}

/** The recorded actuals in pence, keyed by `actualKey(intervention, month)`. */
export function actualsIndex(plan: Plan): ReadonlyMap<string, Pence> {
  const index = new Map<string, Pence>();
  for (const entry of plan.actuals?.spend ?? []) index.set(`${entry.intervention}|${entry.month}`, poundsToPence(entry.amount) ?? 0);
  return index;
}

export const actualKey = (interventionId: string, month: MonthIndex) => `${interventionId}|${formatMonth(month)}`;
