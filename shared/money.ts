// Money is integer pence everywhere inside; pounds exist only when reading a file and when
// showing a figure to a person. Shares are exact decimals, never binary floating point.

export type Pence = number;

const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

/** An exact decimal number num / den with den a power of ten (den > 0). */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
  /** Number copies for the fast path when both fit exactly. */
  readonly n: number;
  readonly d: number;
  readonly small: boolean;
}

export function ratio(num: bigint, den: bigint): Ratio {
  const small = num <= 9_007_199_254_740_991n && num >= -9_007_199_254_740_991n && den <= 1_000_000_000_000n;
  return { num, den, n: Number(num), d: Number(den), small };
}

export const ZERO: Ratio = ratio(0n, 1n);
export const ONE: Ratio = ratio(1n, 1n);

/**
 * The exact decimal a person wrote. A JSON number like 0.1 reaches us as the nearest
 * double; its shortest round-trip text ("0.1") is what was written, so we read that.
 */
export function ratioFromNumber(value: number): Ratio {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  return ratioFromDecimal(numberToDecimalText(value));
}

export function ratioFromDecimal(text: string): Ratio {
  const m = DECIMAL_RE.exec(text);
  if (!m) throw new Error(`"${text}" is not a decimal number`);
  const frac = m[3] ?? '';
  const num = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return ratio(num, 10n ** BigInt(frac.length));
}

/** Plain decimal text of a double, expanding exponent notation (1e-7 → "0.0000001"). */
export function numberToDecimalText(value: number | string): string {
  const text = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = m[2] + (m[3] ?? '');
  const exp = Number(m[4]);
  if (exp < 0) return `${m[1]}0.${'0'.repeat(-exp - 1)}${digits}`;
  const pointAt = 1 + exp;
  return (
    m[1] +
    (digits.length <= pointAt ? digits + '0'.repeat(pointAt - digits.length) : `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`)
  );
}

export function compareRatio(a: Ratio, b: Ratio): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** n / d rounded to an integer, ties to even. d > 0. */
export function divRoundHalfEven(n: bigint, d: bigint): bigint {
  let q = n / d;
  let r = n % d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  const twice = 2n * r;
  if (twice > d || (twice === d && q % 2n !== 0n)) q += 1n;
  return q;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** The share of an amount in pence, rounded to whole pence half-to-even. */
export function shareOf(amount: Pence, share: Ratio): Pence {
  if (share.num === 0n || amount === 0) return 0;
  if (share.num === share.den) return amount;
  if (share.small && amount >= 0 && amount * Math.abs(share.n) <= MAX_SAFE) {
    // Exact integer arithmetic in doubles: every intermediate is below 2^53.
    const p = amount * share.n;
    const d = share.d;
    let q = Math.floor(p / d);
    let r = p - q * d;
    if (r < 0) {
      q -= 1;
      r += d;
    } else if (r >= d) {
      q += 1;
      r -= d;
    }
    return 2 * r > d || (2 * r === d && q % 2 !== 0) ? q + 1 : q;
  }
  return Number(divRoundHalfEven(BigInt(amount) * share.num, share.den));
}

/** The pence of month `offset` (0 = April) when P pence are spread over the FY. */
export function monthlyPart(annual: Pence, offset: number): Pence {
  const base = Math.floor(annual / 12);
  return offset < annual - base * 12 ? base + 1 : base;
}

export function monthlySplit(annual: Pence): Pence[] {
  return Array.from({ length: 12 }, (_, i) => monthlyPart(annual, i));
}

/** A pounds figure as written in a plan file (at most 2 decimals) to pence; null if it is not one. */
export function poundsToPence(value: number): Pence | null {
  if (!Number.isFinite(value)) return null;
  const m = DECIMAL_RE.exec(numberToDecimalText(value));
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > 2) return null;
  const pence = Number(m[2]) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(pence)) return null;
  return m[1] && pence !== 0 ? -pence : pence;
}

