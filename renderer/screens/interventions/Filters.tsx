// The Interventions grid's filters: free text, a choice per field, and whether to show dates.
import { useId } from 'react';
import type { Intervention } from '../../../shared/plan';
import { filterChoices, type FilterField, type Filters } from '../../logic/grid';

const FILTERS: { field: FilterField; label: string }[] = [
  { field: 'system', label: 'System' },
  { field: 'area', label: 'Area' },
  { field: 'category', label: 'Category' },
  { field: 'provider', label: 'Provider' },
];

export interface FilterState {
  readonly filters: Filters;
  readonly search: string;
  readonly showDates: boolean;
}

export function FilterBar(props: {
  items: readonly Intervention[];
  shown: number;
  state: FilterState;
  onChange: (state: FilterState) => void;
}) {
  const { state, items } = props;
  const searchId = useId();
  const set = (patch: Partial<FilterState>) => props.onChange({ ...state, ...patch });
  return (
    <div className="filters" role="group" aria-label="Filters">
      <div className="field inline">
        <label htmlFor={searchId}>Find</label>
        <input
          id={searchId}
          type="search"
          value={state.search}
          onChange={(e) => set({ search: e.target.value })}
          placeholder="Name or provider"
        />
      </div>
      {FILTERS.map((f) => (
        <FilterSelect
          key={f.field}
          label={f.label}
          value={state.filters[f.field] ?? ''}
          choices={filterChoices(items, f.field)}
          onChange={(v) => set({ filters: { ...state.filters, [f.field]: v || undefined } })}
        />
      ))}
      <label className="check plain">
        <input type="checkbox" checked={state.showDates} onChange={(e) => set({ showDates: e.target.checked })} />
        Start and end
      </label>
      <span className="muted small" role="status">
        {props.shown === items.length ? `${items.length} interventions` : `${props.shown} of ${items.length} shown`}
      </span>
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
