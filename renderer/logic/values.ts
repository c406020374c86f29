// What a person types into a field, read as a plan value with the one grammar of
// shared/parse.ts: "£1,234.56" → 1234.56, "=base * 0.75" → a formula (its sense is checked
// by the validator, off this thread), "June 2021" → "2021-06". Each reader returns the value
// or the message to show at the field.
import { readMoneyValue, readMonthsValue, readPriorityValue, readShareValue, required } from '../../shared/fields';
import {
  readCategory as readCategoryText,
  readDate as readDateText,
  readDecimal,
  readMonth as readMonthText,
  readText as readTextValue,
  readWhole,
  type Category,
  type Read,
} from '../../shared/parse';

export type { Read } from '../../shared/parse';
export { valueText } from '../../shared/fields';

/** A plain number as people write it: "1,234.5", "£1,234", "12%" (→ 0.12 when percent is allowed); null if it is none. */
export function readNumber(text: string, opts: { percent?: boolean } = {}): number | null {
  const read = readDecimal(text.trim().replace(/^£/, ''), 'a number', opts);
  return read.ok ? Number(read.value) : null;
}

/** An amount in pounds (at most 2 decimals) or a formula. */
export const readAmount = required(readMoneyValue, 'is required') as (text: string) => Read<number | string>;

/** A share 0..1, written as 0.25 or 25%, or a formula. */
export const readShare = required(readShareValue, 'is required') as (text: string) => Read<number | string>;

/** Whole months of notice ("3", "3 months"), or a formula; empty is none. */
export function readNoticeMonths(text: string): Read<number | string> {
  return text.trim() === '' ? { ok: true, value: 0 } : (readMonthsValue(text) as Read<number | string>);
}

/** A whole number 0 or more (service users, priority, capacity); `what` names it ("a number of people"). */
export function readWholeNumber(text: string, what?: string): Read<number> {
  return readWhole(text, what);
}

/** A priority from 1 (funded first); 0 is refused with the rule. */
export const readPriority = (text: string): Read<number> => readPriorityValue(text) as Read<number>;

export const readMonth = (text: string): Read<string> => readMonthText(text);
export const readDate = (text: string): Read<string> => readDateText(text);
export const readCategory = (text: string): Read<Category> => readCategoryText(text);
export const readText = (text: string, max?: number): Read<string | undefined> => readTextValue(text, max);

/** A variable's value: a plain decimal ("0.03", "-1,200.5") or a formula; a percent sign is refused with the decimal to write. */
export function readVariableValue(text: string): Read<number | string> {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'is required (a number or a formula)' };
  if (t.startsWith('=')) return { ok: true, value: t };
  if (t.endsWith('%')) {
    const read = readDecimal(t, 'a number', { percent: true });
    return { ok: false, message: read.ok ? `write ${read.value} for ${t} (a plain decimal)` : read.message };
  }
  const read = readDecimal(t, 'a number or a formula (a formula starts with "=")');
  return read.ok ? { ok: true, value: Number(read.value) } : read;
}
