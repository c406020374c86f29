// Deleting a stream: the question names what goes with it (scenario changes to it, by
// scenario name) before one undoable edit removes them all.
import type { Plan } from '../../../shared/plan';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { deleteStreamEdit, referenceWords, streamReferences } from '../../logic/stream-edits';
import { applyEdit } from '../../store/actions';
import { useReadOnly } from '../../store/hooks';

export function DeleteStream(props: { plan: Plan; si: number; onDeleted: () => void }) {
  const { plan, si } = props;
  const stream = plan.fundingStreams[si];
  const readOnly = useReadOnly();
  const refs = streamReferences(plan, si);
  const n = stream.allocations.length;
  const allocations = n === 0 ? '' : n === 1 ? ' and its allocation' : ` and its ${n} allocations`;
  return (
    <ConfirmDelete
      name={stream.name}
      ask="Delete stream…"
      readOnly={readOnly}
      testId={`delete-stream-${stream.id}`}
      details={
        <>
          <p className="strong-text">
            Delete “{stream.name}”{allocations}?
          </p>
          {refs.length ? (
            <>
              <p>These refer to it and go with it:</p>
              <ul data-testid={`delete-stream-${stream.id}-refs`}>
                {refs.map((ref) => (
                  <li key={`${ref.scenarioIndex}-${ref.changeIndex}`}>{referenceWords(ref)}</li>
                ))}
              </ul>
            </>
          ) : (
            <p data-testid={`delete-stream-${stream.id}-refs`}>Nothing else in the plan refers to it.</p>
          )}
          <p className="muted small">Undo brings it all back.</p>
        </>
      }
      onDelete={async () => {
        const result = await applyEdit(deleteStreamEdit(plan, si));
        if (result.ok) props.onDeleted();
      }}
    />
  );
}
