// A new plan from the answers of the guided start (File > New plan): a name, a horizon of
// whole FYs, who underwrites it and to what limit, and the first funding stream. The page
// collects the answers; main or the harness turns them into the plan it stores. Free of
// mathjs (no value import of plan.ts): the IPC contract, in the page's main bundle, uses it.
import { z } from 'zod';
import { formatFy, formatMonth, fyOfMonth, fyStart, isFyLabel, parseFy } from './months';
import { ceilingProblem, MAX_POUNDS, poundsToPence } from './money';
import type { Plan } from './plan';
import { idFromName } from './parse';
import type { PlanProblem } from './problem';

/** plan.ts MAX_HORIZON_MONTHS (240) in whole years. */
export const MAX_NEW_PLAN_YEARS = 20;
export const DEFAULT_NEW_PLAN_YEARS = 3;

const Text = (what: string) => z.string().max(500, { error: `${what} is longer than 500 characters` });
/** Pounds as plan.ts amountProblem has them: 0 or more, at most 2 decimals, below the ceiling. */
const Pounds = z.number({ error: 'expected an amount in pounds' }).superRefine((value, ctx) => {
  const problem = !Number.isFinite(value)
    ? `${value} is not an amount`
    : value < 0
      ? `${value} is negative; an amount must be 0 or more`
      : value >= MAX_POUNDS
        ? ceilingProblem(Math.round(value) * 100)
        : poundsToPence(value) === null
          ? `${value} is not an amount in pounds with at most 2 decimals`
          : null;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const Fy = z.string().refine(isFyLabel, { error: (iss) => `${JSON.stringify(iss.input)} is not an FY like "2025/26"` });

export const NewPlanStreamSchema = z.strictObject({
  name: Text('The stream’s name').refine((s) => s.trim() !== '', { error: 'The stream needs a name' }),
  funder: Text('The funder'),
  kind: z.enum(['grant', 'one-off', 'contribution']),
  /** Pounds for each FY given ("2025/26": 1200000); FYs left out have no allocation yet. */
  amounts: z.record(Fy, Pounds),
});

export const NewPlanSchema = z.strictObject({
  name: Text('The plan’s name').refine((s) => s.trim() !== '', { error: 'The plan needs a name' }),
  startFy: Fy,
  years: z
    .number()
    .int()
    .min(1)
    .max(MAX_NEW_PLAN_YEARS, { error: `A plan covers at most ${MAX_NEW_PLAN_YEARS} years` }),
  underwriter: Text('The underwriter’s name'),
  /** The underwriting limit in pounds. */
  limit: Pounds,
  /** The first funding stream; null starts with none. */
  stream: NewPlanStreamSchema.nullable(),
});

export type NewPlanAnswers = z.infer<typeof NewPlanSchema>;

/** The FY labels a horizon of `years` whole FYs from `startFy` covers: "2025/26", "2026/27", ... */
export function horizonFys(startFy: string, years: number): string[] {
  const first = parseFy(startFy);
  return Array.from({ length: years }, (_, i) => formatFy(first + i));
}

/** The problems with a set of answers, each at its answer; empty when a plan can be made of them. */
export function newPlanProblems(answers: unknown): PlanProblem[] {
  const parsed = NewPlanSchema.safeParse(answers);
  if (!parsed.success) return parsed.error.issues.map((iss) => ({ path: iss.path.join('.') || '(answers)', message: iss.message }));
  const fys = new Set(horizonFys(parsed.data.startFy, parsed.data.years));
  return Object.keys(parsed.data.stream?.amounts ?? {})
    .filter((fy) => !fys.has(fy))
    .map((fy) => ({ path: `stream.amounts.${fy}`, message: `${fy} is outside the plan’s horizon` }));
}

/**
 * The plan the answers describe: the horizon starts in April of the first FY; blank names of
 * the underwriter are left out (the plan then says "Underwriter"), amounts of £0 are kept.
 */
export function planFromAnswers(answers: NewPlanAnswers): Plan {
  const underwriter = answers.underwriter.trim();
  const plan: Plan = {
    format: 'headroom-plan',
    version: 1,
    name: answers.name.trim(),
    horizon: { start: formatMonth(fyStart(parseFy(answers.startFy))), months: answers.years * 12 },
    underwriting: underwriter ? { by: underwriter, limit: answers.limit } : { limit: answers.limit },
    fundingStreams: [],
    interventions: [],
    scenarios: [],
  };
  const stream = answers.stream;
  if (stream) {
    plan.fundingStreams.push({
      id: idFromName(stream.name, [], 'stream'),
      name: stream.name.trim(),
      funder: stream.funder.trim(),
      kind: stream.kind,
      allocations: horizonFys(answers.startFy, answers.years)
        .filter((fy) => Object.hasOwn(stream.amounts, fy))
        .map((fy) => ({ fy, amount: stream.amounts[fy] })),
    });
  }
  return plan;
}

/** The FY a calendar month falls in (monthIndex0: 0 = January), as a label: the default first FY of a new plan. */
export function fyLabelOfMonth(year: number, monthIndex0: number): string {
  return formatFy(fyOfMonth(year * 12 + monthIndex0));
}
