// A plan field as people meet it: its label in words, the headers a spreadsheet or a paste
// may give it, how typed text is read (shared/parse.ts) and how a stored value is shown.
// The Interventions grid, paste, the spreadsheet import and edit labels all use these.
import { formatDateLong, isMonth, monthName, parseMonth } from '../months';
import { formatMoney, penceToPounds, poundsToPence } from '../money';
import {
  fail,
  isFormula,
  ok,
  readAmountPence,
  readDate,
  readMonth,
  readMonthCount,
  readMonthOffset,
  readShareText,
  readText,
  readWhole,
  type Read,
} from '../parse';

export type PathSegment = string | number;

/** What a field holds, for readers that treat cells by kind (the import's number cells). */
export type FieldKind = 'text' | 'id' | 'category' | 'kind' | 'money' | 'whole' | 'months' | 'month' | 'date' | 'fy' | 'share';

export interface Field {
  /** The plan field's name (or the import row's). */
  readonly key: string;
  /** In words, for column headings and forms: "Annual cost", "Notice (months)". */
  readonly label: string;
  /** Where space is short (a grid heading): "Notice". */
  readonly short?: string;
  /** In an edit's label: "Local evaluation: annual cost". */
  readonly noun: string;
  /** Headers that name this field in a paste or a spreadsheet (compared by headerKey). */
  readonly headers: readonly string[];
  readonly kind: FieldKind;
  /** True when the plan may hold a formula here (plan-format.md, formulas). */
  readonly formula?: boolean;
  /** True when a row without it cannot be stored. */
  readonly required?: boolean;
  /** Typed text to the plan's value; empty text gives the field's empty value (undefined: not given). */
  readonly read: (text: string) => Read<unknown>;
  /** A stored value as a person reads it ("£45,000.00", "Jun 2021"). */
  readonly format: (value: unknown) => string;
}

/** A header as compared: letters and digits only, so "Annual cost (£)" is "annualcost". */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(\s*£\s*\)|£/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** The field a header names: as written, or without a bracketed unit ("People supported (number)"). */
export function matchHeader(lookup: ReadonlyMap<string, string>, text: string): string | undefined {
  return lookup.get(headerKey(text)) ?? lookup.get(headerKey(text.replace(/\(.*?\)/g, '')));
}

/** Each header key of the fields to its field's key (the first field listing a header wins). */
export function headerLookup(fields: readonly Field[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const field of fields)
    for (const header of [field.label, field.key, ...field.headers]) if (!map.has(headerKey(header))) map.set(headerKey(header), field.key);
  return map;
}

/** A plan value as it is edited: numbers plainly, formulas as written. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

const MAX_FORMULA_LENGTH = 500;

/** A formula is kept as written; only its length is checked here, its sense by the validator. */
function formula(text: string): Read<string> {
  if (text.length > MAX_FORMULA_LENGTH) return fail(`the formula is longer than ${MAX_FORMULA_LENGTH} characters`);
  return text.slice(1).trim() === '' ? fail('the formula is empty (write a value after "=")') : ok(text);
}

// ---------------------------------------------------------------- readers of plan values

type Reader = (text: string) => Read<unknown>;

/** Empty text is `empty`; anything else goes to `read`. */
export const orEmpty =
  (read: Reader, empty: unknown = undefined): Reader =>
  (text) =>
    text.trim() === '' ? ok(empty) : read(text);

export const required =
  (read: Reader, message: string): Reader =>
  (text) =>
    text.trim() === '' ? fail(message) : read(text);

/** Money in pounds as the plan stores it (exact: pence / 100 prints as written), or a formula. */
export const readMoneyValue: Reader = (text) => {
  const t = text.trim();
  if (isFormula(t)) return formula(t);
  const pence = readAmountPence(t);
  return pence.ok ? ok(penceToPounds(pence.value)) : pence;
};

export const readShareValue: Reader = (text) => {
  const t = text.trim();
  if (isFormula(t)) return formula(t);
  const share = readShareText(t);
  return share.ok ? ok(Number(share.value)) : share;
};

export const readMonthsValue: Reader = (text) => {
  const t = text.trim();
  return isFormula(t) ? formula(t) : readMonthCount(t);
};

/** A confirmation delay: signed whole months after April, or a formula ("=delay"). */
export const readMonthOffsetValue: Reader = (text) => {
  const t = text.trim();
  return isFormula(t) ? formula(t) : readMonthOffset(t);
};

export const readWholeValue =
  (what?: string): Reader =>
  (text) =>
    readWhole(text, what);
export const readTextValue: Reader = (text) => readText(text);

/** The message for a typed priority 0: the rule, not just the refusal. */
export const PRIORITY_ZERO_MESSAGE = 'Priority 0 is not allowed: 1 is funded first';

/**
 * A priority as a person types it: a whole number from 1 (funded first). The file format
 * takes any whole number (plan-format.md §2); 0 is refused only where it is typed or pasted.
 */
export const readPriorityValue: Reader = (text) => {
  const read = readWhole(text, 'a priority');
  if (!read.ok) return fail(read.message.replace('(a whole number, 0 or more)', '(a whole number, 1 or more)'));
  return read.value === 0 ? fail(PRIORITY_ZERO_MESSAGE) : read;
};
export { readDate, readMonth };

// ---------------------------------------------------------------- formats

export const formatText = (value: unknown) => (typeof value === 'string' ? value : valueText(value));

export function formatMoneyValue(value: unknown): string {
  if (typeof value !== 'number') return valueText(value);
  const pence = poundsToPence(value);
  return pence === null ? String(value) : formatMoney(pence);
}

export const formatWhole = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('en-GB') : valueText(value));

export function formatMonths(value: unknown): string {
  if (typeof value !== 'number') return valueText(value);
  return value === 1 ? '1 month' : `${value} months`;
}

export const formatMonthValue = (value: unknown) =>
  typeof value === 'string' && isMonth(value) ? monthName(parseMonth(value), true) : valueText(value);
export const formatDateValue = (value: unknown) => (typeof value === 'string' ? formatDateLong(value) : valueText(value));
