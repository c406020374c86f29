// What people type or paste, read exactly: money to integer pence from its decimal text
// (never through a float), months, dates, FYs, whole months, shares, categories and ids.
// One grammar for the grid, paste and the spreadsheet import (plan-format.md §1 and §2);
// no runtime dependency, so the renderer's main bundle can use it without mathjs.
import { formatMonth, isDate, isFyLabel, isMonth } from './months';
import type { Pence } from './money';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const fail = (message: string): Read<never> => ({ ok: false, message });

/** An id as the plan file spells it (plan-format.md §2). */
export const ID_RE = /^[a-z0-9][a-z0-9-]*$/;

/** The id that names the plan itself, unchanged, wherever a scenario id is asked for. */
export const BASE_SCENARIO_ID = 'base';
const MAX_ID_LENGTH = 100;
const MAX_TEXT_LENGTH = 500;
const MAX_WHOLE_DIGITS = 9;
const MAX_PENCE = BigInt(Number.MAX_SAFE_INTEGER);

/** Text as a message shows it: trimmed, quoted, cut at 40 characters. */
export function quote(text: string): string {
  const t = text.trim();
  return `'${t.length > 40 ? `${t.slice(0, 40)}…` : t}'`;
}

/** A formula is text starting with "=" (plan-format.md, formulas); its sense is checked by the validator. */
export function isFormula(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('=');
}

// ---------------------------------------------------------------- decimals

interface Decimal {
  readonly negative: boolean;
  /** Digits before the point, without leading zeros ("" for zero). */
  readonly whole: string;
  /** Digits after the point, as written. */
  readonly fraction: string;
}

type DecimalRead = { decimal: Decimal } | { problem: 'not-a-number' | 'bad-commas' };

/** "1,234.50", "-12", ".5": digits with thousands in groups of three, never "1,2,3". */
function decimalParts(input: string): DecimalRead {
  let t = input.trim();
  let negative = false;
  if (t.startsWith('-')) {
    negative = true;
    t = t.slice(1).trim();
  }
  const m = /^([\d,]*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1].replace(/,/g, '') === '' && !m[2])) return { problem: 'not-a-number' };
  let whole = m[1];
  if (whole.includes(',')) {
    if (!/^\d{1,3}(,\d{3})+$/.test(whole)) return { problem: 'bad-commas' };
    whole = whole.replace(/,/g, '');
  }
  return { decimal: { negative, whole: whole.replace(/^0+/, ''), fraction: m[2] ?? '' } };
}

/** Plain decimal text of the parts, as a JSON number prints it: "0.25", "-12", "1234.5". */
function decimalText(d: Decimal): string {
  const fraction = d.fraction.replace(/0+$/, '');
  const text = `${d.whole || '0'}${fraction ? `.${fraction}` : ''}`;
  return d.negative && text !== '0' ? `-${text}` : text;
}

/** The point moved `places` to the left, exactly: 12.5% is 0.125. */
function shiftLeft(d: Decimal, places: number): Decimal {
  const whole = d.whole.padStart(places, '0');
  const cut = whole.length - places;
  return { negative: d.negative, whole: whole.slice(0, cut).replace(/^0+/, ''), fraction: whole.slice(cut) + d.fraction };
}

/**
 * A number as decimal text ("1,234.5" → "1234.5"; with `percent`, "12.5%" → "0.125"), or
 * why not; `what` names it in the message.
 */
export function readDecimal(text: string, what = 'a number', opts: { percent?: boolean } = {}): Read<string> {
  const t = text.trim();
  const percent = opts.percent === true && t.endsWith('%');
  const parts = decimalParts(percent ? t.slice(0, -1) : t);
  if ('problem' in parts)
    return fail(`${quote(text)} is not ${what}${parts.problem === 'bad-commas' ? ' (commas must group thousands)' : ''}`);
  return ok(decimalText(percent ? shiftLeft(parts.decimal, 2) : parts.decimal));
}

// ---------------------------------------------------------------- money

const looksNegative = (t: string) => /^-|^\(.*\)$|^£\s*-/.test(t);

