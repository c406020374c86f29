// The ladder in plain words (plan-format.md §9): a grant level's values as percentages of the
// planned grant, and one sentence from the ladder's rows saying below which value services
// start closing and in what order. Screens and the CLI present these; nothing is recomputed.
import { formatPercent } from '../money';
import type { LadderRow } from './ladder';

/** How the ladder's variable is read: a grant level (1 = the planned grant) or any other number. */
export interface LadderVariable {
  readonly name: string;
  readonly isLevel: boolean;
}

/** A value as a person reads it: a level 0.9 as "90%", 0.952 as "95.2%"; another variable's as the number. */
export function ladderValueShort(value: number, variable: LadderVariable): string {
  return variable.isLevel ? formatPercent(value, 1) : String(value);
}

/** "90% of the planned grant", or "costInflation = 1.05". */
export function ladderValueText(value: number, variable: LadderVariable): string {
  return variable.isLevel ? `${ladderValueShort(value, variable)} of the planned grant` : `${variable.name} = ${value}`;
}

/** The chart's axis title for the variable. */
export function ladderAxisTitle(variable: LadderVariable): string {
  return variable.isLevel ? `${variable.name} (% of the planned grant)` : variable.name;
}

export interface ClosingStep {
  /** The highest ladder value at which these services close. */
  readonly value: number;
  /** Their ids, in plan order: the services that close here and at no higher value. */
  readonly ids: readonly string[];
}

/** Going down the ladder from its highest value: at each value, the services that start closing there. */
export function closingSteps(rows: readonly LadderRow[]): ClosingStep[] {
  const seen = new Set<string>();
  const steps: ClosingStep[] = [];
  for (const row of [...rows].sort((a, b) => b.value - a.value)) {
    const ids = row.closes.filter((id) => !seen.has(id));
    for (const id of ids) seen.add(id);
    if (ids.length) steps.push({ value: row.value, ids });
  }
  return steps;
}

/** "A", "A and B", "A, B and C"; "A; B and C" when a name has a comma of its own, so names stay whole. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const separator = items.some((item) => item.includes(',')) ? '; ' : ', ';
  return `${items.slice(0, -1).join(separator)} and ${items[items.length - 1]}`;
}

/** A step's services by name, or counted when there are more than three (the table lists them). */
function stepWords(ids: readonly string[], name: (id: string) => string): string {
  return ids.length > 3 ? `${ids.length} services` : listWords(ids.map(name));
}

const MAX_STEPS = 4;

/**
 * "Below 95.2% of the planned grant services start closing: first ACEs training (at 90%),
 * then Mentors and Local evaluation (at 85%), then …". The threshold is the break-even when
 * given, else the lowest ladder value above the first closure at which none closes; a ladder closing nothing, or closing even at its top,
 * says so. At most four steps are named; the rest are counted.
 */
export function ladderSentence(
  rows: readonly LadderRow[],
  variable: LadderVariable,
  names: ReadonlyMap<string, string>,
  /** Where closing starts, finer than the step (ladder.ts, ladderThreshold); else the ladder value above it. */
  threshold: number | null = null,
): string {
  if (rows.length === 0) return '';
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const top = sorted[0].value;
  const bottom = sorted[sorted.length - 1].value;
  const steps = closingSteps(rows);
  if (steps.length === 0) {
    return `No service closes anywhere from ${ladderValueText(bottom, variable)} to ${ladderValueText(top, variable)}.`;
  }
  const name = (id: string) => names.get(id) ?? id;
  const at = (value: number) => (variable.isLevel ? `at ${ladderValueShort(value, variable)}` : `at ${value}`);
  const named = steps.slice(0, MAX_STEPS).map((s, i) => `${i === 0 ? 'first' : 'then'} ${stepWords(s.ids, name)} (${at(s.value)})`);
  const rest = steps.slice(MAX_STEPS).reduce((n, s) => n + s.ids.length, 0);
  if (rest > 0) named.push(`then ${rest} more by ${ladderValueShort(bottom, variable)}`);
  const first = steps[0].value;
  if (first === top) return `Even at ${ladderValueText(top, variable)} services close: ${named.join(', ')}.`;
  const above = sorted.filter((r) => r.value > first && r.closes.length === 0);
  const below = threshold ?? above[above.length - 1].value;
  return `Below ${ladderValueText(below, variable)} services start closing: ${named.join(', ')}.`;
}
