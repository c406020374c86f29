// What a finance-system extract says, read exactly (plan-format.md §10, "Importing actuals:
// the project's choices"): its column headers, its periods and its amounts. Pure and
// dependency-free, so the app's import screen can show and check the same readings as the
// CLI; electron/import/actuals.ts applies them to a whole extract.
import { divRoundHalfEven, MAX_PENCE, type Pence } from './money';
import { fyStart, formatMonth, parseFy } from './months';
import { fail, ok, quote, readFy, readMonth, type Read } from './parse';

// ---------------------------------------------------------------- headers

/** What a column of an extract holds. `fy` is a financial-year column beside a bare period number. */
export type ActualsRole = 'code' | 'period' | 'fy' | 'amount' | 'debit' | 'credit';

/**
 * Recognised headers, each list best first: when two columns could serve a role, the one
 * whose header comes earlier in its list is used (the other is listed as ignored). A cost
 * centre names the service in most ledgers; an account (the natural account: salaries,
 * grants) says what kind of spend it was, so it is the code only when nothing better is there.
 * An accounting period beats a date: a posting dated in April may belong to period 13.
 */
export const ACTUALS_HEADERS: Readonly<Record<ActualsRole, readonly string[]>> = {
  code: [
    'ledger code',
    'ledger codes',
    'intervention',
    'intervention id',
    'service code',
    'cost centre',
    'cost center',
    'cost centre code',
    'cost center code',
    'cost centre id',
    'cost center id',
    'cc',
    'cc code',
    'cost code',
    'project',
    'project code',
    'project number',
    'project id',
    'activity',
    'activity code',
    'code',
    'account',
    'account code',
    'gl code',
    'nominal',
    'nominal code',
  ],
  period: [
    'period',
    'accounting period',
    'gl period',
    'period name',
    'financial period',
    'fiscal period',
    'posting period',
    'accounting month',
    'month',
    'posting date',
    'gl date',
    'accounting date',
    'journal date',
    'transaction date',
    'invoice date',
    'effective date',
    'date',
  ],
  fy: ['financial year', 'fiscal year', 'fy', 'accounting year', 'year'],
  amount: [
    'net amount',
    'actual',
    'actuals',
    'actual amount',
    'actual spend',
    'amount',
    'amount gbp',
    'accounted amount',
    'net accounted amount',
    'base amount',
    'value',
    'net value',
    'net',
    'spend',
  ],
  debit: ['debit', 'debits', 'debit amount', 'dr', 'accounted debit', 'accounted dr'],
  credit: ['credit', 'credits', 'credit amount', 'cr', 'accounted credit', 'accounted cr'],
};

