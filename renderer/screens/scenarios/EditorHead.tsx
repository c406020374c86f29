// The scenario's name and id, and duplicating or (after a second press) deleting it.
import type { Plan, Scenario } from '../../../shared/plan';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { IdField } from '../../components/IdField';
import { InlineField } from '../../components/InlineField';
import { refocusIfRenamed } from '../../components/refocus';
import { deleteScenarioEdit, duplicateScenarioEdit, renameScenarioEdit } from '../../logic/scenario-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export function EditorHead(props: { plan: Plan; scenario: Scenario; index: number; onSelect: (id: string | null) => void }) {
  const { plan, scenario, index } = props;
  const readOnly = useReadOnly();
  return (
    <>
      <div className="editor-head">
        <InlineField
          label="Scenario name"
          size="wide"
          value={scenario.name}
          path={['scenarios', index, 'name']}
          read={(t) => (t.trim() ? { ok: true, value: t.trim() } : { ok: false, message: 'A scenario needs a name' })}
          edit={(v) => refocusIfRenamed(renameScenarioEdit(plan, scenario.id, v as string), () => 'scenario-name')}
          testId="scenario-name"
        />
        <div className="button-row">
          <button
            type="button"
            disabled={readOnly}
            onClick={async () => {
              const { edit, id } = duplicateScenarioEdit(plan, scenario.id);
              const result = await applyEdit(edit);
              if (result.ok) props.onSelect(id);
            }}
          >
            Duplicate
          </button>
          <ConfirmDelete
            key={scenario.id}
            name={scenario.name}
            ask="Delete…"
            readOnly={readOnly}
            onDelete={async () => {
              const result = await applyEdit(deleteScenarioEdit(plan, scenario.id));
              if (result.ok) props.onSelect(null);
            }}
          />
        </div>
      </div>
      <div className="editor-id">
        <IdField plan={plan} kind="scenario" index={index} testId={() => 'scenario-id'} />
      </div>
    </>
  );
}
