// The interventions as a grid (renderer/components/grid): filtered here, sorted and edited
// there; the active row is the selected intervention, shown in the detail panel.
import { useCallback, useMemo, useState } from 'react';
import type { Plan } from '../../../shared/plan';
import { Grid } from '../../components/grid/Grid';
import { matchesFilters } from '../../logic/grid';
import type { ResolvedView } from '../../logic/resolved';
import { useReadOnly } from '../../store/hooks';
import { useStore } from '../../store/store';
import { interventionColumns } from './columns';
import { FilterBar, type FilterState } from './Filters';

export function InterventionGrid(props: {
  plan: Plan;
  resolved: ResolvedView | null;
  fyIndex: number;
  fy: string;
  onPaste: (text: string) => void;
}) {
  const { plan } = props;
  const readOnly = useReadOnly();
  const selected = useStore((s) => s.selectedInterventionId);
  const select = useStore((s) => s.selectIntervention);
  const [state, setState] = useState<FilterState>({ filters: {}, search: '', showDates: false });

  const columns = useMemo(
    () => interventionColumns(plan, props.resolved, props.fyIndex, props.fy, state.showDates),
    [plan, props.resolved, props.fyIndex, props.fy, state.showDates],
  );
  const rows = useMemo(
    () => plan.interventions.map((_, i) => i).filter((i) => matchesFilters(plan.interventions[i], state.filters, state.search)),
    [plan.interventions, state.filters, state.search],
  );
  const onActiveRow = useCallback(
    (index: number) => {
      const id = plan.interventions[index]?.id;
      if (id !== undefined && id !== selected) select(id);
    },
    [plan.interventions, select, selected],
  );

  return (
    <div className="grid-wrap">
      <FilterBar items={plan.interventions} shown={rows.length} state={state} onChange={setState} />
      <Grid
        label="Interventions"
        testId="intervention-grid"
        items={plan.interventions}
        rows={rows}
        columns={columns}
        rowId={(item) => item.id}
        readOnly={readOnly}
        selectedId={selected}
        onActiveRow={onActiveRow}
        onPaste={props.onPaste}
      />
      <p className="hint">
        Arrow keys move; Enter or typing edits; Enter saves, Escape cancels. Paste rows copied from a spreadsheet to add them. ƒ marks a
        value worked out from a formula.
      </p>
    </div>
  );
}