/** A header as compared: lower case, punctuation and "£" dropped, spaces single. */
export function normaliseActualsHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[£$€()[\]*:._\-/?#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const HEADER_RANK = new Map<string, { role: ActualsRole; rank: number }>();
for (const role of Object.keys(ACTUALS_HEADERS) as ActualsRole[])
  ACTUALS_HEADERS[role].forEach((header, rank) => {
    if (!HEADER_RANK.has(header)) HEADER_RANK.set(header, { role, rank });
  });

/** The role a header names and its rank in that role's list (0 = best); null when none. */
export function actualsHeaderRole(text: string): { readonly role: ActualsRole; readonly rank: number } | null {
  return HEADER_RANK.get(normaliseActualsHeader(text)) ?? null;
}

/** A totals line, not a posting: "Total", "Grand total", "Sub-total", "Total for 10450". */
export function isTotalText(text: string): boolean {
  return /\b(?:sub[\s-]?)?totals?\b/i.test(text);
}

// ---------------------------------------------------------------- periods

/** A period read: its month, and whether it was a year-end adjustment period (13 or 14) folded into March. */
export interface PeriodRead {
  readonly month: string;
  readonly adjustment: boolean;
}

const PERIOD_ONLY = /^(?:p|per|period)?\s*\.?\s*0*(\d{1,2})$/i;

/** Period n of an FY (1 = April … 12 = March; 13 and 14 are March's year-end adjustments). */
export function financialPeriodMonth(fy: string, period: number, text: string): Read<PeriodRead> {
  if (!Number.isInteger(period) || period < 1 || period > 14)
    return fail(
      `${quote(text)} is not a period: financial periods run from 1 (April) to 12 (March), with 13 and 14 for year-end adjustments`,
    );
  return ok({ month: formatMonth(fyStart(parseFy(fy)) + Math.min(period, 12) - 1), adjustment: period > 12 });
}

/** "P07 2021/22", "P7 2021/22", "2021/22 P07", "Period 7 2021/22", "P07 FY21/22", "2021/22-07"; null if it is not of that shape. */
function financialPeriod(t: string): Read<PeriodRead> | null {
  const shapes = [
    /^(?:p|per|period)\s*\.?\s*(\d{1,2})\s*[-,/ ]?\s*((?:fy\s*)?\d{2,4}\s*[/–-]\s*\d{2,4})$/i,
    /^((?:fy\s*)?\d{2,4}\s*[/–-]\s*\d{2,4})\s*[-,/ ]?\s*(?:p|per|period)\s*\.?\s*(\d{1,2})$/i,
    /^((?:fy\s*)?\d{4}\s*\/\s*\d{2})\s*-\s*(\d{1,2})$/i,
  ];
  for (const [i, shape] of shapes.entries()) {
    const m = shape.exec(t);
    if (!m) continue;
    const [periodText, fyText] = i === 0 ? [m[1], m[2]] : [m[2], m[1]];
    const fy = readFy(fyText);
    if (!fy.ok) return fail(`${quote(t)} is not a period: ${quote(fyText)} is not a financial year like 2021/22`);
    return financialPeriodMonth(fy.value, Number(periodText), t);
  }
  return null;
}

/**
 * A posting's period, as finance systems write it: "2021-04", "Apr-21", "APR-21",
 * "April 2021", "Apr 2021", a date ("2021-04-15", "15/04/2021" day first, "15-APR-21",
 * with or without a time), or a financial period ("P01 2021/22", period 1 = April).
 * `fy` is the financial year of the row when the extract has a separate year column, so a
 * bare "7" or "P07" can be read.
 */
export function readPeriod(text: string, fy?: string): Read<PeriodRead> {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return fail('the period is empty');
  const bare = PERIOD_ONLY.exec(t);
  if (bare && fy !== undefined) return financialPeriodMonth(fy, Number(bare[1]), t);
  const financial = financialPeriod(t);
  if (financial) return financial;
  // A date with a time ("2021-04-15T00:00:00", "15/04/2021 00:00") is the date.
  const withoutTime = t.replace(/[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i, '');
  const month = readMonth(withoutTime);
  if (month.ok) return ok({ month: month.value, adjustment: false });
  if (bare) return fail(`${quote(text)} is a period number without its financial year; write it as P${bare[1].padStart(2, '0')} 2021/22`);
  if (/^\d{6}$/.test(t))
    return fail(
      `${quote(text)} is not a period Headroom reads (it could be a calendar month or a financial period); write it as 2021-07, Jul-21 or P04 2021/22`,
    );
  return fail(`${quote(text)} is not a period: write it as 2021-04, Apr-21, April 2021, 15/04/2021 or P01 2021/22`);
}

// ---------------------------------------------------------------- amounts

/** An amount read to pence; `rounded` when it had more than 2 decimals and was rounded half-to-even. */
export interface AmountRead {
  readonly pence: Pence;
  readonly rounded: boolean;
}

/**
 * A posting's amount in pounds, negative allowed: "1234.56", "£1,234.56", "-123.45",
 * "(123.45)", "123.45-", "£-5", "123.45 CR" (a credit, negative), "123.45 DR". More than
 * 2 decimals are rounded to the penny half-to-even (exact decimal arithmetic), and said.
 */
export function readActualAmount(text: string): Read<AmountRead> {
  const q = quote(text);
  let t = text.trim().replace(/\u2212/g, '-');
  if (t === '') return fail('the amount is empty');
  let negative = false;
  const flip = () => {
    negative = !negative;
  };
  const suffix = /^(.*?)\s*(cr|dr)\.?$/i.exec(t);
  if (suffix) {
    t = suffix[1];
    if (suffix[2].toLowerCase() === 'cr') flip();
  }
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) {
    t = bracketed[1].trim();
    flip();
  }
  if (t.endsWith('-')) {
    t = t.slice(0, -1).trim();
    flip();
  }
  t = t.replace(/^(-?)\s*(?:£|gbp)\s*/i, '$1').replace(/^(?:£|gbp)\s*-\s*/i, '-');
  if (t.startsWith('-')) {
    t = t.slice(1).trim();
    flip();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  const m = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[1] === '' && !m[2]) || (suffix && bracketed)) {
    const commas = t.includes(',') && /^[\d,]+(\.\d*)?$/.test(t);
    return fail(`${q} is not an amount in pounds${commas ? ' (commas must group thousands)' : ''}`);
  }
  const whole = m[1].replace(/,/g, '');
  const fraction = m[2] ?? '';
  if (whole.length > 15) return fail(`${q} is too large an amount`);
  const scaled = BigInt(whole + fraction || '0');
  const pence = divRoundHalfEven(scaled * 100n, 10n ** BigInt(fraction.length));
  if (pence >= BigInt(MAX_PENCE)) return fail(`${q} is too large an amount`);
  const value = Number(pence);
  return ok({ pence: negative && value !== 0 ? -value : value, rounded: fraction.length > 2 });
}
