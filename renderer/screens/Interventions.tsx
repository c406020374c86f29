// Interventions: a spreadsheet-like grid (sort, filter, arrow keys, Enter to edit and
// Escape to cancel; formulas show their value; rows pasted from a spreadsheet are checked
// before anything is stored) and a detail panel for the selected intervention.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PlanEdit } from '../../shared/edits';
import { isFormula } from '../../shared/formula';
import type { Intervention, Plan } from '../../shared/plan';
import { parseMonth } from '../../shared/months';
import { Card, Empty, FieldError, ScreenHeader } from '../components/common';
import { InterventionDetail } from '../components/InterventionDetail';
import { PasteDialog } from '../components/PasteDialog';
import { count, fyLabel, money, monthShort } from '../logic/format';
import { filterChoices, moveCell, nextSort, visibleRows, type FilterField, type Filters, type SortState } from '../logic/grid';
import { addInterventionEdit, setAnnualCostEdit, setInterventionFieldEdit, type InterventionField } from '../logic/plan-edits';
import type { ResolvedView } from '../logic/resolved';
import { readAmount, readCategory, readMonth, readNoticeMonths, readText, readWholeNumber, valueText, type Read } from '../logic/values';
import { applyEdit, clearProblems } from '../store/actions';
import { useFieldProblems, usePlan, useReadOnly, useScenario } from '../store/hooks';
import { useStore } from '../store/store';

interface Column {
  key: InterventionField;
  label: string;
  numeric?: boolean;
  /** What the cell shows. */
  show: (item: Intervention, index: number) => string;
  /** Marks a cell whose value comes from a formula. */
  formula?: (item: Intervention) => boolean;
  /** The text an edit starts from. */
  text: (item: Intervention) => string;
  read: (text: string) => Read<unknown>;
  edit: (plan: Plan, index: number, value: unknown) => PlanEdit;
  sort: (item: Intervention, index: number) => string | number | null;
  options?: readonly string[];
  /** Path of the field (for the validator's problems). */
  path: (index: number) => (string | number)[];
}

const optionalText = (t: string) => readText(t);
const optionalMonth = (t: string): Read<string | undefined> => (t.trim() === '' ? { ok: true, value: undefined } : readMonth(t));
const optionalAmount = (t: string): Read<number | string | undefined> => (t.trim() === '' ? { ok: true, value: undefined } : readAmount(t));

function costText(item: Intervention, fy: string): string {
  const c = item.annualCost;
  if (typeof c === 'object') return valueText(c[fy]);
  return valueText(c);
}

function isCostFormula(item: Intervention, fy: string): boolean {
  const c = item.annualCost;
  return isFormula(typeof c === 'object' ? c[fy] : c);
}

