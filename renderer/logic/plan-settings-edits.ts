// Builders for edits of the plan's top level (the Plan screen): name, horizon, underwriting,
// notes and plan variables. One user command, one PlanEdit, labelled with what changed.
import type { PlanEdit } from '../../shared/edits';
import { formatMonthValue, valueText } from '../../shared/fields';
import { formatMoney, poundsToPence } from '../../shared/money';
import type { Plan } from '../../shared/plan';

type TopField = 'name' | 'notes' | 'horizon.start' | 'horizon.months' | 'underwriting.by' | 'underwriting.limit';

const NOUNS: Record<TopField, string> = {
  name: 'name',
  notes: 'notes',
  'horizon.start': 'horizon start',
  'horizon.months': 'horizon length',
  'underwriting.by': 'underwritten by',
  'underwriting.limit': 'underwriting limit',
};

/** "£250,000", "£12.50", or a formula as written. */
export function poundsWords(value: unknown): string {
  const pence = typeof value === 'number' ? poundsToPence(value) : null;
  return pence === null ? valueText(value) : formatMoney(pence, { wholePounds: pence % 100 === 0 });
}

function shown(field: TopField, value: unknown): string {
  if (value === undefined || value === '') return 'none';
  if (field === 'underwriting.limit') return poundsWords(value);
  if (field === 'horizon.start') return formatMonthValue(value);
  if (field === 'horizon.months') return `${valueText(value)} months`;
  const text = valueText(value);
  return field === 'notes' ? 'changed' : `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

function current(plan: Plan, field: TopField): unknown {
  const [head, tail] = field.split('.') as [string, string | undefined];
  const top = (plan as Record<string, unknown>)[head];
  return tail ? (top as Record<string, unknown> | undefined)?.[tail] : top;
}

/** "Plan: underwriting limit £0 → £250,000": undefined takes an optional field away. */
export function setPlanFieldEdit(plan: Plan, field: TopField, value: unknown): PlanEdit {
  const before = current(plan, field);
  const label =
    field === 'notes'
      ? `Plan: notes ${value === undefined ? 'removed' : 'changed'}`
      : `Plan: ${NOUNS[field]} ${shown(field, before)} → ${shown(field, value)}`;
  if (JSON.stringify(before) === JSON.stringify(value)) return { label, ops: [] };
  const [head, tail] = field.split('.') as [string, string | undefined];
  if (!tail) return { label, ops: [{ op: 'set', path: [head], value }] };
  if (head === 'underwriting' && !plan.underwriting) {
    // A plan without underwriting gets it whole: its limit is required.
    const underwriting = field === 'underwriting.limit' ? { limit: value } : { by: value, limit: 0 };
    return { label, ops: [{ op: 'set', path: ['underwriting'], value: underwriting }] };
  }
  return { label, ops: [{ op: 'set', path: [head, tail], value }] };
}

/** A new plan variable, 0 until the person gives it a value. */
export function addVariableEdit(plan: Plan, name: string, value: number | string = 0): PlanEdit {
  const label = `Plan: add variable ${name}`;
  if (!plan.variables) return { label, ops: [{ op: 'set', path: ['variables'], value: { [name]: value } }] };
  return { label, ops: [{ op: 'set', path: ['variables', name], value }] };
}

export function setVariableValueEdit(plan: Plan, name: string, value: number | string, how?: string): PlanEdit {
  const before = plan.variables?.[name];
  const label = `Plan: ${name} ${how ?? `${valueText(before)} → ${valueText(value)}`}`;
  if (JSON.stringify(before) === JSON.stringify(value)) return { label, ops: [] };
  return { label, ops: [{ op: 'set', path: ['variables', name], value }] };
}
