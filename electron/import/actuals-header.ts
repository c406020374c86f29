// The header of a finance-system extract and its cells (plan-format.md §10): which row
// holds the column names, which column is the code, period and amount (shared/periods.ts
// ranks the names), and cells as text. Used by actuals.ts.
import { numberToDecimalText } from '../../shared/money';
import { actualsHeaderRole, type ActualsRole } from '../../shared/periods';
import type { Plan } from '../../shared/plan';
import { columnLetter } from './spreadsheet';
import type { RawCell, RawRow, RawSheet } from './worker';

/** Rows searched for the header: finance reports put a title and their parameters above it. */
export const HEADER_SEARCH_ROWS = 20;

export type { ActualsColumn, ActualsHeader } from '../../shared/actuals-import';
import type { ActualsHeader } from '../../shared/actuals-import';

// ---------------------------------------------------------------- codes

/** A code as compared: trimmed, lower case, inner spaces single. */
export const codeKey = (code: string) => code.trim().replace(/\s+/g, ' ').toLowerCase();

/** Each code to the interventions (by index) it names: ledger codes first, then ids. */
export function codeLookup(plan: Plan, extra: ReadonlyMap<number, readonly string[]>): Map<string, number[]> {
  const lookup = new Map<string, number[]>();
  plan.interventions.forEach((item, i) => {
    for (const code of [...(item.ledgerCodes ?? []), ...(extra.get(i) ?? [])]) {
      const owners = lookup.get(codeKey(code)) ?? [];
      if (!owners.includes(i)) owners.push(i);
      lookup.set(codeKey(code), owners);
    }
  });
  plan.interventions.forEach((item, i) => {
    if (!lookup.has(item.id)) lookup.set(item.id, [i]);
  });
  return lookup;
}

// ---------------------------------------------------------------- the header

export interface Header extends ActualsHeader {
  readonly row: number;
  /** Candidate code columns, best-ranked first. */
  readonly codes: readonly number[];
  readonly roles: ReadonlyMap<ActualsRole, number>;
  readonly texts: ReadonlyMap<number, string>;
  readonly notes: string[];
}

/** The first of a sheet's first rows with a code, a period and an amount (or debit and credit) column. */
export function findHeader(sheet: RawSheet): Header | null {
  for (const row of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const texts = new Map<number, string>();
    const best = new Map<ActualsRole, { col: number; rank: number }>();
    const codes: { col: number; rank: number }[] = [];
    for (const cell of row.cells) {
      if (cell.type !== 'text') continue;
      texts.set(cell.col, cell.value.trim());
      const match = actualsHeaderRole(cell.value);
      if (!match) continue;
      if (match.role === 'code') codes.push({ col: cell.col, rank: match.rank });
      const before = best.get(match.role);
      if (!before || match.rank < before.rank) best.set(match.role, { col: cell.col, rank: match.rank });
    }
    const has = (role: ActualsRole) => best.has(role);
    if (!has('code') || !has('period') || !(has('amount') || (has('debit') && has('credit')))) continue;
    const notes: string[] = [];
    const roles = new Map<ActualsRole, number>([...best].map(([role, { col }]) => [role, col]));
    if (has('amount') && (has('debit') || has('credit'))) {
      notes.push(`The amount is read from column ${columnLetter(roles.get('amount')!)}; the debit and credit columns are ignored.`);
      roles.delete('debit');
      roles.delete('credit');
    } else if (!has('amount')) {
      notes.push(
        `The amount is the debit (column ${columnLetter(roles.get('debit')!)}) less the credit (column ${columnLetter(roles.get('credit')!)}).`,
      );
    }
    codes.sort((a, b) => a.rank - b.rank || a.col - b.col);
    const columns = [...texts]
      .sort((a, b) => a[0] - b[0])
      .map(([col, header]) => ({
        column: columnLetter(col),
        header,
        role: ([...roles].find(([, c]) => c === col)?.[0] ?? null) as ActualsRole | null,
      }));
    return { sheet: sheet.name, headerRow: row.row, row: row.row, columns, codes: codes.map((c) => c.col), roles, texts, notes };
  }
  return null;
}

/** Among several code columns, the one whose values most often name a service; ties to the best-ranked. */
export function chooseCodeColumn(header: Header, rows: readonly RawRow[], lookup: ReadonlyMap<string, number[]>): number {
  if (header.codes.length === 1) return header.codes[0];
  const counts = header.codes.map((col) => {
    let n = 0;
    for (const row of rows) {
      const cell = row.cells.find((c) => c.col === col);
      if (cell && lookup.has(codeKey(cellText(cell)))) n++;
    }
    return n;
  });
  const chosen = counts.indexOf(Math.max(...counts));
  const col = header.codes[chosen];
  const others = header.codes.filter((c) => c !== col).map((c) => `column ${columnLetter(c)} '${header.texts.get(c)}'`);
  header.notes.push(
    `The code is read from column ${columnLetter(col)} '${header.texts.get(col)}' (${counts[chosen].toLocaleString('en-GB')} rows name a service); ${others.join(' and ')} ignored.`,
  );
  return col;
}

// ---------------------------------------------------------------- cells

export function cellText(cell: RawCell): string {
  if (cell.type === 'number') return numberToDecimalText(cell.value);
  if (cell.type === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

export const isEmpty = (cell: RawCell | undefined) => cell === undefined || cellText(cell).trim() === '';

/** A cell Headroom cannot read as a value at all, or null. */
export function unreadable(cell: RawCell): string | null {
  if (cell.type === 'formula-without-value')
    return `the formula ${JSON.stringify(cell.value)} has no saved result; open the file in Excel and save it, or paste the values`;
  if (cell.type === 'error') return `the cell holds the error ${cell.value}`;
  return null;
}
