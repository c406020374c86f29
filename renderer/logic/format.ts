// How figures read on screen (en-GB): £1,234,567 in tables, £1.2m where space is short,
// 2021/22 for FYs, "June 2021" for months and "4 June 2021" for dates.
import type { InterventionResult } from '../../shared/engine';
import type { MeasureKind } from '../../shared/compare';
import { formatFy, formatDateLong, monthName, type MonthIndex } from '../../shared/months';
import { formatMoney, formatMoneyShort, formatPercent } from '../../shared/money';

export const money = (pence: number) => formatMoney(pence, { wholePounds: true });
export const moneyExact = (pence: number) => formatMoney(pence);
export const moneyShort = (pence: number) => formatMoneyShort(pence);
export const fyLabel = (fy: number) => formatFy(fy);
export const monthLong = (m: MonthIndex) => monthName(m);
export const monthShort = (m: MonthIndex) => monthName(m, true);
export const dateLong = (date: string) => formatDateLong(date);
export const percent = (share: number | null, digits = 1) => formatPercent(share, digits);

const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
export const count = (n: number) => COUNT.format(n);

/** "1 service", "3 services". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A difference from the first scenario: "+£12,345", "−£12,345", "no change". */
export function difference(value: number | null, kind: MeasureKind): string {
  if (value === null) return '';
  if (value === 0) return 'no change';
  const sign = value > 0 ? '+' : '−';
  const abs = Math.abs(value);
  if (kind === 'money') return `${sign}${money(abs)}`;
  if (kind === 'share') return `${sign}${formatPercent(abs, 2)} pts`.replace('% pts', ' pts');
  if (kind === 'flag') return value > 0 ? 'now yes' : 'now no';
  return `${sign}${count(abs)}`;
}

/** A comparison value: money, count, share or yes/no. */
export function measure(value: number | null, kind: MeasureKind): string {
  if (value === null) return '–';
  if (kind === 'money') return money(value);
  if (kind === 'share') return formatPercent(value, 1);
  if (kind === 'flag') return value ? 'Yes' : 'No';
  return count(value);
}

/** "Closes after June 2021", "Handed over from October 2021", "Continues", "Ended". */
export function outcomeText(r: InterventionResult): string {
  if (r.outcome === 'closes') return `Closes after ${monthName(r.lastMonth!)}`;
  if (r.outcome === 'transitions') return `Handed over from ${monthName(r.handoverMonth!)}`;
  if (r.outcome === 'ended') return 'Ended as planned';
  return 'Continues';
}

/** Short form for narrow columns: "Closes after Jun 2021", "Handed over Oct 2021". */
export function outcomeShort(r: InterventionResult): string {
  if (r.outcome === 'closes') return `Closes after ${monthName(r.lastMonth!, true)}`;
  if (r.outcome === 'transitions') return `Handed over ${monthName(r.handoverMonth!, true)}`;
  if (r.outcome === 'ended') return 'Ended as planned';
  return 'Continues';
}

/** The comparison's compact outcome ("closes 2021-06") in words. */
export function outcomeCell(label: string): string {
  const m = /^(closes|transitions) (\d{4})-(\d{2})$/.exec(label);
  if (!m) return label === 'continues' ? 'Continues' : label === 'ended' ? 'Ended' : label;
  const month = Number(m[2]) * 12 + Number(m[3]) - 1;
  return m[1] === 'closes' ? `Closes after ${monthName(month, true)}` : `Handed over ${monthName(month, true)}`;
}

export function stanceText(stance: string): string {
  return stance === 'prudent' ? 'Serve notice where unconfirmed' : 'Wait for confirmation';
}