function columnsFor(resolved: ResolvedView | null, fyIndex: number, fy: string): Column[] {
  const value = (index: number, field: 'annualCost' | 'noticeMonths' | 'exitCost') => resolved?.interventions[index]?.[field][fyIndex] ?? null;
  const textColumn = (key: 'system' | 'area' | 'provider', label: string): Column => ({
    key, label,
    show: (item) => item[key] ?? '',
    text: (item) => item[key] ?? '',
    read: optionalText,
    edit: (plan, i, v) => setInterventionFieldEdit(plan, i, key, v),
    sort: (item) => item[key] ?? null,
    path: (i) => ['interventions', i, key],
  });
  return [
    {
      key: 'name', label: 'Name',
      show: (item) => item.name, text: (item) => item.name,
      read: (t) => (t.trim() ? readText(t) : { ok: false, message: 'A name is required' }),
      edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'name', v),
      sort: (item) => item.name, path: (i) => ['interventions', i, 'name'],
    },
    {
      key: 'category', label: 'Category',
      show: (item) => (item.category === 'commissioned' ? 'Commissioned' : 'Central'),
      text: (item) => item.category, read: readCategory, options: ['commissioned', 'central'],
      edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'category', v),
      sort: (item) => item.category, path: (i) => ['interventions', i, 'category'],
    },
    textColumn('system', 'System'),
    textColumn('area', 'Area'),
    textColumn('provider', 'Provider'),
    {
      key: 'annualCost', label: `Cost ${fy}`, numeric: true,
      show: (item, i) => {
        const v = value(i, 'annualCost');
        return v === null ? costText(item, fy) : money(v);
      },
      formula: (item) => isCostFormula(item, fy),
      text: (item) => costText(item, fy),
      read: readAmount,
      edit: (plan, i, v) => setAnnualCostEdit(plan, i, fy, v as number | string),
      sort: (_item, i) => value(i, 'annualCost'),
      path: (i) => ['interventions', i, 'annualCost'],
    },
    {
      key: 'priority', label: 'Priority', numeric: true,
      show: (item) => String(item.priority), text: (item) => String(item.priority),
      read: (t) => readWholeNumber(t),
      edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'priority', v),
      sort: (item) => item.priority, path: (i) => ['interventions', i, 'priority'],
    },
    {
      key: 'noticeMonths', label: 'Notice', numeric: true,
      show: (item, i) => {
        const n = value(i, 'noticeMonths');
        return n === null ? valueText(item.noticeMonths ?? 0) : n === 1 ? '1 month' : `${n} months`;
      },
      formula: (item) => isFormula(item.noticeMonths),
      text: (item) => valueText(item.noticeMonths ?? 0),
      read: readNoticeMonths,
      edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'noticeMonths', v),
      sort: (_item, i) => value(i, 'noticeMonths'), path: (i) => ['interventions', i, 'noticeMonths'],
    },
    {
      key: 'exitCost', label: 'Exit cost', numeric: true,
      show: (item, i) => (item.exitCost === undefined ? '' : money(value(i, 'exitCost') ?? 0)),
      formula: (item) => isFormula(item.exitCost),
      text: (item) => valueText(item.exitCost),
      read: optionalAmount,
      edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'exitCost', v),
      sort: (_item, i) => value(i, 'exitCost'), path: (i) => ['interventions', i, 'exitCost'],
    },
    {
      key: 'serviceUsers', label: 'People', numeric: true,
      show: (item) => count(item.serviceUsers ?? 0), text: (item) => String(item.serviceUsers ?? 0),
      read: (t) => (t.trim() === '' ? { ok: true, value: undefined } : readWholeNumber(t, 'a whole number of people')),
      edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'serviceUsers', v),
      sort: (item) => item.serviceUsers ?? 0, path: (i) => ['interventions', i, 'serviceUsers'],
    },
    {
      key: 'start', label: 'Start',
      show: (item) => (item.start ? monthShort(parseMonth(item.start)) : ''), text: (item) => item.start ?? '',
      read: optionalMonth, edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'start', v),
      sort: (item) => item.start ?? null, path: (i) => ['interventions', i, 'start'],
    },
    {
      key: 'end', label: 'End',
      show: (item) => (item.end ? monthShort(parseMonth(item.end)) : ''), text: (item) => item.end ?? '',
      read: optionalMonth, edit: (plan, i, v) => setInterventionFieldEdit(plan, i, 'end', v),
      sort: (item) => item.end ?? null, path: (i) => ['interventions', i, 'end'],
    },
  ];
}

const FILTERS: { field: FilterField; label: string }[] = [
  { field: 'system', label: 'System' },
  { field: 'area', label: 'Area' },
  { field: 'category', label: 'Category' },
  { field: 'provider', label: 'Provider' },
];

