// What a person types into a cell, read as a plan value: "£1,234.56" → 1234.56,
// "=base * 0.75" → a formula, "June 2021" → "2021-06", "4/6/2021" → "2021-06-04".
// Each reader returns the value or the message to show at the field.
import { formulaProblem, isFormula } from '../../shared/formula';
import { amountProblem, shareProblem, wholeMonthsProblem } from '../../shared/plan';
import { formatMonth, isDate, isMonth } from '../../shared/months';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string): Read<never> => ({ ok: false, message });

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A plain number as people write it: "1,234.5", "£1,234", "12%" (→ 0.12 when percent is allowed). */
export function readNumber(text: string, opts: { percent?: boolean } = {}): number | null {
  let t = text.trim().replace(/^£/, '').replace(/,/g, '').replace(/\s+/g, '');
  let scale = 1;
  if (opts.percent && t.endsWith('%')) {
    t = t.slice(0, -1);
    scale = 100;
  }
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(t)) return null;
  const n = Number(t);
  if (!Number.isFinite(n)) return null;
  return scale === 1 ? n : Number((n / scale).toPrecision(12));
}

function formula(text: string): Read<string> {
  const problem = formulaProblem(text);
  return problem ? fail(problem) : ok(text);
}

/** An amount in pounds (at most 2 decimals) or a formula. */
export function readAmount(text: string): Read<number | string> {
  const t = text.trim();
  if (t === '') return fail('is required');
  if (isFormula(t)) return formula(t);
  const n = readNumber(t);
  if (n === null) return fail(`"${t}" is not an amount in pounds or a formula (a formula starts with "=")`);
  const problem = amountProblem(n);
  return problem ? fail(problem) : ok(n);
}

/** A share 0..1, written as 0.25 or 25%, or a formula. */
export function readShare(text: string): Read<number | string> {
  const t = text.trim();
  if (t === '') return fail('is required');
  if (isFormula(t)) return formula(t);
  const n = readNumber(t, { percent: true });
  if (n === null) return fail(`"${t}" is not a share (0.25 or 25%)`);
  const problem = shareProblem(n);
  return problem ? fail(problem) : ok(n);
}

/** Whole months of notice, or a formula. */
export function readNoticeMonths(text: string): Read<number | string> {
  const t = text.trim();
  if (t === '') return ok(0);
  if (isFormula(t)) return formula(t);
  const n = readNumber(t);
  if (n === null) return fail(`"${t}" is not a whole number of months`);
  const problem = wholeMonthsProblem(n);
  return problem ? fail(problem) : ok(n);
}

/** A whole number 0 or more (service users, priority, capacity). */
export function readWholeNumber(text: string, what = 'a whole number (0 or more)'): Read<number> {
  const n = readNumber(text);
  if (n === null || !Number.isInteger(n) || n < 0) return fail(`"${text.trim()}" is not ${what}`);
  return ok(n);
}

/** A month: "2021-04", "Apr 2021", "April 2021", "04/2021". */
export function readMonth(text: string): Read<string> {
  const t = text.trim();
  if (isMonth(t)) return ok(t);
  let m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(t);
  if (m) {
    const index = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
    if (index >= 0) return ok(formatMonth(Number(m[2]) * 12 + index));
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return ok(formatMonth(Number(m[2]) * 12 + Number(m[1]) - 1));
  return fail(`"${t}" is not a month like "2021-04" or "April 2021"`);
}

/** A date: "2021-06-04", "4 June 2021", "04/06/2021" (day first, as in the UK). */
export function readDate(text: string): Read<string> {
  const t = text.trim();
  let y: number | null = null;
  let mo: number | null = null;
  let d: number | null = null;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  m = m ?? /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m && y === null) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y === null) {
    const w = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(t);
    const index = w ? MONTHS.indexOf(w[2].slice(0, 3).toLowerCase()) : -1;
    if (w && index >= 0) [d, mo, y] = [Number(w[1]), index + 1, Number(w[3])];
  }
  if (y !== null && mo !== null && d !== null) {
    const text = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (isDate(text)) return ok(text);
  }
  return fail(`"${t}" is not a date like "4 June 2021" or "2021-06-04"`);
}

/** "commissioned" or "central", in any case. */
export function readCategory(text: string): Read<'commissioned' | 'central'> {
  const t = text.trim().toLowerCase();
  if (t === 'commissioned' || t === 'central') return ok(t);
  return fail(`"${text.trim()}" is not a category (commissioned or central)`);
}

/** Optional free text: empty means "not given". */
export function readText(text: string, max = 500): Read<string | undefined> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  if (t.length > max) return fail(`is longer than ${max} characters`);
  return ok(t);
}

/** A plan value as it is edited: numbers plainly, formulas as written. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
