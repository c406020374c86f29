// The plan file (plan-format.md §2) as a zod schema: the single source of the plan's types,
// of structural validation and of its messages. Cross-references and formulas are checked
// in validate.ts, which runs once the structure is sound.
import { z } from 'zod';
import { formulaProblem, isFormula } from './formula';
import { VARIABLE_RE, variableNameProblem } from './names';
import { isDate, isFyLabel, isMonth } from './months';
import { ceilingProblem, MAX_POUNDS, poundsToPence } from './money';
import { ID_RE } from './parse';
import { CorrelationSchema, SamplingSchema } from './uncertainty/correlation';
import { UncertaintySchema } from './uncertainty/distributions';

export { ID_RE };
export const MAX_CHANGES = 500;
export { VARIABLE_RE };
export const MAX_HORIZON_MONTHS = 240;

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** zod's generic messages, in words a finance lead reads. Passed to every parse. */
export function friendlyError(iss: {
  code?: string;
  input?: unknown;
  expected?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
}): string | undefined {
  if (iss.code === 'invalid_type') {
    if (iss.input === undefined) return 'is required';
    const expected: Record<string, string> = {
      string: 'text',
      number: 'a number',
      int: 'a whole number',
      object: 'an object ({ ... })',
      array: 'a list ([ ... ])',
      boolean: 'true or false',
    };
    return `expected ${expected[iss.expected ?? ''] ?? iss.expected}, found ${describe(iss.input)}`;
  }
  if (iss.code === 'too_small' && iss.origin === 'array') return `needs at least ${iss.minimum} item(s)`;
  if (iss.code === 'too_small') return `${show(iss.input)} is below the minimum ${iss.minimum}`;
  if (iss.code === 'too_big') return `${show(iss.input)} is above the maximum ${iss.maximum}`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return String(value);
}

const text = () => z.string().max(500, { error: 'is longer than 500 characters' });

const Id = z.string().regex(ID_RE, {
  error: (iss) => `${show(iss.input)} is not an id (lower-case letters, digits and "-", starting with a letter or digit)`,
});
const Month = z.string().refine(isMonth, { error: (iss) => `${show(iss.input)} is not a month like "2021-04"` });
const DateText = z.string().refine(isDate, { error: (iss) => `${show(iss.input)} is not a date like "2021-06-04"` });
const FyLabel = z.string().refine(isFyLabel, { error: (iss) => `${show(iss.input)} is not an FY like "2021/22"` });

type NumberCheck = (value: number) => string | null;

/** A number (checked by `check`) or a formula whose shape is sound; values are checked in validate.ts. */
function numberOrFormula(check: NumberCheck) {
  return z.custom<number | string>().superRefine((value, ctx) => {
    let problem: string | null;
    if (typeof value === 'number') problem = check(value);
    else if (isFormula(value)) problem = formulaProblem(value);
    else if (typeof value === 'string') problem = `${show(value)} is not a number or a formula (a formula starts with "=")`;
    else problem = value === undefined ? 'is required' : `expected a number or a formula, found ${describe(value)}`;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const amountProblem: NumberCheck = (value) => {
  if (!Number.isFinite(value)) return `${value} is not an amount`;
  if (value < 0) return `${value} is negative; an amount must be 0 or more`;
  if (value >= MAX_POUNDS) return ceilingProblem(Math.round(value) * 100);
  return poundsToPence(value) === null ? `${value} is not an amount in pounds with at most 2 decimals` : null;
};
export const shareProblem: NumberCheck = (value) =>
  Number.isFinite(value) && value >= 0 && value <= 1 ? null : `${value} is not a share between 0 and 1`;
export const wholeMonthsProblem: NumberCheck = (value) =>
  Number.isInteger(value) && value >= 0 && value <= 1200 ? null : `${value} is not a whole number of months (0 or more)`;
export const monthOffsetProblem: NumberCheck = (value) =>
  Number.isInteger(value) && Math.abs(value) <= 1200 ? null : `${value} is not a whole number of months`;
export const variableProblem: NumberCheck = (value) => (Number.isFinite(value) ? null : `${value} is not a finite number`);

export const Amount = numberOrFormula(amountProblem);
export const Share = numberOrFormula(shareProblem);
const WholeMonths = numberOrFormula(wholeMonthsProblem);
const MonthOffset = numberOrFormula(monthOffsetProblem);
const VariableValue = numberOrFormula(variableProblem);

const WholeNumber = z.number().int().min(0);

// Keys are checked before the record is parsed: its key schema's message would be replaced
// with "Invalid key in record", and a parsed record has already dropped "__proto__".
const Variables = z.preprocess(
  (value, ctx) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const name of Object.keys(value)) {
        const problem = variableNameProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [name], input: value });
      }
    }
    return value;
  },
  z.record(z.string(), VariableValue),
);

