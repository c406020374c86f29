// A spreadsheet-like grid of plan rows: columns sort from their headings, arrow keys,
// Home/End and PageUp/PageDown move the active cell, Enter, F2 or typing edits it, and rows
// pasted from a spreadsheet go to `onPaste`. Which rows show is the caller's (filters).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { moveCell, nextSort, sortRows, type SortState } from '../../logic/grid';
import { CellEditor } from './CellEditor';
import type { CellMove, GridColumn } from './columns';

export interface GridProps<Row> {
  readonly label: string;
  readonly testId?: string;
  readonly items: readonly Row[];
  /** Indices into `items` of the rows to show, in plan order (after filters). */
  readonly rows: readonly number[];
  readonly columns: readonly GridColumn<Row>[];
  readonly rowId: (row: Row) => string;
  readonly readOnly: boolean;
  readonly selectedId?: string | null;
  /** The row of the active cell, whenever it changes. */
  readonly onActiveRow?: (index: number) => void;
  /** Tab-separated text pasted while no cell is being edited. */
  readonly onPaste?: (text: string) => void;
}

/**
 * Keeps a row moved to by the keyboard below the sticky headings, however tall they wrap:
 * the scroller's scroll-padding follows the heading row's height.
 */
function headPadding(head: HTMLTableSectionElement | null): (() => void) | void {
  const scroller = head?.closest<HTMLElement>('.grid-scroll');
  if (!head || !scroller) return;
  const observer = new ResizeObserver(() => {
    scroller.style.scrollPaddingTop = `${Math.ceil(head.getBoundingClientRect().height) + 4}px`;
  });
  observer.observe(head);
  return () => observer.disconnect();
}

export function Grid<Row>(props: GridProps<Row>) {
  const { items, columns, readOnly } = props;
  const [sort, setSort] = useState<SortState | null>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ initial: string } | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const rows = useMemo(
    () => sortRows(props.rows, sort, (i, key) => columns.find((c) => c.key === key)?.sort(items[i], i) ?? null),
    [props.rows, sort, columns, items],
  );
  const at = { row: Math.min(active.row, Math.max(0, rows.length - 1)), col: Math.min(active.col, columns.length - 1) };
  const activeIndex = rows[at.row];
  const { onActiveRow } = props;

  useEffect(() => {
    if (activeIndex !== undefined && items[activeIndex] !== undefined) onActiveRow?.(activeIndex);
  }, [activeIndex, items, onActiveRow]);

  function focusActive() {
    requestAnimationFrame(() => table.current?.querySelector<HTMLElement>('td[tabindex="0"]')?.focus());
  }

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    if (editing) return;
    const target = moveCell(at, e.key, rows.length, columns.length, { ctrl: e.ctrlKey || e.metaKey });
    if (target) {
      e.preventDefault();
      setActive(target);
      focusActive();
      return;
    }
    if (readOnly || activeIndex === undefined) return;
    const column = columns[at.col];
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      setEditing({ initial: column.text(items[activeIndex]) });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !column.options) {
      e.preventDefault();
      setEditing({ initial: e.key });
    }
  }

  function done(move: CellMove) {
    setEditing(null);
    if (move) {
      const key = move === 'down' ? 'ArrowDown' : move === 'right' ? 'ArrowRight' : 'ArrowLeft';
      setActive(moveCell(at, key, rows.length, columns.length) ?? at);
    }
    focusActive();
  }

  return (
    <div
      className="grid-scroll"
      onPaste={(e) => {
        if (editing || readOnly || !props.onPaste) return;
        const text = e.clipboardData.getData('text/plain');
        if (text && (text.includes('\t') || text.includes('\n'))) {
          e.preventDefault();
          props.onPaste(text);
        }
      }}
    >
      <table
        ref={table}
        role="grid"
        className="grid"
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        onKeyDown={onKeyDown}
        data-testid={props.testId}
      >
        <thead ref={headPadding}>
          <tr>
            {columns.map((c) => {
              const sorted = sort?.column === c.key ? sort.direction : null;
              return (
                <th
                  key={c.key}
                  scope="col"
                  data-col={c.key}
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, c.key))}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((index, r) => {
            const item = items[index];
            const id = props.rowId(item);
            return (
              // Keyed by plan index, not id: a name that takes the id with it must not remount the cell being edited.
              <tr key={index} aria-selected={id === props.selectedId} data-id={id}>
                {columns.map((c, k) => {
                  const isActive = r === at.row && k === at.col;
                  const isFormulaCell = c.formula?.(item) ?? false;
                  return (
                    <td
                      key={c.key}
                      role="gridcell"
                      tabIndex={isActive ? 0 : -1}
                      className={`${c.numeric ? 'num' : ''}${isActive ? ' active' : ''}`}
                      onClick={() => setActive({ row: r, col: k })}
                      onDoubleClick={() => {
                        if (readOnly) return;
                        setActive({ row: r, col: k });
                        setEditing({ initial: c.text(item) });
                      }}
                      data-col={c.key}
                      title={isFormulaCell ? `Formula: ${c.text(item)}` : undefined}
                    >
                      {isActive && editing ? (
                        <CellEditor column={c} initial={editing.initial} index={index} onDone={(move) => done(move)} />
                      ) : (
                        <>
                          {isFormulaCell ? (
                            <span className="fx" aria-label="formula">
                              ƒ
                            </span>
                          ) : null}
                          {c.show(item, index)}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
