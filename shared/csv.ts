// The one CSV writer (RFC 4180): cells quoted only when they must be, CRLF after every
// row, and text that a spreadsheet would run as a formula defused (CWE-1236;
// electron/reliability.md: safe exports). Money goes in as "1234.56" from csvMoney.
import type { Pence } from './money';

export type CsvCell = string | number | null;

const RISKY_START = /^[=+\-@\t\r\0]/;
// A plain number is data, never a formula, even with a leading minus.
const NUMERIC = /^-?\d+(\.\d+)?(e-?\d+)?$/;

/** A text cell as a spreadsheet should show it, never run it. */
export function safeText(text: string): string {
  return RISKY_START.test(text) ? `'${text}` : text;
}

/** Pence as "1234.56" (exact; no floating point formatting). */
export function csvMoney(pence: Pence): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100);
  return `${sign}${pounds}.${String(abs - pounds * 100).padStart(2, '0')}`;
}

/** One cell: empty for null, numbers as written, text defused and quoted where needed. */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const text = String(value);
  const safe = NUMERIC.test(text) ? text : safeText(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV text, each row ended by CRLF. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
