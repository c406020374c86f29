// The New plan form's state and reading: the blank answers, the typed text read into
// NewPlanAnswers (with each problem at its field), and which field a refusal from main names.
import { DEFAULT_NEW_PLAN_YEARS, fyLabelOfMonth, horizonFys, MAX_NEW_PLAN_YEARS, type NewPlanAnswers } from '../../../shared/new-plan';
import { penceToPounds } from '../../../shared/money';
import { readAmountPence, readWhole } from '../../../shared/parse';
import type { PlanProblem } from '../../../shared/problem';

export type Kind = 'grant' | 'one-off' | 'contribution';
export const fyKey = (fy: string) => fy.replace('/', '-');

export interface Form {
  name: string;
  startFy: string;
  years: string;
  underwriter: string;
  limit: string;
  streamName: string;
  funder: string;
  kind: Kind;
  amounts: Record<string, string>;
}

export function blankForm(): Form {
  const today = new Date();
  return {
    name: '',
    startFy: fyLabelOfMonth(today.getFullYear(), today.getMonth()),
    years: String(DEFAULT_NEW_PLAN_YEARS),
    underwriter: '',
    limit: '',
    streamName: '',
    funder: '',
    kind: 'grant',
    amounts: {},
  };
}

/** The answers the form holds, or a message at each field that cannot be read. */
export function readForm(form: Form): { answers: NewPlanAnswers | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors.name = 'Give the plan a name';
  const years = readWhole(form.years, 'a number of years');
  if (!years.ok) errors.years = years.message;
  else if (years.value < 1 || years.value > MAX_NEW_PLAN_YEARS) errors.years = `A plan covers 1 to ${MAX_NEW_PLAN_YEARS} years`;
  const limit = form.limit.trim() === '' ? ({ ok: true, value: 0 } as const) : readAmountPence(form.limit);
  if (!limit.ok) errors.limit = limit.message;
  const fys = years.ok && !errors.years ? horizonFys(form.startFy, years.value) : [];
  const amounts: Record<string, number> = {};
  for (const fy of fys) {
    const text = form.amounts[fy]?.trim() ?? '';
    if (!text) continue;
    const read = readAmountPence(text);
    if (read.ok) amounts[fy] = penceToPounds(read.value);
    else errors[`amount-${fy}`] = read.message;
  }
  const hasStream = form.streamName.trim() !== '' || form.funder.trim() !== '' || Object.keys(amounts).length > 0;
  if (hasStream && !form.streamName.trim()) errors.streamName = 'Name the stream, or leave its fields empty to start without one';
  if (Object.keys(errors).length > 0 || !years.ok || !limit.ok) return { answers: null, errors };
  return {
    answers: {
      name: form.name.trim(),
      startFy: form.startFy,
      years: years.value,
      underwriter: form.underwriter.trim(),
      limit: penceToPounds(limit.value),
      stream: hasStream ? { name: form.streamName.trim(), funder: form.funder.trim(), kind: form.kind, amounts } : null,
    },
    errors,
  };
}

/** Where a problem from createPlan belongs in the form. */
export function fieldOf(problem: PlanProblem): string {
  const amount = /^stream\.amounts\.(.+)$/.exec(problem.path);
  if (amount) return `amount-${amount[1]}`;
  const map: Record<string, string> = {
    name: 'name',
    years: 'years',
    limit: 'limit',
    underwriter: 'underwriter',
    'stream.name': 'streamName',
  };
  return map[problem.path] ?? 'form';
}