function CellEditor(props: { column: Column; initial: string; path: (string | number)[]; onDone: (move: 'down' | 'right' | 'left' | null, cancelled: boolean) => void; plan: Plan; index: number }) {
  const { column } = props;
  const [text, setText] = useState(props.initial);
  const [localError, setLocalError] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const busy = useRef(false);
  const problems = useFieldProblems(props.path);
  const errorId = useId();
  const messages = localError ? [localError] : refused !== null ? problems.map((p) => p.message) : [];

  async function commit(move: 'down' | 'right' | 'left' | null) {
    if (busy.current) return;
    const read = column.read(text);
    if (!read.ok) {
      setLocalError(read.message);
      return;
    }
    const edit = column.edit(props.plan, props.index, read.value);
    if (edit.ops.length === 0) {
      props.onDone(move, false);
      return;
    }
    if (refused === text) return;
    busy.current = true;
    const result = await applyEdit(edit);
    busy.current = false;
    if (result.ok) props.onDone(move, false);
    else setRefused(text);
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit('down');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      clearProblems();
      props.onDone(null, true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void commit(e.shiftKey ? 'left' : 'right');
    }
  };
  const common = {
    autoFocus: true,
    'aria-label': `${column.label}, editing`,
    'aria-invalid': messages.length ? true : undefined,
    'aria-describedby': messages.length ? errorId : undefined,
    onKeyDown,
    'data-testid': 'cell-editor',
  } as const;
  return (
    <div className="cell-editor">
      {column.options ? (
        <select {...common} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => void commit(null)}>
          {column.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          className={column.numeric ? 'num' : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setLocalError(null);
            setRefused(null);
          }}
          onBlur={() => void commit(null)}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
      <FieldError id={errorId} messages={messages} />
    </div>
  );
}

function Grid(props: { plan: Plan; resolved: ResolvedView | null; fyIndex: number; fy: string; onPaste: (text: string) => void }) {
  const { plan } = props;
  const readOnly = useReadOnly();
  const selected = useStore((s) => s.selectedInterventionId);
  const select = useStore((s) => s.selectIntervention);
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<SortState | null>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ initial: string } | null>(null);
  const [showDates, setShowDates] = useState(false);
  const table = useRef<HTMLTableElement>(null);
  const searchId = useId();

  const columns = useMemo(
    () => columnsFor(props.resolved, props.fyIndex, props.fy).filter((c) => showDates || (c.key !== 'start' && c.key !== 'end')),
    [props.resolved, props.fyIndex, props.fy, showDates],
  );
  const rows = useMemo(
    () => visibleRows(plan.interventions, filters, sort, (i, key) => columns.find((c) => c.key === key)!.sort(plan.interventions[i], i), search),
    [plan.interventions, filters, sort, columns, search],
  );
  const at = { row: Math.min(active.row, Math.max(0, rows.length - 1)), col: Math.min(active.col, columns.length - 1) };
  const activeIndex = rows[at.row];

  useEffect(() => {
    if (activeIndex !== undefined && plan.interventions[activeIndex]) {
      const id = plan.interventions[activeIndex].id;
      if (id !== selected) select(id);
    }
  }, [activeIndex, plan.interventions, select, selected]);

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
    const item = plan.interventions[activeIndex];
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      setEditing({ initial: column.text(item) });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && !column.options) {
      e.preventDefault();
      setEditing({ initial: e.key });
    }
  }

  function done(move: 'down' | 'right' | 'left' | null) {
    setEditing(null);
    if (move) {
      const key = move === 'down' ? 'ArrowDown' : move === 'right' ? 'ArrowRight' : 'ArrowLeft';
      setActive(moveCell(at, key, rows.length, columns.length) ?? at);
    }
    focusActive();
  }

  const setFilter = (field: FilterField, value: string) => setFilters({ ...filters, [field]: value || undefined });

  return (
    <div className="grid-wrap">
      <div className="filters" role="group" aria-label="Filters">
        <div className="field inline">
          <label htmlFor={searchId}>Find</label>
          <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or provider" />
        </div>
        {FILTERS.map((f) => (
          <FilterSelect
            key={f.field}
            label={f.label}
            value={filters[f.field] ?? ''}
            choices={filterChoices(plan.interventions, f.field)}
            onChange={(v) => setFilter(f.field, v)}
          />
        ))}
        <label className="check plain">
          <input type="checkbox" checked={showDates} onChange={(e) => setShowDates(e.target.checked)} />
          Start and end
        </label>
        <span className="muted small" role="status">
          {rows.length === plan.interventions.length ? `${plan.interventions.length} interventions` : `${rows.length} of ${plan.interventions.length} shown`}
        </span>
      </div>
      <div
        className="grid-scroll"
        onPaste={(e) => {
          if (editing || readOnly) return;
          const text = e.clipboardData.getData('text/plain');
          if (text && (text.includes('\t') || text.includes('\n'))) {
            e.preventDefault();
            props.onPaste(text);
          }
        }}
      >
        <table ref={table} role="grid" className="grid" aria-label="Interventions" aria-rowcount={rows.length + 1} onKeyDown={onKeyDown} data-testid="intervention-grid">
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = sort?.column === c.key ? sort.direction : null;
                return (
                  <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
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
              const item = plan.interventions[index];
              return (
                <tr key={item.id} aria-selected={item.id === selected} data-id={item.id}>
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
                          if (!readOnly) {
                            setActive({ row: r, col: k });
                            setEditing({ initial: c.text(item) });
                          }
                        }}
                        data-col={c.key}
                        title={isFormulaCell ? `Formula: ${c.text(item)}` : undefined}
                      >
                        {isActive && editing ? (
                          <CellEditor column={c} initial={editing.initial} path={c.path(index)} plan={plan} index={index} onDone={(move) => done(move)} />
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
      <p className="hint">
        Arrow keys move; Enter or typing edits; Enter saves, Escape cancels. Paste rows copied from a spreadsheet to add them. ƒ marks a value worked out
        from a formula.
      </p>
    </div>
  );
}

function FilterSelect(props: { label: string; value: string; choices: readonly string[]; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field inline">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">All</option>
        {props.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Interventions() {
  const plan = usePlan();
  const readOnly = useReadOnly();
  const { resolved, result } = useScenario('base');
  const [fyIndex, setFyIndex] = useState(1);
  const [paste, setPaste] = useState<{ text: string } | null>(null);
  const [note, setNote] = useState('');
  const fyId = useId();
  const selected = useStore((s) => s.selectedInterventionId);
  const select = useStore((s) => s.selectIntervention);
  if (!plan) return null;
  const fys = resolved?.fys ?? [];
  const safeFy = Math.min(fyIndex, Math.max(0, fys.length - 1));
  const fy = fys.length ? fyLabel(fys[safeFy]) : '';
  const selectedIndex = plan.interventions.findIndex((i) => i.id === selected);

  return (
    <div className="screen" data-testid="screen-interventions">
      <ScreenHeader title="Interventions" lede="The services and capability the funding pays for: what each costs, how much notice it needs, and who it supports.">
        <div className="field inline">
          <label htmlFor={fyId}>Costs for</label>
          <select id={fyId} value={safeFy} onChange={(e) => setFyIndex(Number(e.target.value))}>
            {fys.map((y, i) => (
              <option key={y} value={i}>
                {fyLabel(y)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={readOnly} onClick={() => setPaste({ text: '' })} data-testid="open-paste">
          Paste rows…
        </button>
        <button
          type="button"
          disabled={readOnly}
          onClick={async () => {
            const { edit, id } = addInterventionEdit(plan);
            const r = await applyEdit(edit);
            if (r.ok) select(id);
          }}
        >
          + Add intervention
        </button>
      </ScreenHeader>
      <span className="visually-hidden" role="status" aria-live="polite">
        {note}
      </span>
      {fys.length === 0 ? (
        <Empty>Working out the costs…</Empty>
      ) : (
        <div className="interventions-layout">
          <Card className="grid-card">
            <Grid plan={plan} resolved={resolved} fyIndex={safeFy} fy={fy} onPaste={(text) => setPaste({ text })} />
          </Card>
          {selectedIndex >= 0 ? (
            <InterventionDetail plan={plan} index={selectedIndex} result={result?.interventions[selectedIndex] ?? null} horizonStart={result?.horizonStart ?? parseMonth(plan.horizon.start)} />
          ) : null}
        </div>
      )}
      <PasteDialog
        plan={plan}
        open={paste !== null}
        initialText={paste?.text ?? ''}
        onClose={(added) => {
          setPaste(null);
          if (added) setNote(`${added} interventions added`);
        }}
      />
    </div>
  );
}