/** Pounds as written ("£1,234.50", "1234.5", "-12", "(5.00)") to integer pence, exactly. */
export function readPence(text: string): Read<Pence> {
  let t = text.trim();
  const q = quote(text);
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) t = `-${bracketed[1].trim()}`;
  t = t.replace(/^(-?)\s*£\s*/, '$1').replace(/^£\s*-\s*/, '-');
  const parts = decimalParts(t);
  if ('problem' in parts)
    return fail(`${q} is not an amount in pounds${parts.problem === 'bad-commas' ? ' (commas must group thousands)' : ''}`);
  const { negative, whole, fraction } = parts.decimal;
  if (fraction.length > 2) return fail(`${q} has more than 2 decimals`);
  const pence = BigInt(whole || '0') * 100n + BigInt(fraction.padEnd(2, '0'));
  if (pence > MAX_PENCE) return fail(`${q} is too large an amount`);
  return ok(negative && pence !== 0n ? -Number(pence) : Number(pence));
}

/** An amount of money, 0 or more, to pence. */
export function readAmountPence(text: string): Read<Pence> {
  if (looksNegative(text.trim())) return fail(`${quote(text)} is negative; an amount must be 0 or more`);
  return readPence(text);
}

// ---------------------------------------------------------------- counts and shares

/** A whole number, 0 or more ("1,200"); `what` names it in the message ("a priority"). */
export function readWhole(text: string, what?: string): Read<number> {
  const parts = decimalParts(text);
  const bad = fail(`${quote(text)} is not ${what ? `${what} (a whole number, 0 or more)` : 'a whole number (0 or more)'}`);
  if ('problem' in parts) return bad;
  const { negative, whole, fraction } = parts.decimal;
  if (/[1-9]/.test(fraction) || (negative && whole !== '') || whole.length > MAX_WHOLE_DIGITS) return bad;
  return ok(Number(whole || '0'));
}

/** Whole months: "3", "3 months", "1 month". */
export function readMonthCount(text: string): Read<number> {
  const m = /^(.*?)\s*(?:months?|mths?|mos?)\.?$/i.exec(text.trim());
  const read = readWhole(m ? m[1] : text, 'a number of months');
  return read.ok || !m ? read : fail(`${quote(text)} is not a number of months (a whole number, 0 or more)`);
}

/** Months after April, whole and signed ("2", "2 months", "-1"; 0 is April), within ±1200 (plan-format.md §3.2). */
export function readMonthOffset(text: string): Read<number> {
  const m = /^(.*?)\s*(?:months?|mths?|mos?)\.?$/i.exec(text.trim());
  const parts = decimalParts(m ? m[1] : text);
  const bad = fail(`${quote(text)} is not a whole number of months (0 is April, -1 the March before)`);
  if ('problem' in parts) return bad;
  const { negative, whole, fraction } = parts.decimal;
  if (/[1-9]/.test(fraction) || whole.length > 4) return bad;
  const months = Number(whole || '0');
  if (months > 1200) return fail(`${quote(text)} is more than 1200 months`);
  return ok(negative && months !== 0 ? -months : months);
}

/** A share from 0 to 1, written 0.25 or 25%: returned as decimal text, exactly. */
export function readShareText(text: string): Read<string> {
  const read = readDecimal(text, 'a share', { percent: true });
  const bad = fail(`${quote(text)} is not a share between 0 and 1 (write 0.25 or 25%)`);
  if (!read.ok || read.value.startsWith('-')) return bad;
  const [whole] = read.value.split('.');
  return whole === '0' || read.value === '1' ? read : bad;
}

// ---------------------------------------------------------------- months, dates, FYs

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1..12 for "Jun", "June", "Sept"; null for anything else. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return index < 0 ? null : index + 1;
}

/** "2021" or "21" (this century) to a year. */
function yearOf(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateText(year: number, month: number, day: number): string | null {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isDate(text) ? text : null;
}

/** A month written without a day: "2021-06", "June 2021", "Jun 2021", "Jun-21", "06/2021". */
function monthOnly(t: string): string | null {
  if (isMonth(t)) return t;
  let m = /^([A-Za-z]{3,9}\.?)[\s-]*(\d{4}|\d{2})$/.exec(t);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? formatMonth(yearOf(m[2]) * 12 + month - 1) : null;
  }
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return formatMonth(Number(m[2]) * 12 + Number(m[1]) - 1);
  return null;
}