/**
 * The ceiling of every amount and every total: £1,000,000,000,000 (10^14 pence). Amounts and
 * the plan's totals stay below it, so every sum the engine forms is far inside 2^53 pence and
 * a literal with 2 decimals reads back from its JSON number exactly.
 */
export const MAX_PENCE = 100_000_000_000_000;
export const MAX_POUNDS = MAX_PENCE / 100;

/** The problem with an amount or total of `pence`, or null when it is below the ceiling. */
export function ceilingProblem(pence: Pence, what = 'an amount'): string | null {
  return pence < MAX_PENCE
    ? null
    : `${formatMoney(pence)} is more than Headroom holds (${what} must be below ${formatMoney(MAX_PENCE, { wholePounds: true })})`;
}

/** Decimal text (a formula's result in pounds) to pence, rounded half-to-even. */
export function decimalPoundsToPence(text: string): Pence {
  const r = ratioFromDecimal(text);
  return Number(divRoundHalfEven(r.num * 100n, r.den));
}

/** Pence as a JSON number of pounds with at most 2 decimals (exact: pence / 100 prints shortest). */
export function penceToPounds(pence: Pence): number {
  return pence / 100;
}

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function groupDigits(whole: number): string {
  return GROUPED.format(whole);
}

/** "£1,234.56"; whole pounds print without pence when `wholePounds` is set ("£1,235"). */
export function formatMoney(pence: Pence, opts: { wholePounds?: boolean } = {}): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  if (opts.wholePounds) {
    const pounds = Number(divRoundHalfEven(BigInt(abs), 100n));
    return `${sign}£${groupDigits(pounds)}`;
  }
  const pounds = Math.floor(abs / 100);
  const p = abs - pounds * 100;
  return `${sign}£${groupDigits(pounds)}.${String(p).padStart(2, '0')}`;
}

/** `pence / unit`, rounded half-to-even exactly (no floating-point division). */
function units(pence: Pence, unit: number): number {
  return Number(divRoundHalfEven(BigInt(pence), BigInt(unit)));
}

/** Tenths of a unit as text with at most one decimal: 12 → "1.2", 10 → "1". */
function tenthsText(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** "£1.2m", "£566k", "£980": whole pence in, rounded half-to-even. */
export function formatMoneyShort(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  if (abs >= 99_950_000) return `${sign}£${abs >= 995_000_000 ? units(abs, 100_000_000) : tenthsText(units(abs, 10_000_000))}m`;
  if (abs >= 100_000) return `${sign}£${units(abs, 100_000)}k`;
  return `${sign}£${units(abs, 100)}`;
}

/** A chart axis tick from whole pence: £0, £250k, £1.2m (millions to one decimal, dropped when whole). */
export function formatAxisMoney(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  if (abs >= 100_000_000) return `${sign}£${tenthsText(units(abs, 10_000_000))}m`;
  if (abs >= 100_000) return `${sign}£${units(abs, 100_000)}k`;
  return `${sign}£${units(abs, 100)}`;
}

/**
 * A share as the engine reports it (4 decimals, or a difference of two such) in tenths of a
 * percent, rounded half-to-even on its exact decimal: 0.6185 → 618, 0.6195 → 620, -0.0773 → -77.
 * The shortest text of a float difference (0.07699999999999996) is first taken to the nearest
 * ten-thousandth it stands for.
 */
export function shareTenthsOfPercent(share: number): number {
  const r = ratioFromNumber(share);
  const tenThousandths = divRoundHalfEven(r.num * 10000n, r.den);
  return Number(divRoundHalfEven(tenThousandths, 10n));
}

/** Tenths as text with exactly one decimal, signed when negative: 620 → "62.0", -77 → "-7.7". */
export function tenthsFixed(tenths: number): string {
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${Math.floor(abs / 10)}.${abs % 10}`;
}

/** A share like 0.375 as "37.5%". */
export function formatPercent(value: number | null, digits = 1): string {
  if (value === null) return '–';
  return new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: digits }).format(value);
}
