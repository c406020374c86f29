// Months are integer indices inside (year * 12 + month - 1); "YYYY-MM" only at the edges.
// A UK financial year runs April to March and is labelled by its start year: "2020/21".

export type MonthIndex = number;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;
const FY_RE = /^(\d{4})\/(\d{2})$/;

export function isMonth(text: string): boolean {
  return MONTH_RE.test(text);
}

export function parseMonth(text: string): MonthIndex {
  const m = MONTH_RE.exec(text);
  if (!m) throw new Error(`"${text}" is not a month like "2021-04"`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function formatMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function isDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), Number(m[2]));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The month a date falls in: a confirmation on any day of June makes June known. */
export function monthOfDate(date: string): MonthIndex {
  if (!isDate(date)) throw new Error(`"${date}" is not a date like "2021-06-04"`);
  return parseMonth(date.slice(0, 7));
}

/** An FY is identified by the calendar year in which it starts (April). */
export type FyYear = number;

export function isFyLabel(text: string): boolean {
  const m = FY_RE.exec(text);
  return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

export function parseFy(text: string): FyYear {
  if (!isFyLabel(text)) throw new Error(`"${text}" is not an FY like "2021/22"`);
  return Number(text.slice(0, 4));
}

export function formatFy(year: FyYear): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

export function fyOfMonth(index: MonthIndex): FyYear {
  const year = Math.floor(index / 12);
  return index - year * 12 >= 3 ? year : year - 1;
}

/** April of the FY. */
export function fyStart(year: FyYear): MonthIndex {
  return year * 12 + 3;
}

/** March of the following calendar year. */
export function fyEnd(year: FyYear): MonthIndex {
  return fyStart(year) + 11;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "June 2022", for people. */
export function monthName(index: MonthIndex, short = false): string {
  const year = Math.floor(index / 12);
  const name = MONTH_NAMES[index - year * 12];
  return `${short ? name.slice(0, 3) : name} ${year}`;
}

/** "4 June 2021", for people. */
export function formatDateLong(date: string): string {
  if (!isDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}