/** A date with its day: "2021-06-04", "04/06/2021" (day first, as in the UK), "4 June 2021". */
function fullDate(t: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return dateText(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
  if (m) return dateText(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9}\.?)[\s-]+(\d{4}|\d{2})$/i.exec(t);
  const month = m ? monthNumber(m[2]) : null;
  return m && month ? dateText(yearOf(m[3]), month, Number(m[1])) : null;
}

/** A month, "2021-06"; a date is read as the month it falls in. */
export function readMonth(text: string): Read<string> {
  const t = text.trim();
  const month = monthOnly(t) ?? fullDate(t)?.slice(0, 7);
  return month ? ok(month) : fail(`${quote(text)} is not a month like 2021-06 or June 2021`);
}

/** A date, "2021-06-04"; a month alone ("June 2021") means its 1st. */
export function readDate(text: string): Read<string> {
  const t = text.trim();
  const month = monthOnly(t);
  const date = fullDate(t) ?? (month ? `${month}-01` : null);
  return date ? ok(date) : fail(`${quote(text)} is not a date like 4 June 2021 or 2021-06-04`);
}

/** An FY label, "2021/22", from "2021/22", "2021-22", "2021/2022", "FY 2021/22", "FY21/22". */
export function readFy(text: string): Read<string> {
  const bad = fail(`${quote(text)} is not a financial year like 2021/22`);
  const m = /^(?:FY\s*)?(\d{4}|\d{2})\s*[/–-]\s*(\d{2}|\d{4})$/i.exec(text.trim());
  if (!m) return bad;
  const start = yearOf(m[1]);
  if (m[2].length === 4 && Number(m[2]) !== start + 1) return bad;
  const label = `${pad(start, 4)}/${m[2].slice(-2)}`;
  return isFyLabel(label) ? ok(label) : bad;
}

// ---------------------------------------------------------------- words

export type Category = 'commissioned' | 'central';
export type FundingKind = 'grant' | 'one-off' | 'contribution';

/** "commissioned", "Commissioned service", "central", "Central team": by the first word. */
export function readCategory(text: string): Read<Category> {
  const first =
    text
      .trim()
      .toLowerCase()
      .split(/[\s,;:()/-]+/)[0] ?? '';
  if (first.startsWith('commission')) return ok('commissioned');
  if (first === 'central' || first === 'centrally') return ok('central');
  return fail(`${quote(text)} is not a category (commissioned or central)`);
}

/** "grant", "one-off" (or "one off"), "contribution". */
export function readKind(text: string): Read<FundingKind> {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '-');
  if (t === 'grant' || t === 'one-off' || t === 'contribution') return ok(t);
  if (t === 'oneoff') return ok('one-off');
  return fail(`${quote(text)} is not a kind of funding (grant, one-off or contribution)`);
}

/** Optional free text: empty means "not given". */
export function readText(text: string, max = MAX_TEXT_LENGTH): Read<string | undefined> {
  const t = text.trim();
  if (t === '') return ok(undefined);
  return t.length > max ? fail(`the text is longer than ${max} characters`) : ok(t);
}

export function readId(text: string): Read<string> {
  const t = text.trim();
  if (!ID_RE.test(t) || t.length > MAX_ID_LENGTH)
    return fail(`${quote(text)} is not an id (lower-case letters, digits and "-", starting with a letter or digit)`);
  return ok(t);
}

// ---------------------------------------------------------------- ids from names

/** A name as an id: "Knife crime – Café" → "knife-crime-cafe". */
export function slug(name: string, fallback = 'item'): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s || fallback;
}

/** `wanted`, or `wanted-2`, `wanted-3`… whichever is not taken. */
export function freshId(wanted: string, taken: Iterable<string>): string {
  const used = taken instanceof Set ? (taken as Set<string>) : new Set(taken);
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The id for a new item named `name`, unique against `taken`. */
export function idFromName(name: string, taken: Iterable<string>, fallback = 'item'): string {
  return freshId(slug(name, fallback), taken);
}