export const AnnualCost = z.union([Amount, z.record(FyLabel, Amount)]);

export const AllocationSchema = z.strictObject({
  fy: FyLabel,
  amount: Amount,
  confirmedOn: DateText.optional(),
  confirmDelay: MonthOffset.optional(),
});

export const FundingStreamSchema = z.strictObject({
  id: Id,
  name: text(),
  funder: text(),
  kind: z.enum(['grant', 'one-off', 'contribution'], {
    error: (iss) => `${show(iss.input)} is not a kind (grant, one-off or contribution)`,
  }),
  allocations: z.array(AllocationSchema),
  restrictedTo: z.array(Id).optional(),
  conditions: z.strictObject({ minCommissionedShare: Share.optional() }).optional(),
  notes: text().optional(),
});

export const PartnerShareSchema = z.strictObject({ from: Month, share: Share, partner: text() });
export const TransitionSchema = z.strictObject({ to: text(), capacity: WholeNumber });

const interventionFields = {
  name: text(),
  category: z.enum(['commissioned', 'central'], { error: (iss) => `${show(iss.input)} is not a category (commissioned or central)` }),
  system: text().optional(),
  area: text().optional(),
  provider: text().optional(),
  annualCost: AnnualCost,
  start: Month.optional(),
  end: Month.optional(),
  noticeMonths: WholeMonths.optional(),
  exitCost: Amount.optional(),
  serviceUsers: WholeNumber.optional(),
  priority: WholeNumber,
  partnerShares: z.array(PartnerShareSchema).optional(),
  transition: TransitionSchema.optional(),
  ledgerCodes: z.array(text()).optional(),
  notes: text().optional(),
};

export const InterventionSchema = z.strictObject({ id: Id, ...interventionFields });

export const StreamChangeSchema = z.strictObject({
  stream: Id,
  fy: FyLabel,
  amount: Amount.optional(),
  confirmedOn: DateText.nullable().optional(),
  confirmDelay: MonthOffset.nullable().optional(),
});

// A change replaces the fields it gives; null clears an optional field.
export const InterventionChangeSchema = z.strictObject({
  intervention: Id,
  name: interventionFields.name.optional(),
  category: interventionFields.category.optional(),
  system: text().nullable().optional(),
  area: text().nullable().optional(),
  provider: text().nullable().optional(),
  annualCost: AnnualCost.optional(),
  start: Month.nullable().optional(),
  end: Month.nullable().optional(),
  noticeMonths: WholeMonths.optional(),
  exitCost: Amount.optional(),
  serviceUsers: WholeNumber.optional(),
  priority: WholeNumber.optional(),
  partnerShares: z.array(PartnerShareSchema).nullable().optional(),
  transition: TransitionSchema.nullable().optional(),
  ledgerCodes: z.array(text()).nullable().optional(),
});

export type StreamChange = z.infer<typeof StreamChangeSchema>;
export type InterventionChange = z.infer<typeof InterventionChangeSchema>;
export type Change = StreamChange | InterventionChange;

export const ChangeSchema = z.custom<Change>().superRefine((value, ctx) => {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const schema = isObject && 'stream' in value ? StreamChangeSchema : isObject && 'intervention' in value ? InterventionChangeSchema : null;
  if (!schema) {
    ctx.addIssue({ code: 'custom', message: 'a change names a stream allocation ("stream" and "fy") or an "intervention"' });
    return;
  }
  const parsed = schema.safeParse(value, { error: friendlyError });
  if (!parsed.success) for (const iss of parsed.error.issues) ctx.addIssue({ ...iss, code: 'custom', path: iss.path } as never);
});

