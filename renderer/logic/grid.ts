// A grid's sorting and moving between cells, and the Interventions grid's filters.
import type { Intervention } from '../../shared/plan';

export type FilterField = 'system' | 'area' | 'category' | 'provider';
export type Filters = Partial<Record<FilterField, string>>;

export interface SortState {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

/** The distinct values of a field, for a filter's choices. */
export function filterChoices(items: readonly Intervention[], field: FilterField): string[] {
  const values = new Set<string>();
  for (const item of items) {
    const v = item[field];
    if (typeof v === 'string' && v !== '') values.add(v);
  }
  return [...values].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export function matchesFilters(item: Intervention, filters: Filters, text = ''): boolean {
  for (const [field, value] of Object.entries(filters) as [FilterField, string | undefined][]) {
    if (value && item[field] !== value) return false;
  }
  const t = text.trim().toLowerCase();
  if (t && !`${item.name} ${item.id} ${item.provider ?? ''}`.toLowerCase().includes(t)) return false;
  return true;
}

/** Row indices in the order of `sort`: `sortKey` gives a row's value for a column; ties keep plan order, empty last. */
export function sortRows(
  rows: readonly number[],
  sort: SortState | null,
  sortKey: (index: number, column: string) => string | number | null,
): number[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortKey(a, sort.column);
    const y = sortKey(b, sort.column);
    if (x === y) return a - b;
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true });
    return order === 0 ? a - b : order * sign;
  });
}

/**
 * Indices into `items` of the rows to show, filtered and sorted. `sortKey` gives a row's
 * value for a column (numbers for money and counts, text otherwise); ties keep plan order.
 */
export function visibleRows(
  items: readonly Intervention[],
  filters: Filters,
  sort: SortState | null,
  sortKey: (index: number, column: string) => string | number | null,
  text = '',
): number[] {
  return sortRows(
    items.map((_, i) => i).filter((i) => matchesFilters(items[i], filters, text)),
    sort,
    sortKey,
  );
}

export function nextSort(current: SortState | null, column: string): SortState | null {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  if (current.direction === 'asc') return { column, direction: 'desc' };
  return null;
}

export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** Where an arrow, Home/End or PageUp/PageDown key moves the active cell; null for other keys. */
export function moveCell(
  at: CellPosition,
  key: string,
  rows: number,
  cols: number,
  opts: { ctrl?: boolean; page?: number } = {},
): CellPosition | null {
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
  const page = opts.page ?? 10;
  switch (key) {
    case 'ArrowUp':
      return { row: clampRow(at.row - 1), col: at.col };
    case 'ArrowDown':
      return { row: clampRow(at.row + 1), col: at.col };
    case 'ArrowLeft':
      return { row: at.row, col: clampCol(at.col - 1) };
    case 'ArrowRight':
      return { row: at.row, col: clampCol(at.col + 1) };
    case 'Home':
      return opts.ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return opts.ctrl ? { row: rows - 1, col: cols - 1 } : { row: at.row, col: cols - 1 };
    case 'PageUp':
      return { row: clampRow(at.row - page), col: at.col };
    case 'PageDown':
      return { row: clampRow(at.row + page), col: at.col };
    default:
      return null;
  }
}
