// How figures read for people (en-GB), in one place for the app, the CLI and the exports:
// money in full (£1,234.56), in whole pounds (£1,235) or short (£1.2m, £566k), months,
// FYs, dates, shares and points, counts, axis ticks, comparison values and problem paths.
// Money arrives in integer pence; nothing here is ever summed (display only).
import { BEFORE_TIMES } from './history-csv';
import { formatDateLong, formatFy, formatMonth, monthName, type FyYear, type MonthIndex } from './months';
import {
  decimalPoundsToPence,
  formatAxisMoney,
  formatMoney,
  formatMoneyShort,
  formatPercent,
  numberToDecimalText,
  type Pence,
} from './money';

// ---------------------------------------------------------------- money

/** "£1,234.56": exact to the penny, for tables that are checked against a ledger. */
export const moneyFull = (pence: Pence) => formatMoney(pence);
/** "£1,235": whole pounds (half-even), for screens and sentences. */
export const moneyWhole = (pence: Pence) => formatMoney(pence, { wholePounds: true });
/** "£1.2m", "£566k", "£950": where space is short. */
export const moneyShort = (pence: Pence) => formatMoneyShort(pence);

// ---------------------------------------------------------------- months, FYs and dates

/** "2021/22". */
export const fyText = (fy: FyYear) => formatFy(fy);
/** "June 2021". */
export const monthLong = (m: MonthIndex) => monthName(m);
/** "Jun 2021". */
export const monthShort = (m: MonthIndex) => monthName(m, true);
/** "2021-06": the plan file's own spelling, for machine-readable cells. */
export const monthCode = (m: MonthIndex) => formatMonth(m);
/** "4 June 2021" from the plan's "2021-06-04". */
export const dateLong = (date: string) => formatDateLong(date);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "4 May 2026": a day of the local calendar (an export's date) as a person writes it. */
export function calendarDateText(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A moment (an ISO 8601 time, such as when a snapshot was taken) in the local calendar and
 * 24-hour clock: "3 February 2027, 10:15", or in a sentence "3 February 2027 at 10:15".
 * Text that is not a time is given back as it is.
 */
export function momentText(iso: string, style: 'list' | 'sentence' = 'list'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
  return `${calendarDateText(date)}${style === 'list' ? ', ' : ' at '}${time}`;
}

/** A stored command's time in words; commands stored before the file kept times have none. */
export const storedAtText = (iso: string | null) => (iso === null ? BEFORE_TIMES : momentText(iso));

// ---------------------------------------------------------------- counts, shares and points

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** "1,234". */
export const count = (n: number) => COUNT.format(n);

/** "1 service", "3 services". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A share such as 0.375 as "37.5%"; "–" for none. */
export const percent = (share: number | null, digits = 1) => formatPercent(share, digits);

/** A change of share in percentage points: 0.0123 as "1.23 pts" (unsigned). */
export function points(change: number, digits = 2): string {
  return formatPercent(change, digits).replace('%', ' pts');
}

// ---------------------------------------------------------------- axis ticks

/** A chart axis tick in short money, from pounds (a tick's value, read exactly as decimal text): £0, £250k, £1.2m. */
export function axisMoney(pounds: number): string {
  return formatAxisMoney(decimalPoundsToPence(numberToDecimalText(pounds)));
}

/** A round step of 1, 2, 2.5, 5 or 10 × 10^k giving about `ticks` steps up to `max`. */
export function niceStep(max: number, ticks: number): number {
  const raw = Math.max(max, 1) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Round axis ticks from 0 to at least `max`: steps of 1, 2, 2.5 or 5 × 10^k. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / (count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let t = 0; t < max + step * 0.999; t += step) ticks.push(Math.round(t * 100) / 100);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

// ---------------------------------------------------------------- comparison values

/** What a comparison row measures (plan-format.md §8). */
export type MeasureKind = 'money' | 'count' | 'share' | 'flag';

/**
 * A comparison value. `exact` (CLI, briefing tables): £1,234.56, 48.46%, yes/no. `rounded`
 * (the app's tables): £1,235, 48.5%, Yes/No.
 */
export function measureText(kind: MeasureKind, value: number | null, style: 'exact' | 'rounded' = 'exact'): string {
  if (value === null) return '–';
  const exact = style === 'exact';
  switch (kind) {
    case 'money':
      return exact ? moneyFull(value) : moneyWhole(value);
    case 'share':
      return percent(value, exact ? 2 : 1);
    case 'flag':
      return exact ? (value ? 'yes' : 'no') : value ? 'Yes' : 'No';
    default:
      return count(value);
  }
}

/**
 * A difference from the first scenario. `exact`: +£12.34 / -£12.34, +1.23%, same/differs.
 * `rounded`: +£12 / −£12, +1.23 pts, now yes/now no, "no change" for none; "" when missing.
 */
export function differenceText(kind: MeasureKind, value: number | null, style: 'exact' | 'rounded' = 'exact'): string {
  if (style === 'exact') {
    if (value === null) return '–';
    if (kind === 'flag') return value === 0 ? 'same' : 'differs';
    return (value > 0 ? '+' : '') + measureText(kind, value, 'exact');
  }
  if (value === null) return '';
  if (value === 0) return 'no change';
  const sign = value > 0 ? '+' : '−';
  const abs = Math.abs(value);
  if (kind === 'money') return `${sign}${moneyWhole(abs)}`;
  if (kind === 'share') return `${sign}${points(abs)}`;
  if (kind === 'flag') return value > 0 ? 'now yes' : 'now no';
  return `${sign}${count(abs)}`;
}

/** A comparison value as the CLI and the briefing print it: exact; differences signed. */
export function formatComparisonValue(row: { readonly kind: MeasureKind }, value: number | null, signed = false): string {
  return signed ? differenceText(row.kind, value, 'exact') : measureText(row.kind, value, 'exact');
}

// ---------------------------------------------------------------- problems

/** `interventions[3].annualCost: unknown name "fte"`, as the CLI and the app show it. */
export { formatProblem } from './problem';