export function isStreamChange(change: Change): change is StreamChange {
  return 'stream' in change;
}

export const ScenarioSchema = z.strictObject({
  id: Id,
  name: text(),
  stance: z.enum(['wait', 'prudent'], { error: (iss) => `${show(iss.input)} is not a stance (wait or prudent)` }).optional(),
  variables: Variables.optional(),
  underwriting: z.strictObject({ limit: Amount, by: text().optional() }).optional(),
  // A field changed again and again is evaluated through each change (`base`): bound it.
  changes: z.array(ChangeSchema).max(MAX_CHANGES, `more than ${MAX_CHANGES} changes in one scenario`).optional(),
  uncertainty: z.array(UncertaintySchema).optional(),
  correlations: z.array(CorrelationSchema).optional(),
  sampling: SamplingSchema.optional(),
  notes: text().optional(),
});

/** An actual amount: pounds with at most 2 decimals, negative for a refund or a correction, never a formula. */
export const actualAmountProblem: NumberCheck = (value) => {
  if (!Number.isFinite(value)) return `${value} is not an amount`;
  if (Math.abs(value) >= MAX_POUNDS) return ceilingProblem(Math.round(Math.abs(value)) * 100);
  return poundsToPence(value) === null ? `${value} is not an amount in pounds with at most 2 decimals` : null;
};

const ActualAmount = z.custom<number>().superRefine((value, ctx) => {
  const problem =
    typeof value === 'number'
      ? actualAmountProblem(value)
      : value === undefined
        ? 'is required'
        : typeof value === 'string' && isFormula(value)
          ? 'an actual amount is what was spent, in pounds: never a formula'
          : `expected an amount in pounds, found ${describe(value)}`;
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const ActualSpendSchema = z.strictObject({ intervention: Id, month: Month, amount: ActualAmount });

/** The treasurer's note on a service's outturn for an FY (shown in the forecast outturn report). */
export const CommentarySchema = z.strictObject({
  intervention: Id,
  fy: FyLabel,
  text: z.string().max(2000, { error: 'is longer than 2,000 characters' }),
});

/** What has really been spent (plan-format.md §10): the same in every scenario. */
export const ActualsSchema = z.strictObject({
  asAt: Month,
  spend: z.array(ActualSpendSchema),
  commentary: z.array(CommentarySchema).optional(),
});

export const PlanSchema = z.strictObject({
  format: z.literal('headroom-plan', { error: (iss) => `${show(iss.input)} is not "headroom-plan": this is not a Headroom plan file` }),
  version: z.literal(1, {
    error: (iss) =>
      typeof iss.input === 'number' && iss.input > 1
        ? `version ${iss.input} was written by a newer version of Headroom; this one reads version 1`
        : `${show(iss.input)} is not a plan format version this Headroom reads (1)`,
  }),
  name: text(),
  horizon: z.strictObject({
    start: Month,
    months: z.number().int().min(1).max(MAX_HORIZON_MONTHS),
  }),
  variables: Variables.optional(),
  underwriting: z.strictObject({ by: text().optional(), limit: Amount }).optional(),
  fundingStreams: z.array(FundingStreamSchema),
  interventions: z.array(InterventionSchema),
  scenarios: z.array(ScenarioSchema).optional(),
  actuals: ActualsSchema.optional(),
  notes: text().optional(),
});

export type Plan = z.infer<typeof PlanSchema>;
export type FundingStream = z.infer<typeof FundingStreamSchema>;
export type Allocation = z.infer<typeof AllocationSchema>;
export type Intervention = z.infer<typeof InterventionSchema>;
export type PartnerShare = z.infer<typeof PartnerShareSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type Actuals = z.infer<typeof ActualsSchema>;
export type ActualSpend = z.infer<typeof ActualSpendSchema>;
export type AmountValue = number | string;
export type AnnualCostValue = z.infer<typeof AnnualCost>;
