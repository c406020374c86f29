// Whether an edit must ask first, and which answers it offers: typing a number over a formula
// would lose the formula, and a single annual cost changed while the grid shows one FY could be
// meant for that FY only. The first choice is the one Enter takes; Escape takes `cancel`.
import type { PlanEdit } from '../../shared/edits';
import { isFormula } from '../../shared/parse';
import type { AnnualCostValue } from '../../shared/plan';
import { amountText } from './cost-edits';

/** replace: store what was typed; keep: store nothing; every-year / only-fy: for a single annual cost. */
export type EditChoice = 'replace' | 'keep' | 'every-year' | 'only-fy';

export interface EditQuestion {
  readonly title: string;
  readonly choices: readonly { readonly id: EditChoice; readonly label: string }[];
  /** The answer Escape gives: nothing is stored. */
  readonly cancel: 'keep';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The question before `typed` replaces `stored` in a field that may hold a formula, or null
 * when nothing would be lost (no formula there, a formula typed, or the same value).
 * `format` shows the typed value as the field does ("£345,000", "3 months").
 */
export function replaceFormulaQuestion(stored: unknown, typed: unknown, format: (value: unknown) => string): EditQuestion | null {
  if (!isFormula(stored) || isFormula(typed) || same(stored, typed)) return null;
  const shown = typed === undefined || typed === '' ? 'nothing' : format(typed);
  return {
    title: `Replace the formula ${stored} with ${shown}?`,
    choices: [
      { id: 'replace', label: 'Replace' },
      { id: 'keep', label: 'Keep formula' },
    ],
    cancel: 'keep',
  };
}

/**
 * The question before an annual cost changes from the grid showing `fy` (null where no FY is in
 * view: the detail panel's "Same every year"). A cost by year changes only that FY, so it asks
 * only when a formula would go. A single cost asks whether the change is for every year or
 * only `fy` (when the horizon has more than one FY), and says so when a formula would go.
 */
export function annualCostQuestion(cost: AnnualCostValue, typed: unknown, fy: string | null, fyCount: number): EditQuestion | null {
  if (typeof cost === 'object') return fy === null ? null : replaceFormulaQuestion(cost[fy], typed, amountText);
  if (same(cost, typed)) return null;
  const onlyFy = fy !== null && fyCount > 1 ? [{ id: 'only-fy' as const, label: `Only ${fy}` }] : [];
  const formula = replaceFormulaQuestion(cost, typed, amountText);
  if (formula)
    return {
      ...formula,
      choices: [
        { id: 'replace', label: onlyFy.length ? 'Replace every year' : 'Replace' },
        ...onlyFy,
        { id: 'keep', label: 'Keep formula' },
      ],
    };
  if (!onlyFy.length) return null;
  return {
    title: `Change the annual cost from ${amountText(cost)} to ${amountText(typed)} in every year, or only in ${fy}?`,
    choices: [{ id: 'every-year', label: 'Change every year' }, ...onlyFy, { id: 'keep', label: 'Cancel' }],
    cancel: 'keep',
  };
}

/**
 * A field's "ask first" for any value that may be a formula: before a typed value replaces the
 * stored formula, Replace stores `edit(typed)` and Keep formula stores nothing.
 */
export function askBeforeReplacingFormula(
  stored: unknown,
  edit: (typed: unknown) => PlanEdit,
  format: (value: unknown) => string,
): (typed: unknown) => { question: EditQuestion; edit: (choice: EditChoice) => PlanEdit | null } | null {
  return (typed) => {
    const question = replaceFormulaQuestion(stored, typed, format);
    return question && { question, edit: (choice) => (choice === 'replace' ? edit(typed) : null) };
  };
}
